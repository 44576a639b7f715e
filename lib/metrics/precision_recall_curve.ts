/**
 * Precision–recall curve of a binary scorer.
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";
import type { ClassOptions } from "./metric_result.ts";
import { sortSplit, sweepArrays, sweepStats } from "./_sweep.ts";
import { prFromSweep } from "./_pr_from_sweep.ts";
import { rankingInput } from "./_ranking_input.ts";

/** Options of {@linkcode precisionRecallCurve}. */
export interface PrecisionRecallCurveOptions extends ClassOptions {
  /** The positive class; with an n×k matrix, also the score column. @default 1 */
  posLabel?: number;
}

/** A precision–recall curve, recall decreasing, ending at (recall 0, precision 1). */
export interface PrecisionRecallCurve {
  /** Which result this is. */
  name: "precision_recall_curve";
  /** `"error"` when there are no positives (recall is then 1, as in scikit-learn) or n = 0. */
  status: ResultStatus;
  /** Present only when `status` is `"error"`. */
  reason?: string;
  /** Number of observations. */
  n: number;
  /** Observations of the positive class. */
  nPositive: number;
  /** Precision at each threshold, then 1. */
  precision: number[];
  /** Recall at each threshold (decreasing), then 0. */
  recall: number[];
  /** Increasing distinct scores; one fewer than `precision`. */
  thresholds: number[];
  /** Step-wise average precision; NaN when `status` is `"error"`. */
  averagePrecision: number;
  /** The options in force. */
  details: { posLabel: number };
}

/**
 * Precision and recall at each distinct score threshold. Equals scikit-learn 1.2.1's
 * `precision_recall_curve(y_true, probas_pred, pos_label=posLabel)` (the full curve, thresholds
 * increasing, a final point (recall 0, precision 1) without threshold). Cost O(n) radix sort +
 * O(n) sweep.
 *
 * @param yTrue True labels: 0/1 with 1-D scores, else class indices `0..k-1`.
 * @param scores Length-n scores, or a row-major n×k probability matrix (column `posLabel`).
 * @param options Positive class.
 * @returns The curve with its average precision; `status: "error"` without positives.
 * @throws {TypeError} When the lengths do not match.
 * @throws {RangeError} When a score is NaN or infinite (names the index) or a label is invalid.
 * @example
 * ```ts
 * import { precisionRecallCurve } from "./mod.ts";
 * const r = precisionRecallCurve([0, 1, 1, 0], [0.1, 0.5, 0.5, 0.2]);
 * if (r.precision.join() !== "0.5,0.6666666666666666,1,1" || r.recall.join() !== "1,1,1,0") {
 *   throw new Error();
 * }
 * ```
 */
export function precisionRecallCurve(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: PrecisionRecallCurveOptions = {},
): PrecisionRecallCurve {
  const { posLabel = 1 } = options;
  const input = rankingInput("precision-recall curve", yTrue, scores, options);
  if (!(Number.isInteger(posLabel) && posLabel >= 0 && posLabel < input.k)) {
    throw new RangeError(
      `Cannot compute precision-recall curve: posLabel ${posLabel} is not a class index`,
    );
  }
  const split = sortSplit(
    yTrue,
    posLabel,
    input.scores,
    input.width,
    input.width === 1 ? 0 : posLabel,
  );
  return prFromSweep(sweepArrays(split), sweepStats(split).averagePrecision, input.n, posLabel);
}
