/**
 * The Anderson–Darling k-sample test, equal to `scipy.stats.anderson_ksamp`: as a drift check of
 * two samples ({@linkcode andersonDarling}) and for k ≥ 2 samples
 * ({@linkcode andersonDarlingKSample}), both on one core.
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";
import { ensureSorted, type SortedSample } from "../stats/sort.ts";
import {
  detectionRule,
  driftError,
  type DriftResult,
  driftResult,
  missingDetails,
  prepareSamples,
} from "./_result.ts";
import {
  ANDERSON_SIGNIFICANCE_LEVELS,
  andersonA2,
  andersonKSampleCore,
  andersonProblem,
} from "./_anderson_ksamp.ts";

export { ANDERSON_SIGNIFICANCE_LEVELS } from "./_anderson_ksamp.ts";

/** Options of {@linkcode andersonDarling}. */
export interface AndersonDarlingOptions {
  /**
   * Drift is detected when the (interpolated, capped/floored) p-value is below this.
   * @default `DRIFT_METHOD_INFO.anderson_darling.threshold` (0.05)
   */
  threshold?: number;
  /**
   * The column's name, recorded in the result and named in messages.
   * @default undefined (the result carries no column name)
   */
  column?: string;
  /**
   * Midrank empirical CDFs (Scholz & Stephens eq. 7, for continuous and discrete data), else the
   * right-continuous ones (eq. 6), as scipy's `midrank`. @default {true}
   */
  midrank?: boolean;
}

/**
 * The midrank A²_akN statistic of Scholz & Stephens (1987, eq. 7) for sorted samples, by one
 * merge walk over the distinct pooled values (scipy's `_anderson_ksamp_midrank`).
 *
 * Cost: O(Σ n_i · k).
 *
 * @param samples Two or more sorted, finite, non-empty samples.
 * @returns A²_akN (before standardisation).
 * @example
 * ```ts
 * import { andersonMidrankA2 } from "./anderson_darling.ts";
 * const a2 = andersonMidrankA2([new Float64Array([1, 2]), new Float64Array([1, 2])]);
 * if (!(a2 >= 0 && a2 < 1)) throw new Error(String(a2));
 * ```
 */
export function andersonMidrankA2(samples: readonly Float64Array[]): number {
  return andersonA2(samples, true);
}

/**
 * Anderson–Darling k-sample test as a drift check (k = 2: reference vs current), with midranks for
 * ties by default: the standardized statistic (A²_kN − (k−1)) / σ_N of Scholz & Stephens (1987),
 * the critical values at the levels 25 %…0.1 %, and scipy's p-value — interpolated on log(level)
 * by a quadratic fit and **capped at 0.25 / floored at 0.001** outside the table (scipy warns
 * then; Vigil records `details.pValueBound: "capped" | "floored"` and a `details.warning` text).
 * Equals `scipy.stats.anderson_ksamp([reference, current], midrank)` (scipy 1.10.1) and
 * {@linkcode andersonDarlingKSample} with two samples.
 *
 * Detection: `detected = pValue < threshold` (default 0.05). Missing values (non-finite) are
 * dropped and counted; an empty side, fewer than two distinct pooled values (scipy raises) or
 * fewer than 4 pooled values (σ²_N divides by (N−1)(N−2)(N−3); scipy gives NaN or raises) give a
 * `status: "error"` result.
 *
 * Cost: O(n log n) to sort (skip with {@linkcode SortedSample}s) + O(N).
 *
 * @param reference Reference sample or pre-sorted {@linkcode SortedSample}.
 * @param current Current sample or pre-sorted {@linkcode SortedSample}.
 * @param options See {@linkcode AndersonDarlingOptions}.
 * @returns A drift result with `method: "anderson_darling"`, `details.criticalValues`,
 * `details.significanceLevels`, `details.midrank`.
 * @throws {TypeError} When an input is not an array of numbers, or `midrank` is not a boolean.
 * @throws {RangeError} When `threshold` is not finite.
 * @example
 * ```ts
 * import { andersonDarling } from "./mod.ts";
 * // scipy.stats.anderson_ksamp([[1,2,3,4,5], [6,7,8,9,10]]) -> 4.726015467264128, p 0.004355977966506477
 * const r = andersonDarling([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
 * if (Math.abs(r.statistic - 4.726015467264128) > 1e-12) throw new Error(String(r.statistic));
 * if (Math.abs(r.pValue! - 0.004355977966506477) > 1e-12 || !r.detected) throw new Error();
 * // identical samples: scipy caps the p-value at 0.25 (and warns)
 * if (andersonDarling([1, 2, 3], [1, 2, 3]).details?.pValueBound !== "capped") throw new Error();
 * ```
 */
export function andersonDarling(
  reference: ArrayLike<number> | SortedSample,
  current: ArrayLike<number> | SortedSample,
  options: AndersonDarlingOptions = {},
): DriftResult<"anderson_darling"> {
  const rule = detectionRule("anderson_darling", options.threshold, "Anderson–Darling");
  const midrank = checkMidrank(options.midrank, "Anderson–Darling");
  const base = { ...rule, column: options.column };
  const prepared = prepareSamples(reference, current, {
    method: "Anderson–Darling",
    column: options.column,
  });
  const p0 = "reason" in prepared ? prepared.prepared : prepared;
  const errorBase = {
    ...base,
    nReference: p0.reference.length,
    nCurrent: p0.current.length,
    details: missingDetails(p0),
  };
  if ("reason" in prepared) return driftError(errorBase, prepared.reason);
  const samples = [prepared.reference, prepared.current];
  const problem = andersonProblem(samples);
  if (problem !== undefined) {
    const label = options.column === undefined ? "" : ` for column "${options.column}"`;
    return driftError(errorBase, `Cannot compute Anderson–Darling${label}: ${problem}`);
  }
  const out = andersonKSampleCore(samples, midrank);
  const details: Record<string, unknown> = {
    criticalValues: out.criticalValues,
    significanceLevels: [...ANDERSON_SIGNIFICANCE_LEVELS],
    midrank,
    ...missingDetails(prepared),
  };
  if (out.pValueBound !== undefined) details.pValueBound = out.pValueBound;
  if (out.warning !== undefined) details.warning = out.warning;
  return driftResult({
    ...base,
    statistic: out.statistic,
    pValue: out.pValue,
    nReference: prepared.reference.length,
    nCurrent: prepared.current.length,
    details,
  });
}

/** Options of {@linkcode andersonDarlingKSample}. */
export interface AndersonDarlingKSampleOptions {
  /**
   * Midrank empirical CDFs (Scholz & Stephens eq. 7, for continuous and discrete data), else the
   * right-continuous ones (eq. 6), as scipy's `midrank`. @default {true}
   */
  midrank?: boolean;
  /**
   * The samples are said to differ when the p-value is below this.
   * @default `DRIFT_METHOD_INFO.anderson_darling.threshold` (0.05)
   */
  threshold?: number;
}

/** The result of {@linkcode andersonDarlingKSample}: plain, JSON-serialisable (but for `NaN`). */
export interface AndersonDarlingKSampleResult {
  /** Always `"anderson_darling_ksample"`. */
  method: "anderson_darling_ksample";
  /** `"ok"` when computed, `"error"` when it could not be (see `reason`). */
  status: ResultStatus;
  /** Why the result could not be computed; present only when `status` is `"error"`. */
  reason?: string;
  /** The standardized statistic (A²_kN − (k − 1)) / σ_N; `NaN` on error. */
  statistic: number;
  /** scipy's interpolated p-value, capped at 0.25 / floored at 0.001; `NaN` on error. */
  pValue: number;
  /** Critical values at `significanceLevels` for k samples; empty on error. */
  criticalValues: number[];
  /** The levels of scipy's table: 0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001. */
  significanceLevels: number[];
  /** Present when the p-value is outside the table: `"capped"` (0.25) or `"floored"` (0.001). */
  pValueBound?: "capped" | "floored";
  /** scipy's warning text, present with `pValueBound`. */
  warning?: string;
  /** The threshold `pValue` is compared with. */
  threshold: number;
  /** Always `"<"`: `detected` is `pValue < threshold`. */
  operator: "<";
  /** Whether the samples differ (`pValue < threshold`); `false` on error. */
  detected: boolean;
  /** Size of each sample after dropping missing values, in input order. */
  sizes: number[];
  /** Missing (non-finite) values dropped from each sample, in input order. */
  missing: number[];
  /** Which statistic was computed (see {@linkcode AndersonDarlingKSampleOptions}). */
  midrank: boolean;
}

/**
 * Anderson–Darling k-sample test of whether k ≥ 2 samples come from one distribution, equal to
 * `scipy.stats.anderson_ksamp(samples, midrank)` (scipy 1.10.1): the standardized statistic
 * (A²_kN − (k − 1)) / σ_N of Scholz & Stephens (1987; A²_akN with midranks, eq. 7, by default,
 * else the right-continuous A²_kN, eq. 6), the critical values for k samples at the levels
 * 25 %…0.1 % (their Table 2 interpolated in 1/√(k−1)), and scipy's p-value, interpolated on
 * log(level) by a quadratic fit and **capped at 0.25 / floored at 0.001** outside the table
 * (`pValueBound` and scipy's `warning` text say so). Same core as {@linkcode andersonDarling}.
 *
 * Detection: `detected = pValue < threshold`. Missing (non-finite) values are dropped and counted
 * in `missing`. Fewer than 2 samples, an empty sample, a single distinct pooled value or fewer
 * than 4 pooled values give a `status: "error"` result with a `reason` (scipy raises or gives NaN).
 *
 * Cost: O(Σ n_i log n_i) to sort (skip with {@linkcode SortedSample}s) + O(Σ n_i + k · D) for
 * D distinct pooled values.
 *
 * @param samples The samples: arrays, typed arrays or pre-sorted {@linkcode SortedSample}s.
 * @param options See {@linkcode AndersonDarlingKSampleOptions}.
 * @returns See {@linkcode AndersonDarlingKSampleResult}.
 * @throws {TypeError} When `samples` is not an array, a sample is not an array of numbers, or
 * `midrank` is not a boolean.
 * @throws {RangeError} When `threshold` is not finite.
 * @example
 * ```ts
 * import { andersonDarlingKSample } from "./mod.ts";
 * // scipy.stats.anderson_ksamp([[1,2,3,4], [2,3,4,5,6], [7,8,9]])
 * //   -> statistic 3.5992315554699728, pvalue 0.00829600738906279
 * const r = andersonDarlingKSample([[1, 2, 3, 4], [2, 3, 4, 5, 6], [7, 8, 9]]);
 * if (Math.abs(r.statistic - 3.5992315554699728) > 1e-12) throw new Error(String(r.statistic));
 * if (Math.abs(r.pValue - 0.00829600738906279) > 1e-12 || !r.detected) throw new Error();
 * if (r.sizes.join() !== "4,5,3" || r.criticalValues.length !== 7) throw new Error();
 * // midrank: false -> scipy's right-continuous statistic 3.3988880222611866
 * const right = andersonDarlingKSample([[1, 2, 3, 4], [2, 3, 4, 5, 6], [7, 8, 9]], {
 *   midrank: false,
 * });
 * if (Math.abs(right.statistic - 3.3988880222611866) > 1e-12) throw new Error();
 * // fewer than two samples: an error result, not an exception
 * if (andersonDarlingKSample([[1, 2, 3]]).status !== "error") throw new Error();
 * ```
 */
export function andersonDarlingKSample(
  samples: readonly (ArrayLike<number> | SortedSample)[],
  options: AndersonDarlingKSampleOptions = {},
): AndersonDarlingKSampleResult {
  const what = "Anderson–Darling k-sample";
  if (!Array.isArray(samples)) {
    throw new TypeError(
      `Cannot compute ${what}: samples must be an array of samples, got ${
        samples === null ? "null" : typeof samples
      }`,
    );
  }
  const { threshold } = detectionRule("anderson_darling", options.threshold, what);
  const midrank = checkMidrank(options.midrank, what);
  const sorted = samples.map((s, i) => ensureSorted(s, `sample ${i}`));
  const common = {
    method: "anderson_darling_ksample" as const,
    significanceLevels: [...ANDERSON_SIGNIFICANCE_LEVELS],
    threshold,
    operator: "<" as const,
    sizes: sorted.map((s) => s.sorted.length),
    missing: sorted.map((s) => s.nMissing),
    midrank,
  };
  const empty = common.sizes.indexOf(0);
  const problem = sorted.length < 2
    ? `${sorted.length} sample${sorted.length === 1 ? "" : "s"} given, at least 2 needed`
    : empty >= 0
    ? `sample ${empty} has no finite values`
    : andersonProblem(sorted.map((s) => s.sorted));
  if (problem !== undefined) {
    return {
      ...common,
      status: "error",
      reason: `Cannot compute ${what}: ${problem}`,
      statistic: NaN,
      pValue: NaN,
      criticalValues: [],
      detected: false,
    };
  }
  const out = andersonKSampleCore(sorted.map((s) => s.sorted), midrank);
  return {
    ...common,
    status: "ok",
    statistic: out.statistic,
    pValue: out.pValue,
    criticalValues: out.criticalValues,
    ...(out.pValueBound === undefined ? {} : { pValueBound: out.pValueBound }),
    ...(out.warning === undefined ? {} : { warning: out.warning }),
    detected: out.pValue < threshold,
  };
}

/** `midrank ?? true`, or a TypeError naming the method. */
function checkMidrank(midrank: boolean | undefined, what: string): boolean {
  if (midrank === undefined) return true;
  if (typeof midrank !== "boolean") {
    throw new TypeError(`Cannot compute ${what}: midrank must be a boolean, got ${typeof midrank}`);
  }
  return midrank;
}
