/**
 * Matthews correlation coefficient (multiclass).
 *
 * @module
 */
import type { ClassOptions, MetricResult } from "./metric_result.ts";
import { countMatrix, matthewsFromCounts } from "./_from_counts.ts";
import { errorResult, okResult } from "./_result.ts";
import { checkSameLength, resolveClasses } from "./_validate.ts";

/**
 * Matthews correlation coefficient, multiclass form (Gorodkin 2004):
 * `(c·s − Σ t_k p_k) / sqrt((s² − Σ p_k²)(s² − Σ t_k²))` with t, p the true and predicted class
 * counts, c the correct count and s = n; 0 when a factor of the denominator is 0. Equals
 * `sklearn.metrics.matthews_corrcoef`. In [−1, 1]. Cost O(n + k²).
 *
 * @param yTrue True class indices in `0..k-1`.
 * @param yPred Predicted class indices in `0..k-1`.
 * @param options `nClasses` / `labels` fix k (@default max label + 1).
 * @returns `name: "matthews_correlation"`; `status: "error"` for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is not an integer in `0..k-1`.
 * @example
 * ```ts
 * import { matthewsCorrelation } from "./mod.ts";
 * if (matthewsCorrelation([0, 1, 2, 0], [0, 1, 2, 0]).value !== 1) throw new Error();
 * if (matthewsCorrelation([0, 1], [1, 0]).value !== -1) throw new Error();
 * ```
 */
export function matthewsCorrelation(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: ClassOptions = {},
): MetricResult {
  checkSameLength("Matthews correlation", yTrue, yPred);
  const { k } = resolveClasses("Matthews correlation", options, [["yTrue", yTrue], [
    "yPred",
    yPred,
  ]]);
  const n = yTrue.length;
  if (n === 0) return errorResult("matthews_correlation", "No observations", 0);
  return okResult("matthews_correlation", matthewsFromCounts(countMatrix(yTrue, yPred, k), k), n);
}
