/**
 * Kullback–Leibler divergence.
 *
 * @module
 */
import type { BinnedDistanceOptions, DistributionInput } from "./binning.ts";
import { binnedDistance, checkBase, checkEpsilon, proportions } from "./_binned_distance.ts";
import type { DriftResult } from "./_result.ts";

/** Which way the divergence is taken: `"current||reference"` is KL(current ‖ reference). */
export type KlDirection = "current||reference" | "reference||current";

/** Options of {@linkcode klFromCounts}. */
export interface KlFromCountsOptions {
  /** KL(current ‖ reference) or KL(reference ‖ current) (Evidently's). @default "current||reference" */
  direction?: KlDirection;
  /** Proportion that replaces an empty cell's 0 before renormalising. @default 1e-4 */
  epsilon?: number;
  /** Logarithm base. @default Math.E */
  base?: number;
}

/** Options of {@linkcode klDivergence}: binning, threshold and column, plus those of {@linkcode klFromCounts}. */
export interface KlDivergenceOptions extends BinnedDistanceOptions, KlFromCountsOptions {}

/**
 * KL divergence of two count vectors over the same cells, equal to
 * `scipy.stats.entropy(pk, qk, base)` where pk, qk are the proportions with zeros replaced by
 * `epsilon` (scipy then renormalises both to sum 1): Σ p_i ln(p_i / q_i) / ln(base), with
 * (p, q) = (current, reference) by default, or (reference, current) with
 * `direction: "reference||current"`. Cost O(k).
 *
 * @param reference Reference counts.
 * @param current Current counts (same length).
 * @param options `direction`, `epsilon`, `base`.
 * @returns The divergence ≥ 0 (not symmetric).
 * @throws {TypeError} When the lengths differ. {RangeError} For a bad direction, epsilon or base.
 * @example
 * ```ts
 * import { klFromCounts } from "./mod.ts";
 * const v = klFromCounts([1, 1], [1, 3]); // KL(current ‖ reference)
 * if (Math.abs(v - (0.25 * Math.log(0.5) + 0.75 * Math.log(1.5))) > 1e-15) throw new Error();
 * const w = klFromCounts([1, 3], [1, 1], { direction: "reference||current" });
 * if (w !== v) throw new Error();
 * ```
 */
export function klFromCounts(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: KlFromCountsOptions = {},
): number {
  const { direction = "current||reference", epsilon = 1e-4, base = Math.E } = options;
  checkDirection(direction);
  if (reference.length !== current.length) {
    throw new TypeError(
      `Cannot compute KL divergence: reference has ${reference.length} cells, current has ${current.length}`,
    );
  }
  checkEpsilon(epsilon, "KL divergence");
  checkBase(base, "KL divergence");
  const [p, q] = direction === "current||reference" ? [current, reference] : [reference, current];
  const pp = normalised(proportions(Float64Array.from(p), epsilon));
  const qq = normalised(proportions(Float64Array.from(q), epsilon));
  let s = 0;
  for (let i = 0; i < pp.length; i++) s += pp[i]! * Math.log(pp[i]! / qq[i]!);
  return base === Math.E ? s : s / Math.log(base);
}

function checkDirection(direction: KlDirection): void {
  if (direction !== "current||reference" && direction !== "reference||current") {
    throw new RangeError(`Cannot compute KL divergence: unknown direction "${String(direction)}"`);
  }
}

function normalised(p: Float64Array): Float64Array {
  let t = 0;
  for (const v of p) t += v;
  for (let i = 0; i < p.length; i++) p[i]! /= t;
  return p;
}

/**
 * Kullback–Leibler divergence between the current and reference columns on the same cells as
 * {@linkcode psi} (reference deciles with open outer edges, or categories). Default direction
 * KL(current ‖ reference) = Σ c_i ln(c_i / r_i): the information lost when the reference is used
 * to describe current data; `direction: "reference||current"` gives Evidently's
 * `scipy.stats.entropy(reference, current)`. Empty cells get proportion `epsilon` (1e-4) and both
 * vectors are renormalised, as `scipy.stats.entropy` does. Drift when KL ≥ `threshold` (0.1).
 * Missing values are dropped and counted.
 *
 * Cost: as {@linkcode psi}.
 *
 * @param reference Reference column: numbers, a `SortedSample`, or categories.
 * @param current Current column, of the same kind.
 * @param options Binning, `direction`, `epsilon`, `base`, `threshold`, `column`.
 * @returns A drift result, method `"kl_divergence"`; `details` records `direction`, `epsilon`,
 * `base`.
 * @throws {TypeError} For non-array inputs. {RangeError} For bad options.
 * @example
 * ```ts
 * import { klDivergence } from "./mod.ts";
 * const r = klDivergence(["a", "b"], ["a", "b", "b", "b"]);
 * if (Math.abs(r.statistic - (0.25 * Math.log(0.5) + 0.75 * Math.log(1.5))) > 1e-15) throw new Error();
 * if (r.details?.direction !== "current||reference") throw new Error();
 * ```
 */
export function klDivergence(
  reference: DistributionInput,
  current: DistributionInput,
  options: KlDivergenceOptions = {},
): DriftResult<"kl_divergence"> {
  const { direction = "current||reference", epsilon = 1e-4, base = Math.E } = options;
  checkDirection(direction);
  checkEpsilon(epsilon, "KL divergence");
  checkBase(base, "KL divergence");
  return binnedDistance(
    "kl_divergence",
    "KL divergence",
    reference,
    current,
    options,
    (f) => ({
      statistic: klFromCounts(f.reference, f.current, { direction, epsilon, base }),
      details: { direction, epsilon, base },
    }),
  );
}
