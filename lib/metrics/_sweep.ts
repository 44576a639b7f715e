/**
 * The shared ranking sweep (private): for one positive class, scores of positives and negatives
 * are sorted once ({@linkcode sortSplit}); one descending merge of the two then yields the
 * distinct thresholds with cumulative true- and false-positive counts — scikit-learn's
 * `_binary_clf_curve`. ROC AUC and average precision are computed in that merge without
 * allocating ({@linkcode sweepStats}); ROC and PR curves materialise it ({@linkcode sweepArrays}).
 * Sorting the two groups separately and merging gives the same counts as an index sort (ties fall
 * in one threshold group) and is several times faster.
 *
 * @module
 */
import { DIGIT, sortHighKeys } from "./_key_sort.ts";

const MASK = DIGIT - 1;

/** Reusable buffers for {@linkcode sortSplit} (2 Uint32 per observation each). */
export interface SweepWorkspace {
  keys: Uint32Array;
  scratch: Uint32Array;
}

/** Positives' keys in pairs [0, nPos), negatives' in [nPos, nPos + nNeg), each ascending. */
export interface SortedSplit {
  keys: Uint32Array;
  nPos: number;
  nNeg: number;
}

/** Allocates a workspace for up to n observations. */
export function sweepWorkspace(n: number): SweepWorkspace {
  return { keys: new Uint32Array(2 * n), scratch: new Uint32Array(2 * n) };
}

/**
 * Gathers `scores[i * stride + column]` of rows with `labels[i] === positive` (positives) and of
 * rows with `labels[i] === negative` (or any other label when `negative` is -1), and sorts each
 * group. O(n).
 */
export function sortSplit(
  labels: ArrayLike<number>,
  positive: number,
  scores: Float64Array,
  stride = 1,
  column = 0,
  negative = -1,
  workspace: SweepWorkspace = sweepWorkspace(labels.length),
): SortedSplit {
  const n = labels.length;
  let nPos = 0, nNeg = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (y === positive) nPos++;
    else if (negative < 0 || y === negative) nNeg++;
  }
  const { keys, scratch } = workspace;
  const values = new Float64Array(keys.buffer, keys.byteOffset, nPos + nNeg);
  const countsPos = new Uint32Array(3 * DIGIT), countsNeg = new Uint32Array(3 * DIGIT);
  // One pass gathers each group, maps doubles to order-preserving keys (as countHigh) and counts digits.
  for (let i = 0, a = 0, b = nPos, o = column; i < n; i++, o += stride) {
    const y = labels[i];
    let at: number, counts: Uint32Array;
    if (y === positive) (at = a++, counts = countsPos);
    else if (negative < 0 || y === negative) (at = b++, counts = countsNeg);
    else continue;
    const v = scores[o]!;
    values[at] = v === 0 ? 0 : v; // -0 ties with 0
    let lo = keys[2 * at]!, hi = keys[2 * at + 1]!;
    if (hi & 0x80000000) (hi = ~hi >>> 0, lo = ~lo >>> 0);
    else hi = (hi | 0x80000000) >>> 0;
    keys[2 * at] = lo;
    keys[2 * at + 1] = hi;
    // the high word's digit histograms (as countHigh), inlined by hand (V8 did not)
    counts[hi & MASK]!++;
    counts[DIGIT + ((hi >>> 11) & MASK)]!++;
    counts[2 * DIGIT + (hi >>> 22)]!++;
  }
  sortHighKeys(keys, scratch, 0, nPos, countsPos);
  sortHighKeys(keys, scratch, nPos, nNeg, countsNeg);
  return { keys, nPos, nNeg };
}

/** ROC AUC (NaN without positives or negatives) and average precision (NaN without positives). */
export interface SweepStats {
  auc: number;
  averagePrecision: number;
}

/**
 * AUC by the trapezoid rule in exact integer arithmetic (`Σ Δfp·(tp_prev + tp)/2 / (P·N)`, equal
 * to the Mann–Whitney U with ties counted ½), and scikit-learn's step-wise average precision
 * `Σ (R_i − R_{i−1}) P_i` over decreasing thresholds. O(n), no allocation.
 */
export function sweepStats(s: SortedSplit): SweepStats {
  const { keys, nPos, nNeg } = s;
  let i = nPos - 1, j = nPos + nNeg - 1;
  let tp = 0, fp = 0, area2 = 0, ap = 0;
  while (i >= 0 || j >= nPos) {
    let h: number, l: number;
    if (j < nPos) (h = keys[2 * i + 1]!, l = keys[2 * i]!);
    else if (i < 0) (h = keys[2 * j + 1]!, l = keys[2 * j]!);
    else {
      const ph = keys[2 * i + 1]!, pl = keys[2 * i]!, nh = keys[2 * j + 1]!, nl = keys[2 * j]!;
      if (ph > nh || (ph === nh && pl >= nl)) (h = ph, l = pl);
      else (h = nh, l = nl);
    }
    const tp0 = tp, fp0 = fp;
    while (i >= 0 && keys[2 * i + 1] === h && keys[2 * i] === l) (tp++, i--);
    while (j >= nPos && keys[2 * j + 1] === h && keys[2 * j] === l) (fp++, j--);
    area2 += (fp - fp0) * (tp + tp0);
    if (tp !== tp0) ap += ((tp - tp0) / nPos) * (tp / (tp + fp));
  }
  return {
    auc: nPos === 0 || nNeg === 0 ? NaN : area2 / 2 / nPos / nNeg,
    averagePrecision: nPos === 0 ? NaN : ap,
  };
}

/** Cumulative counts at each distinct threshold, thresholds decreasing. */
export interface Sweep {
  /** Distinct scores, decreasing. */
  thresholds: Float64Array;
  /** Positives with score ≥ thresholds[i]. */
  tps: Float64Array;
  /** Negatives with score ≥ thresholds[i]. */
  fps: Float64Array;
  nPos: number;
  nNeg: number;
}

/** Materialises the sweep (for curves). O(n). */
export function sweepArrays(s: SortedSplit): Sweep {
  const { keys, nPos, nNeg } = s;
  const cap = nPos + nNeg;
  const thresholds = new Float64Array(cap),
    tps = new Float64Array(cap),
    fps = new Float64Array(cap);
  const bits = new Uint32Array(thresholds.buffer); // decode keys in place (inverse of the key mapping)
  let i = nPos - 1, j = nPos + nNeg - 1, m = 0, tp = 0, fp = 0;
  while (i >= 0 || j >= nPos) {
    let h: number, l: number;
    if (j < nPos) (h = keys[2 * i + 1]!, l = keys[2 * i]!);
    else if (i < 0) (h = keys[2 * j + 1]!, l = keys[2 * j]!);
    else {
      const ph = keys[2 * i + 1]!, pl = keys[2 * i]!, nh = keys[2 * j + 1]!, nl = keys[2 * j]!;
      if (ph > nh || (ph === nh && pl >= nl)) (h = ph, l = pl);
      else (h = nh, l = nl);
    }
    while (i >= 0 && keys[2 * i + 1] === h && keys[2 * i] === l) (tp++, i--);
    while (j >= nPos && keys[2 * j + 1] === h && keys[2 * j] === l) (fp++, j--);
    if (h & 0x80000000) (bits[2 * m] = l, bits[2 * m + 1] = (h & 0x7fffffff) >>> 0);
    else (bits[2 * m] = ~l >>> 0, bits[2 * m + 1] = ~h >>> 0);
    tps[m] = tp;
    fps[m] = fp;
    m++;
  }
  return {
    thresholds: thresholds.subarray(0, m),
    tps: tps.subarray(0, m),
    fps: fps.subarray(0, m),
    nPos,
    nNeg,
  };
}
