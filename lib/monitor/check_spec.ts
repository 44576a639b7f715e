/**
 * Checks: conditions on the values a monitor run measured, absolute (`accuracy >= 0.9`) or relative
 * to a baseline (`accuracy` may drop at most 0.05 below the baseline), with an optional warning
 * level. {@linkcode validateCheck} rejects a malformed check when the monitor is defined.
 *
 * @module
 */
import type { Operator } from "../types.ts";
import { compare } from "../stats/compare.ts";

/** What every check names: the metric it reads and, for labelled metrics, which value. */
export interface CheckTarget {
  /**
   * Unique name within the monitor; it becomes the `check` label of the exported metrics.
   * @default the metric, its label values and `_vs_baseline` for relative checks, joined by `_`
   */
  name?: string;
  /** The metric to read, e.g. `"accuracy"`, `"recall"`. */
  metric: string;
  /**
   * Labels selecting one value of a labelled metric, e.g. `{ class: "setosa" }`; the metric value
   * must carry exactly these labels.
   * @default {} (the unlabelled value)
   */
  labels?: Record<string, string>;
}

/**
 * An absolute condition: passes when `value OP threshold`; with `warn`, a value that passes `value`
 * but not `warn` is a warning (`{ metric: "accuracy", op: ">=", value: 0.9, warn: 0.95 }`).
 */
export interface AbsoluteCheck extends CheckTarget {
  /** The comparison that must hold for the check to pass: `value OP threshold`. */
  op: Operator;
  /** The failure threshold. */
  value: number;
  /** The warning threshold, on the passing side of `value`. */
  warn?: number;
}

/**
 * A condition relative to the baseline's value of the same metric and labels. `maxDrop` (higher is
 * better, threshold = baseline − maxDrop, operator `>=`) or `maxRise` (lower is better, e.g. log
 * loss: threshold = baseline + maxRise, operator `<=`); `warnDrop` / `warnRise` set a warning level
 * closer to the baseline.
 */
export interface RelativeCheck extends CheckTarget {
  /** What the condition is relative to (only the baseline today). */
  relativeTo: "baseline";
  /** Largest acceptable drop below the baseline (higher is better); set this or `maxRise`. */
  maxDrop?: number;
  /** Largest acceptable rise above the baseline (lower is better); set this or `maxDrop`. */
  maxRise?: number;
  /** Drop below the baseline from which the check warns; smaller than `maxDrop`. @default none */
  warnDrop?: number;
  /** Rise above the baseline from which the check warns; smaller than `maxRise`. @default none */
  warnRise?: number;
}

/** A check: an absolute or a relative condition. */
export type CheckSpec = AbsoluteCheck | RelativeCheck;

const OPERATORS: readonly Operator[] = ["<", "<=", ">", ">="];

/**
 * Whether a check is relative to the baseline (has `relativeTo`). O(1).
 *
 * @param spec The check.
 * @returns `true` for a {@linkcode RelativeCheck}.
 * @example
 * ```ts
 * import { isRelativeCheck } from "./check_spec.ts";
 * if (!isRelativeCheck({ metric: "accuracy", relativeTo: "baseline", maxDrop: 0.05 })) {
 *   throw new Error();
 * }
 * ```
 */
export function isRelativeCheck(spec: CheckSpec): spec is RelativeCheck {
  return (spec as RelativeCheck).relativeTo !== undefined;
}

function requireFinite(spec: CheckSpec, key: string, x: unknown, nonNegative: boolean): void {
  if (typeof x !== "number" || !Number.isFinite(x) || (nonNegative && x < 0)) {
    throw new RangeError(
      `Invalid check "${checkName(spec)}": ${key} must be a finite${
        nonNegative ? " non-negative" : ""
      } number, got ${String(x)}`,
    );
  }
}

/**
 * The check's name: `spec.name`, else the metric, its label values and `vs_baseline` for relative
 * checks joined by `_` (`recall_setosa`, `accuracy_vs_baseline`). O(labels).
 *
 * @param spec The check.
 * @returns The name.
 * @example
 * ```ts
 * import { checkName } from "./check_spec.ts";
 * const name = checkName({ metric: "recall", labels: { class: "setosa" }, op: ">=", value: 0.8 });
 * if (name !== "recall_setosa") throw new Error(name);
 * ```
 */
export function checkName(spec: CheckSpec): string {
  if (spec.name !== undefined) return spec.name;
  const parts = [spec.metric, ...Object.values(spec.labels ?? {})];
  if (isRelativeCheck(spec)) parts.push("vs_baseline");
  return parts.join("_");
}

/**
 * Validates a check's shape and numbers, so that a misconfigured monitor fails when it is defined
 * rather than on its first scheduled run. O(labels).
 *
 * @param spec The check.
 * @returns The spec, unchanged.
 * @throws {TypeError} When the metric or name is not a non-empty string, `relativeTo` is not
 *   `"baseline"`, or a relative check has neither or both of `maxDrop` and `maxRise`.
 * @throws {RangeError} When an operator is unknown, a threshold is not finite, a delta is negative,
 *   or a warning level is on the failing side of the threshold.
 * @example
 * ```ts
 * import { validateCheck } from "./check_spec.ts";
 * validateCheck({ metric: "accuracy", op: ">=", value: 0.9, warn: 0.95 });
 * let threw = false;
 * try {
 *   validateCheck({ metric: "accuracy", op: ">=", value: 0.9, warn: 0.8 });
 * } catch {
 *   threw = true;
 * }
 * if (!threw) throw new Error("warn below the failure threshold accepted");
 * ```
 */
export function validateCheck(spec: CheckSpec): CheckSpec {
  if (typeof spec !== "object" || spec === null) {
    throw new TypeError(`Invalid check: expected an object, got ${String(spec)}`);
  }
  if (typeof spec.metric !== "string" || spec.metric === "") {
    throw new TypeError(`Invalid check: metric must be a non-empty string, got ${spec.metric}`);
  }
  if (spec.name !== undefined && (typeof spec.name !== "string" || spec.name === "")) {
    throw new TypeError(`Invalid check on "${spec.metric}": name must be a non-empty string`);
  }
  for (const [k, v] of Object.entries(spec.labels ?? {})) {
    if (typeof v !== "string") {
      throw new TypeError(`Invalid check "${checkName(spec)}": label "${k}" must be a string`);
    }
  }
  if (isRelativeCheck(spec)) {
    if (spec.relativeTo !== "baseline") {
      throw new TypeError(
        `Invalid check "${
          checkName(spec)
        }": relativeTo must be "baseline", got "${spec.relativeTo}"`,
      );
    }
    const drop = spec.maxDrop !== undefined;
    if (drop === (spec.maxRise !== undefined)) {
      throw new TypeError(
        `Invalid check "${checkName(spec)}": give exactly one of maxDrop (higher is better) or ` +
          `maxRise (lower is better)`,
      );
    }
    const [key, warnKey, other] = drop
      ? ["maxDrop", "warnDrop", "warnRise"] as const
      : ["maxRise", "warnRise", "warnDrop"] as const;
    requireFinite(spec, key, spec[key], true);
    if (spec[other] !== undefined) {
      throw new TypeError(`Invalid check "${checkName(spec)}": ${other} does not go with ${key}`);
    }
    const warn = spec[warnKey];
    if (warn !== undefined) {
      requireFinite(spec, warnKey, warn, true);
      if (warn > spec[key]!) {
        throw new RangeError(
          `Invalid check "${checkName(spec)}": ${warnKey} ${warn} exceeds ${key} ${spec[key]}`,
        );
      }
    }
    return spec;
  }
  if (!OPERATORS.includes(spec.op)) {
    throw new RangeError(`Invalid check "${checkName(spec)}": unknown operator "${spec.op}"`);
  }
  requireFinite(spec, "value", spec.value, false);
  if (spec.warn !== undefined) {
    requireFinite(spec, "warn", spec.warn, false);
    if (!compare(spec.warn, spec.op, spec.value) && spec.warn !== spec.value) {
      throw new RangeError(
        `Invalid check "${checkName(spec)}": warn ${spec.warn} is on the failing side of ` +
          `${spec.op} ${spec.value}`,
      );
    }
  }
  return spec;
}
