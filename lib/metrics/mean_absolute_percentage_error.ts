/**
 * Mean absolute percentage error.
 *
 * @module
 */
import type { MetricResult } from "./metric_result.ts";
import { regressionInput } from "./_regression_input.ts";
import { errorResult, okResult } from "./_result.ts";

/**
 * Mean absolute percentage error `(1/n) Σ |y_i − ŷ_i| / max(|y_i|, ε)` with ε the float64 machine epsilon (2.22e-16), as a fraction (0.1 = 10 %), so a zero `y_i` with a nonzero error gives a huge but finite value. Equals `sklearn.metrics.mean_absolute_percentage_error`. Cost O(n).
 *
 * @param yTrue Observed values (finite).
 * @param yPred Predicted values (finite).
 * @returns `name: "mean_absolute_percentage_error"`; `status: "error"` for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a value is NaN or infinite (names the index).
 * @example
 * ```ts
 * import { meanAbsolutePercentageError } from "./mod.ts";
 * if (meanAbsolutePercentageError([2, 4], [1, 5]).value !== 0.375) throw new Error();
 * ```
 */
export function meanAbsolutePercentageError(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
): MetricResult {
  const [t, p] = regressionInput("Mean absolute percentage error", yTrue, yPred);
  const n = t.length;
  if (n === 0) {
    return errorResult("mean_absolute_percentage_error", "No observations", 0, {
      epsilon: 2.220446049250313e-16,
    });
  }
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += Math.abs(p[i]! - t[i]!) / Math.max(Math.abs(t[i]!), 2.220446049250313e-16);
  }
  return okResult("mean_absolute_percentage_error", s / n, n, { epsilon: 2.220446049250313e-16 });
}
