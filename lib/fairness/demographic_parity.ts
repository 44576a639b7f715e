/**
 * fairlearn's demographic parity difference and ratio: selection rates across all groups.
 *
 * @module
 */
import { fairlearnParity } from "./_fairlearn_parity.ts";
import type { FairnessResult, ParityOptions } from "./fairness_result.ts";
import type { GroupedPredictions } from "./metric_frame.ts";

/**
 * Demographic parity difference, fairlearn's convention (unsigned, all groups): the largest
 * minus the smallest group selection rate `P(ŷ=1 | A=a)` (`method: "between_groups"`), or the
 * largest |group − overall| (`"to_overall"`). Equals
 * `fairlearn.metrics.demographic_parity_difference(y_true, y_pred, sensitive_features=…,
 * method=…)`. 0 means equal selection rates; it says nothing about whether they should be equal.
 * Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `method`, `minGroupSize`.
 * @returns `convention: "fairlearn"`; `"error"` for no rows, one group, or a group below
 * `minGroupSize`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or an option is unknown.
 * @example
 * ```ts
 * import { demographicParityDifference } from "./demographic_parity.ts";
 * const r = demographicParityDifference(
 *   { yTrue: [1, 0, 1, 0], yPred: [1, 1, 1, 0], sensitive: { g: ["a", "a", "b", "b"] } },
 *   { minGroupSize: 1 },
 * );
 * if (r.value !== 0.5 || r.convention !== "fairlearn") throw new Error();
 * ```
 */
export function demographicParityDifference(
  data: GroupedPredictions,
  options: ParityOptions = {},
): FairnessResult {
  return fairlearnParity(
    {
      measure: "demographic_parity_difference",
      rates: ["selectionRate"],
      kind: "difference",
      agg: "worst_case",
    },
    data,
    options,
  );
}

/**
 * Demographic parity ratio, fairlearn's convention: the smallest over the largest group
 * selection rate (`"between_groups"`), or the smallest of group/overall taken ≤ 1
 * (`"to_overall"`). Equals `fairlearn.metrics.demographic_parity_ratio(…, method=…)`. 1 means
 * equal selection rates; an `"error"` when every selection rate is 0 (0/0). Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `method`, `minGroupSize`.
 * @returns `convention: "fairlearn"`, `parity: 1`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or an option is unknown.
 * @example
 * ```ts
 * import { demographicParityRatio } from "./demographic_parity.ts";
 * const r = demographicParityRatio(
 *   { yTrue: [1, 0, 1, 0], yPred: [1, 1, 1, 0], sensitive: { g: ["a", "a", "b", "b"] } },
 *   { minGroupSize: 1 },
 * );
 * if (r.value !== 0.5) throw new Error();
 * ```
 */
export function demographicParityRatio(
  data: GroupedPredictions,
  options: ParityOptions = {},
): FairnessResult {
  return fairlearnParity(
    {
      measure: "demographic_parity_ratio",
      rates: ["selectionRate"],
      kind: "ratio",
      agg: "worst_case",
    },
    data,
    options,
  );
}
