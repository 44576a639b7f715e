/**
 * Root mean squared error.
 *
 * @module
 */
import type { MetricResult } from "./metric_result.ts";
import { regressionInput } from "./_regression_input.ts";
import { errorResult, okResult } from "./_result.ts";

/**
 * Root mean squared error `sqrt((1/n) Σ (y_i − ŷ_i)²)`, in the unit of y. Equals `sklearn.metrics.mean_squared_error(squared=False)`. Cost O(n).
 *
 * @param yTrue Observed values (finite).
 * @param yPred Predicted values (finite).
 * @returns `name: "root_mean_squared_error"`; `status: "error"` for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a value is NaN or infinite (names the index).
 * @example
 * ```ts
 * import { rootMeanSquaredError } from "./mod.ts";
 * if (rootMeanSquaredError([0, 0], [3, 4]).value !== Math.sqrt(12.5)) throw new Error();
 * ```
 */
export function rootMeanSquaredError(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
): MetricResult {
  const [t, p] = regressionInput("Root mean squared error", yTrue, yPred);
  const n = t.length;
  if (n === 0) return errorResult("root_mean_squared_error", "No observations", 0);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = t[i]! - p[i]!;
    s += d * d;
  }
  return okResult("root_mean_squared_error", Math.sqrt(s / n), n);
}
