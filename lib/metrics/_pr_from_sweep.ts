/**
 * Private: the precision–recall curve materialised from a ranking sweep, shared by
 * `precisionRecallCurve` and `classificationReport` (which sweeps once per class).
 *
 * @module
 */
import type { Sweep } from "./_sweep.ts";
import type { PrecisionRecallCurve } from "./precision_recall_curve.ts";

/** Builds the PR curve from a sweep (shared by `precisionRecallCurve` and `classificationReport`). O(m). */
export function prFromSweep(
  s: Sweep,
  averagePrecision: number,
  n: number,
  posLabel: number,
): PrecisionRecallCurve {
  const m = s.tps.length;
  const pT = new Float64Array(m + 1), rT = new Float64Array(m + 1), tT = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const tp = s.tps[i]!;
    pT[m - 1 - i] = tp / (tp + s.fps[i]!);
    rT[m - 1 - i] = s.nPos === 0 ? 1 : tp / s.nPos;
    tT[m - 1 - i] = s.thresholds[i]!;
  }
  pT[m] = 1;
  const precision = Array.from(pT), recall = Array.from(rT), thresholds = Array.from(tT);
  const base = {
    name: "precision_recall_curve" as const,
    n,
    nPositive: s.nPos,
    precision,
    recall,
    thresholds,
    details: { posLabel },
  };
  if (n === 0) {
    return { ...base, status: "error", reason: "No observations", averagePrecision: NaN };
  }
  if (s.nPos === 0) {
    const reason = "No positive samples in yTrue: recall is undefined";
    return { ...base, status: "error", reason, averagePrecision: NaN };
  }
  return { ...base, status: "ok", averagePrecision };
}
