/**
 * Row selection by index: the rows of a table, or the entries of an array, at given positions.
 *
 * @module
 */
import { type Column, type Table, tableFromColumns } from "./table.ts";

/** Throws a RangeError naming the first index that is not an integer row of `0..n-1`. */
function checkIndices(indices: ArrayLike<number>, n: number, what: string): void {
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!(Number.isInteger(i) && i >= 0 && i < n)) {
      throw new RangeError(
        `Cannot select rows of ${what}: index ${k} is ${i}, expected an integer in [0, ${n - 1}]`,
      );
    }
  }
}

/**
 * The rows of `table` at `indices`, in that order, as a new table with the same columns: indices
 * may repeat (a row selected twice appears twice) and need not ascend. Numeric columns stay
 * `Float64Array`, categorical ones stay arrays; the input table is not modified. Pass the `train`
 * or `test` indices of `trainTestSplit` to split a table. Cost O(indices × columns).
 *
 * @param table The table to select from.
 * @param indices Row positions in `0..table.nRows-1`.
 * @returns A new table with `indices.length` rows.
 * @throws {RangeError} When an index is not an integer in `0..table.nRows-1` (the message names
 *   its position and value).
 * @example
 * ```ts
 * import { selectRows } from "./select_rows.ts";
 * import { tableFromColumns } from "./table.ts";
 * const t = tableFromColumns({ x: [10, 20, 30], s: ["a", "b", null] });
 * const picked = selectRows(t, [2, 0, 0]);
 * if (picked.nRows !== 3 || picked.columns.x![0] !== 30) throw new Error("x");
 * if (picked.columns.s!.join() !== ",a,a") throw new Error("s");
 * ```
 */
export function selectRows(table: Table, indices: ArrayLike<number>): Table {
  checkIndices(indices, table.nRows, "a table");
  const columns: Record<string, Column> = {};
  for (const name of table.names) {
    const column = table.columns[name]!;
    columns[name] = column instanceof Float64Array
      ? Float64Array.from(indices, (i) => column[i]!)
      : Array.from(indices, (i) => column[i] ?? null);
  }
  if (table.names.length === 0) return { names: [], columns: {}, nRows: indices.length };
  return tableFromColumns(columns);
}

/**
 * The entries of `values` at `indices`, in that order, as a new array: the rows of a feature matrix
 * (`number[][]`, `Float64Array[]`) or the labels of a label vector for a split's `train` or `test`
 * indices. Entries are not copied (a selected row is the same object). Cost O(indices).
 *
 * @param values The array (or typed array) to select from.
 * @param indices Positions in `0..values.length-1`.
 * @returns A new array with `indices.length` entries.
 * @throws {RangeError} When an index is not an integer in `0..values.length-1`.
 * @example
 * ```ts
 * import { selectValues } from "./select_rows.ts";
 * const labels = Int32Array.from([0, 1, 2, 1]);
 * if (selectValues(labels, [3, 0]).join() !== "1,0") throw new Error();
 * ```
 */
export function selectValues<T>(values: ArrayLike<T>, indices: ArrayLike<number>): T[] {
  checkIndices(indices, values.length, "an array");
  return Array.from(indices, (i) => values[i]!);
}
