/**
 * Cross-source consistency: two tables that should hold the same records (a feature store and
 * the warehouse, yesterday's export and today's), joined by a key column.
 *
 * @module
 */
import type { Table } from "../data/table.ts";
import { DEFAULT_QUALITY_THRESHOLDS, type QualityResult } from "./quality_result.ts";
import { checkRange, checkTable, errorResult, okResult, type ResultFields } from "./_result.ts";
import { joinKeys, valuesAgree } from "./_key_index.ts";

/** Options of {@linkcode compareSources}. */
export interface CompareSourcesOptions {
  /** The key column, present in both tables with the same type. */
  key: string;
  /**
   * Numbers agree when `|x − y| ≤ tolerance × max(1, |x|, |y|)`: absolute below 1, relative
   * above (as Python's `math.isclose(x, y, rel_tol=t, abs_tol=t)`). @default 1e-9
   */
  tolerance?: number;
  /** Columns to compare. @default the columns of either table but the key, a's first */
  columns?: readonly string[];
  /** Largest acceptable share of unmatched rows. @default 0 */
  maxUnmatchedShare?: number;
  /** Largest acceptable share of differing values per column. @default 0 */
  maxMismatchShare?: number;
  /** How many keys to list in examples. @default 10 */
  maxListed?: number;
}

/**
 * Joins `a` and `b` on `key` and reports:
 * 1. one `"source_unmatched_share"` result (no `column`): the share of all rows (of both tables)
 *    without a one-to-one partner — key only on one side, missing (`NaN`, `null`, `""`) or
 *    duplicated on either side (duplicated keys are reported, never guessed at); `details` holds
 *    the counts and examples of keys only in a, only in b and duplicated;
 * 2. per column, one `"source_mismatch_share"` result: the share of matched rows whose values
 *    differ. Numbers agree within `tolerance` (see the option); `NaN` agrees with `NaN`; missing
 *    text (`null`, `""`) agrees with missing text. A column in one table only, or numeric in one and
 *    text in the other, gives an error result; so does every column when no row matched.
 *
 * `a` plays the reference: `nReference` counts its rows (matched rows for per-column results).
 * O(rows + matched × columns).
 *
 * @param a The first (reference) table.
 * @param b The second table.
 * @param options Key, tolerance, columns and thresholds.
 * @returns The unmatched-rows result, then one result per compared column.
 * @throws {TypeError} When a table is not a table, the key is absent from either, or numeric in
 * one and text in the other (misuse: there is no join to report on).
 * @throws {RangeError} When a tolerance or threshold is out of range.
 * @example
 * ```ts
 * import { compareSources } from "./mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const a = tableFromColumns({ id: [1, 2, 3], x: [1.0, 2.0, 3.0] });
 * const b = tableFromColumns({ id: [3, 2, 4], x: [3.0, 2.5, 9.0] });
 * const [rows, x] = compareSources(a, b, { key: "id" });
 * if (rows!.statistic !== 2 / 6 || x!.statistic !== 0.5) throw new Error();
 * ```
 */
export function compareSources(
  a: Table,
  b: Table,
  options: CompareSourcesOptions,
): QualityResult[] {
  checkTable(a, "Cannot compare sources (a)");
  checkTable(b, "Cannot compare sources (b)");
  const key = options?.key;
  const ka = Object.hasOwn(a.columns, key) ? a.columns[key] : undefined;
  const kb = Object.hasOwn(b.columns, key) ? b.columns[key] : undefined;
  if (ka === undefined || kb === undefined) {
    throw new TypeError(
      `Cannot compare sources: key column ${JSON.stringify(key)} is missing from ${
        ka === undefined ? "a" : "b"
      }`,
    );
  }
  if ((ka instanceof Float64Array) !== (kb instanceof Float64Array)) {
    throw new TypeError(
      `Cannot compare sources: key column "${key}" is ${
        ka instanceof Float64Array ? "numeric in a and text in b" : "text in a and numeric in b"
      }`,
    );
  }
  const tolerance = checkRange("Source tolerance", options.tolerance ?? 1e-9, 0, Infinity);
  const maxUnmatched = checkRange(
    "Source maxUnmatchedShare",
    options.maxUnmatchedShare ?? DEFAULT_QUALITY_THRESHOLDS.source_unmatched_share,
    0,
    1,
  );
  const maxMismatch = checkRange(
    "Source maxMismatchShare",
    options.maxMismatchShare ?? DEFAULT_QUALITY_THRESHOLDS.source_mismatch_share,
    0,
    1,
  );
  const maxListed = checkRange("Source maxListed", options.maxListed ?? 10, 0, Infinity);
  const { a: ia, b: ib, pairA, pairB, onlyInA, onlyInB, nOnlyInA, nOnlyInB } = joinKeys(
    ka,
    kb,
    maxListed,
  );
  const matched = pairA.length;
  const total = a.nRows + b.nRows;
  const rowFields: ResultFields = {
    method: "source_unmatched_share",
    threshold: maxUnmatched,
    nReference: a.nRows,
    nCurrent: b.nRows,
    details: {
      key,
      matched,
      keysOnlyInA: nOnlyInA,
      keysOnlyInB: nOnlyInB,
      duplicateKeyRowsA: ia.nDuplicateRows,
      duplicateKeyRowsB: ib.nDuplicateRows,
      missingKeysA: ia.nMissing,
      missingKeysB: ib.nMissing,
      examples: { onlyInA, onlyInB, duplicatesA: ia.duplicates, duplicatesB: ib.duplicates },
    },
  };
  const results = [
    total === 0
      ? errorResult(rowFields, "Both tables are empty")
      : okResult(rowFields, (total - 2 * matched) / total),
  ];
  const names = options.columns ??
    [...new Set([...a.names, ...b.names])].filter((name) => name !== key);
  for (const column of names) {
    const fields: ResultFields = {
      method: "source_mismatch_share",
      threshold: maxMismatch,
      nReference: matched,
      nCurrent: matched,
      column,
      details: { key, tolerance },
    };
    const ca = Object.hasOwn(a.columns, column) ? a.columns[column] : undefined;
    const cb = Object.hasOwn(b.columns, column) ? b.columns[column] : undefined;
    if (ca === undefined && cb === undefined) {
      throw new TypeError(`Cannot compare sources: no column ${JSON.stringify(column)} in a or b`);
    }
    if (ca === undefined || cb === undefined) {
      results.push(errorResult(fields, `Column "${column}" is only in ${ca ? "a" : "b"}`));
      continue;
    }
    if ((ca instanceof Float64Array) !== (cb instanceof Float64Array)) {
      const types = ca instanceof Float64Array
        ? "numeric in a and text in b"
        : "text in a and numeric in b";
      results.push(errorResult(fields, `Column "${column}" is ${types}`));
      continue;
    }
    if (matched === 0) {
      results.push(errorResult(fields, `No rows matched by key "${key}"`));
      continue;
    }
    let mismatches = 0;
    const examples: { key: string | number | null; a: unknown; b: unknown }[] = [];
    for (let p = 0; p < matched; p++) {
      const x = ca[pairA[p]!];
      const y = cb[pairB[p]!];
      if (valuesAgree(x, y, tolerance)) continue;
      mismatches++;
      if (examples.length < maxListed) examples.push({ key: ka[pairA[p]!] ?? null, a: x, b: y });
    }
    fields.details = { key, tolerance, mismatches, examples };
    results.push(okResult(fields, mismatches / matched));
  }
  return results;
}
