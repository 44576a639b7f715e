/**
 * scikit-learn's `train_test_split` row choice, reproduced exactly for a given `random_state`.
 *
 * @module
 */

import { mt19937 } from "../stats/mt19937.ts";

/**
 * Options for {@linkcode sklearnTrainTestSplit}, named after `train_test_split`'s arguments.
 *
 * JavaScript has one number type, so a size in (0, 1) is a share (a Python float) and an integer
 * >= 1 is a row count (a Python int): `1` means one row, where Python's `1.0` is an error.
 */
export interface SklearnTrainTestSplitOptions {
  /**
   * Share of rows in the test set (`ceil(testSize * n)` rows, in floating point exactly as
   * Python computes it), or the number of test rows.
   * @default {0.25} when `trainSize` is also absent (scikit-learn's default), else `n - nTrain`
   */
  testSize?: number;
  /**
   * Share of rows in the training set (`floor(trainSize * n)` rows), or the number of training
   * rows; rows in neither set are left out, as in scikit-learn.
   * @default {undefined} (`n - nTest`)
   */
  trainSize?: number;
  /**
   * The `random_state` integer, in [0, 2^32 − 1]. Required when shuffling: scikit-learn's
   * default `None` draws a fresh seed, which would not be reproducible.
   * @default {undefined} (allowed only with `shuffle: false`)
   */
  randomState?: number;
  /**
   * Shuffle before splitting. With `false` the first `nTrain` rows train and the next `nTest`
   * rows test, and `randomState` is ignored.
   * @default {true}
   */
  shuffle?: boolean;
}

/** Row indices of the two sets, in scikit-learn's order (the order of `X_train` / `X_test`). */
export interface SklearnTrainTestSplit {
  /** Indices of the training rows (`X_train = X[train]`). */
  train: Uint32Array;
  /** Indices of the test rows (`X_test = X[test]`). */
  test: Uint32Array;
}

/**
 * Chooses the same training and test rows as scikit-learn's
 * `train_test_split(X, y, test_size=…, train_size=…, random_state=…, shuffle=…)` (no
 * `stratify`) on `n` rows, in the same order. It follows scikit-learn 1.2's `ShuffleSplit`:
 * `permutation = np.random.RandomState(random_state).permutation(n)`, the test rows are
 * `permutation[:nTest]` and the training rows `permutation[nTest:nTest + nTrain]`; the sizes and
 * their checks follow `_validate_shuffle_split`. The permutation comes from {@linkcode mt19937},
 * numpy's legacy generator. Golden-tested against Debian's scikit-learn 1.2.1 and numpy 1.24
 * for several seeds and sizes (`test/golden/sklearn_split_golden.py`).
 *
 * Use it to start from the exact rows of a Python example (`test_size=0.2, random_state=42`);
 * for Vigil's own stratified split see `trainTestSplit` in `./split.ts`. Cost O(n).
 *
 * @param n Number of rows (`len(X)`).
 * @param options See {@linkcode SklearnTrainTestSplitOptions}.
 * @returns The `train` and `test` row indices, in scikit-learn's order.
 * @throws {RangeError} When `n` is not a positive integer; a size is not in (0, 1) or an integer
 * in [1, n − 1]; the two shares add up to more than 1 or the two counts to more than `n`; either
 * set would be empty; or `randomState` is not an integer in [0, 2^32 − 1].
 * @throws {TypeError} When shuffling without a `randomState`.
 * @example
 * ```ts
 * import { sklearnTrainTestSplit } from "./mod.ts";
 * // train_test_split(np.arange(10), test_size=0.2, random_state=42) -> train [5 0 7 2 9 4 3 6],
 * // test [8 1]
 * const { train, test } = sklearnTrainTestSplit(10, { testSize: 0.2, randomState: 42 });
 * if (test.join() !== "8,1" || train.join() !== "5,0,7,2,9,4,3,6") throw new Error("not sklearn's");
 * ```
 */
export function sklearnTrainTestSplit(
  n: number,
  options: SklearnTrainTestSplitOptions = {},
): SklearnTrainTestSplit {
  const { trainSize, randomState, shuffle = true } = options;
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Cannot split rows: n must be a positive integer, got ${n}`);
  }
  const testSize = options.testSize ?? (trainSize === undefined ? 0.25 : undefined);
  const testKind = _sizeKind(testSize, "testSize", n);
  const trainKind = _sizeKind(trainSize, "trainSize", n);
  if (testKind === "share" && trainKind === "share" && trainSize! + testSize! > 1) {
    throw new RangeError(
      `Cannot split ${n} rows: testSize ${testSize} and trainSize ${trainSize} add up to ` +
        `${trainSize! + testSize!}, more than 1`,
    );
  }
  let nTest = testKind === "share" ? Math.ceil(testSize! * n) : testSize;
  let nTrain = trainKind === "share" ? Math.floor(trainSize! * n) : trainSize;
  if (nTrain === undefined) nTrain = n - nTest!;
  else if (nTest === undefined) nTest = n - nTrain;
  if (nTrain + nTest! > n) {
    throw new RangeError(
      `Cannot split ${n} rows: ${nTrain} training and ${nTest} test rows add up to more than ${n}`,
    );
  }
  if (nTrain === 0 || nTest === 0) {
    throw new RangeError(
      `Cannot split ${n} rows: testSize ${testSize} and trainSize ${trainSize} leave the ` +
        `${nTrain === 0 ? "training" : "test"} set empty`,
    );
  }
  if (!shuffle) {
    const train = new Uint32Array(nTrain);
    const test = new Uint32Array(nTest!);
    for (let i = 0; i < nTrain; i++) train[i] = i;
    for (let i = 0; i < nTest!; i++) test[i] = nTrain + i;
    return { train, test };
  }
  if (randomState === undefined) {
    throw new TypeError(
      `Cannot split rows reproducibly: randomState is required when shuffle is true`,
    );
  }
  const order = mt19937(randomState).permutation(n);
  return { train: order.slice(nTest, nTest! + nTrain), test: order.slice(0, nTest) };
}

/** Whether a size is a share or a count, checked as `_validate_shuffle_split` does. */
function _sizeKind(
  size: number | undefined,
  name: string,
  n: number,
): "share" | "count" | undefined {
  if (size === undefined) return undefined;
  if (typeof size === "number" && size > 0 && size < 1) return "share";
  if (Number.isInteger(size) && size >= 1 && size < n) return "count";
  throw new RangeError(
    `Cannot split ${n} rows: ${name} must be a share in (0, 1) or an integer in [1, ${
      n - 1
    }], got ${size}`,
  );
}
