/**
 * Private: the one pass over an n×k probability matrix behind `classificationReport`. Reading the
 * matrix once instead of 2 + k times (validation, log loss, one gather per class) was most of
 * what the report spent outside its sorts.
 *
 * @module
 */
import { sortLabelledKeys } from "./_key_sort.ts";
import { probaOutsideUnit, probaRowSum, ROW_SUM_TOLERANCE } from "./_validate.ts";
import { FOLD } from "./_log_loss_kernel.ts";
import type { LabelledKeys } from "./_labelled_sweep.ts";

/** What {@linkcode probaPass} finds; sort each class with {@linkcode sortClass}. */
export interface ProbaPass {
  /** Number of classes. */
  k: number;
  /** Number of rows. */
  n: number;
  /** Row-major k×k confusion counts (rows true, columns argmax: the first maximum), as
   * `countMatrix`. */
  confusion: Float64Array;
  /** Mean log loss, as `logLossKernel` computes it (same operations, same order). */
  logLoss: number;
  /** Class j's labelled keys at pairs [j·n, (j + 1)·n), unsorted. */
  keys: Uint32Array;
  /** Scratch for the sorts (2·n words). */
  scratch: Uint32Array;
  /** High words of the smallest and the largest probability: bounds of every key's high word. */
  bounds: [number, number];
}

/**
 * Checks `proba` as `checkProba` does (same errors, same order), and in the same pass takes each
 * row's argmax, the confusion counts, the log loss's running product, and writes every
 * probability as a labelled sort key (see `_key_sort.ts`: the label is written as the sign, so the
 * key is one store) into its class's column. `yTrue` must hold valid class indices. Memory:
 * 8·n·(k + 1) bytes. O(n·k).
 */
export function probaPass(
  metric: string,
  yTrue: ArrayLike<number>,
  proba: ArrayLike<number>,
  k: number,
  eps: number,
): ProbaPass {
  const n = yTrue.length;
  if (proba.length !== n * k) {
    throw new TypeError(
      `Cannot compute ${metric}: proba has ${proba.length} values, expected ${n} rows × ${k} classes`,
    );
  }
  const p = proba instanceof Float64Array ? proba : Float64Array.from(proba);
  const values = new Float64Array(n * k); // class j's column at [j·n, (j + 1)·n)
  const keys = new Uint32Array(values.buffer);
  const confusion = new Float64Array(k * k);
  const hi1 = 1 - eps;
  const sign = new Float64Array(k).fill(1); // -1 for the row's true class: its label
  let logSum = 0, prod = 1, least = 1, most = 0;
  if (k === 3) {
    const acc = rowsOfThree(metric, yTrue, p, eps, values, confusion);
    logSum = acc[0]!, prod = acc[1]!, least = acc[2]!, most = acc[3]!;
  } else {
    for (let i = 0, o = 0; i < n; i++) {
      const y = yTrue[i]!;
      let s = 0, clipped = 0, best = 0, top = -1;
      sign[y] = -1;
      for (let j = 0; j < k; j++, o++) {
        const v = p[o]!;
        if (!(v >= 0 && v <= 1)) throw probaOutsideUnit(metric, i, j, v);
        s += v;
        clipped += Math.min(Math.max(v, eps), hi1);
        // first maximum without a branch (which row's maximum is where is unpredictable)
        const above = +(v > top);
        best += (j - best) * above;
        top = Math.max(top, v);
        const at = j * n + i;
        // v ≥ 0 (-0 + 0 is +0, which ties with 0): its bit pattern is its key, and the sign bit is
        // free for the label (a product, not a branch: the label is unpredictable)
        values[at] = (v + 0) * sign[j]!;
        least = Math.min(least, v);
        most = Math.max(most, v);
      }
      sign[y] = 1;
      confusion[y * k + best]!++;
      if (Math.abs(s - 1) > ROW_SUM_TOLERANCE) throw probaRowSum(metric, i, s);
      prod *= Math.min(Math.max(p[i * k + y]!, eps), hi1) / clipped;
      if (prod < FOLD) (logSum += Math.log(prod), prod = 1);
    }
  }
  return {
    k,
    n,
    confusion,
    logLoss: -(logSum + Math.log(prod)) / n,
    keys,
    scratch: new Uint32Array(2 * n),
    bounds: [highWord(least), highWord(most)],
  };
}

/**
 * The pass for k = 3 (a common shape, and the benchmark's), unrolled: the same operations in the
 * same order as the general loop of {@linkcode probaPass}, in a function of its own so that the
 * optimising compiler takes it whole. Returns the log sum, the running product, the least and
 * the largest probability.
 */
function rowsOfThree(
  metric: string,
  yTrue: ArrayLike<number>,
  p: Float64Array,
  eps: number,
  values: Float64Array,
  confusion: Float64Array,
): Float64Array {
  const n = yTrue.length, hi1 = 1 - eps;
  let logSum = 0, prod = 1, least = 1, most = 0;
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    const y = yTrue[i]!, v0 = p[o]!, v1 = p[o + 1]!, v2 = p[o + 2]!;
    if (!(v0 >= 0 && v0 <= 1 && v1 >= 0 && v1 <= 1 && v2 >= 0 && v2 <= 1)) {
      const j = !(v0 >= 0 && v0 <= 1) ? 0 : !(v1 >= 0 && v1 <= 1) ? 1 : 2;
      throw probaOutsideUnit(metric, i, j, p[o + j]!);
    }
    let s = 0, clipped = 0;
    s += v0;
    s += v1;
    s += v2;
    clipped += Math.min(Math.max(v0, eps), hi1);
    clipped += Math.min(Math.max(v1, eps), hi1);
    clipped += Math.min(Math.max(v2, eps), hi1);
    const a1 = +(v1 > v0), t1 = Math.max(v0, v1), best = a1 + (2 - a1) * +(v2 > t1);
    values[i] = (v0 + 0) * (1 - 2 * +(y === 0));
    values[n + i] = (v1 + 0) * (1 - 2 * +(y === 1));
    values[2 * n + i] = (v2 + 0) * (1 - 2 * +(y === 2));
    least = Math.min(least, v0, v1, v2);
    most = Math.max(most, v0, v1, v2);
    confusion[y * 3 + best]!++;
    if (Math.abs(s - 1) > ROW_SUM_TOLERANCE) throw probaRowSum(metric, i, s);
    prod *= Math.min(Math.max(p[o + y]!, eps), hi1) / clipped;
    if (prod < FOLD) (logSum += Math.log(prod), prod = 1);
  }
  return Float64Array.of(logSum, prod, least, most);
}

/** The high word of `v`'s bit pattern, sign bit cleared (so that -0 is +0). */
function highWord(v: number): number {
  return new Uint32Array(Float64Array.of(v).buffer)[1]! & 0x7fffffff;
}

/**
 * Sorts class j's keys by high word. The result may live in the shared scratch: use it before
 * sorting the next class. O(n).
 */
export function sortClass(pass: ProbaPass, j: number): LabelledKeys {
  const { n, k } = pass;
  const own = pass.keys.subarray(2 * j * n, 2 * (j + 1) * n);
  const sorted = sortLabelledKeys(own, pass.scratch, n, pass.bounds);
  let nPos = 0;
  for (let t = 0; t < k; t++) nPos += pass.confusion[j * k + t]!;
  return { keys: sorted, nPos, nNeg: n - nPos };
}
