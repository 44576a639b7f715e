/**
 * Receiver operating characteristic curve of a binary scorer.
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";
import type { ClassOptions } from "./metric_result.ts";
import { sortSplit, type Sweep, sweepArrays, sweepStats } from "./_sweep.ts";
import { rankingInput } from "./_ranking_input.ts";

/** Options of {@linkcode rocCurve}. */
export interface RocCurveOptions extends ClassOptions {
  /** The positive class; with an n×k matrix, also the score column. @default 1 */
  posLabel?: number;
  /** Drop collinear points that do not change the curve (scikit-learn's default). @default true */
  dropIntermediate?: boolean;
  /**
   * The extra first threshold (no positive predictions): `"max+1"` as scikit-learn 1.2.1
   * (`thresholds[0] + 1`), or `"infinity"` as scikit-learn ≥ 1.3. @default "max+1"
   */
  firstThreshold?: "max+1" | "infinity";
}

/** An ROC curve: points `(fpr[i], tpr[i])` for predictions `score ≥ thresholds[i]`. */
export interface RocCurve {
  name: "roc_curve";
  /** `"error"` when a class is missing (then fpr or tpr is NaN, as in scikit-learn) or n = 0. */
  status: ResultStatus;
  /** Present only when `status` is `"error"`. */
  reason?: string;
  n: number;
  nPositive: number;
  nNegative: number;
  /** False positive rates, increasing from 0 to 1. */
  fpr: number[];
  /** True positive rates, increasing from 0 to 1. */
  tpr: number[];
  /** Decreasing thresholds; the first is the extra "predict nothing" threshold. */
  thresholds: number[];
  /** Area under the curve (trapezoid rule); NaN when `status` is `"error"`. */
  auc: number;
  details: { posLabel: number; dropIntermediate: boolean; firstThreshold: "max+1" | "infinity" };
}

/** Builds the ROC curve from a sweep (shared with `classificationReport`). O(m). */
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

/**
 * ROC curve: false and true positive rates at each distinct score threshold, decreasing. Equals
 * scikit-learn 1.2.1's `roc_curve(y_true, y_score, pos_label=posLabel, drop_intermediate=True)`,
 * including its first threshold `max(score) + 1` (scikit-learn ≥ 1.3 uses +∞: see
 * `firstThreshold`). Ties share one point. Cost O(n) radix sort + O(n) sweep.
 *
 * @param yTrue True labels: 0/1 with 1-D scores, else class indices `0..k-1`.
 * @param scores Scores, higher meaning more positive: length n, or a row-major n×k probability
 *   matrix whose column `posLabel` is used.
 * @param options Positive class, point dropping, first threshold.
 * @returns The curve with its AUC; `status: "error"` when a class is missing or n = 0.
 * @throws {TypeError} When the lengths do not match.
 * @throws {RangeError} When a score is NaN or infinite (names the index) or a label is invalid.
 * @example
 * ```ts
 * import { rocCurve } from "./roc_curve.ts";
 * const r = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * if (r.fpr.join() !== "0,0,0.5,0.5,1" || r.thresholds[0] !== 1.8 || r.auc !== 0.75) {
 *   throw new Error();
 * }
 * ```
 */
export function rocCurve(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RocCurveOptions = {},
): RocCurve {
  const { posLabel = 1, dropIntermediate = true, firstThreshold = "max+1" } = options;
  const input = rankingInput("ROC curve", yTrue, scores, options);
  if (!(Number.isInteger(posLabel) && posLabel >= 0 && posLabel < input.k)) {
    throw new RangeError(`Cannot compute ROC curve: posLabel ${posLabel} is not a class index`);
  }
  const split = sortSplit(
    yTrue,
    posLabel,
    input.scores,
    input.width,
    input.width === 1 ? 0 : posLabel,
  );
  return rocFromSweep(
    sweepArrays(split),
    sweepStats(split).auc,
    input.n,
    posLabel,
    dropIntermediate,
    firstThreshold,
  );
}
