/**
 * Coefficient of determination.
 *
 * @module
 */
import type { MetricResult } from "./metric_result.ts";
import { regressionInput } from "./_regression_input.ts";
import { errorResult, okResult } from "./_result.ts";

/**
 * Coefficient of determination `R² = 1 − Σ (y_i − ŷ_i)² / Σ (y_i − ȳ)²`. When y is constant (denominator 0) it is 1 for a perfect prediction and 0 otherwise (scikit-learn's `force_finite=True`, noted in `details.constantYTrue`). Equals `sklearn.metrics.r2_score`. Cost O(n).
 *
 * @param yTrue Observed values (finite).
 * @param yPred Predicted values (finite).
 * @returns `name: "r2_score"`; `status: "error"` for empty input or fewer than 2 observations.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a value is NaN or infinite (names the index).
 * @example
 * ```ts
 * import { r2Score } from "./mod.ts";
 * if (r2Score([1, 2, 3], [1, 2, 4]).value !== 0.5) throw new Error();
 * if (r2Score([2, 2], [2, 3]).value !== 0) throw new Error();
 * ```
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): MetricResult {
  const [t, p] = regressionInput("Coefficient of determination", yTrue, yPred);
  const n = t.length;
  if (n === 0) return errorResult("r2_score", "No observations", 0, { constantYTrue: false });
  if (n < 2) {
    return errorResult("r2_score", "R² needs at least two observations", n, {
      constantYTrue: false,
    });
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += t[i]!;
  mean /= n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    const d = t[i]! - p[i]!, e = t[i]! - mean;
    num += d * d;
    den += e * e;
  }
  if (den === 0) return okResult("r2_score", num === 0 ? 1 : 0, n, { constantYTrue: true });
  return okResult("r2_score", 1 - num / den, n, { constantYTrue: false });
}
