/**
 * The rows of a window whose label has arrived (`y[i] >= 0`), for the phases that compare
 * predictions with labels over a window that may be partly unlabelled.
 *
 * @module
 */
import { selectRows } from "../data/select_rows.ts";
import type { Table } from "../data/table.ts";

/** A window cut down to its labelled rows. */
export interface LabelledRows {
  y: ArrayLike<number>;
  /** Row-major probabilities, `k` per row. */
  proba: ArrayLike<number>;
  table: Table | undefined;
}

/**
 * The labelled rows of `y`, `proba` (`k` per row) and `table`; the inputs themselves when every
 * row is labelled (no copy). Cost O(n·k) when some rows are unlabelled.
 */
export function labelledRows(
  y: ArrayLike<number>,
  proba: ArrayLike<number>,
  k: number,
  table: Table | undefined,
): LabelledRows {
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) if (y[i]! >= 0) keep.push(i);
  if (keep.length === y.length) return { y, proba, table };
  const ySub = new Int32Array(keep.length);
  const pSub = new Float64Array(keep.length * k);
  keep.forEach((row, j) => {
    ySub[j] = y[row]!;
    for (let c = 0; c < k; c++) pSub[j * k + c] = proba[row * k + c]!;
  });
  return { y: ySub, proba: pSub, table: table === undefined ? undefined : selectRows(table, keep) };
}
