/**
 * Builders for {@linkcode QualityResult} (private), so that every check has the same keys, and the
 * argument checks they share.
 *
 * @module
 */
import type { Operator } from "../types.ts";
import type { Table } from "../data/table.ts";
import type { QualityMethod, QualityResult } from "./quality_result.ts";

/** Everything a result needs besides its status. */
export interface ResultFields {
  method: QualityMethod;
  threshold: number;
  operator?: Operator;
  nReference: number;
  nCurrent: number;
  column?: string | undefined;
  details?: Record<string, unknown>;
}

/** A computed result: `detected` is `statistic OPERATOR threshold`. */
export function okResult(fields: ResultFields, statistic: number): QualityResult {
  const operator = fields.operator ?? ">";
  const detected = operator === ">"
    ? statistic > fields.threshold
    : operator === ">="
    ? statistic >= fields.threshold
    : operator === "<"
    ? statistic < fields.threshold
    : statistic <= fields.threshold;
  return build(fields, operator, { status: "ok", statistic, detected });
}

/** A result that could not be computed: `statistic` NaN, `detected` false, with a reason. */
export function errorResult(fields: ResultFields, reason: string): QualityResult {
  return build(fields, fields.operator ?? ">", {
    status: "error",
    reason,
    statistic: NaN,
    detected: false,
  });
}

function build(
  f: ResultFields,
  operator: Operator,
  outcome: Pick<QualityResult, "status" | "statistic" | "detected"> & { reason?: string },
): QualityResult {
  const result: QualityResult = {
    kind: "quality",
    method: f.method,
    status: outcome.status,
    statistic: outcome.statistic,
    threshold: f.threshold,
    operator,
    detected: outcome.detected,
    nReference: f.nReference,
    nCurrent: f.nCurrent,
  };
  if (outcome.reason !== undefined) result.reason = outcome.reason;
  if (f.column !== undefined) result.column = f.column;
  result.details = f.details ?? {};
  return result;
}

/** Throws a RangeError unless `value` is a number in [min, max]. */
export function checkRange(what: string, value: number, min: number, max: number): number {
  if (typeof value !== "number" || !(value >= min && value <= max)) {
    throw new RangeError(`${what} must be a number in [${min}, ${max}], got ${String(value)}`);
  }
  return value;
}

/** Throws a TypeError unless `table` looks like a {@linkcode Table}. */
export function checkTable(table: Table, what: string): void {
  if (
    typeof table !== "object" || table === null || !Array.isArray(table.names) ||
    typeof table.columns !== "object" || table.columns === null || typeof table.nRows !== "number"
  ) {
    throw new TypeError(`${what}: expected a table { names, columns, nRows }, got ${typeof table}`);
  }
  for (const name of table.names) {
    const column = Object.hasOwn(table.columns, name) ? table.columns[name] : undefined;
    if (column === undefined || typeof column.length !== "number") {
      throw new TypeError(`${what}: column ${JSON.stringify(name)} is not an array`);
    }
    if (column.length !== table.nRows) {
      throw new TypeError(
        `${what}: column ${
          JSON.stringify(name)
        } has ${column.length} rows, table has ${table.nRows}`,
      );
    }
  }
}

/** The columns to check: `columns` when given (each must exist), else `available`. */
export function pickColumns(
  available: readonly string[],
  columns: readonly string[] | undefined,
  what: string,
  has: (name: string) => boolean,
): string[] {
  if (columns === undefined) return [...available];
  for (const name of columns) {
    if (!has(name)) throw new TypeError(`${what}: no column ${JSON.stringify(name)}`);
  }
  return [...columns];
}
