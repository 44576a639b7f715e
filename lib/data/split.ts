/**
 * Train/test splits of row indices, optionally stratified by class.
 *
 * @module
 */

import { permutation, seededRandom } from "../stats/random.ts";

/** Options for {@linkcode trainTestSplit}. */
export interface TrainTestSplitOptions {
  /**
   * Share of rows in the test set when in (0, 1) (the count is `ceil(testSize * n)`, as in
   * scikit-learn), or the number of test rows when an integer >= 1 (so `1` means one row, not
   * everything).
   * @default {0.2}
   */
  testSize?: number;
  /**
   * Seed of the {@linkcode seededRandom} source that shuffles the rows.
   * @default {42}
   */
  seed?: number;
  /**
   * Class label of each row; when given, each class keeps its share in both sets.
   * @default undefined (a plain shuffled split, classes not balanced)
   */
  stratify?: ArrayLike<number>;
}

/** Row indices of the two sets, each sorted ascending. */
export interface TrainTestSplit {
  /** Indices of the training rows, ascending. */
  train: Uint32Array;
  /** Indices of the test rows, ascending. */
  test: Uint32Array;
}

/**
 * Splits row indices 0..n-1 into a training and a test set, reproducibly for a given seed.
 *
 * Without `stratify`, the rows are shuffled (Fisher–Yates with mulberry32 seeded by `seed`) and the
 * first `nTest` go to the test set. With `stratify`, the test count of each class is its share of
 * `nTest` rounded by the largest-remainder method (ties to the class seen first), never taking a
 * class's last training row, and each class is shuffled separately; so class proportions in both
 * sets match the whole to within one row per class. Like scikit-learn's `train_test_split`, it
 * needs at least two rows per class and at least one row per class in each set when stratified.
 *
 * It does NOT reproduce scikit-learn's choice of rows for the same seed (different generator);
 * to compare with scikit-learn, pass it these indices (see `scripts/export_split.ts`).
 *
 * Cost: O(n) time and memory.
 *
 * @param n Number of rows.
 * @param options See {@linkcode TrainTestSplitOptions}.
 * @returns Sorted `train` and `test` indices that together cover 0..n-1 exactly once.
 * @throws {RangeError} When `n` is not an integer >= 2, `testSize` leaves either set empty, a
 * stratify label is not finite, a class has fewer than two rows, or there are more classes than
 * rows in either set.
 * @throws {TypeError} When `stratify` does not have `n` labels.
 * @example
 * ```ts
 * import { trainTestSplit } from "./split.ts";
 * const labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
 * const { train, test } = trainTestSplit(10, { testSize: 0.4, seed: 1, stratify: labels });
 * if (train.length !== 6 || test.length !== 4) throw new Error("wrong sizes");
 * const testOnes = [...test].filter((i) => labels[i] === 1).length;
 * if (testOnes !== 2) throw new Error("not stratified");
 * ```
 */
export function trainTestSplit(n: number, options: TrainTestSplitOptions = {}): TrainTestSplit {
  const { testSize = 0.2, seed = 42, stratify } = options;
  if (!Number.isInteger(n) || n < 2) {
    throw new RangeError(`Cannot split rows: n must be an integer >= 2, got ${n}`);
  }
  const nTest = _testCount(n, testSize);
  const random = seededRandom(seed);
  const isTest = new Uint8Array(n);
  if (stratify === undefined) {
    const order = permutation(n, random);
    for (let i = 0; i < nTest; i++) isTest[order[i]!] = 1;
  } else {
    const groups = _groupRows(n, stratify);
    const counts = _allocate(groups.map((g) => g.length), n, nTest);
    groups.forEach((rows, g) => {
      const order = permutation(rows.length, random);
      for (let i = 0; i < counts[g]!; i++) isTest[rows[order[i]!]!] = 1;
    });
  }
  const train = new Uint32Array(n - nTest);
  const test = new Uint32Array(nTest);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (isTest[i]) test[b++] = i;
    else train[a++] = i;
  }
  return { train, test };
}

function _testCount(n: number, testSize: number): number {
  let nTest: number;
  if (typeof testSize === "number" && testSize > 0 && testSize < 1) {
    // The tolerance keeps 0.1 * 30 = 3.0000000000000004 at 3 rows.
    nTest = Math.ceil(testSize * n - 1e-9);
  } else if (Number.isInteger(testSize) && testSize >= 1) {
    nTest = testSize;
  } else {
    throw new RangeError(
      `Cannot split rows: testSize must be in (0, 1) or an integer >= 1, got ${testSize}`,
    );
  }
  if (nTest < 1 || nTest > n - 1) {
    throw new RangeError(
      `Cannot split ${n} rows: testSize ${testSize} gives ${nTest} test rows, need 1 to ${n - 1}`,
    );
  }
  return nTest;
}

function _groupRows(n: number, labels: ArrayLike<number>): number[][] {
  if (labels === null || typeof labels !== "object" || labels.length !== n) {
    throw new TypeError(
      `Cannot stratify: expected ${n} labels, got ${(labels as { length?: number })?.length}`,
    );
  }
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (typeof label !== "number" || !Number.isFinite(label)) {
      throw new RangeError(
        `Cannot stratify: label in row ${i} is not a finite number, got ${label}`,
      );
    }
    const rows = byLabel.get(label);
    if (rows) rows.push(i);
    else byLabel.set(label, [i]);
  }
  for (const [label, rows] of byLabel) {
    if (rows.length < 2) {
      throw new RangeError(
        `Cannot stratify: class ${label} has ${rows.length} row, need at least 2`,
      );
    }
  }
  return [...byLabel.values()];
}

/** Largest-remainder allocation of `nTest` over classes, keeping one training row per class. */
function _allocate(sizes: number[], n: number, nTest: number): number[] {
  const k = sizes.length;
  if (nTest < k || n - nTest < k) {
    throw new RangeError(
      `Cannot stratify ${k} classes into ${n - nTest} training and ${nTest} test rows: ` +
        `each set needs at least one row per class`,
    );
  }
  const exact = sizes.map((s) => (s * nTest) / n);
  const counts = exact.map((e, g) => Math.min(Math.max(Math.floor(e), 1), sizes[g]! - 1));
  let left = nTest - counts.reduce((a, b) => a + b, 0);
  const order = [...sizes.keys()].sort((a, b) =>
    (exact[b]! - counts[b]!) - (exact[a]! - counts[a]!)
  );
  // Hand out (or take back) rows one at a time by largest remainder until the total is nTest.
  while (left !== 0) {
    let moved = false;
    for (const g of left > 0 ? order : [...order].reverse()) {
      if (left > 0 && counts[g]! < sizes[g]! - 1) {
        counts[g]!++;
        left--;
        moved = true;
      } else if (left < 0 && counts[g]! > 1) {
        counts[g]!--;
        left++;
        moved = true;
      }
      if (left === 0) break;
    }
    if (!moved) break;
  }
  return counts;
}
