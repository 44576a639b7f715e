/**
 * Private: whether a column's storage matches what the profile expects, and where it does not.
 *
 * @module
 */
import type { Column } from "../data/table.ts";

/** Why a column does not hold the expected type: found type and first offending row (1-based). */
export interface TypeMismatch {
  expected: "number" | "string";
  found: "number" | "string";
  row: number;
  value: string | number;
}

/**
 * The mismatch between `column` and the `expected` storage type, or undefined when they agree.
 * A column without any value agrees with every type (CSV readers type an all-empty column as
 * numeric). For text where numbers are expected, the first row that does not read as a number is
 * named (or the first value, when all of them are numbers written as text). O(n).
 */
export function typeMismatch(
  column: Column,
  expected: "number" | "string",
): TypeMismatch | undefined {
  if (column instanceof Float64Array) {
    if (expected === "number") return undefined;
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!;
      if (v - v === 0) return { expected, found: "number", row: i + 1, value: v };
    }
    return undefined;
  }
  if (expected === "string") return undefined;
  let first = -1;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === null || v === undefined || v === "") continue;
    if (first < 0) first = i;
    const t = v.trim();
    if (t === "" || !Number.isFinite(Number(t))) {
      return { expected, found: "string", row: i + 1, value: v };
    }
  }
  return first < 0
    ? undefined
    : { expected, found: "string", row: first + 1, value: column[first]! };
}

/** A sentence describing a mismatch, naming the column, row and value. */
export function describeMismatch(column: string, m: TypeMismatch): string {
  return m.expected === "number"
    ? `Column "${column}" holds text where numbers are expected (row ${m.row} is ${
      JSON.stringify(m.value)
    })`
    : `Column "${column}" holds numbers where text is expected (row ${m.row} is ${m.value})`;
}
