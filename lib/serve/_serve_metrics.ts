/**
 * The model service's own metrics, RED style: requests, errors and duration by route and
 * status, requests in flight, model inference time apart from HTTP time, and the prediction
 * log's queue. Names follow DESIGN.md, "Prometheus naming".
 *
 * @module
 */
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { PREDICTION_LATENCY_BUCKETS } from "../prometheus/exporter_metrics.ts";
import type { PredictionLogStats } from "../store/prediction_log.ts";

/** Buckets of the request and inference histograms, in seconds: 50 µs, then the exporter's. */
export const SERVE_LATENCY_BUCKETS: readonly number[] = [0.00005, ...PREDICTION_LATENCY_BUCKETS];

/** The service's metric families. */
export interface ServeMetrics {
  /** `vigil_serve_http_request_duration_seconds{route,status}`. */
  requestDuration: Histogram<"route" | "status">;
  /** `vigil_serve_http_requests_total{route,status}`. */
  requests: Counter<"route" | "status">;
  /** `vigil_serve_http_request_errors_total{route,kind}`: kind is client, overload or server. */
  errors: Counter<"route" | "kind">;
  /** `vigil_serve_http_requests_in_flight`. */
  inFlight: Gauge;
  /** `vigil_serve_model_inference_duration_seconds`. */
  inference: Histogram;
}

/**
 * Registers the service's families on a registry; the log's queue depth, rows written and write
 * failures are read from `logStats` at scrape time.
 *
 * @param registry Where to register.
 * @param model The model's name and version for `vigil_serve_model_info`.
 * @param logStats The prediction log's counters, or undefined when logging is off.
 * @returns The families the handler updates.
 * @example
 * ```ts
 * import { Registry } from "prom-client";
 * import { createServeMetrics } from "./_serve_metrics.ts";
 * const registry = new Registry();
 * const m = createServeMetrics(registry, { name: "iris", version: "1" }, undefined);
 * m.requests.inc({ route: "/predict", status: "200" });
 * const text = await registry.metrics();
 * if (!text.includes('vigil_serve_http_requests_total{route="/predict",status="200"} 1')) throw new Error();
 * ```
 */
export function createServeMetrics(
  registry: Registry,
  model: { name: string; version: string },
  logStats: (() => PredictionLogStats) | undefined,
): ServeMetrics {
  const registers = [registry];
  const buckets = [...SERVE_LATENCY_BUCKETS];
  new Gauge({
    name: "vigil_serve_model_info",
    help: "The model the service answers with (always 1; the labels say which)",
    labelNames: ["model", "version"],
    registers,
  }).set({ model: model.name, version: model.version }, 1);
  if (logStats !== undefined) {
    new Gauge({
      name: "vigil_serve_log_queue_rows",
      help: "Rows (predictions and labels) waiting to be written to the prediction log",
      registers,
      collect() {
        this.set(logStats().queued);
      },
    });
    new Counter({
      name: "vigil_serve_log_rows_written_total",
      help: "Rows written to the prediction log since start, by table",
      labelNames: ["table"],
      registers,
      collect() {
        const s = logStats();
        this.reset();
        this.inc({ table: "predictions" }, s.predictionsWritten);
        this.inc({ table: "labels" }, s.labelsWritten);
      },
    });
    const counters = [
      [
        "write_failures",
        "Batches the prediction log failed to write since start (their rows are lost)",
        "writeFailures",
      ],
      ["rows_lost", "Rows lost by failed prediction log writes since start", "rowsLost"],
      [
        "rejected_requests",
        "Requests refused with 503 because the prediction log's queue was full",
        "rejected",
      ],
    ] as const;
    for (const [name, help, key] of counters) {
      new Counter({
        name: `vigil_serve_log_${name}_total`,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(logStats()[key]);
        },
      });
    }
  }
  return {
    requestDuration: new Histogram({
      name: "vigil_serve_http_request_duration_seconds",
      help: "Time from request received to response ready, by route and HTTP status",
      labelNames: ["route", "status"],
      buckets,
      registers,
    }),
    requests: new Counter({
      name: "vigil_serve_http_requests_total",
      help: "HTTP requests answered, by route and HTTP status",
      labelNames: ["route", "status"],
      registers,
    }),
    errors: new Counter({
      name: "vigil_serve_http_request_errors_total",
      help:
        "Requests answered with an error, by route and kind (client 4xx, overload 503, server 5xx)",
      labelNames: ["route", "kind"],
      registers,
    }),
    inFlight: new Gauge({
      name: "vigil_serve_http_requests_in_flight",
      help: "Requests being handled now",
      registers,
    }),
    inference: new Histogram({
      name: "vigil_serve_model_inference_duration_seconds",
      help: "Time the model took to score one request's rows (apart from parsing and HTTP)",
      buckets,
      registers,
    }),
  };
}
