/**
 * Mean absolute error.
 *
 * @module
 */
import type { MetricResult } from "./metric_result.ts";
import { regressionInput } from "./_regression_input.ts";
import { errorResult, okResult } from "./_result.ts";

/**
 * Mean absolute error `(1/n) Σ |y_i − ŷ_i|`, in the unit of y. Equals `sklearn.metrics.mean_absolute_error`. Cost O(n).
 *
 * @param yTrue Observed values (finite).
 * @param yPred Predicted values (finite).
 * @returns `name: "mean_absolute_error"`; `status: "error"` for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a value is NaN or infinite (names the index).
 * @example
 * ```ts
 * import { meanAbsoluteError } from "./mod.ts";
 * if (meanAbsoluteError([1, 2, 3], [2, 2, 5]).value !== 1) throw new Error();
 * ```
 */
export function meanAbsoluteError(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
): MetricResult {
  const [t, p] = regressionInput("Mean absolute error", yTrue, yPred);
  const n = t.length;
  if (n === 0) return errorResult("mean_absolute_error", "No observations", 0);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(t[i]! - p[i]!);
  return okResult("mean_absolute_error", s / n, n);
}
