/**
 * Evaluates a check against a run's values: pass, warn, fail, or error when the value (or the
 * baseline value) is missing or NaN.
 *
 * @module
 */
import type { Operator } from "../types.ts";
import type { CheckOutcome, MetricValue, Outcome } from "./types.ts";
import { checkName, type CheckSpec, isRelativeCheck, validateCheck } from "./check_spec.ts";
import { findMetric } from "./find_metric.ts";
import { metricLabel } from "./_metric_label.ts";
import { fmt, NEGATION } from "./_operators.ts";
import { compare } from "../stats/compare.ts";

/** Options of {@linkcode evaluateCheck}. */
export interface EvaluateCheckOptions {
  /**
   * The baseline's metric values, for relative checks.
   * @default undefined (relative checks come out as `"error"`)
   */
  baseline?: readonly MetricValue[];
}

/**
 * Evaluates one check against the values of a run. The outcome is `"fail"` when
 * `value OP threshold` does not hold, `"warn"` when it holds but `value OP warnThreshold` does not,
 * `"pass"` otherwise, and `"error"` (with a message, never an exception) when the value or the
 * baseline value is missing or NaN. For relative checks the threshold is `baseline − maxDrop` with
 * `>=`, or `baseline + maxRise` with `<=`. O(metrics) (a linear search for the value).
 *
 * @param spec The check (validated with {@linkcode validateCheck}).
 * @param metrics The run's measured values.
 * @param options See {@linkcode EvaluateCheckOptions}.
 * @returns The outcome with the numbers that decided it and a message such as
 *   `accuracy 0.8200 < 0.9167 (baseline 0.9667 − 0.05)`.
 * @throws {TypeError} When the spec is malformed (see {@linkcode validateCheck}).
 * @throws {RangeError} When a threshold or delta is invalid (see {@linkcode validateCheck}).
 * @example
 * ```ts
 * import { evaluateCheck } from "./evaluate_check.ts";
 * const out = evaluateCheck(
 *   { metric: "accuracy", relativeTo: "baseline", maxDrop: 0.05 },
 *   [{ name: "accuracy", value: 0.82 }],
 *   { baseline: [{ name: "accuracy", value: 0.9667 }] },
 * );
 * if (out.outcome !== "fail") throw new Error(out.outcome);
 * const expected = "accuracy 0.8200 < 0.9167 (baseline 0.9667 − 0.05)";
 * if (out.message !== expected) throw new Error(out.message);
 * ```
 */
export function evaluateCheck(
  spec: CheckSpec,
  metrics: readonly MetricValue[],
  options: EvaluateCheckOptions = {},
): CheckOutcome {
  validateCheck(spec);
  const name = checkName(spec);
  const shown = metricLabel(spec.metric, spec.labels);
  const found = findMetric(metrics, spec.metric, spec.labels);
  const value = found?.value;
  const base: Omit<CheckOutcome, "threshold" | "operator" | "outcome" | "message"> = {
    name,
    metric: spec.metric,
    ...(spec.labels !== undefined ? { labels: { ...spec.labels } } : {}),
    value: value ?? NaN,
  };
  const error = (threshold: number, operator: Operator, message: string): CheckOutcome => ({
    ...base,
    threshold,
    operator,
    outcome: "error",
    message,
  });

  let threshold: number, operator: Operator, warnThreshold: number | undefined;
  let baselineValue: number | undefined, context = "";
  if (isRelativeCheck(spec)) {
    const drop = spec.maxDrop !== undefined;
    operator = drop ? ">=" : "<=";
    const b = options.baseline === undefined
      ? undefined
      : findMetric(options.baseline, spec.metric, spec.labels)?.value;
    if (b === undefined || Number.isNaN(b)) {
      const why = options.baseline === undefined
        ? "no baseline was given"
        : b === undefined
        ? "the baseline has no value for it"
        : "the baseline value is NaN";
      return error(NaN, operator, `Cannot evaluate ${shown} against the baseline: ${why}`);
    }
    baselineValue = b;
    const delta = drop ? spec.maxDrop! : spec.maxRise!;
    const warnDelta = drop ? spec.warnDrop : spec.warnRise;
    threshold = drop ? b - delta : b + delta;
    if (warnDelta !== undefined) warnThreshold = drop ? b - warnDelta : b + warnDelta;
    context = ` (baseline ${fmt(b)} ${drop ? "−" : "+"} ${delta})`;
  } else {
    operator = spec.op;
    threshold = spec.value;
    warnThreshold = spec.warn;
  }
  const thresholds = {
    threshold,
    operator,
    ...(warnThreshold !== undefined ? { warnThreshold } : {}),
    ...(baselineValue !== undefined ? { baseline: baselineValue } : {}),
  };
  if (value === undefined || Number.isNaN(value)) {
    const why = value === undefined
      ? "is missing from this run"
      : `is NaN in this run${found?.reason ? ` (${found.reason})` : ""}`;
    return { ...base, ...thresholds, outcome: "error", message: `${shown} ${why}` };
  }
  let outcome: Outcome, message: string;
  if (!compare(value, operator, threshold)) {
    outcome = "fail";
    message = `${shown} ${fmt(value)} ${NEGATION[operator]} ${fmt(threshold)}${context}`;
  } else if (warnThreshold !== undefined && !compare(value, operator, warnThreshold)) {
    outcome = "warn";
    message = `${shown} ${fmt(value)} ${NEGATION[operator]} ${
      fmt(warnThreshold)
    } warning level (fails ${NEGATION[operator]} ${fmt(threshold)})${context}`;
  } else {
    outcome = "pass";
    message = `${shown} ${fmt(value)} ${operator} ${fmt(threshold)}${context}`;
  }
  return { ...base, ...thresholds, outcome, message };
}
