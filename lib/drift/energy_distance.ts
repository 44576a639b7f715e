/**
 * Energy distance between two samples, equal to `scipy.stats.energy_distance`.
 *
 * @module
 */
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

/** Options of {@linkcode energyDistance}. */
export interface EnergyDistanceOptions {
  /**
   * Drift is detected when the distance is at least this (`>=`). The distance is in data units,
   * so choose it per column.
   * @default `DRIFT_METHOD_INFO.energy_distance.threshold` (0.1)
   */
  threshold?: number;
  /**
   * The column's name, recorded in the result and named in messages.
   * @default undefined (the result carries no column name)
   */
  column?: string;
}

/**
 * Energy distance D = sqrt(2 E|X − Y| − E|X − X'| − E|Y − Y'|) = √2 · (∫ (F_ref − F_cur)² dx)^½
 * (Székely; Rizzo & Székely 2016), equal to `scipy.stats.energy_distance(reference, current)`.
 *
 * Detection: `detected = statistic >= threshold`. Missing values (non-finite) are dropped and
 * counted in `details`; an empty side gives a `status: "error"` result.
 *
 * Cost: O(n log n) to sort (skip with {@linkcode SortedSample}s), then O(n1 + n2).
 *
 * @param reference Reference sample or pre-sorted {@linkcode SortedSample}.
 * @param current Current sample or pre-sorted {@linkcode SortedSample}.
 * @param options See {@linkcode EnergyDistanceOptions}.
 * @returns A drift result with `method: "energy_distance"`.
 * @throws {TypeError} When an input is not an array of numbers.
 * @throws {RangeError} When `threshold` is not finite.
 * @example
 * ```ts
 * import { energyDistance } from "./mod.ts";
 * // scipy.stats.energy_distance([0], [2]) == 2.0000000000000004
 * const r = energyDistance([0], [2]);
 * if (Math.abs(r.statistic - 2) > 1e-15 || !r.detected) throw new Error(String(r.statistic));
 * ```
 */
export function energyDistance(
  reference: ArrayLike<number> | SortedSample,
  current: ArrayLike<number> | SortedSample,
  options: EnergyDistanceOptions = {},
): DriftResult<"energy_distance"> {
  const rule = detectionRule("energy_distance", options.threshold, "energy distance");
  const base = { ...rule, column: options.column };
  const prepared = prepareSamples(reference, current, {
    method: "energy distance",
    column: options.column,
  });
  if ("reason" in prepared) return unusableSamples(base, prepared);
  const integral = cdfDistanceIntegral(prepared.reference, prepared.current, 2);
  return driftResult({
    ...base,
    statistic: Math.SQRT2 * Math.sqrt(integral),
    nReference: prepared.reference.length,
    nCurrent: prepared.current.length,
    details: missingDetails(prepared),
  });
}
