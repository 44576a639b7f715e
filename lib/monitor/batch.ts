/**
 * The window a monitor's `source` returns on each run.
 *
 * @module
 */
import type { Table } from "../data/table.ts";

/**
 * One window: features for the model and, when they have arrived, true labels for the metrics.
 * A window without `y` (or with `y` all −1) is valid: drift, quality and estimates still run on
 * it; label-based metrics then do not.
 */
export interface Batch {
  /**
   * The features: one array per row (as `loadIris().X`), or a row-major n×nFeatures
   * `Float64Array` with `nFeatures` set.
   */
  X: ArrayLike<ArrayLike<number>> | Float64Array;
  /** Number of feature columns; required when `X` is a flat Float64Array. */
  nFeatures?: number;
  /**
   * True labels as class indices `0..k-1` (indices into the model's `classNames`), −1 for a row
   * whose label has not arrived yet (as a prediction log's window gives them).
   * @default undefined (no labels: every row unlabelled)
   */
  y?: ArrayLike<number>;
  /**
   * Row-major n×k class probabilities the model already gave (a prediction log keeps them); with
   * them the monitor does not call the model again (its `predict` timing is then ~0 and
   * `snapshot.predictions.calls` is 0).
   * @default undefined (the monitor calls the model)
   */
  proba?: Float64Array;
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
  /** True class indices in `0..nClasses-1`, −1 where no label has arrived (all −1 without `y`). */
  y: ArrayLike<number>;
  /** Number of rows whose label has arrived (`y[i] >= 0`). */
  labelled: number;
  /** The logged probabilities, when the batch carried them (n × nClasses, checked). */
  proba?: Float64Array;
}

/**
 * Checks a batch's shape: `X` either rows of equal length or a flat Float64Array of
 * `n × nFeatures` values, `y` (when given) n integer labels in `0..nClasses-1` or −1 for "not
 * arrived yet", `proba` (when given) a Float64Array of n × nClasses finite values, at least one
 * row. O(n·k).
 *
 * @param batch What the source returned.
 * @param nClasses The model's number of classes.
 * @returns The batch with its row count and width.
 * @throws {TypeError} When the batch is not an object, `X` is neither form, rows differ in length,
 *   `nFeatures` is missing or not a positive integer for a flat `X`, or `X` and `y` disagree on the
 *   number of rows.
 * @throws {RangeError} When the window is empty, a label is outside `0..nClasses-1` and not −1,
 *   or a logged probability is not finite.
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
 * const unlabelled = validateBatch({ X: [[1], [2]] }, 2);
 * if (unlabelled.labelled !== 0 || unlabelled.y[1] !== -1) throw new Error();
 * ```
 */
export function validateBatch(batch: Batch, nClasses: number): CheckedBatch {
  if (typeof batch !== "object" || batch === null) {
    throw new TypeError(`Invalid batch: expected an object {X, y}, got ${String(batch)}`);
  }
  const { X } = batch;
  if (batch.y !== undefined && (batch.y === null || typeof batch.y.length !== "number")) {
    throw new TypeError("Invalid batch: y must be an array of class indices (or absent)");
  }
  if (X == null || typeof X.length !== "number") {
    throw new TypeError("Invalid batch: X must be an array of rows or a flat Float64Array");
  }
  const n = batch.y !== undefined
    ? batch.y.length
    : X instanceof Float64Array
    ? Math.floor(X.length / (batch.nFeatures || 1))
    : X.length;
  const y = batch.y ?? new Int32Array(n).fill(-1);
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
  let labelled = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v === -1) continue;
    if (!(Number.isInteger(v) && v >= 0 && v < nClasses)) {
      throw new RangeError(
        `Invalid batch: y[${i}] is ${v}, expected a class index in 0..${
          nClasses - 1
        } or -1 (no label yet)`,
      );
    }
    labelled++;
  }
  const { proba } = batch;
  if (proba !== undefined) {
    if (!(proba instanceof Float64Array) || proba.length !== n * nClasses) {
      throw new TypeError(
        `Invalid batch: proba must be a Float64Array of ${n} rows × ${nClasses} classes = ${
          n * nClasses
        } values, got ${proba instanceof Float64Array ? proba.length : typeof proba}`,
      );
    }
    for (let i = 0; i < proba.length; i++) {
      if (!Number.isFinite(proba[i]!)) {
        throw new RangeError(
          `Invalid batch: proba row ${Math.floor(i / nClasses)} class ${i % nClasses} is ${
            proba[i]
          }`,
        );
      }
    }
  }
  return { X, n, nFeatures, y, labelled, ...(proba !== undefined ? { proba } : {}) };
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
