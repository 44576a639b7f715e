/**
 * Schema consistency: columns missing from, added to, or stored with another type than the
 * reference profile.
 *
 * @module
 */
import type { Table } from "../data/table.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import type { QualityResult } from "./quality_result.ts";
import { checkTable, okResult, type ResultFields } from "./_result.ts";
import { describeMismatch, typeMismatch } from "./_column_type.ts";

/** Options of {@linkcode schemaConsistency}. */
export interface SchemaConsistencyOptions {
  /** Report columns absent from the profile as not detected (e.g. ids, predictions). @default false */
  allowUnexpected?: boolean;
}

/**
 * Compares the table's columns with the profile's: a profile column absent from the table is
 * `"missing"`, a table column absent from the profile `"unexpected"`, and a column stored with
 * another type `"mistyped"` — text where the profile has numbers (the first row that does not
 * read as a number is named) or numbers where it has text. A column without any value is never
 * mistyped (CSV readers type an all-empty column as numeric); completeness reports it instead.
 *
 * Mistyped data is *reported* here, not thrown: a report must survive a bad window. The
 * lower-level functions that need numbers (e.g. `outOfRangeShare`) throw on text instead.
 *
 * The statistic is 1 for a column with a problem and 0 otherwise; threshold 0, operator `">"`.
 * O(rows) per mistyped-candidate column, O(columns) otherwise.
 *
 * @param table The current data.
 * @param profile The reference profile.
 * @param options Whether unexpected columns count as problems.
 * @returns One `"schema"` result per column: profile columns in profile order, then unexpected
 * ones; `details.problem` is `"missing"`, `"unexpected"`, `"mistyped"` or `null`.
 * @throws {TypeError} When `table` is not a table.
 * @example
 * ```ts
 * import { schemaConsistency } from "./mod.ts";
 * import { buildProfile } from "../profile/mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const profile = buildProfile(tableFromColumns({ x: [1, 2], y: [3, 4] }));
 * const results = schemaConsistency(tableFromColumns({ x: ["1", "oops"], z: [1, 2] }), profile);
 * const problems = results.map((r) => `${r.column}:${r.details!.problem}`).join();
 * if (problems !== "x:mistyped,y:missing,z:unexpected") throw new Error(problems);
 * ```
 */
export function schemaConsistency(
  table: Table,
  profile: ReferenceProfile,
  options: SchemaConsistencyOptions = {},
): QualityResult[] {
  checkTable(table, "Cannot check the schema");
  const results: QualityResult[] = [];
  const base = { method: "schema" as const, threshold: 0, nReference: profile.nRows };
  for (const [column, ref] of Object.entries(profile.columns)) {
    const fields: ResultFields = { ...base, nCurrent: table.nRows, column };
    const expected = { kind: ref.kind, type: ref.type };
    const current = Object.hasOwn(table.columns, column) ? table.columns[column] : undefined;
    if (current === undefined) {
      fields.details = { problem: "missing", expected, found: null };
      results.push(okResult(fields, 1));
      continue;
    }
    const found = current instanceof Float64Array ? "number" : "string";
    const mismatch = typeMismatch(current, ref.type);
    fields.details = mismatch === undefined ? { problem: null, expected, found } : {
      problem: "mistyped",
      expected,
      found,
      row: mismatch.row,
      value: mismatch.value,
      message: describeMismatch(column, mismatch),
    };
    results.push(okResult(fields, mismatch === undefined ? 0 : 1));
  }
  for (const column of table.names) {
    if (Object.hasOwn(profile.columns, column)) continue;
    const found = table.columns[column] instanceof Float64Array ? "number" : "string";
    const fields: ResultFields = {
      ...base,
      nCurrent: table.nRows,
      column,
      details: { problem: "unexpected", expected: null, found, allowed: !!options.allowUnexpected },
    };
    results.push(okResult(fields, options.allowUnexpected ? 0 : 1));
  }
  return results;
}
