/**
 * Data quality: checks of a window's data itself, before any drift or model metric — is it all
 * there ({@linkcode completeness}, {@linkcode volume}), shaped as expected
 * ({@linkcode schemaConsistency}), within bounds ({@linkcode outOfRange},
 * {@linkcode unseenCategories}), informative ({@linkcode constantColumns}), not repeated
 * ({@linkcode duplicateRows}), and in agreement with another source ({@linkcode compareSources}).
 * {@linkcode qualityReport} runs them all against a reference profile. Every check returns
 * {@linkcode QualityResult}s: plain `CheckResult`s of kind `"quality"`, with an error status
 * rather than an exception when a column cannot be checked.
 *
 * @module
 */
// Types of other folders that this folder's signatures use, so this entry point is self-contained.
export type { CheckResult, Operator, ResultStatus } from "../types.ts";
export type { Column, ColumnKind, NonNumericSample, Table } from "../data/mod.ts";
export type * from "../profile/reference_profile.ts";
export * from "./quality_result.ts";
export * from "./completeness.ts";
export * from "./schema_consistency.ts";
export * from "./out_of_range.ts";
export * from "./unseen_categories.ts";
export * from "./duplicate_rows.ts";
export * from "./constant_columns.ts";
export * from "./volume.ts";
export * from "./compare_sources.ts";
export * from "./quality_report.ts";
