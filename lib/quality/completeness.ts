/**
 * Completeness: the share of missing values per column, against the reference's share.
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

/** Options of {@linkcode completeness}. */
export interface CompletenessOptions {
  /** The reference profile, whose missing share each column is compared with. @default none (share 0) */
  profile?: ReferenceProfile;
  /** Columns to check. @default every column of the table */
  columns?: readonly string[];
  /** Allowed increase of the missing share over the reference's. @default 0.05 */
  maxIncrease?: number;
}

/**
 * Counts the missing values of a column: `NaN` and `±Infinity` (as `sortedFinite` drops them),
 * `null`, `undefined` and the empty string `""` (a whitespace-only string is a value). O(n).
 *
 * @param values A numeric or text column.
 * @returns The number of missing entries.
 * @throws {TypeError} When an entry is neither a number, a string nor null (the row is named,
 * 1-based).
 * @example
 * ```ts
 * import { countMissing } from "./mod.ts";
 * if (countMissing([1, NaN, Infinity]) !== 2 || countMissing(["a", "", null, " "]) !== 2) {
 *   throw new Error();
 * }
 * ```
 */
export function countMissing(values: ArrayLike<number> | ArrayLike<string | null>): number {
  let missing = 0;
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) if (!(values[i]! - values[i]! === 0)) missing++;
    return missing;
  }
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v === "number") {
      if (!(v - v === 0)) missing++;
    } else if (v === null || v === undefined || v === "") {
      missing++;
    } else if (typeof v !== "string") {
      throw new TypeError(`Cannot count missing values: row ${i + 1} is ${typeof v}`);
    }
  }
  return missing;
}

/**
 * Share of missing values ({@linkcode countMissing}) in each column. With a profile, the
 * threshold is the reference's missing share plus `maxIncrease` (default 0.05): a column that was
 * 10 % missing is flagged above 15 %; without one, above 5 %. `detected` is
 * `share > threshold`; `details` holds the counts, the reference share and the change.
 * A table without rows gives an error result per column. O(rows × columns).
 *
 * @param table The current data.
 * @param options Profile, columns and allowed increase.
 * @returns One `"missing_share"` result per column, in column order.
 * @throws {TypeError} When `table` is not a table or a requested column is absent.
 * @throws {RangeError} When `maxIncrease` is not in [0, 1].
 * @example
 * ```ts
 * import { completeness } from "./mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const [r] = completeness(tableFromColumns({ x: [1, NaN, NaN, 4] }));
 * if (r!.statistic !== 0.5 || !r!.detected || r!.threshold !== 0.05) throw new Error();
 * ```
 */
export function completeness(table: Table, options: CompletenessOptions = {}): QualityResult[] {
  checkTable(table, "Cannot check completeness");
  const increase = checkRange(
    "Completeness maxIncrease",
    options.maxIncrease ?? DEFAULT_QUALITY_THRESHOLDS.missing_share,
    0,
    1,
  );
  const profile = options.profile;
  const has = (name: string) => Object.hasOwn(table.columns, name);
  const names = pickColumns(table.names, options.columns, "Cannot check completeness", has);
  return names.map((column) => {
    const ref = profile !== undefined && Object.hasOwn(profile.columns, column)
      ? profile.columns[column]!
      : undefined;
    const referenceShare = ref === undefined || profile!.nRows === 0
      ? 0
      : ref.nMissing / profile!.nRows;
    const threshold = Math.min(referenceShare + increase, 1);
    const fields: ResultFields = {
      method: "missing_share",
      threshold,
      nReference: profile?.nRows ?? 0,
      nCurrent: table.nRows,
      column,
      details: { referenceShare, maxIncrease: increase, hasReference: ref !== undefined },
    };
    if (table.nRows === 0) return errorResult(fields, `Column "${column}" has no rows`);
    const nMissing = countMissing(table.columns[column]!);
    const share = nMissing / table.nRows;
    fields.details = { ...fields.details, nMissing, change: share - referenceShare };
    return okResult(fields, share);
  });
}
