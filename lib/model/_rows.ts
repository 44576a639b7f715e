/**
 * Private: validation of feature rows for the model.
 *
 * @module
 */

/** Rows copied into one row-major block. */
export interface RowBlock {
  /** Row-major values, `n * p`. */
  data: Float64Array;
  /** Number of rows. */
  n: number;
  /** Number of features per row. */
  p: number;
}

/**
 * Copies an array of rows into a row-major `Float64Array`, checking that every row has `p`
 * features (or as many as the first row when `p` is undefined) and that every value is finite.
 *
 * @throws {TypeError} When `X` is not an array of rows, is empty, or a row has the wrong length.
 * @throws {RangeError} When a value is NaN or infinite (names the row and the feature).
 */
export function toRowBlock(
  X: ArrayLike<ArrayLike<number>>,
  p: number | undefined,
  action: string,
  featureNames?: readonly string[],
): RowBlock {
  if (X === null || typeof X !== "object" || typeof X.length !== "number") {
    throw new TypeError(`Cannot ${action}: X must be an array of rows, got ${typeof X}`);
  }
  const n = X.length;
  if (n === 0) throw new TypeError(`Cannot ${action}: X has no rows`);
  const first = X[0];
  const width = p ?? (first !== null && typeof first === "object" ? first.length : NaN);
  if (!Number.isInteger(width) || width < 1) {
    throw new TypeError(`Cannot ${action}: row 0 must be an array of at least one feature`);
  }
  const data = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const row = X[i];
    if (row === null || typeof row !== "object" || row.length !== width) {
      const got = row !== null && typeof row === "object" ? `${row.length} features` : typeof row;
      throw new TypeError(`Cannot ${action}: row ${i} has ${got}, expected ${width} features`);
    }
    for (let j = 0; j < width; j++) {
      const v = row[j]!;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        const name = featureNames?.[j] === undefined ? "" : ` "${featureNames[j]}"`;
        throw new RangeError(
          `Cannot ${action}: feature${name} (column ${j}) in row ${i} is not a finite number, got ${v}`,
        );
      }
      data[i * width + j] = v;
    }
  }
  return { data, n, p: width };
}
