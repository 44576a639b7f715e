/**
 * Wasserstein-1 (earth mover's) distance between two samples, raw or normed by the reference
 * standard deviation (Evidently's "Wasserstein distance (normed)").
 *
 * @module
 */
import { populationStd } from "../stats/population_std.ts";
import type { SortedSample } from "../stats/sort.ts";
import { cdfDistanceIntegral } from "./_cdf_distance.ts";
import {
  detectionRule,
  type DriftResult,
  driftResult,
  missingDetails,
  prepareSamples,
  unusableSamples,
} from "./_result.ts";

/** Options of {@linkcode wasserstein}. */
export interface WassersteinOptions {
  /**
   * Divide the distance by max(sd(reference), `minScale`), with the *population* standard
   * deviation (ddof = 0, `np.std`), as Evidently does; `false` returns the raw distance in data
   * units (`scipy.stats.wasserstein_distance`).
   * @default {true}
   */
  normed?: boolean;
  /** Floor of the scale, so a constant reference does not divide by zero (Evidently's). @default {0.001} */
  minScale?: number;
  /** Drift is detected when the distance is at least this (`>=`, as Evidently).
   * @default `DRIFT_METHOD_INFO[method].threshold` (0.1) */
  threshold?: number;
  /**
   * The column's name, recorded in the result and named in messages.
   * @default undefined (the result carries no column name)
   */
  column?: string;
}

/**
 * Wasserstein-1 distance W₁ = ∫ |F_ref(x) − F_cur(x)| dx between the empirical distributions,
 * equal to `scipy.stats.wasserstein_distance(reference, current)`; by default normed as
 * Evidently does: W₁ / max(np.std(reference), 0.001) (population sd, ddof = 0).
 *
 * Detection: `detected = statistic >= threshold` (Evidently's rule, default 0.1). Missing
 * values (non-finite) are dropped and counted in `details`; an empty side gives an error result.
 * `details` records `normed`, `scale` (the divisor; 1 when raw), `referenceStd` and `distance`
 * (the raw W₁).
 *
 * Cost: O(n log n) to sort (skip by passing {@linkcode SortedSample}s), then O(n1 + n2).
 *
 * @param reference Reference sample or pre-sorted {@linkcode SortedSample}.
 * @param current Current sample or pre-sorted {@linkcode SortedSample}.
 * @param options See {@linkcode WassersteinOptions}.
 * @returns A drift result with `method` `"wasserstein_normed"` or `"wasserstein"`.
 * @throws {TypeError} When an input is not an array of numbers.
 * @throws {RangeError} When `threshold` or `minScale` is not a finite number (≥ 0 for minScale).
 * @example
 * ```ts
 * import { wasserstein } from "./mod.ts";
 * // scipy.stats.wasserstein_distance([0, 1, 3], [5, 6, 8]) == 5.0; np.std([0, 1, 3]) == 1.247…
 * const raw = wasserstein([0, 1, 3], [5, 6, 8], { normed: false });
 * if (raw.statistic !== 5 || !raw.detected) throw new Error();
 * const normed = wasserstein([0, 1, 3], [5, 6, 8]);
 * if (Math.abs(normed.statistic - 5 / Math.sqrt(14 / 9)) > 1e-12) throw new Error();
 * ```
 */
export function wasserstein(
  reference: ArrayLike<number> | SortedSample,
  current: ArrayLike<number> | SortedSample,
  options: WassersteinOptions = {},
): DriftResult<"wasserstein" | "wasserstein_normed"> {
  const normed = options.normed ?? true;
  const minScale = options.minScale ?? 0.001;
  const method = normed ? "wasserstein_normed" as const : "wasserstein" as const;
  const rule = detectionRule(method, options.threshold, "Wasserstein distance");
  if (typeof minScale !== "number" || !(minScale >= 0) || !Number.isFinite(minScale)) {
    throw new RangeError(
      `Cannot compute Wasserstein distance: minScale must be a finite number >= 0, got ${minScale}`,
    );
  }
  const base = { ...rule, column: options.column };
  const prepared = prepareSamples(reference, current, {
    method: "Wasserstein distance",
    column: options.column,
  });
  if ("reason" in prepared) return unusableSamples(base, prepared, { normed });
  const distance = cdfDistanceIntegral(prepared.reference, prepared.current, 1);
  const details: Record<string, unknown> = { normed, distance };
  let scale = 1;
  if (normed) {
    const sd = populationStd(prepared.reference);
    scale = Math.max(sd, minScale);
    details.referenceStd = sd;
    details.minScale = minScale;
  }
  details.scale = scale;
  Object.assign(details, missingDetails(prepared));
  return driftResult({
    ...base,
    statistic: distance / scale,
    nReference: prepared.reference.length,
    nCurrent: prepared.current.length,
    details,
  });
}
