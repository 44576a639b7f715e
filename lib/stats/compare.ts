/**
 * The one place where a detection rule `value OPERATOR threshold` is evaluated, shared by drift
 * tests, quality checks and monitor conditions so that `<` and `<=` mean the same everywhere.
 *
 * @module
 */
import type { Operator } from "../types.ts";

/**
 * Evaluates `value OPERATOR threshold`. Like JavaScript's comparisons, it is `false` when either
 * side is `NaN`, so an uncomputable value never counts as a detection or a pass by accident.
 *
 * @param value The statistic, p-value or metric.
 * @param operator One of `<`, `<=`, `>`, `>=`.
 * @param threshold The threshold.
 * @returns Whether the relation holds.
 * @example
 * ```ts
 * import { compare } from "./mod.ts";
 * if (!compare(0.01, "<", 0.05) || compare(0.05, "<", 0.05) || !compare(0.05, "<=", 0.05)) {
 *   throw new Error("wrong operator semantics");
 * }
 * if (compare(NaN, ">=", 0)) throw new Error("NaN never holds");
 * ```
 */
export function compare(value: number, operator: Operator, threshold: number): boolean {
  switch (operator) {
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
  }
}
