/**
 * Duplicate rows: rows equal to an earlier row in every column.
 *
 * @module
 */
import type { Table } from "../data/table.ts";
import { DEFAULT_QUALITY_THRESHOLDS, type QualityResult } from "./quality_result.ts";
import {
  checkRange,
  checkTable,
  errorResult,
  okResult,
  pickColumns,
  type ResultFields,
} from "./_result.ts";
import { hashRows, rowsEqual } from "./_row_hash.ts";

/** Options of {@linkcode duplicateRows}. */
export interface DuplicateRowsOptions {
  /** Columns that define a row. @default every column */
  columns?: readonly string[];
  /** Largest acceptable share of duplicate rows. @default 0.05 */
  maxShare?: number;
  /** How many duplicates to list in `details.examples`. @default 10 */
  maxListed?: number;
}

/**
 * Share of rows that exactly repeat an earlier row, as pandas'
 * `df.duplicated(keep="first").mean()`: `NaN` equals `NaN` (pandas' rule), `-0` equals `0`,
 * `null` equals `null` but not `""`. Rows are hashed column by column into two 32-bit lanes
 * (typed arrays, no per-row object) and placed in an open-addressing table; rows with equal hashes
 * are compared value by value, so the count is exact. `detected` is `share > maxShare`;
 * `details.examples` lists `{ row, duplicateOf }` pairs (1-based). A table without rows gives an
 * error result. O(rows × columns) time, about 16 bytes per row of memory.
 *
 * @param table The current data.
 * @param options Columns, threshold and listing size.
 * @returns One `"duplicate_row_share"` result (no `column`).
 * @throws {TypeError} When `table` is not a table or a requested column is absent.
 * @throws {RangeError} When `maxShare` is not in [0, 1] or `maxListed` is negative.
 * @example
 * ```ts
 * import { duplicateRows } from "./mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const r = duplicateRows(tableFromColumns({ x: [1, NaN, 1, NaN], c: ["a", "b", "a", "b"] }));
 * if (r.statistic !== 0.5 || !r.detected) throw new Error();
 * ```
 */
export function duplicateRows(table: Table, options: DuplicateRowsOptions = {}): QualityResult {
  checkTable(table, "Cannot check duplicate rows");
  const maxShare = checkRange(
    "Duplicate-row maxShare",
    options.maxShare ?? DEFAULT_QUALITY_THRESHOLDS.duplicate_row_share,
    0,
    1,
  );
  const maxListed = checkRange("Duplicate-row maxListed", options.maxListed ?? 10, 0, Infinity);
  const names = pickColumns(
    table.names,
    options.columns,
    "Cannot check duplicate rows",
    (name) => Object.hasOwn(table.columns, name),
  );
  const n = table.nRows;
  const fields: ResultFields = {
    method: "duplicate_row_share",
    threshold: maxShare,
    nReference: 0,
    nCurrent: n,
    details: { columns: names },
  };
  if (n === 0) return errorResult(fields, "Table has no rows");
  const columns = names.map((name) => table.columns[name]!);
  const { h1, h2 } = hashRows(columns, n);
  let capacity = 2;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity); // row + 1, 0 = empty
  const examples: { row: number; duplicateOf: number }[] = [];
  let nDuplicates = 0;
  for (let i = 0; i < n; i++) {
    const a = h1[i]!;
    const b = h2[i]!;
    let pos = (a ^ (b >>> 7)) & mask;
    for (;;) {
      const slot = slots[pos]!;
      if (slot === 0) {
        slots[pos] = i + 1;
        break;
      }
      const j = slot - 1;
      if (h1[j] === a && h2[j] === b && rowsEqual(columns, i, j)) {
        nDuplicates++;
        if (examples.length < maxListed) examples.push({ row: i + 1, duplicateOf: j + 1 });
        break;
      }
      pos = (pos + 1) & mask;
    }
  }
  fields.details = { columns: names, nDuplicates, examples };
  return okResult(fields, nDuplicates / n);
}
