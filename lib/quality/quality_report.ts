/**
 * The quality report: every data-quality check of a window against the reference profile.
 *
 * @module
 */
import type { Table } from "../data/table.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import type { QualityResult } from "./quality_result.ts";
import { checkTable } from "./_result.ts";
import { completeness, type CompletenessOptions } from "./completeness.ts";
import { schemaConsistency, type SchemaConsistencyOptions } from "./schema_consistency.ts";
import { outOfRange, type OutOfRangeOptions } from "./out_of_range.ts";
import { unseenCategories, type UnseenCategoriesOptions } from "./unseen_categories.ts";
import { duplicateRows, type DuplicateRowsOptions } from "./duplicate_rows.ts";
import { constantColumns, type ConstantColumnsOptions } from "./constant_columns.ts";
import { volume, type VolumeOptions } from "./volume.ts";

/** Options of {@linkcode qualityReport}: each check's options, or `false` to skip it. */
export interface QualityReportOptions {
  /** Profile columns to check. @default every column of the profile */
  columns?: readonly string[];
  /** Row count check. @default `{}` (expected = the profile's row count) */
  volume?: Omit<VolumeOptions, "profile"> | false;
  /** Schema check. @default `{}` */
  schemaConsistency?: SchemaConsistencyOptions | false;
  /** Duplicate rows over the checked columns. @default `{}` */
  duplicateRows?: Omit<DuplicateRowsOptions, "columns"> | false;
  /** Missing shares. @default `{}` */
  completeness?: Omit<CompletenessOptions, "profile" | "columns"> | false;
  /** Values outside the reference (or declared) range, numeric columns. @default `{}` */
  outOfRange?: Omit<OutOfRangeOptions, "profile" | "columns"> | false;
  /** Values outside the reference categories, categorical and boolean columns. @default `{}` */
  unseenCategories?: Omit<UnseenCategoriesOptions, "columns"> | false;
  /** Constant columns. @default `{}` */
  constantColumns?: Omit<ConstantColumnsOptions, "columns"> | false;
}

/**
 * Runs every quality check of `table` against `profile`, in this order: volume, schema
 * (per profile column, then unexpected columns), duplicate rows, completeness, ranges, unseen
 * categories, constant columns (per column, in profile order).
 *
 * One bad column never sinks the report. A column of the profile that is absent from the table is
 * reported by the schema check and skipped by the others. A mistyped column (text where the
 * profile has numbers) is *reported* — by the schema check (naming the first row that is not a
 * number) and as an error result of the range check — and the other checks still run on it; an
 * empty or all-missing column gives error results where a statistic needs values. Throwing is
 * kept for misuse: a table whose columns do not have `nRows` rows, a requested column absent
 * from the profile, an option out of range. (The low-level functions, such as `outOfRangeShare`,
 * throw on text where numbers are required, naming the row.)
 *
 * Cost O(rows × columns): one or two passes per column and check, no sort; the duplicate check
 * hashes rows into typed arrays.
 *
 * @param table The current window.
 * @param profile The reference profile (`buildProfile` or `profileFromJSON`).
 * @param options Columns, and per-check options or `false`.
 * @returns The results, all of kind `"quality"`.
 * @throws {TypeError} When `table` or `profile` has the wrong shape, or a requested column is not
 * in the profile.
 * @throws {RangeError} When a check option is out of range.
 * @example
 * ```ts
 * import { qualityReport } from "./mod.ts";
 * import { buildProfile } from "../profile/mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const profile = buildProfile(tableFromColumns({ x: [1, 2, 3, 4], c: ["a", "b", "a", "b"] }));
 * const results = qualityReport(tableFromColumns({ x: [2, 3, 9, NaN], c: ["a", "b", "z", "a"] }), profile);
 * const detected = results.filter((r) => r.detected).map((r) => `${r.method}:${r.column}`);
 * if (detected.join() !== "missing_share:x,out_of_range_share:x,unseen_category_share:c") {
 *   throw new Error(detected.join());
 * }
 * ```
 */
export function qualityReport(
  table: Table,
  profile: ReferenceProfile,
  options: QualityReportOptions = {},
): QualityResult[] {
  checkTable(table, "Cannot build a quality report");
  if (
    typeof profile !== "object" || profile === null || profile.version !== 1 ||
    typeof profile.columns !== "object" || profile.columns === null
  ) {
    throw new TypeError("Cannot build a quality report: profile is not a version 1 profile");
  }
  for (const name of options.columns ?? []) {
    if (!Object.hasOwn(profile.columns, name)) {
      throw new TypeError(
        `Cannot build a quality report: column ${JSON.stringify(name)} is not in the profile`,
      );
    }
  }
  const inProfile = options.columns ?? Object.keys(profile.columns);
  const present = inProfile.filter((name) => Object.hasOwn(table.columns, name));
  const kindOf = (name: string) => profile.columns[name]!.kind;
  const results: QualityResult[] = [];
  if (options.volume !== false) results.push(volume(table, { profile, ...options.volume }));
  if (options.schemaConsistency !== false) {
    const wanted = new Set(inProfile);
    results.push(
      ...schemaConsistency(table, profile, options.schemaConsistency ?? {}).filter((r) =>
        options.columns === undefined || wanted.has(r.column!)
      ),
    );
  }
  if (options.duplicateRows !== false) {
    results.push(duplicateRows(table, { ...options.duplicateRows, columns: present }));
  }
  if (options.completeness !== false) {
    results.push(...completeness(table, { ...options.completeness, profile, columns: present }));
  }
  if (options.outOfRange !== false) {
    const numeric = present.filter((name) => kindOf(name) === "numeric");
    results.push(...outOfRange(table, { ...options.outOfRange, profile, columns: numeric }));
  }
  if (options.unseenCategories !== false) {
    const categorical = present.filter((name) => kindOf(name) !== "numeric");
    results.push(
      ...unseenCategories(table, profile, { ...options.unseenCategories, columns: categorical }),
    );
  }
  if (options.constantColumns !== false) {
    results.push(...constantColumns(table, { ...options.constantColumns, columns: present }));
  }
  return results;
}
