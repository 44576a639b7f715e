/**
 * Confusion matrix of class-index labels.
 *
 * @module
 */
import type { ClassOptions } from "./metric_result.ts";
import { checkSameLength, resolveClasses } from "./_validate.ts";
import { countMatrix } from "./_from_counts.ts";

/** A k×k confusion matrix: `matrix[i][j]` counts observations of true class i predicted as j. */
export interface ConfusionMatrix {
  /** Number of classes k. */
  nClasses: number;
  /** Class names, index i naming class i. */
  labels: string[];
  /** Counts, rows = true class, columns = predicted class (scikit-learn's orientation). */
  matrix: number[][];
  /** Number of observations. */
  n: number;
}

/**
 * Counts true class × predicted class. Equals `sklearn.metrics.confusion_matrix(y_true, y_pred,
 * labels=range(k))`. Cost O(n + k²).
 *
 * @param yTrue True class indices in `0..k-1`.
 * @param yPred Predicted class indices in `0..k-1`.
 * @param options `nClasses` / `labels` fix k (@default max label + 1, at least 2).
 * @returns The matrix with its labels; all zeros for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is not an integer in `0..k-1` (names the index and value).
 * @example
 * ```ts
 * import { confusionMatrix } from "./mod.ts";
 * const cm = confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2]);
 * if (JSON.stringify(cm.matrix) !== "[[1,0,0],[0,1,1],[0,0,1]]") throw new Error();
 * ```
 */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: ClassOptions = {},
): ConfusionMatrix {
  checkSameLength("confusion matrix", yTrue, yPred);
  const { k, names } = resolveClasses("confusion matrix", options, [["yTrue", yTrue], [
    "yPred",
    yPred,
  ]]);
  const c = countMatrix(yTrue, yPred, k);
  const matrix: number[][] = [];
  for (let i = 0; i < k; i++) matrix.push(Array.from(c.subarray(i * k, i * k + k)));
  return { nClasses: k, labels: names, matrix, n: yTrue.length };
}
