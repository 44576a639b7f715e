/**
 * Private: the ROC curve materialised from a ranking sweep, shared by `rocCurve` and
 * `classificationReport` (which sweeps once per class and must not re-sort).
 *
 * @module
 */
import type { Sweep } from "./_sweep.ts";
import type { RocCurve } from "./roc_curve.ts";

/** Builds the ROC curve from a sweep (shared by `rocCurve` and `classificationReport`). O(m). */
export function rocFromSweep(
  s: Sweep,
  auc: number,
  n: number,
  posLabel: number,
  dropIntermediate: boolean,
  firstThreshold: "max+1" | "infinity",
): RocCurve {
  const { tps, fps, thresholds } = s;
  const m = tps.length;
  const first = m === 0 ? NaN : firstThreshold === "infinity" ? Infinity : thresholds[0]! + 1;
  // Typed buffers, converted once: pushing a million numbers into arrays was the slow part.
  const fprT = new Float64Array(m + 1),
    tprT = new Float64Array(m + 1),
    thrT = new Float64Array(m + 1);
  thrT[0] = first;
  let c = 1;
  for (let i = 0; i < m; i++) {
    if (
      !dropIntermediate || m <= 2 || i === 0 || i === m - 1 ||
      fps[i - 1]! - 2 * fps[i]! + fps[i + 1]! !== 0 || tps[i - 1]! - 2 * tps[i]! + tps[i + 1]! !== 0
    ) {
      fprT[c] = s.nNeg > 0 ? fps[i]! / s.nNeg : NaN;
      tprT[c] = s.nPos > 0 ? tps[i]! / s.nPos : NaN;
      thrT[c++] = thresholds[i]!;
    }
  }
  const fpr = Array.from(fprT.subarray(0, c)), tpr = Array.from(tprT.subarray(0, c));
  const thr = Array.from(thrT.subarray(0, c));
  if (s.nNeg === 0) fpr[0] = NaN;
  if (s.nPos === 0) tpr[0] = NaN;
  const reason = n === 0
    ? "No observations"
    : s.nPos === 0
    ? "No positive samples in yTrue: the true positive rate is undefined"
    : s.nNeg === 0
    ? "No negative samples in yTrue: the false positive rate is undefined"
    : undefined;
  const base = {
    name: "roc_curve" as const,
    n,
    nPositive: s.nPos,
    nNegative: s.nNeg,
    fpr: n === 0 ? [] : fpr,
    tpr: n === 0 ? [] : tpr,
    thresholds: n === 0 ? [] : thr,
    details: { posLabel, dropIntermediate, firstThreshold },
  };
  if (reason !== undefined) return { ...base, status: "error", reason, auc: NaN };
  return { ...base, status: "ok", auc };
}
