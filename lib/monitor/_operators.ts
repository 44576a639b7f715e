/**
 * Private: comparison operators and number formatting shared by checks and tables.
 *
 * @module
 */
import type { Operator } from "../types.ts";

/** The operator that holds exactly when `op` does not (for "value < threshold" messages). */
export const NEGATION: Readonly<Record<Operator, Operator>> = {
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
};

/** A number as messages and tables show it: 4 decimals, or NaN/Infinity as such. */
export function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : String(x);
}
