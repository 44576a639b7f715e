/**
 * Fairness: one by-group frame and parity measures in two conventions.
 *
 * - {@linkcode metricFrame}: any metric per group (and per intersection of several sensitive
 *   attributes), overall, min, max, difference and ratio (between groups and to overall), group
 *   counts, percentile bootstrap intervals, and "too few rows" as an `"error"` value. One shape
 *   whatever the metric (fairlearn's `MetricFrame` without its shape-changing returns).
 * - fairlearn's convention (unsigned, across all groups, `method: "between_groups" |
 *   "to_overall"`): {@linkcode demographicParityDifference}, {@linkcode demographicParityRatio},
 *   {@linkcode equalizedOddsDifference}, {@linkcode equalizedOddsRatio} (`agg: "worst_case" |
 *   "mean"`), {@linkcode equalOpportunityDifference}, {@linkcode equalOpportunityRatio}, and
 *   {@linkcode fourFifthsRule} with fairlearn's caveat.
 * - AIF360's convention (signed, unprivileged − privileged or unprivileged / privileged):
 *   {@linkcode disparateImpact}, {@linkcode statisticalParityDifference},
 *   {@linkcode aif360EqualOpportunityDifference}, {@linkcode averageOddsDifference}, and the
 *   individual-level {@linkcode theilIndex}.
 *
 * Every measure returns a {@linkcode FairnessResult} that says its `convention`. Golden values:
 * `test/golden/fairness_golden.py` (the published formulas in numpy).
 *
 * @example
 * ```ts
 * import { disparateImpact, demographicParityRatio } from "./mod.ts";
 * const data = { yTrue: [0, 0, 0, 0], yPred: [1, 0, 1, 1], sensitive: { g: ["u", "u", "p", "p"] } };
 * const fl = demographicParityRatio(data, { minGroupSize: 1 });
 * const aif = disparateImpact(data, { privileged: "p", minGroupSize: 1 });
 * if (fl.value !== aif.value || fl.convention === aif.convention) throw new Error();
 * ```
 *
 * @module
 */
export * from "./group_coding.ts";
export * from "./count_metric.ts";
export * from "./metric_frame.ts";
export * from "./metric_frames_by_attribute.ts";
export * from "./fairness_result.ts";
export * from "./demographic_parity.ts";
export * from "./equalized_odds.ts";
export * from "./equal_opportunity.ts";
export * from "./four_fifths_rule.ts";
export * from "./aif360_measures.ts";
export * from "./theil_index.ts";
export type { ResultStatus } from "../types.ts";
export type { MetricResult } from "../metrics/metric_result.ts";
