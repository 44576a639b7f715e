/**
 * Balanced accuracy: mean per-class recall.
 *
 * @module
 */
import type { ClassOptions, MetricResult } from "./metric_result.ts";
import { absentWarnings, balancedAccuracyFromCounts, countMatrix } from "./_from_counts.ts";
import { errorResult, okResult } from "./_result.ts";
import { checkSameLength, resolveClasses } from "./_validate.ts";

/**
 * Mean recall over the classes present in `yTrue`, `(1/|C|) Σ_{c∈C} TP_c / (TP_c + FN_c)`. Equals
 * `sklearn.metrics.balanced_accuracy_score` (adjusted=False): classes absent from `yTrue` are
 * skipped and listed in `warnings`. Cost O(n + k²).
 *
 * @param yTrue True class indices in `0..k-1`.
 * @param yPred Predicted class indices in `0..k-1`.
 * @param options `nClasses` / `labels` fix k (@default max label + 1).
 * @returns `name: "balanced_accuracy"`; `status: "error"` for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is not an integer in `0..k-1`.
 * @example
 * ```ts
 * import { balancedAccuracy } from "./mod.ts";
 * // recall of class 0 is 1/2, of class 1 is 1
 * if (balancedAccuracy([0, 0, 1], [0, 1, 1]).value !== 0.75) throw new Error();
 * ```
 */
export function balancedAccuracy(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: ClassOptions = {},
): MetricResult {
  checkSameLength("balanced accuracy", yTrue, yPred);
  const { k, names } = resolveClasses("balanced accuracy", options, [["yTrue", yTrue], [
    "yPred",
    yPred,
  ]]);
  const n = yTrue.length;
  if (n === 0) return errorResult("balanced_accuracy", "No observations", 0);
  const c = countMatrix(yTrue, yPred, k);
  return okResult(
    "balanced_accuracy",
    balancedAccuracyFromCounts(c, k),
    n,
    {},
    absentWarnings(c, k, names),
  );
}
