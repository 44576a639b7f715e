/**
 * The result shape and default thresholds of the data-quality checks.
 *
 * @module
 */
import type { CheckResult } from "../types.ts";

/**
 * The data-quality methods, one per check:
 * - `"missing_share"` — share of missing values in a column ({@linkcode completeness}),
 * - `"schema"` — 1 when a column is missing, unexpected or mistyped, else 0 (`schemaConsistency`),
 * - `"out_of_range_share"` — share of values outside the reference or declared range (`outOfRange`),
 * - `"unseen_category_share"` — share of values absent from the reference categories
 *   (`unseenCategories`),
 * - `"duplicate_row_share"` — share of rows equal to an earlier row (`duplicateRows`),
 * - `"majority_share"` — share of the value held by more than half of a column (`constantColumns`),
 * - `"row_count_change"` — `|rows / expected - 1|` (`volume`),
 * - `"source_unmatched_share"` and `"source_mismatch_share"` — rows without a one-to-one partner,
 *   and differing values among matched rows, between two sources (`compareSources`).
 */
export type QualityMethod =
  | "missing_share"
  | "schema"
  | "out_of_range_share"
  | "unseen_category_share"
  | "duplicate_row_share"
  | "majority_share"
  | "row_count_change"
  | "source_unmatched_share"
  | "source_mismatch_share";

/** A data-quality result: a {@linkcode CheckResult} of kind `"quality"`. */
export type QualityResult = CheckResult<"quality", QualityMethod>;

/**
 * The default threshold of each method; a problem is detected when `statistic > threshold`
 * (`statistic >= threshold` for `majority_share`). `missing_share` is the exception: its threshold
 * is the reference's missing share plus this allowed increase.
 *
 * - `missing_share`: +0.05 over the reference share (0 without a reference).
 * - `schema`: 0 (any missing, unexpected or mistyped column).
 * - `out_of_range_share`: 0.01. A value drawn from the reference distribution falls outside the
 *   range of n reference values with probability 2/(n+1), so raise it for small references.
 * - `unseen_category_share`: 0 (any unseen value), as Deepchecks' new-category condition.
 * - `duplicate_row_share`: 0.05 (double ingestion or join fan-out, not the few natural duplicates
 *   of low-cardinality data: Iris has 1 duplicate row in 150).
 * - `majority_share`: 1 (only truly constant columns; lower it, above 0.5, for near-constant ones).
 * - `row_count_change`: 0.5 (fewer than half or more than 1.5 times the expected rows).
 * - `source_unmatched_share`, `source_mismatch_share`: 0 (two sources should agree exactly).
 *
 * @example
 * ```ts
 * import { DEFAULT_QUALITY_THRESHOLDS } from "./mod.ts";
 * if (DEFAULT_QUALITY_THRESHOLDS.row_count_change !== 0.5) throw new Error();
 * ```
 */
export const DEFAULT_QUALITY_THRESHOLDS: Readonly<Record<QualityMethod, number>> = Object.freeze({
  missing_share: 0.05,
  schema: 0,
  out_of_range_share: 0.01,
  unseen_category_share: 0,
  duplicate_row_share: 0.05,
  majority_share: 1,
  row_count_change: 0.5,
  source_unmatched_share: 0,
  source_mismatch_share: 0,
});
