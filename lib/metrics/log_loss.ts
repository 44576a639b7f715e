/**
 * Log loss (cross-entropy) of predicted probabilities.
 *
 * @module
 */
import type { ClassOptions, MetricResult } from "./metric_result.ts";
import { rankingInput } from "./_ranking_input.ts";
import { errorResult, okResult } from "./_result.ts";
import { logLossKernel } from "./_log_loss_kernel.ts";

/** Float64 machine epsilon, scikit-learn 1.2's `eps="auto"` for float64 input. */
export const FLOAT64_EPS = 2.220446049250313e-16;

/** Options of {@linkcode logLoss}. */
export interface LogLossOptions extends ClassOptions {
  /**
   * Probabilities are clipped to [eps, 1 − eps] before the log.
   * @default 2.220446049250313e-16 (float64 machine epsilon, scikit-learn's "auto")
   */
  eps?: number;
}

/**
 * Mean negative log-likelihood of the true class, `−(1/n) Σ_i log p_{i,y_i}`. Equals scikit-learn
 * 1.2.1's `log_loss(y_true, y_pred, eps="auto", labels=range(k))`: every probability is clipped to
 * [eps, 1 − eps] with eps = float64 machine epsilon (2.22e-16), each row is renormalised to sum to 1,
 * then the natural log is taken (so a confident wrong answer costs at most ≈ 36.04, not ∞). Cost O(n·k).
 *
 * @param yTrue True class indices (0/1 with 1-D probabilities).
 * @param proba Length-n probabilities of class 1, or a row-major n×k matrix with rows summing to 1.
 * @param options Clipping `eps`, classes.
 * @returns `name: "log_loss"` (natural log, lower is better); `status: "error"` for empty input.
 * @throws {TypeError} When the lengths do not match.
 * @throws {RangeError} For probabilities outside [0, 1], rows not summing to 1, or invalid labels.
 * @example
 * ```ts
 * import { logLoss } from "./mod.ts";
 * const v = logLoss([0, 1], [0.2, 0.6]).value;
 * if (Math.abs(v - -(Math.log(0.8) + Math.log(0.6)) / 2) > 1e-15) throw new Error();
 * ```
 */
export function logLoss(
  yTrue: ArrayLike<number>,
  proba: ArrayLike<number>,
  options: LogLossOptions = {},
): MetricResult {
  const { eps = FLOAT64_EPS } = options;
  if (!(eps >= 0 && eps < 0.5)) {
    throw new RangeError(`Cannot compute log loss: eps must be in [0, 0.5), got ${eps}`);
  }
  const { n, width, scores } = rankingInput("log loss", yTrue, proba, options, true);
  const details = { eps, base: "e" };
  if (n === 0) return errorResult("log_loss", "No observations", 0, details);
  return okResult("log_loss", logLossKernel(yTrue, scores, width, eps), n, details);
}
