/**
 * Ranges: the share of values outside the reference range (or a declared one) per numeric column.
 *
 * @module
 */
import type { Table } from "../data/table.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import { DEFAULT_QUALITY_THRESHOLDS, type QualityResult } from "./quality_result.ts";
import {
  checkRange,
  checkTable,
  errorResult,
  okResult,
  pickColumns,
  type ResultFields,
} from "./_result.ts";
import { describeMismatch, typeMismatch } from "./_column_type.ts";

/** An inclusive range; an absent bound is unbounded. */
export interface ValueRange {
  /** Smallest allowed value (inclusive). @default unbounded */
  min?: number;
  /** Largest allowed value (inclusive). @default unbounded */
  max?: number;
}

/** Counts of {@linkcode outOfRangeShare}. */
export interface RangeCounts {
  /** Share of finite values outside the range; `NaN` when there is none. */
  share: number;
  /** Finite values below `min`. */
  nBelow: number;
  /** Finite values above `max`. */
  nAbove: number;
  /** Finite values seen (missing values are left to completeness). */
  n: number;
}

/**
 * Counts the finite values outside the inclusive range [min, max]; missing values (`NaN`,
 * `±Infinity`, `null`) are skipped. O(n).
 *
 * @param values Numbers.
 * @param range Bounds, each optional.
 * @returns The share and counts.
 * @throws {TypeError} When an entry is not a number (the row is named, 1-based): the low-level
 * functions throw on text, whereas {@linkcode outOfRange} reports a mistyped column.
 * @throws {RangeError} When `min > max` or a bound is `NaN`.
 * @example
 * ```ts
 * import { outOfRangeShare } from "./mod.ts";
 * const r = outOfRangeShare([-1, 0, 5, 10, 11, NaN], { min: 0, max: 10 });
 * if (r.share !== 0.4 || r.nBelow !== 1 || r.nAbove !== 1) throw new Error();
 * ```
 */
export function outOfRangeShare(values: ArrayLike<number>, range: ValueRange): RangeCounts {
  const min = range.min ?? -Infinity;
  const max = range.max ?? Infinity;
  if (Number.isNaN(min) || Number.isNaN(max) || min > max) {
    throw new RangeError(`Cannot check a range: invalid bounds [${min}, ${max}]`);
  }
  let n = 0;
  let nBelow = 0;
  let nAbove = 0;
  const typed = values instanceof Float64Array;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!typed && typeof v !== "number") {
      if (v === null || v === undefined) continue;
      throw new TypeError(
        `Cannot check a range: row ${i + 1} is ${JSON.stringify(v)}, expected a number`,
      );
    }
    if (!(v - v === 0)) continue;
    n++;
    if (v < min) nBelow++;
    else if (v > max) nAbove++;
  }
  return { share: n === 0 ? NaN : (nBelow + nAbove) / n, nBelow, nAbove, n };
}

/** Options of {@linkcode outOfRange}. */
export interface OutOfRangeOptions {
  /** Reference profile: its numeric columns' [min, max] are the ranges. @default none */
  profile?: ReferenceProfile;
  /** Declared ranges by column, which take precedence over the profile's. @default none */
  ranges?: Readonly<Record<string, ValueRange>>;
  /** Columns to check. @default numeric profile columns and every declared range */
  columns?: readonly string[];
  /** Largest acceptable share outside the range. @default 0.01 */
  maxShare?: number;
}

/**
 * Share of values outside the range of each numeric column: the reference [min, max] from the
 * profile, or a declared range. `detected` is `share > maxShare`. A column that is absent, holds
 * text, or has no finite value (here or in the reference) gives an error result, so one bad column
 * never sinks the others. O(rows) per column.
 *
 * @param table The current data.
 * @param options Profile and/or declared ranges, columns and threshold.
 * @returns One `"out_of_range_share"` result per column.
 * @throws {TypeError} When `table` is not a table, or a requested column has no range.
 * @throws {RangeError} When `maxShare` is not in [0, 1] or a declared range is invalid.
 * @example
 * ```ts
 * import { outOfRange } from "./mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const [r] = outOfRange(tableFromColumns({ age: [30, -2, 40, 200] }), {
 *   ranges: { age: { min: 0, max: 120 } },
 * });
 * if (r!.statistic !== 0.5 || !r!.detected) throw new Error();
 * ```
 */
export function outOfRange(table: Table, options: OutOfRangeOptions = {}): QualityResult[] {
  checkTable(table, "Cannot check ranges");
  const maxShare = checkRange(
    "Range maxShare",
    options.maxShare ?? DEFAULT_QUALITY_THRESHOLDS.out_of_range_share,
    0,
    1,
  );
  const profile = options.profile;
  const ranges = options.ranges ?? {};
  const numeric = Object.entries(profile?.columns ?? {})
    .filter(([, c]) => c.kind === "numeric").map(([name]) => name);
  const available = [...new Set([...numeric, ...Object.keys(ranges)])];
  const names = pickColumns(
    available,
    options.columns,
    "Cannot check ranges",
    (name) => available.includes(name),
  );
  return names.map((column) => {
    const ref = profile !== undefined && Object.hasOwn(profile.columns, column)
      ? profile.columns[column]
      : undefined;
    const refSummary = ref?.kind === "numeric" ? ref.summary : undefined;
    const declared = Object.hasOwn(ranges, column) ? ranges[column] : undefined;
    const range = declared ?? { min: refSummary?.min ?? NaN, max: refSummary?.max ?? NaN };
    const fields: ResultFields = {
      method: "out_of_range_share",
      threshold: maxShare,
      nReference: refSummary?.count ?? 0,
      nCurrent: 0,
      column,
      details: {
        min: range.min ?? null,
        max: range.max ?? null,
        source: declared ? "declared" : "reference",
      },
    };
    const values = Object.hasOwn(table.columns, column) ? table.columns[column] : undefined;
    if (values === undefined) return errorResult(fields, `Column "${column}" is missing`);
    const mismatch = typeMismatch(values, "number");
    if (mismatch !== undefined) return errorResult(fields, describeMismatch(column, mismatch));
    if (declared === undefined && !(refSummary !== undefined && refSummary.count > 0)) {
      return errorResult(fields, `Reference column "${column}" has no finite values`);
    }
    if (!(values instanceof Float64Array)) {
      return errorResult(fields, `Column "${column}" has no finite values`);
    }
    const counts = outOfRangeShare(values, range);
    fields.nCurrent = counts.n;
    if (counts.n === 0) return errorResult(fields, `Column "${column}" has no finite values`);
    fields.details = { ...fields.details, nBelow: counts.nBelow, nAbove: counts.nAbove };
    return okResult(fields, counts.share);
  });
}
