/**
 * Shared plumbing for the drift tests: input checking, the missing-value policy and the
 * {@linkcode CheckResult} builder, so that every drift method returns the same shape.
 *
 * Missing-value policy (all drift tests): non-finite values (`NaN`, `±Infinity`, `null`) are
 * dropped; the counts are recorded in `details.missingReference` / `details.missingCurrent`. A side
 * that is empty after dropping (or too small for the method) gives a `status: "error"` result
 * naming the column, not an exception.
 *
 * @module
 */
import { compare } from "../stats/compare.ts";
import type { Operator } from "../types.ts";
import { ensureSorted, type SortedSample } from "../stats/sort.ts";
import { DRIFT_METHOD_INFO, type DriftMethod } from "./drift_methods.ts";

import type { DriftResult } from "./drift_result.ts";

export type { DriftResult } from "./drift_result.ts";

/** What a drift method computed, before the detection rule is applied. */
export interface DriftOutcome<M extends string> {
  method: M;
  statistic: number;
  /** For hypothesis tests: detection compares the p-value, else the statistic. */
  pValue?: number;
  threshold: number;
  operator: Operator;
  nReference: number;
  nCurrent: number;
  column?: string | undefined;
  details?: Record<string, unknown>;
}

/**
 * Builds an `"ok"` drift result: `detected` is `pValue OPERATOR threshold` for tests with a
 * p-value, else `statistic OPERATOR threshold`.
 */
export function driftResult<M extends string>(outcome: DriftOutcome<M>): DriftResult<M> {
  const value = outcome.pValue ?? outcome.statistic;
  const result: DriftResult<M> = {
    kind: "drift",
    method: outcome.method,
    status: "ok",
    statistic: outcome.statistic,
    threshold: outcome.threshold,
    operator: outcome.operator,
    detected: compare(value, outcome.operator, outcome.threshold),
    nReference: outcome.nReference,
    nCurrent: outcome.nCurrent,
  };
  if (outcome.pValue !== undefined) result.pValue = outcome.pValue;
  if (outcome.column !== undefined) result.column = outcome.column;
  if (outcome.details !== undefined) result.details = outcome.details;
  return result;
}

/** Builds a `status: "error"` drift result: `statistic: NaN`, `detected: false`, a `reason`. */
export function driftError<M extends string>(
  outcome: Omit<DriftOutcome<M>, "statistic" | "pValue">,
  reason: string,
): DriftResult<M> {
  return {
    ...driftResult({ ...outcome, statistic: NaN }),
    status: "error",
    reason,
    detected: false,
  };
}

/**
 * The detection rule of `method`: the given threshold (checked) or its default, and its operator,
 * both from {@linkcode DRIFT_METHOD_INFO}, the only place drift defaults are written down.
 *
 * @throws {RangeError} When `threshold` is given and not a finite number.
 */
export function detectionRule<M extends DriftMethod>(
  method: M,
  threshold: number | undefined,
  label: string,
): { method: M; threshold: number; operator: Operator } {
  const info = DRIFT_METHOD_INFO[method];
  const chosen = threshold ?? info.threshold;
  checkThreshold(chosen, label);
  return { method, threshold: chosen, operator: info.operator };
}

/** Both samples sorted and cleaned, with their missing counts. */
export interface PreparedSamples {
  reference: Float64Array;
  current: Float64Array;
  missingReference: number;
  missingCurrent: number;
}

/**
 * Sorts and cleans both samples (reusing {@linkcode SortedSample}s), and returns either the
 * prepared samples or the reason they cannot be used (a side with fewer than `minSize` values).
 *
 * @throws {TypeError} When an input is not array-like or holds a non-number.
 */
export function prepareSamples(
  reference: ArrayLike<number> | SortedSample,
  current: ArrayLike<number> | SortedSample,
  what: { method: string; column?: string | undefined; minSize?: number },
): PreparedSamples | { reason: string; prepared: PreparedSamples } {
  const label = what.column === undefined ? "" : ` column "${what.column}"`;
  const ref = ensureSorted(reference, `reference${label}`);
  const cur = ensureSorted(current, `current${label}`);
  const prepared: PreparedSamples = {
    reference: ref.sorted,
    current: cur.sorted,
    missingReference: ref.nMissing,
    missingCurrent: cur.nMissing,
  };
  const minSize = what.minSize ?? 1;
  for (const [side, s] of [["reference", ref], ["current", cur]] as const) {
    if (s.sorted.length < minSize) {
      const has = s.sorted.length === 0
        ? "has no finite values"
        : `has ${s.sorted.length} finite value${
          s.sorted.length === 1 ? "" : "s"
        }, at least ${minSize} needed`;
      return {
        reason: `Cannot compute ${what.method}: ${side}${label || " sample"} ${has}`,
        prepared,
      };
    }
  }
  return prepared;
}

/**
 * The error result for samples {@linkcode prepareSamples} refused: the sizes and missing counts of
 * what was left, `extra` details first (e.g. the method's options).
 */
export function unusableSamples<M extends string>(
  base: Omit<DriftOutcome<M>, "statistic" | "pValue" | "nReference" | "nCurrent" | "details">,
  refused: { reason: string; prepared: PreparedSamples },
  extra: Record<string, unknown> = {},
): DriftResult<M> {
  const p = refused.prepared;
  return driftError({
    ...base,
    nReference: p.reference.length,
    nCurrent: p.current.length,
    details: { ...extra, ...missingDetails(p) },
  }, refused.reason);
}

/** Missing-value counts for `details`. */
export function missingDetails(p: PreparedSamples): Record<string, number> {
  return { missingReference: p.missingReference, missingCurrent: p.missingCurrent };
}

/** Throws a RangeError unless `threshold` is a finite number. */
export function checkThreshold(threshold: number, method: string): void {
  if (typeof threshold !== "number" || !Number.isFinite(threshold)) {
    throw new RangeError(
      `Cannot compute ${method}: threshold must be a finite number, got ${threshold}`,
    );
  }
}
