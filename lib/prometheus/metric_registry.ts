/**
 * The registry Vigil's metric builders register on, described by what they use of it.
 *
 * @module
 */

/**
 * A prom-client `Registry` as {@linkcode createSnapshotMetrics} and
 * {@linkcode createExporterMetrics} use it: each metric they build registers itself on it, and
 * prom-client reads its content type while doing so (15.1.3 `lib/metric.js`). Any prom-client
 * registry fits (`new Registry()`), of the Prometheus or the OpenMetrics content type; read the
 * exposition text from it with its own `metrics()`.
 *
 * Vigil names this interface instead of prom-client's `Registry` so that lib/prometheus's public
 * signatures are documented here: prom-client's declarations (which `deno doc --lint` would
 * otherwise check as part of this entry point) leave many of their types unexported and
 * undocumented.
 *
 * @example A prom-client registry is a MetricRegistry
 * ```ts
 * import { Registry } from "prom-client";
 * import type { MetricRegistry } from "./metric_registry.ts";
 * const registry: MetricRegistry = new Registry();
 * if (registry.contentType !== Registry.PROMETHEUS_CONTENT_TYPE) throw new Error();
 * ```
 */
export interface MetricRegistry {
  /** The exposition content type, e.g. `text/plain; version=0.0.4; charset=utf-8`. */
  readonly contentType: string;
  /**
   * Adds a prom-client metric; called by the metric's constructor.
   *
   * @param metric The metric (a prom-client `Counter`, `Gauge`, `Histogram` or `Summary`).
   */
  registerMetric(metric: object): void;
}
