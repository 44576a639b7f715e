/**
 * Brier score of predicted probabilities.
 *
 * @module
 */
import type { ClassOptions, MetricResult } from "./metric_result.ts";
import { rankingInput } from "./_ranking_input.ts";
import { errorResult, okResult } from "./_result.ts";

/** Options of {@linkcode brierScore}. */
export interface BrierScoreOptions extends ClassOptions {
  /** Positive class for binary input (with an n×2 matrix, its column). @default 1 */
  posLabel?: number;
}

/**
 * Mean squared error of probabilities.
 * - Binary (1-D probabilities of `posLabel`, or an n×2 matrix): `(1/n) Σ (p_i − [y_i = pos])²`,
 *   equal to `sklearn.metrics.brier_score_loss`; in [0, 1]. `details.method` is `"binary"`.
 * - k > 2 columns: Brier's original multiclass score `(1/n) Σ_i Σ_j (p_ij − [y_i = j])²` (squared
 *   distance to the one-hot vector, in [0, 2]; not in scikit-learn 1.2, whose binary score is half of
 *   this for k = 2). `details.method` is `"multiclass"`.
 * Cost O(n·k).
 *
 * @param yTrue True class indices.
 * @param proba Length-n probabilities, or a row-major n×k matrix with rows summing to 1.
 * @param options Positive class, classes.
 * @returns `name: "brier_score"` (lower is better); `status: "error"` for empty input.
 * @throws {TypeError} When the lengths do not match.
 * @throws {RangeError} For probabilities outside [0, 1], rows not summing to 1, or invalid labels.
 * @example
 * ```ts
 * import { brierScore } from "./mod.ts";
 * if (brierScore([0, 1], [0.5, 1]).value !== 0.125) throw new Error();
 * if (brierScore([2], [0, 0, 1]).value !== 0) throw new Error();
 * ```
 */
export function brierScore(
  yTrue: ArrayLike<number>,
  proba: ArrayLike<number>,
  options: BrierScoreOptions = {},
): MetricResult {
  const { posLabel = 1 } = options;
  const { n, width, scores: p } = rankingInput("Brier score", yTrue, proba, options, true);
  let total = 0;
  if (width <= 2) {
    if (!(posLabel === 0 || posLabel === 1)) {
      throw new RangeError(`Cannot compute Brier score: posLabel must be 0 or 1, got ${posLabel}`);
    }
    for (let i = 0; i < n; i++) {
      const d = (yTrue[i] === posLabel ? 1 : 0) - p[width === 1 ? i : 2 * i + posLabel]!;
      total += d * d;
    }
  } else {
    for (let i = 0, o = 0; i < n; i++, o += width) {
      const y = yTrue[i]!;
      for (let j = 0; j < width; j++) {
        const d = (y === j ? 1 : 0) - p[o + j]!;
        total += d * d;
      }
    }
  }
  const details = { method: width <= 2 ? "binary" : "multiclass", posLabel };
  if (n === 0) return errorResult("brier_score", "No observations", 0, details);
  return okResult("brier_score", total / n, n, details);
}
