/**
 * fairlearn's equalized odds difference and ratio: true and false positive rates across groups.
 *
 * @module
 */
import { fairlearnParity } from "./_fairlearn_parity.ts";
import type { FairnessResult, ParityOptions } from "./fairness_result.ts";
import type { GroupedPredictions } from "./metric_frame.ts";

/** Options of the equalized odds measures. */
export interface EqualizedOddsOptions extends ParityOptions {
  /**
   * How the TPR and FPR disparities are combined (fairlearn's `agg`): `"worst_case"` takes the
   * larger difference / smaller ratio, `"mean"` their mean. @default "worst_case"
   */
  agg?: "worst_case" | "mean";
}

/**
 * Equalized odds difference, fairlearn's convention (unsigned, all groups): the TPR difference
 * and the FPR difference, each max − min over groups (`"between_groups"`) or max |group −
 * overall| (`"to_overall"`), combined by `agg` — the larger (`"worst_case"`) or their mean
 * (`"mean"`). Equals `fairlearn.metrics.equalized_odds_difference(…, method=…, agg=…)`
 * (fairlearn ≥ 0.11). Both per-rate values are in `details.perRate`. A group with no positives
 * or no negatives is an `"error"`. Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `method`, `agg`, `minGroupSize`.
 * @returns `convention: "fairlearn"`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or an option is unknown.
 * @example
 * ```ts
 * import { equalizedOddsDifference } from "./equalized_odds.ts";
 * const data = {
 *   yTrue: [1, 1, 0, 0, 1, 1, 0, 0],
 *   yPred: [1, 1, 0, 0, 1, 0, 1, 1],
 *   sensitive: { g: ["a", "a", "a", "a", "b", "b", "b", "b"] },
 * };
 * // TPR 1 vs 0.5, FPR 0 vs 1
 * if (equalizedOddsDifference(data, { minGroupSize: 1 }).value !== 1) throw new Error();
 * if (equalizedOddsDifference(data, { minGroupSize: 1, agg: "mean" }).value !== 0.75) throw new Error();
 * ```
 */
export function equalizedOddsDifference(
  data: GroupedPredictions,
  options: EqualizedOddsOptions = {},
): FairnessResult {
  return fairlearnParity(
    {
      measure: "equalized_odds_difference",
      rates: ["truePositiveRate", "falsePositiveRate"],
      kind: "difference",
      agg: options.agg ?? "worst_case",
    },
    data,
    options,
  );
}

/**
 * Equalized odds ratio, fairlearn's convention: the TPR ratio and the FPR ratio (min / max, or
 * to overall), combined by `agg` — the smaller (`"worst_case"`) or their mean. Equals
 * `fairlearn.metrics.equalized_odds_ratio(…, method=…, agg=…)`. Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `method`, `agg`, `minGroupSize`.
 * @returns `convention: "fairlearn"`, `parity: 1`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or an option is unknown.
 * @example
 * ```ts
 * import { equalizedOddsRatio } from "./equalized_odds.ts";
 * const data = {
 *   yTrue: [1, 1, 0, 0, 1, 1, 0, 0],
 *   yPred: [1, 1, 1, 0, 1, 0, 1, 1],
 *   sensitive: { g: ["a", "a", "a", "a", "b", "b", "b", "b"] },
 * };
 * // TPR ratio 0.5, FPR ratio 0.5
 * if (equalizedOddsRatio(data, { minGroupSize: 1 }).value !== 0.5) throw new Error();
 * ```
 */
export function equalizedOddsRatio(
  data: GroupedPredictions,
  options: EqualizedOddsOptions = {},
): FairnessResult {
  return fairlearnParity(
    {
      measure: "equalized_odds_ratio",
      rates: ["truePositiveRate", "falsePositiveRate"],
      kind: "ratio",
      agg: options.agg ?? "worst_case",
    },
    data,
    options,
  );
}
