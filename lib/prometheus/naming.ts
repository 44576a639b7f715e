/**
 * Vigil's Prometheus naming policy as code (see DESIGN.md, "Prometheus naming"): one prefix
 * (`vigil_`), snake_case, base units, `_ratio` for 0–1 shares, `_total` for counters, `_seconds`,
 * `_timestamp_seconds`, `_info` for metadata, no colons (reserved for recording rules), bounded
 * label values. Every family Vigil registers goes through {@linkcode validateMetricName}, so a
 * name that breaks the policy fails at registration, not in a dashboard review.
 *
 * @module
 */

/** The prefix of every metric family Vigil exports. */
export const METRIC_PREFIX = "vigil_";

/**
 * The unit (or role) suffix of a metric name. `"none"` is for dimensionless quantities that are not
 * 0–1 shares (log loss, a row count, a state-set gauge).
 */
export type MetricUnit =
  | "ratio"
  | "seconds"
  | "timestamp_seconds"
  | "bytes"
  | "total"
  | "seconds_total"
  | "bytes_total"
  | "info"
  | "none";

/** The prom-client metric type a name is validated for. */
export type MetricType = "gauge" | "counter" | "histogram" | "summary";

/** Suffixes that carry a unit or role; a name may only end with one if its unit says so. */
const UNIT_SUFFIXES = ["_timestamp_seconds", "_ratio", "_seconds", "_bytes", "_total", "_info"];

/** Words that mean a non-base unit; Prometheus wants seconds, bytes and 0–1 ratios. */
const NON_BASE_UNITS = new Set([
  "ms",
  "millis",
  "milliseconds",
  "microseconds",
  "nanoseconds",
  "minutes",
  "hours",
  "days",
  "percent",
  "percentage",
  "pct",
  "kb",
  "mb",
  "gb",
  "kilobytes",
  "megabytes",
  "gigabytes",
  "bits",
]);

/** Suffixes prom-client generates for histogram and summary series. */
const RESERVED_SERIES_SUFFIXES = ["_bucket", "_count", "_sum", "_created"];

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const LABEL_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * Builds a metric family name from snake_case parts and a unit: `vigil_` + parts joined with `_` +
 * the unit suffix (none for `"none"`). Validates the result with {@linkcode validateMetricName}.
 * Cost O(length of the name).
 *
 * @param parts What is measured, most general first, e.g. `["model", "accuracy"]`; without the
 *   `vigil` prefix and without the unit.
 * @param unit The unit suffix, e.g. `"ratio"`; `"none"` for dimensionless values.
 * @returns The full name, e.g. `"vigil_model_accuracy_ratio"`.
 * @throws {TypeError} When `parts` is empty or a part is not a string.
 * @throws {RangeError} When a part is not snake_case, repeats the prefix, names a non-base unit
 *   (`ms`, `percent`…) or already ends with a unit suffix.
 * @example
 * ```ts
 * import { metricName } from "./naming.ts";
 * const name = metricName(["model", "accuracy"], "ratio");
 * if (name !== "vigil_model_accuracy_ratio") throw new Error(name);
 * if (metricName(["model", "log_loss"], "none") !== "vigil_model_log_loss") throw new Error();
 * let threw = false;
 * try { metricName(["latency", "ms"], "none"); } catch (e) { threw = e instanceof RangeError; }
 * if (!threw) throw new Error("non-base unit accepted");
 * ```
 */
export function metricName(parts: readonly string[], unit: MetricUnit): string {
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new TypeError("Cannot build a metric name: parts must be a non-empty array of strings");
  }
  for (const part of parts) {
    if (typeof part !== "string") {
      throw new TypeError(`Cannot build a metric name: part ${String(part)} is not a string`);
    }
    if (!SNAKE_CASE.test(part)) {
      throw new RangeError(`Cannot build a metric name: part "${part}" is not snake_case`);
    }
  }
  if (parts[0] === "vigil" || parts[0]!.startsWith("vigil_")) {
    throw new RangeError(
      `Cannot build a metric name: part "${parts[0]}" repeats the "vigil_" prefix, which is added`,
    );
  }
  const stem = METRIC_PREFIX + parts.join("_");
  for (const suffix of UNIT_SUFFIXES) {
    if (stem.endsWith(suffix)) {
      throw new RangeError(
        `Cannot build a metric name: "${stem}" already ends with "${suffix}"; ` +
          "pass the unit instead",
      );
    }
  }
  const name = unit === "none" ? stem : `${stem}_${unit}`;
  validateMetricName(name, { type: unit.endsWith("total") ? "counter" : "gauge" });
  return name;
}

/** Options of {@linkcode validateMetricName}. */
export interface ValidateMetricNameOptions {
  /**
   * The metric type the name is for: counters must end with `_total`, other types must not.
   * @default "gauge"
   */
  type?: MetricType;
  /**
   * Require the `vigil_` prefix. Only the opt-in aliases of the article's bare names
   * (`ARTICLE_ALIAS_FAMILIES`) are checked without it.
   * @default {true}
   */
  requirePrefix?: boolean;
}

/**
 * Checks a full metric family name against the naming policy: `vigil_` prefix, snake_case, no
 * colons, base units only, `_total` exactly for counters, no series suffixes reserved by
 * histograms and summaries (`_bucket`, `_count`, `_sum`, `_created`). Cost O(length of the name).
 *
 * @param name The full family name, e.g. `"vigil_runs_total"`.
 * @param options See {@linkcode ValidateMetricNameOptions}.
 * @returns The name, unchanged.
 * @throws {TypeError} When `name` is not a string.
 * @throws {RangeError} When the name breaks a rule; the message says which.
 * @example
 * ```ts
 * import { validateMetricName } from "./naming.ts";
 * validateMetricName("vigil_runs_total", { type: "counter" });
 * let threw = false;
 * try { validateMetricName("vigil:runs_total", { type: "counter" }); } catch { threw = true; }
 * if (!threw) throw new Error("colon accepted");
 * ```
 */
export function validateMetricName(name: string, options: ValidateMetricNameOptions = {}): string {
  const type = options.type ?? "gauge";
  if (typeof name !== "string") {
    throw new TypeError(`Invalid metric name: expected a string, got ${typeof name}`);
  }
  if (name.includes(":")) {
    throw new RangeError(`Invalid metric name "${name}": colons are reserved for recording rules`);
  }
  if (options.requirePrefix !== false && !name.startsWith(METRIC_PREFIX)) {
    throw new RangeError(`Invalid metric name "${name}": must start with "${METRIC_PREFIX}"`);
  }
  if (!SNAKE_CASE.test(name)) {
    throw new RangeError(`Invalid metric name "${name}": must be snake_case ([a-z0-9_])`);
  }
  const words = name.split("_");
  const bad = words.find((w) => NON_BASE_UNITS.has(w));
  if (bad !== undefined) {
    throw new RangeError(
      `Invalid metric name "${name}": "${bad}" is not a base unit (use seconds, bytes or _ratio)`,
    );
  }
  const isCounterName = name.endsWith("_total");
  if (type === "counter" && !isCounterName) {
    throw new RangeError(`Invalid metric name "${name}": counters must end with "_total"`);
  }
  if (type !== "counter" && isCounterName) {
    throw new RangeError(`Invalid metric name "${name}": only counters may end with "_total"`);
  }
  const reserved = RESERVED_SERIES_SUFFIXES.find((s) => name.endsWith(s));
  if (reserved !== undefined) {
    throw new RangeError(
      `Invalid metric name "${name}": "${reserved}" is reserved for histogram and summary series`,
    );
  }
  if (name.endsWith("_info") && type !== "gauge") {
    throw new RangeError(`Invalid metric name "${name}": "_info" families must be gauges`);
  }
  return name;
}

/**
 * Checks a label name: snake_case, not starting with `__` (reserved by Prometheus), and not `le`
 * or `quantile` (generated by histograms and summaries). Cost O(length).
 *
 * @param name The label name, e.g. `"class"`.
 * @returns The name, unchanged.
 * @throws {RangeError} When the name breaks a rule.
 * @example
 * ```ts
 * import { validateLabelName } from "./naming.ts";
 * if (validateLabelName("class") !== "class") throw new Error();
 * ```
 */
export function validateLabelName(name: string): string {
  if (typeof name !== "string" || !LABEL_NAME.test(name)) {
    throw new RangeError(`Invalid label name "${String(name)}": must be snake_case ([a-z0-9_])`);
  }
  if (name === "le" || name === "quantile") {
    throw new RangeError(`Invalid label name "${name}": reserved for histograms and summaries`);
  }
  return name;
}

/** Options of {@linkcode validateLabelValue}. */
export interface ValidateLabelValueOptions {
  /**
   * The declared set the value must belong to (classes of the model, names of the checks…); any
   * well-formed value is accepted when absent.
   * @default undefined
   */
  allowed?: ReadonlySet<string> | readonly string[];
  /**
   * Longest accepted value, in UTF-16 code units.
   * @default 128
   */
  maxLength?: number;
}

/**
 * Checks a label value: a non-empty, well-formed string without control characters, at most
 * `maxLength` long and, when `allowed` is given, one of the declared values — the guard that keeps
 * label sets bounded (an unbounded label is a cardinality leak). Cost O(length), plus O(|allowed|)
 * for an array.
 *
 * @param label The label name, for the error message.
 * @param value The value to check.
 * @param options See {@linkcode ValidateLabelValueOptions}.
 * @returns The value, unchanged.
 * @throws {TypeError} When `value` is not a string.
 * @throws {RangeError} When the value is empty, too long, malformed, has control characters or is
 *   not in `allowed`.
 * @example
 * ```ts
 * import { validateLabelValue } from "./naming.ts";
 * validateLabelValue("class", "setosa", { allowed: ["setosa", "versicolor", "virginica"] });
 * let threw = false;
 * try { validateLabelValue("class", "rose", { allowed: ["setosa"] }); } catch { threw = true; }
 * if (!threw) throw new Error("undeclared value accepted");
 * ```
 */
export function validateLabelValue(
  label: string,
  value: string,
  options: ValidateLabelValueOptions = {},
): string {
  const maxLength = options.maxLength ?? 128;
  if (typeof value !== "string") {
    throw new TypeError(
      `Invalid value for label "${label}": expected a string, got ${typeof value}`,
    );
  }
  if (value.length === 0) throw new RangeError(`Invalid value for label "${label}": empty`);
  if (value.length > maxLength) {
    throw new RangeError(
      `Invalid value for label "${label}": ${value.length} characters, at most ${maxLength}`,
    );
  }
  // deno-lint-ignore no-control-regex
  if (!value.isWellFormed() || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new RangeError(
      `Invalid value for label "${label}": ${JSON.stringify(value)} has control characters or ` +
        `lone surrogates`,
    );
  }
  const allowed = options.allowed;
  if (allowed !== undefined) {
    const ok = allowed instanceof Set ? allowed.has(value) : (allowed as string[]).includes(value);
    if (!ok) {
      const list = [...allowed].slice(0, 10).map((v) => `"${v}"`).join(", ");
      throw new RangeError(
        `Invalid value for label "${label}": "${value}" is not one of the declared values ` +
          `(${list})`,
      );
    }
  }
  return value;
}
