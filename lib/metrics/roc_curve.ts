/**
 * Receiver operating characteristic curve of a binary scorer.
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";
import type { ClassOptions } from "./metric_result.ts";
import { sortSplit, sweepArrays, sweepStats } from "./_sweep.ts";
import { rocFromSweep } from "./_roc_from_sweep.ts";
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
  /** Which result this is. */
  name: "roc_curve";
  /** `"error"` when a class is missing (then fpr or tpr is NaN, as in scikit-learn) or n = 0. */
  status: ResultStatus;
  /** Present only when `status` is `"error"`. */
  reason?: string;
  /** Number of observations. */
  n: number;
  /** Observations of the positive class. */
  nPositive: number;
  /** Observations of the other classes. */
  nNegative: number;
  /** False positive rates, increasing from 0 to 1. */
  fpr: number[];
  /** True positive rates, increasing from 0 to 1. */
  tpr: number[];
  /** Decreasing thresholds; the first is the extra "predict nothing" threshold. */
  thresholds: number[];
  /** Area under the curve (trapezoid rule); NaN when `status` is `"error"`. */
  auc: number;
  /** The options in force. */
  details: { posLabel: number; dropIntermediate: boolean; firstThreshold: "max+1" | "infinity" };
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
 * import { rocCurve } from "./mod.ts";
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
