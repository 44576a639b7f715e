/**
 * Schema inference: what kind of variable each column of a {@linkcode Table} holds, which decides
 * how it is profiled and which drift test applies.
 *
 * @module
 */

import type { NonNumericSample, Table } from "./table.ts";

/** The kind of a column. */
export type ColumnKind = "numeric" | "categorical" | "boolean";

/** One column of a {@linkcode Schema}. */
export interface SchemaColumn {
  /** The column name. */
  name: string;
  /** What kind of variable the column holds. */
  kind: ColumnKind;
  /**
   * For a column a CSV reader inferred as text although it held numbers, the first values that
   * are not numbers (`1e309`, `inf`, `n/a`…), which forced the string type; empty otherwise.
   */
  nonNumeric: NonNumericSample[];
}

/** The kinds of a table's columns, in table order. */
export interface Schema {
  /** One entry per column. */
  columns: SchemaColumn[];
}

/**
 * Infers each column's kind, O(rows × columns), by these rules (missing values — `NaN`, `null` —
 * are ignored):
 * - a numeric column (`Float64Array`) is `"boolean"` when it has at least one value and every
 *   value is 0 or 1 (a binary flag or label), otherwise `"numeric"` (also when it has no values);
 * - a string column is `"boolean"` when it has at least one value and every value is `"true"` or
 *   `"false"` (any letter case), otherwise `"categorical"` (also when it has no values).
 *
 * A column the CSV readers made text because a few values were not numbers (`1e309`, `inf`: see
 * the readers' `nonFinite` option) lists them in `nonNumeric`, from the table's `nonNumeric`.
 *
 * @param table The table.
 * @returns The schema, columns in `table.names` order.
 * @example
 * ```ts
 * import { inferSchema } from "./mod.ts";
 * import { tableFromColumns } from "./mod.ts";
 * const s = inferSchema(tableFromColumns({ x: [0.5, 2], flag: [1, 0], c: ["a", "b"] }));
 * const kinds = s.columns.map((c) => c.kind).join();
 * if (kinds !== "numeric,boolean,categorical") throw new Error(kinds);
 * ```
 */
export function inferSchema(table: Table): Schema {
  return {
    columns: table.names.map((name) => ({
      name,
      kind: columnKind(table, name),
      nonNumeric: table.nonNumeric?.[name] ?? [],
    })),
  };
}

function columnKind(table: Table, name: string): ColumnKind {
  const column = table.columns[name];
  if (column === undefined) {
    throw new TypeError(`Cannot infer a schema: table has no column ${JSON.stringify(name)}`);
  }
  let seen = false;
  if (column instanceof Float64Array) {
    for (const v of column) {
      if (v !== v) continue;
      if (v !== 0 && v !== 1) return "numeric";
      seen = true;
    }
    return seen ? "boolean" : "numeric";
  }
  for (const v of column) {
    if (v === null) continue;
    const lower = v.toLowerCase();
    if (lower !== "true" && lower !== "false") return "categorical";
    seen = true;
  }
  return seen ? "boolean" : "categorical";
}
