/**
 * Volume: whether a window has about as many rows as expected, in both directions.
 *
 * @module
 */
import type { Table } from "../data/table.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import { DEFAULT_QUALITY_THRESHOLDS, type QualityResult } from "./quality_result.ts";
import { checkRange, errorResult, okResult, type ResultFields } from "./_result.ts";

/** Options of {@linkcode volume}. */
export interface VolumeOptions {
  /**
   * The expected row count; takes precedence over the profile's.
   * @default undefined (the profile's `nRows`)
   */
  expected?: number;
  /**
   * The profile whose `nRows` is the expected count when `expected` is not given. Pass `expected`
   * when windows are not the size of the reference (a day of traffic vs a training set).
   * @default undefined (with neither option the result is an error: no expected row count)
   */
  profile?: ReferenceProfile;
  /** Largest acceptable relative change `|rows / expected − 1|`. @default 0.5 */
  tolerance?: number;
}

/**
 * Compares the row count with the expected count: the statistic is the relative change
 * `|rows / expected − 1|` and `detected` is `change > tolerance`, so with the default 0.5 a window
 * with fewer than half or more than 1.5 times the expected rows is flagged (a broken feed or a
 * double load). `details` has `expected`, `rows` and the signed `relativeChange`. Without an
 * expected count, or with an expected count of 0, the result is an error. O(1).
 *
 * @param table The current data, or its row count.
 * @param options Expected count (or profile) and tolerance.
 * @returns One `"row_count_change"` result (no `column`).
 * @throws {TypeError} When `table` is neither a table nor a count.
 * @throws {RangeError} When `tolerance` is negative or `expected` is not an integer ≥ 0.
 * @example
 * ```ts
 * import { volume } from "./mod.ts";
 * const r = volume(40, { expected: 100 });
 * if (r.statistic !== 0.6 || !r.detected || r.details!.relativeChange !== -0.6) throw new Error();
 * ```
 */
export function volume(table: Table | number, options: VolumeOptions = {}): QualityResult {
  const rows = typeof table === "number" ? table : table?.nRows;
  if (typeof rows !== "number" || !Number.isInteger(rows) || rows < 0) {
    throw new TypeError(
      `Cannot check volume: expected a table or a row count, got ${String(rows)}`,
    );
  }
  const tolerance = checkRange(
    "Volume tolerance",
    options.tolerance ?? DEFAULT_QUALITY_THRESHOLDS.row_count_change,
    0,
    Infinity,
  );
  const expected = options.expected ?? options.profile?.nRows;
  if (expected !== undefined && !(Number.isInteger(expected) && expected >= 0)) {
    throw new RangeError(`Volume expected row count must be an integer >= 0, got ${expected}`);
  }
  const fields: ResultFields = {
    method: "row_count_change",
    threshold: tolerance,
    nReference: expected ?? 0,
    nCurrent: rows,
    details: {
      expected: expected ?? null,
      rows,
      source: options.expected !== undefined ? "declared" : "profile",
    },
  };
  if (expected === undefined) return errorResult(fields, "No expected row count (pass expected)");
  if (expected === 0) return errorResult(fields, "Expected row count is 0");
  const relativeChange = rows / expected - 1;
  fields.details = { ...fields.details, relativeChange };
  return okResult(fields, Math.abs(relativeChange));
}
