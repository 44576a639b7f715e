/**
 * Column-oriented tables: one typed array per numeric column, one array per categorical column.
 *
 * A {@linkcode Table} is a plain object (no class, no methods), like arquero's column tables
 * without the verbs: numeric columns are `Float64Array` with `NaN` for missing values, categorical
 * columns are `(string | null)[]` with `null` for missing values. Columns are never copied by the
 * readers that hand them out; nothing in Vigil mutates them.
 *
 * @module
 */

/** A numeric column (`Float64Array`, `NaN` = missing) or a categorical one (`null` = missing). */
export type Column = Float64Array | (string | null)[];

/** A value that is not a number, where a CSV reader found it. */
export interface NonNumericSample {
  /** 1-based data row (the header not counted). */
  row: number;
  /** 1-based physical line where the row starts. */
  line: number;
  /** The field's text. */
  text: string;
}

/** Named columns of equal length, in `names` order. */
export interface Table {
  /** Column names in order. */
  names: string[];
  /** The columns by name. */
  columns: Record<string, Column>;
  /** Number of rows (the length of every column). */
  nRows: number;
  /**
   * Set by the CSV readers when an inferred column held numbers but was read as text: for each
   * such column, the first (up to 3) values that are not numbers, which forced the string type.
   */
  nonNumeric?: Record<string, NonNumericSample[]>;
}

/**
 * Builds a {@linkcode Table} from columns given by name (in the object's key order).
 *
 * `Float64Array` columns are kept as they are (not copied); other numeric array-likes (arrays,
 * other typed arrays) are converted to a new `Float64Array`, with `null`/`undefined` becoming `NaN`.
 * Arrays whose entries are all strings or `null` become categorical columns (kept, not copied).
 * An empty array is numeric. Cost O(rows × columns).
 *
 * @param columns Columns by name.
 * @returns The table.
 * @throws {TypeError} When a column is not array-like, mixes numbers and strings, or has a length
 * different from the first column's (the message names the column).
 * @example
 * ```ts
 * import { tableFromColumns } from "./mod.ts";
 * const t = tableFromColumns({ x: [1, 2, 3], species: ["a", null, "b"] });
 * if (t.nRows !== 3 || !(t.columns.x instanceof Float64Array)) throw new Error();
 * if (t.names.join() !== "x,species") throw new Error();
 * ```
 */
export function tableFromColumns(
  columns: Record<string, Column | ArrayLike<number> | (string | null)[]>,
): Table {
  const names = Object.keys(columns);
  const out: Record<string, Column> = {};
  let nRows = -1;
  let first = "";
  for (const name of names) {
    const column = toColumn(name, columns[name]);
    if (nRows === -1) {
      nRows = column.length;
      first = name;
    } else if (column.length !== nRows) {
      throw new TypeError(
        `Cannot build a table: column "${name}" has ${column.length} rows, column "${first}" has ${nRows}`,
      );
    }
    out[name] = column;
  }
  return { names, columns: out, nRows: Math.max(nRows, 0) };
}

function toColumn(name: string, values: unknown): Column {
  if (values instanceof Float64Array) return values;
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) {
    if (typeof (values as unknown as ArrayLike<unknown>)[0] === "bigint") {
      throw new TypeError(`Cannot build a table: column "${name}" is a BigInt array`);
    }
    return Float64Array.from(values as unknown as ArrayLike<number>);
  }
  if (
    values === null || typeof values !== "object" ||
    typeof (values as ArrayLike<unknown>).length !== "number"
  ) {
    throw new TypeError(`Cannot build a table: column "${name}" is not an array`);
  }
  const items = values as ArrayLike<unknown>;
  let numbers = 0;
  let strings = 0;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (typeof v === "number") numbers++;
    else if (typeof v === "string") strings++;
    else if (v !== null && v !== undefined) {
      throw new TypeError(
        `Cannot build a table: column "${name}" row ${
          i + 1
        } is ${typeof v}, expected number or string`,
      );
    }
  }
  if (numbers > 0 && strings > 0) {
    throw new TypeError(`Cannot build a table: column "${name}" mixes numbers and strings`);
  }
  if (strings > 0 || (items.length > 0 && numbers === 0)) {
    return Array.from(items, (v) => (typeof v === "string" ? v : null));
  }
  return Float64Array.from(items, (v) => (typeof v === "number" ? v : NaN));
}

/**
 * Returns a numeric column by name. O(1).
 *
 * @param table The table.
 * @param name Column name.
 * @returns The column's `Float64Array` (not a copy; do not mutate it).
 * @throws {TypeError} When the column does not exist or is categorical.
 * @example
 * ```ts
 * import { numericColumn, tableFromColumns } from "./mod.ts";
 * const t = tableFromColumns({ x: [1.5, NaN] });
 * if (numericColumn(t, "x")[0] !== 1.5) throw new Error();
 * ```
 */
export function numericColumn(table: Table, name: string): Float64Array {
  const column = getColumn(table, name);
  if (!(column instanceof Float64Array)) {
    throw new TypeError(`Column "${name}" is categorical, expected numeric`);
  }
  return column;
}

/**
 * Returns a categorical column by name. O(1).
 *
 * @param table The table.
 * @param name Column name.
 * @returns The column's array (not a copy; do not mutate it).
 * @throws {TypeError} When the column does not exist or is numeric.
 * @example
 * ```ts
 * import { categoricalColumn, tableFromColumns } from "./mod.ts";
 * const t = tableFromColumns({ species: ["setosa", null] });
 * if (categoricalColumn(t, "species")[1] !== null) throw new Error();
 * ```
 */
export function categoricalColumn(table: Table, name: string): (string | null)[] {
  const column = getColumn(table, name);
  if (column instanceof Float64Array) {
    throw new TypeError(`Column "${name}" is numeric, expected categorical`);
  }
  return column;
}

function getColumn(table: Table, name: string): Column {
  const column = Object.hasOwn(table.columns, name) ? table.columns[name] : undefined;
  if (column === undefined) {
    throw new TypeError(
      `Table has no column ${JSON.stringify(name)} (columns: ${table.names.join(", ")})`,
    );
  }
  return column;
}
