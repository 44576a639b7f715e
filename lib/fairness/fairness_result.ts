/**
 * The result shape of every parity measure, in either convention.
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";

/** Whose definition a measure follows: fairlearn (unsigned, all groups) or AIF360 (signed). */
export type FairnessConvention = "fairlearn" | "aif360";

/** The parity measures Vigil computes. */
export type FairnessMeasure =
  | "demographic_parity_difference"
  | "demographic_parity_ratio"
  | "equalized_odds_difference"
  | "equalized_odds_ratio"
  | "equal_opportunity_difference"
  | "equal_opportunity_ratio"
  | "four_fifths_rule"
  | "disparate_impact"
  | "statistical_parity_difference"
  | "average_odds_difference"
  | "theil_index";

/** Counts and rates of one group (or of a pooled side, for AIF360). */
export interface GroupRates {
  /** Group name; for AIF360 the privileged or unprivileged side. */
  group: string;
  /** Rows. */
  n: number;
  /** `"error"` when the group has too few rows (then it has no rates). */
  status: ResultStatus;
  /** Why; only when `status` is `"error"`. */
  reason?: string;
  /** True negatives. */
  tn: number;
  /** False positives. */
  fp: number;
  /** False negatives. */
  fn: number;
  /** True positives. */
  tp: number;
  /** (TP+FP)/n; NaN when undefined. */
  selectionRate: number;
  /** TP/(TP+FN); NaN when the group has no positives. */
  truePositiveRate: number;
  /** FP/(FP+TN); NaN when the group has no negatives. */
  falsePositiveRate: number;
}

/**
 * One parity measure. Same keys for every measure and both conventions; `reason` only when
 * `status` is `"error"` (a group with too few rows, a rate with no positives, one group), and
 * then `value` is NaN.
 */
export interface FairnessResult {
  /** Always `"fairness"`. */
  kind: "fairness";
  /** The measure, in snake_case, as its library names it. */
  measure: FairnessMeasure;
  /** fairlearn: unsigned, across all groups. AIF360: signed, unprivileged vs privileged. */
  convention: FairnessConvention;
  /** `"ok"` when computed. */
  status: ResultStatus;
  /** Why; only when `status` is `"error"`. */
  reason?: string;
  /** The measure; NaN when `status` is `"error"`. */
  value: number;
  /** The value that means no disparity: 0 for differences and the Theil index, 1 for ratios. */
  parity: 0 | 1;
  /** Rows in all. */
  n: number;
  /** The sensitive attributes (several = intersections). */
  attributes: string[];
  /** The groups the measure compares (AIF360: unprivileged, then privileged). */
  groups: GroupRates[];
  /** The policy in force: method, agg, privileged/unprivileged, minGroupSize, formula. */
  details: Record<string, unknown>;
}

/** fairlearn's `method`: compare groups with each other or each group with all rows. */
export type ParityMethod = "between_groups" | "to_overall";

/** Options of fairlearn's parity measures. */
export interface ParityOptions {
  /** `"between_groups"`: max − min, min / max; `"to_overall"`: against all rows. @default "between_groups" */
  method?: ParityMethod;
  /** Groups with fewer rows make the result an `"error"` ("too few rows"). @default 30 */
  minGroupSize?: number;
}
