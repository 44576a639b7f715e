/**
 * The `registers` option of prom-client's metric constructors, from a {@linkcode MetricRegistry}.
 *
 * @module
 */
import type { Registry } from "prom-client";
import type { MetricRegistry } from "./metric_registry.ts";

/**
 * `[registry]` typed as prom-client wants it. The cast is sound for what prom-client does with the
 * array: its metric constructors read `contentType` and call `registerMetric(this)` on each entry
 * (15.1.3 `lib/metric.js`), the two members a MetricRegistry has.
 */
export function promRegisters(registry: MetricRegistry): Registry[] {
  return [registry as Registry];
}
