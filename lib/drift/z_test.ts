/**
 * Two-proportion Z-test for binary drift.
 *
 * @module
 */
import { normalSf } from "../stats/special.ts";
import { categoricalFrequencies } from "./_frequencies.ts";
import type { Category } from "./binning.ts";
import { detectionRule, driftError, type DriftResult, driftResult } from "./_result.ts";

/** Options of {@linkcode zTest}. */
export interface ZTestOptions {
  /** Drift is detected when the p-value is `< threshold`. @default `DRIFT_METHOD_INFO.z_test.threshold` (0.05) */
  threshold?: number;
  /**
   * The column's name, recorded in the result and named in messages.
   * @default undefined (the result carries no column name)
   */
  column?: string;
}

/**
 * Pooled two-proportion Z-test, two-sided, for a column with (at most) two categories. The
 * "positive" category is the second of the two in sorted string order (`"1"` of 0/1, `"true"` of
 * booleans, `"yes"` of no/yes); with p̂_r, p̂_c its share in reference and current and p̂ the pooled
 * share (x_r + x_c)/(n_r + n_c):
 * z = (p̂_c − p̂_r) / √(p̂(1 − p̂)(1/n_r + 1/n_c)), p = 2·(1 − Φ(|z|)) computed as
 * `2 * scipy.stats.norm.sf(|z|)`. With a single category overall (p̂ ∈ {0, 1}) there is no
 * evidence of drift: z = 0, p = 1. More than two categories give `status: "error"`. Missing
 * values (`null`, `undefined`, `""`, `NaN`) are dropped and counted. Drift when p < `threshold`.
 *
 * Cost O(n + m).
 *
 * @param reference Reference values (two categories: strings, numbers or booleans).
 * @param current Current values.
 * @param options `threshold`, `column`.
 * @returns A drift result with `pValue`, method `"z_test"`; `details` records the positive
 * category, both proportions and the pooled one.
 * @throws {TypeError} For non-array inputs or non-scalar entries.
 * @example
 * ```ts
 * import { zTest } from "./mod.ts";
 * const r = zTest([0, 0, 1, 1], [1, 1, 1, 1]);
 * // p̂ = 0.75, se = √(0.75·0.25·0.5), z = 0.5 / se ≈ 1.633
 * if (Math.abs(r.statistic - 0.5 / Math.sqrt(0.09375)) > 1e-15) throw new Error();
 * ```
 */
export function zTest(
  reference: ArrayLike<Category>,
  current: ArrayLike<Category>,
  options: ZTestOptions = {},
): DriftResult<"z_test"> {
  const { column } = options;
  const rule = detectionRule("z_test", options.threshold, "Z-test");
  for (const [side, v] of [["reference", reference], ["current", current]] as const) {
    if (typeof v !== "object" || v === null || typeof v.length !== "number") {
      throw new TypeError(`Cannot compute Z-test: ${side} must be an array, got ${typeof v}`);
    }
  }
  const f = categoricalFrequencies(reference, current);
  const categories = f.details.categories as string[];
  const base = {
    ...rule,
    nReference: f.nReference,
    nCurrent: f.nCurrent,
    column,
  };
  const details: Record<string, unknown> = {
    categories,
    missingReference: f.missingReference,
    missingCurrent: f.missingCurrent,
  };
  const where = column === undefined ? " sample" : ` column "${column}"`;
  for (const [side, n] of [["reference", f.nReference], ["current", f.nCurrent]] as const) {
    if (n === 0) {
      return driftError(
        { ...base, details },
        `Cannot compute Z-test: ${side}${where} has no non-missing values`,
      );
    }
  }
  if (categories.length > 2) {
    return driftError(
      { ...base, details },
      `Cannot compute Z-test: ${where.trim()} has ${categories.length} categories, at most 2 allowed`,
    );
  }
  const pos = categories.length - 1;
  const x1 = f.reference[pos]!;
  const x2 = f.current[pos]!;
  const n1 = f.nReference;
  const n2 = f.nCurrent;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  let statistic = 0;
  let pValue = 1;
  if (pooled > 0 && pooled < 1) {
    statistic = (p2 - p1) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    pValue = Math.min(1, 2 * normalSf(Math.abs(statistic)));
  }
  return driftResult({
    ...base,
    statistic,
    pValue,
    details: {
      ...details,
      positiveCategory: categories[pos],
      proportionReference: p1,
      proportionCurrent: p2,
      pooledProportion: pooled,
      alternative: "two-sided",
    },
  });
}
