/**
 * The window a monitor's `source` returns on each run.
 *
 * @module
 */
import type { Table } from "../data/table.ts";

/** One window of labelled data: features for the model, true labels for the metrics. */
export interface Batch {
  /**
   * The features: one array per row (as `loadIris().X`), or a row-major n×nFeatures
   * `Float64Array` with `nFeatures` set.
   */
  X: ArrayLike<ArrayLike<number>> | Float64Array;
  /** Number of feature columns; required when `X` is a flat Float64Array. */
  nFeatures?: number;
  /** True labels as class indices `0..k-1` (indices into the model's `classNames`). */
  y: ArrayLike<number>;
  /** The window as a table (for quality and drift checks in later issues). */
  table?: Table;
}

/** A validated batch: `X` as given, its row count and width, and the labels. */
export interface CheckedBatch {
  /** The features, as the source gave them (rows, or flat row-major). */
  X: ArrayLike<ArrayLike<number>> | Float64Array;
  /** Number of rows. */
  n: number;
  /** Number of features per row. */
  nFeatures: number;
  /** True class indices, all in `0..nClasses-1`. */
  y: ArrayLike<number>;
}

/**
 * Checks a batch's shape: `X` either rows of equal length or a flat Float64Array of
 * `n × nFeatures` values, `y` n integer labels in `0..nClasses-1`, at least one row. O(n).
 *
 * @param batch What the source returned.
 * @param nClasses The model's number of classes.
 * @returns The batch with its row count and width.
 * @throws {TypeError} When the batch is not an object, `X` is neither form, rows differ in length,
 *   `nFeatures` is missing or not a positive integer for a flat `X`, or `X` and `y` disagree on the
 *   number of rows.
 * @throws {RangeError} When the window is empty or a label is outside `0..nClasses-1`.
 * @example
 * ```ts
 * import { validateBatch } from "./batch.ts";
 * const b = validateBatch({ X: new Float64Array([1, 2, 3, 4]), nFeatures: 2, y: [0, 1] }, 2);
 * if (b.n !== 2 || b.nFeatures !== 2) throw new Error();
 * let threw = false;
 * try {
 *   validateBatch({ X: [[1], [2]], y: [0, 2] }, 2);
 * } catch (e) {
 *   threw = e instanceof RangeError;
 * }
 * if (!threw) throw new Error("label 2 accepted for 2 classes");
 * ```
 */
export function validateBatch(batch: Batch, nClasses: number): CheckedBatch {
  if (typeof batch !== "object" || batch === null) {
    throw new TypeError(`Invalid batch: expected an object {X, y}, got ${String(batch)}`);
  }
  const { X, y } = batch;
  if (y == null || typeof y.length !== "number") {
    throw new TypeError("Invalid batch: y must be an array of class indices");
  }
  const n = y.length;
  let nFeatures: number;
  if (X instanceof Float64Array) {
    nFeatures = batch.nFeatures ?? NaN;
    if (!Number.isInteger(nFeatures) || nFeatures < 1) {
      throw new TypeError(
        `Invalid batch: nFeatures must be a positive integer for a flat X, got ${batch.nFeatures}`,
      );
    }
    if (X.length !== n * nFeatures) {
      throw new TypeError(
        `Invalid batch: X has ${X.length} values, expected ${n} rows (y) × ${nFeatures} ` +
          `features = ${n * nFeatures}`,
      );
    }
  } else {
    if (X == null || typeof X.length !== "number") {
      throw new TypeError("Invalid batch: X must be an array of rows or a flat Float64Array");
    }
    if (X.length !== n) {
      throw new TypeError(`Invalid batch: X has ${X.length} rows but y has ${n} labels`);
    }
    nFeatures = n > 0 ? X[0]?.length ?? NaN : batch.nFeatures ?? 0;
    for (let i = 0; i < n; i++) {
      const row = X[i];
      if (row == null || row.length !== nFeatures) {
        throw new TypeError(
          `Invalid batch: X row ${i} has ${row?.length ?? "no"} features, row 0 has ${nFeatures}`,
        );
      }
    }
    if (batch.nFeatures !== undefined && batch.nFeatures !== nFeatures) {
      throw new TypeError(
        `Invalid batch: nFeatures is ${batch.nFeatures} but the rows have ${nFeatures} features`,
      );
    }
  }
  if (n === 0) throw new RangeError("Invalid batch: the window has no rows");
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (!(Number.isInteger(v) && v >= 0 && v < nClasses)) {
      throw new RangeError(
        `Invalid batch: y[${i}] is ${v}, expected a class index in 0..${nClasses - 1}`,
      );
    }
  }
  return { X, n, nFeatures, y };
}

/** Options of {@linkcode batchRows}. */
export interface BatchRowsOptions {
  /**
   * First row.
   * @default 0
   */
  start?: number;
  /**
   * One past the last row.
   * @default batch.n
   */
  end?: number;
}

/**
 * Rows `start..end-1` of a checked batch as an array of rows: the original array when it already
 * is one and the range is whole, else a shallow slice; for a flat `X`, `subarray` views (no copy of
 * the values, but one view object per row — about 0.3 µs each, so models that read a flat matrix
 * should implement `predictProbaRowMajor` instead). O(end − start).
 *
 * @param batch A batch from {@linkcode validateBatch}.
 * @param options See {@linkcode BatchRowsOptions}.
 * @returns The rows.
 * @example
 * ```ts
 * import { batchRows, validateBatch } from "./batch.ts";
 * const b = validateBatch({ X: new Float64Array([1, 2, 3, 4]), nFeatures: 2, y: [0, 1] }, 2);
 * const rows = batchRows(b, { start: 1 });
 * if (rows.length !== 1 || rows[0]?.[1] !== 4) throw new Error();
 * ```
 */
export function batchRows(
  batch: CheckedBatch,
  options: BatchRowsOptions = {},
): ArrayLike<ArrayLike<number>> {
  const { start = 0, end = batch.n } = options;
  const { X, nFeatures: f } = batch;
  if (X instanceof Float64Array) {
    return Array.from(
      { length: end - start },
      (_, i) => X.subarray((start + i) * f, (start + i + 1) * f),
    );
  }
  if (start === 0 && end === batch.n) return X;
  return Array.prototype.slice.call(X, start, end) as ArrayLike<number>[];
}
