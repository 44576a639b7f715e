/**
 * Jensen–Shannon distance.
 *
 * @module
 */
import type { BinnedDistanceOptions, DistributionInput } from "./binning.ts";
import { binnedDistance, checkBase, proportions } from "./_binned_distance.ts";
import type { DriftResult } from "./_result.ts";

/** Options of {@linkcode jensenShannon}. */
export interface JensenShannonOptions extends BinnedDistanceOptions {
  /** Logarithm base (> 0, ≠ 1). `Math.E` (scipy's default) bounds the distance by √ln 2 ≈ 0.833; 2 bounds it by 1. @default Math.E */
  base?: number;
}

function relEntr(x: number, y: number): number {
  return x === 0 ? 0 : x * Math.log(x / y);
}

/**
 * Jensen–Shannon distance of two count vectors over the same cells, equal to
 * `scipy.spatial.distance.jensenshannon(current, reference, base)`: with p, q the normalised
 * counts and m = (p + q)/2, JS = √[(KL(p‖m) + KL(q‖m)) / (2 ln base)]. No epsilon is needed (m > 0
 * wherever p or q is). A rounding-negative divergence is clamped to 0 (scipy would return NaN).
 * Cost O(k).
 *
 * @param reference Reference counts.
 * @param current Current counts (same length).
 * @param base Log base. @default Math.E
 * @returns The distance, symmetric, in [0, √(ln 2 / ln base)]; `NaN` when a side has no counts.
 * @throws {TypeError} When the lengths differ. {RangeError} For an invalid base.
 * @example
 * ```ts
 * import { jensenShannonFromCounts } from "./mod.ts";
 * if (jensenShannonFromCounts([1, 0], [0, 1], 2) !== 1) throw new Error();
 * ```
 */
export function jensenShannonFromCounts(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  base = Math.E,
): number {
  if (reference.length !== current.length) {
    throw new TypeError(
      `Cannot compute Jensen-Shannon: reference has ${reference.length} cells, current has ${current.length}`,
    );
  }
  checkBase(base, "Jensen-Shannon");
  const q = proportions(Float64Array.from(reference));
  const p = proportions(Float64Array.from(current));
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2;
    left += relEntr(p[i]!, m);
    right += relEntr(q[i]!, m);
  }
  let js = left + right;
  if (base !== Math.E) js /= Math.log(base);
  return Math.sqrt(Math.max(js, 0) / 2);
}

/**
 * Jensen–Shannon **distance** (the square root of the JS divergence) between a reference and a
 * current column on the same cells as {@linkcode psi} (reference deciles with open outer edges by
 * default, or categories), equal to `scipy.spatial.distance.jensenshannon` on the cell counts.
 * Default log base e — scipy's default and the scale of Evidently's 0.1 threshold — so the
 * distance lies in [0, 0.833]; pass `base: 2` for [0, 1]. Drift is detected when JS ≥
 * `threshold` (0.1). Evidently bins numeric data with Sturges edges over both samples
 * (`binning: "sturges_both"` reproduces that). Missing values are dropped and counted.
 *
 * Cost: as {@linkcode psi}.
 *
 * @param reference Reference column: numbers, a `SortedSample`, or categories.
 * @param current Current column, of the same kind.
 * @param options Binning, `base`, `threshold`, `column`.
 * @returns A drift result, method `"jensen_shannon"`, `details.base` records the log base.
 * @throws {TypeError} For non-array inputs. {RangeError} For bad options.
 * @example
 * ```ts
 * import { jensenShannon } from "./mod.ts";
 * const r = jensenShannon(["a", "a"], ["b", "b"], { base: 2 });
 * if (r.statistic !== 1 || !r.detected) throw new Error();
 * ```
 */
export function jensenShannon(
  reference: DistributionInput,
  current: DistributionInput,
  options: JensenShannonOptions = {},
): DriftResult<"jensen_shannon"> {
  const { base = Math.E } = options;
  checkBase(base, "Jensen-Shannon");
  return binnedDistance(
    "jensen_shannon",
    "Jensen-Shannon",
    reference,
    current,
    options,
    (f) => ({
      statistic: jensenShannonFromCounts(f.reference, f.current, base),
      details: { base },
    }),
  );
}
