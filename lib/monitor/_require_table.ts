/**
 * Private: the window table the data checks need.
 *
 * @module
 */
import type { Table } from "../data/table.ts";

/** The batch's table; a TypeError naming `what` (drift, quality) when it is absent or malformed. */
export function requireTable(table: Table | undefined, what: string): Table {
  if (table === undefined || table === null) {
    throw new TypeError(
      `The batch has no table: ${what} checks need the window as a table (set Batch.table)`,
    );
  }
  if (typeof table !== "object" || typeof table.columns !== "object" || table.columns === null) {
    throw new TypeError(`The batch's table is not a table {names, columns, nRows}`);
  }
  return table;
}

/** Why a window column cannot be compared with its profile column, or undefined. */
