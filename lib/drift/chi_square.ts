/**
 * Chi-square tests of categorical drift.
 *
 * @module
 */
import { chiSquareSf } from "../stats/special.ts";
import { categoricalFrequencies, type Frequencies } from "./_frequencies.ts";
import type { Category } from "./binning.ts";
import { detectionRule, driftError, type DriftResult, driftResult } from "./_result.ts";

/** Which chi-square test: against reference frequencies, or of the 2×k contingency table. */
export type ChiSquareTest = "goodness_of_fit" | "contingency";

/** Options of {@linkcode chiSquare}. */
export interface ChiSquareOptions {
  /** The test. @default "goodness_of_fit" */
  test?: ChiSquareTest;
  /** Yates' continuity correction for a 2×2 table (contingency test only), as scipy. @default true */
  correction?: boolean;
  /** Drift is detected when the p-value is `< threshold`. @default `DRIFT_METHOD_INFO.chi_square.threshold` (0.05) */
  threshold?: number;
  /**
   * The column's name, recorded in the result and named in messages.
   * @default undefined (the result carries no column name)
   */
  column?: string;
}

function goodnessOfFit(f: Frequencies): { statistic: number; dof: number; unseen: number[] } {
  const k = f.reference.length;
  const unseen: number[] = [];
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const expected = f.reference[i]! / f.nReference * f.nCurrent;
    if (expected === 0) unseen.push(i);
    statistic += (f.current[i]! - expected) ** 2 / expected;
  }
  return { statistic, dof: k - 1, unseen };
}

function contingency(f: Frequencies, correction: boolean): { statistic: number; dof: number } {
  const k = f.reference.length;
  const dof = k - 1;
  if (dof === 0) return { statistic: 0, dof };
  const total = f.nReference + f.nCurrent;
  let statistic = 0;
  for (const [row, rowSum] of [[f.reference, f.nReference], [f.current, f.nCurrent]] as const) {
    for (let j = 0; j < k; j++) {
      const expected = rowSum * (f.reference[j]! + f.current[j]!) / total;
      let observed = row[j]!;
      if (dof === 1 && correction) {
        const diff = expected - observed;
        observed += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += (observed - expected) ** 2 / expected;
    }
  }
  return { statistic, dof };
}

/**
 * Chi-square test of categorical drift between a reference and a current column, over the union
 * of their categories (missing values `null`, `undefined`, `""`, `NaN` dropped and counted).
 *
 * - `test: "goodness_of_fit"` (default, Evidently's "chisquare"): current counts against the
 *   reference shares scaled to the current total, = `scipy.stats.chisquare(f_obs=current,
 *   f_exp=reference / n_ref * n_cur)`, k − 1 degrees of freedom. A category unseen in the
 *   reference has expected count 0: statistic `Infinity`, p-value 0 (as scipy), listed in
 *   `details.unseenCategories`.
 * - `test: "contingency"`: the 2×k table [reference; current], = `scipy.stats.chi2_contingency`
 *   with its default Yates correction for 2×2 tables (`correction: true`), k − 1 degrees of
 *   freedom.
 *
 * With a single category in total there is nothing to test: statistic 0, p-value 1 (scipy's
 * `chisquare` returns NaN there; `chi2_contingency` returns 1). Drift is detected when
 * p < `threshold` (0.05).
 *
 * Cost: O(n + m) hashing plus O(k log k) to sort categories.
 *
 * @param reference Reference categories (strings; numbers/booleans by their `String()`).
 * @param current Current categories.
 * @param options `test`, `correction`, `threshold`, `column`.
 * @returns A drift result with `pValue`, method `"chi_square"` or `"chi_square_contingency"`;
 * `details` records dof, categories, counts. An empty column gives `status: "error"`.
 * @throws {TypeError} For non-array inputs or non-scalar entries. {RangeError} For bad options.
 * @example
 * ```ts
 * import { chiSquare } from "./mod.ts";
 * const r = chiSquare(["a", "b", "a", "b"], ["a", "a", "a", "b"]);
 * // f_exp = [2, 2], f_obs = [3, 1]: statistic 1, scipy p-value 0.31731050786291415
 * if (r.statistic !== 1 || Math.abs(r.pValue! - 0.31731050786291415) > 1e-15) throw new Error();
 * ```
 */
export function chiSquare(
  reference: ArrayLike<Category>,
  current: ArrayLike<Category>,
  options: ChiSquareOptions = {},
): DriftResult<"chi_square" | "chi_square_contingency"> {
  const { test = "goodness_of_fit", correction = true, column } = options;
  if (test !== "goodness_of_fit" && test !== "contingency") {
    throw new RangeError(`Cannot compute chi-square: unknown test "${String(test)}"`);
  }
  const method = test === "goodness_of_fit" ? "chi_square" : "chi_square_contingency";
  const rule = detectionRule(method, options.threshold, "chi-square");
  for (const [side, v] of [["reference", reference], ["current", current]] as const) {
    if (typeof v !== "object" || v === null || typeof v.length !== "number") {
      throw new TypeError(`Cannot compute chi-square: ${side} must be an array, got ${typeof v}`);
    }
  }
  const f = categoricalFrequencies(reference, current);
  const base = {
    ...rule,
    nReference: f.nReference,
    nCurrent: f.nCurrent,
    column,
  } as const;
  const details: Record<string, unknown> = {
    test,
    ...f.details,
    missingReference: f.missingReference,
    missingCurrent: f.missingCurrent,
  };
  for (const [side, n] of [["reference", f.nReference], ["current", f.nCurrent]] as const) {
    if (n === 0) {
      const where = column === undefined ? " sample" : ` column "${column}"`;
      return driftError(
        { ...base, details },
        `Cannot compute chi-square: ${side}${where} has no non-missing values`,
      );
    }
  }
  details.referenceCounts = Array.from(f.reference);
  details.currentCounts = Array.from(f.current);
  let statistic: number;
  let dof: number;
  if (test === "goodness_of_fit") {
    const g = goodnessOfFit(f);
    ({ statistic, dof } = g);
    const categories = f.details.categories as string[];
    details.unseenCategories = g.unseen.map((i) => categories[i]!);
  } else {
    ({ statistic, dof } = contingency(f, correction));
    details.correction = correction && dof === 1;
  }
  details.dof = dof;
  const pValue = dof === 0 ? 1 : statistic === Infinity ? 0 : chiSquareSf(statistic, dof);
  return driftResult({ ...base, statistic, pValue, details });
}
