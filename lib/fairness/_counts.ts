/**
 * Confusion counts per group in one pass over the rows (private): the fast path of every
 * count-based metric and parity measure.
 *
 * @module
 */

/**
 * Per-group confusion cells: `cells[4g + 2t + p]` counts rows of group g with true label t and
 * prediction p, so group g's TN, FP, FN, TP are at offsets 0, 1, 2, 3.
 */
export type GroupCells = Float64Array;

/** Checks that labels are 0/1 and the lengths agree. */
export function checkBinary(what: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>) {
  if (yTrue.length !== yPred.length) {
    throw new TypeError(
      `Cannot compute ${what}: yTrue has ${yTrue.length} values and yPred ${yPred.length}`,
    );
  }
  _checkLabels(what, "yTrue", yTrue);
  _checkLabels(what, "yPred", yPred);
}

function _checkLabels(what: string, name: string, y: ArrayLike<number>): void {
  // Integer typed arrays: one OR over the bits above the lowest finds any value other than 0/1.
  if (y instanceof Uint8Array || y instanceof Int32Array || y instanceof Int8Array) {
    let high = 0;
    for (let i = 0; i < y.length; i++) high |= y[i]! & ~1;
    if (high === 0) return;
  }
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v !== 0 && v !== 1) {
      throw new RangeError(`Cannot compute ${what}: ${name}[${i}] is ${v}, expected 0 or 1`);
    }
  }
}

/**
 * Counts per group; with `rows`, only those row indices (a bootstrap resample, repeats allowed).
 * One pass, one increment per row, no branch. Labels must already be checked binary.
 */
export function countByGroup(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  codes: Int32Array,
  k: number,
  rows?: Uint32Array,
): GroupCells {
  const cells = new Float64Array(4 * k);
  if (rows) {
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      cells[4 * codes[i]! + 2 * yTrue[i]! + yPred[i]!]!++;
    }
  } else {
    for (let i = 0; i < codes.length; i++) cells[4 * codes[i]! + 2 * yTrue[i]! + yPred[i]!]!++;
  }
  return cells;
}

/** Each row's cell `4g + 2t + p`, so a resample counts with one look-up per drawn row. O(n). */
export function cellIndex(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  codes: Int32Array,
): Int32Array {
  const cell = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) cell[i] = 4 * codes[i]! + 2 * yTrue[i]! + yPred[i]!;
  return cell;
}
