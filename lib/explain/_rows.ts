/**
 * Private: rows validated into one row-major block, and weighted backgrounds.
 *
 * @module
 */

import type { BackgroundSet } from "./background.ts";
import type { WeightedBlock } from "./_coalition_values.ts";

/** Rows copied into a row-major block. */
export interface Block {
  /** Row-major values, `n * p`. */
  data: Float64Array;
  /** Number of rows. */
  n: number;
  /** Values per row. */
  p: number;
}

/**
 * Copies rows into a row-major block, checking widths and finiteness.
 *
 * @throws {TypeError} When `X` is not an array of rows, is empty, or a row has the wrong width.
 * @throws {RangeError} When a value is not finite (names row and column).
 */
export function toBlock(X: ArrayLike<ArrayLike<number>>, p: number, action: string): Block {
  if (X === null || typeof X !== "object" || typeof X.length !== "number") {
    throw new TypeError(`Cannot ${action}: rows must be an array of rows, got ${typeof X}`);
  }
  const n = X.length;
  if (n === 0) throw new TypeError(`Cannot ${action}: no rows`);
  const data = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = X[i];
    if (row === null || typeof row !== "object" || row.length !== p) {
      const got = row !== null && typeof row === "object" ? row.length : typeof row;
      throw new TypeError(`Cannot ${action}: row ${i} has ${got} values, expected ${p}`);
    }
    for (let j = 0; j < p; j++) {
      const v = row[j]!;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new RangeError(
          `Cannot ${action}: column ${j} of row ${i} is not a finite number, got ${v}`,
        );
      }
      data[i * p + j] = v;
    }
  }
  return { data, n, p };
}

/** Views of each row of a block, for a batch `predictProba` call (no copy). */
export function rowViews(data: Float64Array, n: number, p: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => data.subarray(i * p, (i + 1) * p));
}

/**
 * Background weights normalised to sum to 1 (uniform when absent).
 *
 * @throws {TypeError} When the length differs from the number of rows.
 * @throws {RangeError} When a weight is negative or not finite, or all are 0.
 */
export function normalisedWeights(
  weights: ArrayLike<number> | undefined,
  n: number,
  action: string,
): Float64Array {
  const w = new Float64Array(n);
  if (weights === undefined) return w.fill(1 / n);
  if (weights.length !== n) {
    throw new TypeError(`Cannot ${action}: ${weights.length} background weights for ${n} rows`);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = weights[i]!;
    if (!(v >= 0 && Number.isFinite(v))) {
      throw new RangeError(`Cannot ${action}: background weight ${i} is ${v}, expected >= 0`);
    }
    sum += w[i] = v;
  }
  if (!(sum > 0)) throw new RangeError(`Cannot ${action}: background weights sum to 0`);
  for (let i = 0; i < n; i++) w[i]! /= sum;
  return w;
}

/** `["x0", "x1", …]`, or the given names. */
export function names(given: readonly string[] | undefined, n: number, prefix: string): string[] {
  return given === undefined ? Array.from({ length: n }, (_, i) => `${prefix}${i}`) : [...given];
}

/**
 * A background given as rows or a {@linkcode BackgroundSet}, validated
 * into one weighted block.
 */
export function weightedBackground(
  background: ArrayLike<ArrayLike<number>> | BackgroundSet,
  p: number,
  action: string,
  weights?: ArrayLike<number>,
): WeightedBlock {
  const isSet = !Array.isArray(background) && (background as BackgroundSet).kind === "background";
  const rows = isSet
    ? (background as BackgroundSet).rows
    : background as ArrayLike<ArrayLike<number>>;
  const { data, n } = toBlock(rows, p, action);
  const w = isSet ? (background as BackgroundSet).weights : weights;
  return { data, n, weights: normalisedWeights(w, n, action) };
}
