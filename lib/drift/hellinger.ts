/**
 * Hellinger distance.
 *
 * @module
 */
import type { BinnedDistanceOptions, DistributionInput } from "./binning.ts";
import { binnedDistance, proportions } from "./_binned_distance.ts";
import type { DriftResult } from "./_result.ts";

/**
 * Hellinger distance of two count vectors over the same cells, normalised to [0, 1]:
 * H = √(½ Σ (√p_i − √q_i)²) = √(1 − Σ √(p_i q_i)) for proportions p, q (the ½, i.e. the 1/√2
 * factor on the Euclidean norm, makes disjoint supports give exactly 1). Computed in the first
 * form, which has no cancellation near 0. Cost O(k).
 *
 * @param reference Reference counts.
 * @param current Current counts (same length).
 * @returns H in [0, 1]; `NaN` when a side has no counts.
 * @throws {TypeError} When the lengths differ.
 * @example
 * ```ts
 * import { hellingerFromCounts } from "./mod.ts";
 * if (hellingerFromCounts([1, 0], [0, 1]) !== 1 || hellingerFromCounts([2, 2], [1, 1]) !== 0) {
 *   throw new Error();
 * }
 * ```
 */
export function hellingerFromCounts(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): number {
  if (reference.length !== current.length) {
    throw new TypeError(
      `Cannot compute Hellinger: reference has ${reference.length} cells, current has ${current.length}`,
    );
  }
  const q = proportions(Float64Array.from(reference));
  const p = proportions(Float64Array.from(current));
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (Math.sqrt(p[i]!) - Math.sqrt(q[i]!)) ** 2;
  return Math.sqrt(s / 2);
}

/**
 * Hellinger distance between a reference and a current column on the same cells as
 * {@linkcode psi} (reference deciles with open outer edges by default, or categories):
 * H = √(½ Σ (√c_i − √r_i)²), in [0, 1] (normalised with the 1/√2 factor). Needs no epsilon.
 * Drift when H ≥ `threshold` (0.1, Evidently's default; note Evidently bins numeric data its own
 * way). Missing values are dropped and counted.
 *
 * Cost: as {@linkcode psi}.
 *
 * @param reference Reference column: numbers, a `SortedSample`, or categories.
 * @param current Current column, of the same kind.
 * @param options Binning, `threshold`, `column`.
 * @returns A drift result, method `"hellinger"`; `details.normalisation` is `"1/sqrt(2)"`.
 * @throws {TypeError} For non-array inputs. {RangeError} For bad options.
 * @example
 * ```ts
 * import { hellinger } from "./mod.ts";
 * const r = hellinger(["a", "b"], ["a", "b", "c", "c"]);
 * if (Math.abs(r.statistic - Math.sqrt(1 - Math.sqrt(0.5))) > 1e-15) throw new Error();
 * ```
 */
export function hellinger(
  reference: DistributionInput,
  current: DistributionInput,
  options: BinnedDistanceOptions = {},
): DriftResult<"hellinger"> {
  return binnedDistance(
    "hellinger",
    "Hellinger",
    reference,
    current,
    options,
    (f) => ({
      statistic: hellingerFromCounts(f.reference, f.current),
      details: { normalisation: "1/sqrt(2)" },
    }),
  );
}
