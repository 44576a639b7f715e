/**
 * fairlearn's equal opportunity difference and ratio: true positive rates across all groups.
 *
 * @module
 */
import { fairlearnParity } from "./_fairlearn_parity.ts";
import type { FairnessResult, ParityOptions } from "./fairness_result.ts";
import type { GroupedPredictions } from "./metric_frame.ts";

/**
 * Equal opportunity difference, fairlearn's convention (unsigned, all groups): the spread of
 * the group true positive rates `P(ŷ=1 | Y=1, A=a)`, max − min (`"between_groups"`) or the
 * largest |group − overall| (`"to_overall"`). Equals
 * `fairlearn.metrics.equal_opportunity_difference(…, method=…)`. Not AIF360's signed measure of
 * the same name: that is {@linkcode aif360EqualOpportunityDifference}. A group with no
 * positives is an `"error"` (fairlearn would count its TPR as 0). Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `method`, `minGroupSize`.
 * @returns `convention: "fairlearn"`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or an option is unknown.
 * @example
 * ```ts
 * import { equalOpportunityDifference } from "./equal_opportunity.ts";
 * const r = equalOpportunityDifference(
 *   { yTrue: [1, 1, 1, 1], yPred: [1, 1, 1, 0], sensitive: { g: ["a", "a", "b", "b"] } },
 *   { minGroupSize: 1 },
 * );
 * if (r.value !== 0.5) throw new Error();
 * ```
 */
export function equalOpportunityDifference(
  data: GroupedPredictions,
  options: ParityOptions = {},
): FairnessResult {
  return fairlearnParity(
    {
      measure: "equal_opportunity_difference",
      rates: ["truePositiveRate"],
      kind: "difference",
      agg: "worst_case",
    },
    data,
    options,
  );
}

/**
 * Equal opportunity ratio, fairlearn's convention: min / max of the group true positive rates
 * (`"between_groups"`) or the smallest group/overall taken ≤ 1 (`"to_overall"`). Equals
 * `fairlearn.metrics.equal_opportunity_ratio(…, method=…)`. Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `method`, `minGroupSize`.
 * @returns `convention: "fairlearn"`, `parity: 1`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or an option is unknown.
 * @example
 * ```ts
 * import { equalOpportunityRatio } from "./equal_opportunity.ts";
 * const r = equalOpportunityRatio(
 *   { yTrue: [1, 1, 1, 1], yPred: [1, 1, 1, 0], sensitive: { g: ["a", "a", "b", "b"] } },
 *   { minGroupSize: 1 },
 * );
 * if (r.value !== 0.5) throw new Error();
 * ```
 */
export function equalOpportunityRatio(
  data: GroupedPredictions,
  options: ParityOptions = {},
): FairnessResult {
  return fairlearnParity(
    {
      measure: "equal_opportunity_ratio",
      rates: ["truePositiveRate"],
      kind: "ratio",
      agg: "worst_case",
    },
    data,
    options,
  );
}
