/**
 * Input handling shared by the ranking metrics (private): 1-D binary scores (labels must be 0/1)
 * or a row-major n×k probability matrix (rows checked to sum to 1).
 *
 * @module
 */
import type { ClassOptions } from "./metric_result.ts";
import { checkLabels, checkProba, checkScores, resolveClasses, scoreWidth } from "./_validate.ts";

/** Validated ranking input. `width` is 1 for binary scores, else k. */
export interface RankingInput {
  n: number;
  width: number;
  k: number;
  names: string[];
  scores: Float64Array;
}

/** Validates labels and scores; throws TypeError on shape, RangeError on values. */
export function rankingInput(
  metric: string,
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: ClassOptions,
  unit = false,
): RankingInput {
  if (yTrue == null || typeof yTrue.length !== "number") {
    throw new TypeError(`Cannot compute ${metric}: yTrue must be an array or typed array`);
  }
  const n = yTrue.length;
  const width = scoreWidth(metric, n, scores, options);
  if (width === 1) {
    const { k, names } = resolveClasses(metric, { labels: options.labels ?? ["0", "1"] }, []);
    checkLabels(metric, "yTrue", yTrue, 2);
    const what = unit ? "proba" : "scores";
    return { n, width, k, names, scores: checkScores(metric, scores, what, unit) };
  }
  const { k, names } = resolveClasses(metric, options, [["yTrue", yTrue]], width);
  return { n, width, k, names, scores: checkProba(metric, scores, n, k) };
}
