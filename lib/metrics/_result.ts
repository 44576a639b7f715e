/**
 * Builders for {@linkcode MetricResult} (private), so that every metric has the same keys.
 *
 * @module
 */
import type { MetricResult } from "./metric_result.ts";

/** A computed metric. */
export function okResult(
  name: string,
  value: number,
  n: number,
  details: Record<string, unknown> = {},
  warnings: string[] = [],
): MetricResult {
  return { name, value, status: "ok", n, warnings, details };
}

/** A metric that is undefined for this data; `value` is NaN. */
export function errorResult(
  name: string,
  reason: string,
  n: number,
  details: Record<string, unknown> = {},
  warnings: string[] = [],
): MetricResult {
  return { name, value: NaN, status: "error", reason, n, warnings, details };
}
