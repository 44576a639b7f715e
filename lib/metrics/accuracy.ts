/**
 * Accuracy: the share of correct predictions.
 *
 * @module
 */
import type { ClassOptions, MetricResult } from "./metric_result.ts";
import { accuracyFromCounts, countMatrix } from "./_from_counts.ts";
import { errorResult, okResult } from "./_result.ts";
import { checkSameLength, resolveClasses } from "./_validate.ts";

/**
 * Share of observations whose predicted class equals the true class, `(1/n) Σ [ŷ_i = y_i]`.
 * Equals `sklearn.metrics.accuracy_score`. Cost O(n).
 *
 * @param yTrue True class indices in `0..k-1`.
 * @param yPred Predicted class indices in `0..k-1`.
 * @param options `nClasses` / `labels` fix k (@default max label + 1).
 * @returns `name: "accuracy"`; `status: "error"` for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is not an integer in `0..k-1`.
 * @example
 * ```ts
 * import { accuracy } from "./mod.ts";
 * if (accuracy([0, 1, 1, 2], [0, 1, 2, 2]).value !== 0.75) throw new Error();
 * ```
 */
export function accuracy(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: ClassOptions = {},
): MetricResult {
  checkSameLength("accuracy", yTrue, yPred);
  const { k } = resolveClasses("accuracy", options, [["yTrue", yTrue], ["yPred", yPred]]);
  const n = yTrue.length;
  if (n === 0) return errorResult("accuracy", "No observations", 0);
  return okResult("accuracy", accuracyFromCounts(countMatrix(yTrue, yPred, k), k, n), n);
}
