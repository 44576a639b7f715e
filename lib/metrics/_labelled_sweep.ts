/**
 * Private: the ranking sweep over one sorted array of labelled keys (see `_key_sort.ts`: bit 31 of
 * each high word is 1 for a positive), as `classificationReport` builds them for probabilities.
 * Where `_sweep.ts` merges two sorted groups, this scans one array from its end: equal keys are
 * adjacent whatever their label, so the scan has no merge to decide, and it computes exactly the
 * same counts, AUC and average precision (same operations in the same order).
 *
 * @module
 */
import type { Sweep, SweepStats } from "./_sweep.ts";

/** n labelled keys sorted ascending (`sortHighKeys(…, labelled)`), of which nPos are positives. */
export interface LabelledKeys {
  keys: Uint32Array;
  nPos: number;
  nNeg: number;
}

/** Table size for the recall steps of {@linkcode labelledStats}. */
const STEPS = 64;

/** ROC AUC and average precision, as `sweepStats`. O(n), one small allocation. */
export function labelledStats(s: LabelledKeys): SweepStats {
  const { keys, nPos, nNeg } = s;
  let e = 2 * (nPos + nNeg) - 2;
  let tp = 0, fp = 0, area2 = 0, ap = 0;
  // m / nPos for the small tp steps m of nearly every group (the same division, done once)
  const step = Float64Array.from({ length: STEPS }, (_, m) => m / nPos);
  while (e >= 0) {
    const h = keys[e + 1]! & 0x7fffffff, l = keys[e]!;
    const tp0 = tp, fp0 = fp;
    do {
      const positive = keys[e + 1]! >>> 31;
      tp += positive;
      fp += 1 - positive;
      e -= 2;
    } while (e >= 0 && keys[e]! === l && (keys[e + 1]! & 0x7fffffff) === h);
    area2 += (fp - fp0) * (tp + tp0);
    // no branch: a group without positives adds +0, which leaves ap unchanged
    const m = tp - tp0;
    ap += (m < STEPS ? step[m]! : m / nPos) * (tp / (tp + fp));
  }
  return {
    auc: nPos === 0 || nNeg === 0 ? NaN : area2 / 2 / nPos / nNeg,
    averagePrecision: nPos === 0 ? NaN : ap,
  };
}

/** Materialises the sweep (for curves), as `sweepArrays`. O(n). */
export function labelledArrays(s: LabelledKeys): Sweep {
  const { keys, nPos, nNeg } = s;
  const cap = nPos + nNeg;
  const thresholds = new Float64Array(cap),
    tps = new Float64Array(cap),
    fps = new Float64Array(cap);
  const bits = new Uint32Array(thresholds.buffer); // keys of scores ≥ 0 are their bit patterns
  let e = 2 * cap - 2, m = 0, tp = 0, fp = 0;
  while (e >= 0) {
    const h = keys[e + 1]! & 0x7fffffff, l = keys[e]!;
    do {
      const positive = keys[e + 1]! >>> 31;
      tp += positive;
      fp += 1 - positive;
      e -= 2;
    } while (e >= 0 && keys[e]! === l && (keys[e + 1]! & 0x7fffffff) === h);
    bits[2 * m] = l;
    bits[2 * m + 1] = h;
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
