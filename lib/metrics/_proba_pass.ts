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
  /** Argmax of each row (first maximum). */
  pred: Int32Array;
  /** Row-major k×k confusion counts (rows true, columns argmax), as `countMatrix`. */
  confusion: Float64Array;
  /** Mean log loss, as `logLossKernel` computes it (same operations, same order). */
  logLoss: number;
  /** Class j's labelled keys at pairs [j·n, (j + 1)·n), unsorted. */
  keys: Uint32Array;
  /** Scratch for the sorts (2·n words). */
  scratch: Uint32Array;
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
  const pred = new Int32Array(n);
  const hi1 = 1 - eps;
  let logSum = 0, prod = 1;
  for (let i = 0, o = 0; i < n; i++) {
    const y = yTrue[i]!;
    let s = 0, clipped = 0, best = 0, top = -1;
    for (let j = 0; j < k; j++, o++) {
      const v = p[o]!;
      if (!(v >= 0 && v <= 1)) throw probaOutsideUnit(metric, i, j, v);
      s += v;
      clipped += Math.min(Math.max(v, eps), hi1);
      if (v > top) (top = v, best = j);
      const at = j * n + i;
      // v ≥ 0 (-0 + 0 is +0, which ties with 0): its bit pattern is its key, and the sign bit is
      // free for the label
      values[at] = y === j ? -(v + 0) : v + 0;
    }
    pred[i] = best;
    confusion[y * k + best]!++;
    if (Math.abs(s - 1) > ROW_SUM_TOLERANCE) throw probaRowSum(metric, i, s);
    prod *= Math.min(Math.max(p[i * k + y]!, eps), hi1) / clipped;
    if (prod < FOLD) (logSum += Math.log(prod), prod = 1);
  }
  return {
    k,
    pred,
    confusion,
    logLoss: -(logSum + Math.log(prod)) / n,
    keys,
    scratch: new Uint32Array(2 * n),
  };
}

/**
 * Sorts class j's keys by high word. The result may live in the shared scratch: use it before
 * sorting the next class. O(n).
 */
export function sortClass(pass: ProbaPass, j: number): LabelledKeys {
  const n = pass.pred.length, k = pass.k;
  const own = pass.keys.subarray(2 * j * n, 2 * (j + 1) * n);
  const sorted = sortLabelledKeys(own, pass.scratch, n);
  let nPos = 0;
  for (let t = 0; t < k; t++) nPos += pass.confusion[j * k + t]!;
  return { keys: sorted, nPos, nNeg: n - nPos };
}
