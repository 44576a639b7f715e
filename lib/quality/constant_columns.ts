/**
 * Constant columns: a column holding a single value (or, optionally, one dominant value) carries
 * no information and usually means a broken feed or a default filled in upstream.
 *
 * @module
 */
import type { Column, Table } from "../data/table.ts";
import { DEFAULT_QUALITY_THRESHOLDS, type QualityResult } from "./quality_result.ts";
import { checkTable, errorResult, okResult, pickColumns, type ResultFields } from "./_result.ts";

/** Options of {@linkcode constantColumns}. */
export interface ConstantColumnsOptions {
  /** Columns to check. @default every column */
  columns?: readonly string[];
  /**
   * Majority share at or above which a column is flagged, in (0.5, 1]; 1 flags only columns with
   * a single distinct value, 0.95 also near-constant ones. @default 1
   */
  minShare?: number;
}

/**
 * The *majority share* of each column: the share of its non-missing values equal to a value held
 * by more than half of them, and 0 when no value is. Found in one pass by the Boyer–Moore
 * majority vote and confirmed by a second count, so O(rows) time and O(1) memory per column
 * (no sort, no hash map). `detected` is `share >= minShare` (operator `">="`); with the default
 * 1 this is "a single distinct non-missing value". Missing values (`NaN`, `±Infinity`, `null`,
 * `""`) are ignored; `-0` equals `0`. A column with fewer than two values gives an error result
 * (every single value is trivially constant). `details.value` is the majority value.
 *
 * @param table The current data.
 * @param options Columns and the flagging share.
 * @returns One `"majority_share"` result per column.
 * @throws {TypeError} When `table` is not a table or a requested column is absent.
 * @throws {RangeError} When `minShare` is not in (0.5, 1].
 * @example
 * ```ts
 * import { constantColumns } from "./mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const t = tableFromColumns({ k: [7, 7, NaN, 7], x: [1, 2, 2, 3] });
 * const [k, x] = constantColumns(t);
 * if (!k!.detected || k!.statistic !== 1 || x!.detected || x!.statistic !== 0) throw new Error();
 * ```
 */
export function constantColumns(
  table: Table,
  options: ConstantColumnsOptions = {},
): QualityResult[] {
  checkTable(table, "Cannot check constant columns");
  const minShare = options.minShare ?? DEFAULT_QUALITY_THRESHOLDS.majority_share;
  if (typeof minShare !== "number" || !(minShare > 0.5 && minShare <= 1)) {
    throw new RangeError(`Constant-column minShare must be in (0.5, 1], got ${minShare}`);
  }
  const names = pickColumns(
    table.names,
    options.columns,
    "Cannot check constant columns",
    (name) => Object.hasOwn(table.columns, name),
  );
  return names.map((column) => {
    const { value, count, n } = majority(table.columns[column]!);
    const fields: ResultFields = {
      method: "majority_share",
      threshold: minShare,
      operator: ">=",
      nReference: 0,
      nCurrent: n,
      column,
      details: { value: count * 2 > n ? value : null, count: count * 2 > n ? count : 0 },
    };
    if (n < 2) return errorResult(fields, `Column "${column}" has fewer than 2 values`);
    return okResult(fields, count * 2 > n ? count / n : 0);
  });
}

function isMissing(v: string | number | null | undefined): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "number" && !(v - v === 0));
}

function majority(column: Column): { value: string | number | null; count: number; n: number } {
  let candidate: string | number | null = null;
  let votes = 0;
  let n = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (isMissing(v)) continue;
    n++;
    if (votes === 0) {
      candidate = v!;
      votes = 1;
    } else if (v === candidate) votes++;
    else votes--;
  }
  let count = 0;
  for (let i = 0; i < column.length; i++) if (column[i] === candidate) count++;
  return { value: candidate, count: candidate === null ? 0 : count, n };
}
