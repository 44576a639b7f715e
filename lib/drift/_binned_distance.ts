/**
 * Private: the common frame of the binned distances (PSI, Jensen–Shannon, KL, Hellinger) —
 * options, counting both columns over the same cells, the empty-column error result and the
 * policy record in `details`.
 *
 * @module
 */
import { detectionRule, driftError, type DriftResult, driftResult } from "./_result.ts";
import type { DriftMethod } from "./drift_methods.ts";
import { type Frequencies, frequencies } from "./_frequencies.ts";
import type { BinnedDistanceOptions, DistributionInput } from "./binning.ts";

/** What a distance computes from the two count vectors. */
export interface DistanceValue {
  statistic: number;
  details?: Record<string, unknown>;
}

/** Proportions counts / total, with zeros replaced by `epsilon` when `epsilon > 0` (no renormalising). */
export function proportions(counts: Float64Array, epsilon = 0): Float64Array {
  let total = 0;
  for (const c of counts) total += c;
  const p = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const v = counts[i]! / total;
    p[i] = v === 0 ? epsilon : v;
  }
  return p;
}

/** Throws a RangeError unless 0 < epsilon < 1. */
export function checkEpsilon(epsilon: number, method: string): void {
  if (typeof epsilon !== "number" || !(epsilon > 0 && epsilon < 1)) {
    throw new RangeError(`Cannot compute ${method}: epsilon must be in (0, 1), got ${epsilon}`);
  }
}

/** Throws a RangeError unless `base` is a finite number > 0 and ≠ 1 (a logarithm base). */
export function checkBase(base: number, method: string): void {
  if (typeof base !== "number" || !(base > 0) || base === 1 || !Number.isFinite(base)) {
    throw new RangeError(`Cannot compute ${method}: log base must be > 0 and not 1, got ${base}`);
  }
}

/** Runs a binned distance: count, guard empty columns, compute, record the policy. */
export function binnedDistance<M extends DriftMethod>(
  method: M,
  label: string,
  reference: DistributionInput,
  current: DistributionInput,
  options: BinnedDistanceOptions,
  compute: (f: Frequencies) => DistanceValue,
): DriftResult<M> {
  const { column } = options;
  const rule = detectionRule(method, options.threshold, label);
  const f = frequencies(reference, current, options);
  const base = {
    ...rule,
    nReference: f.nReference,
    nCurrent: f.nCurrent,
    column,
  };
  const details: Record<string, unknown> = {
    kind: f.kind,
    ...f.details,
    missingReference: f.missingReference,
    missingCurrent: f.missingCurrent,
  };
  const where = column === undefined ? "" : ` column "${column}"`;
  for (const [side, n] of [["reference", f.nReference], ["current", f.nCurrent]] as const) {
    if (n === 0) {
      const what = f.kind === "numeric" ? "finite values" : "non-missing values";
      return driftError(
        { ...base, details },
        `Cannot compute ${label}: ${side}${where || " sample"} has no ${what}`,
      );
    }
  }
  const value = compute(f);
  details.referenceCounts = Array.from(f.reference);
  details.currentCounts = Array.from(f.current);
  return driftResult({
    ...base,
    statistic: value.statistic,
    details: { ...details, ...value.details },
  });
}
