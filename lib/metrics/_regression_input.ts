/**
 * Input checks of the regression metrics (private).
 *
 * @module
 */
import { checkSameLength, checkScores } from "./_validate.ts";

/** Returns both arrays as Float64Array; TypeError on length, RangeError at the first non-finite. */
export function regressionInput(
  metric: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
): [Float64Array, Float64Array] {
  checkSameLength(metric, yTrue, yPred);
  return [checkScores(metric, yTrue, "yTrue"), checkScores(metric, yPred, "yPred")];
}
