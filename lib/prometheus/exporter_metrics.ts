/**
 * The exporter's meta-metrics: whether the monitor itself is healthy (runs, failures, skipped
 * ticks, last success, run duration), how the model's predictions performed, and the process'
 * own health (CPU, memory, event loop lag, disk I/O, open descriptors). See DESIGN.md, "The
 * exporter".
 *
 * @module
 */
import { Counter, Gauge, Histogram } from "prom-client";
import type { Snapshot } from "../monitor/types.ts";
import { validateMetricName } from "./naming.ts";
import type { MetricRegistry } from "./metric_registry.ts";
import { promRegisters } from "./_registers.ts";
import { createProcessSampler, startLagMonitor } from "./_process_stats.ts";

/** Default buckets of `vigil_exporter_run_duration_seconds` (a run takes ms to minutes). */
export const RUN_DURATION_BUCKETS: readonly number[] = [
  0.01,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
  30,
  60,
  120,
  300,
];

/** Default buckets of `vigil_model_prediction_latency_seconds` (one predict call). */
export const PREDICTION_LATENCY_BUCKETS: readonly number[] = [
  0.0001,
  0.00025,
  0.0005,
  0.001,
  0.0025,
  0.005,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
];

/** How long a run took and when it ended. */
export interface RunTiming {
  /** Wall-clock duration of the run in seconds, as the exporter measured it. */
  durationSeconds: number;
  /** When the run ended, in Unix seconds. */
  finishedAtSeconds: number;
}

/** Why the monitor's process was restarted (label `reason` of the restarts counter). */
export type WorkerRestartReason = "crash" | "out_of_memory" | "timeout";

/** Every {@linkcode WorkerRestartReason}: each series exists, at 0, from the start. */
export const WORKER_RESTART_REASONS: readonly WorkerRestartReason[] = [
  "crash",
  "out_of_memory",
  "timeout",
];

/** Options of {@linkcode createExporterMetrics}. */
export interface ExporterMetricsOptions {
  /** Process readings younger than this are reused by the next scrape. @default 1000 */
  cacheMs?: number;
  /** Period of the event loop lag timer; 0 turns the lag family off. @default 1000 */
  lagIntervalMs?: number;
  /** The process' `/proc` directory (tests point it at a fixture). @default "/proc/self" */
  procDir?: string;
  /** Buckets of the run duration histogram. @default RUN_DURATION_BUCKETS */
  runDurationBuckets?: readonly number[];
  /** Buckets of the prediction latency histogram. @default PREDICTION_LATENCY_BUCKETS */
  predictionLatencyBuckets?: readonly number[];
  /** Unix time in milliseconds (the snapshot age is computed from it). @default Date.now */
  now?: () => number;
}

/** Why the HTTP server closed a connection itself (label `reason`). */
export type ConnectionDropReason =
  | "at_capacity"
  | "evicted"
  | "header_timeout"
  | "idle_timeout"
  | "bad_request";

/** Handle returned by {@linkcode createExporterMetrics}. */
export interface ExporterMetrics {
  /** Counts a successful run, its duration, its time, and the snapshot's predictions. */
  recordSuccess(snapshot: Snapshot, timing: RunTiming): void;
  /** Counts a failed run and its duration; nothing else changes. */
  recordFailure(timing: RunTiming): void;
  /** Counts a scheduled tick skipped because the previous run was still going. */
  recordSkip(): void;
  /** Counts a restart of the monitor's process, by why it died. */
  recordWorkerRestart(reason: WorkerRestartReason): void;
  /** Counts a run ended because it outlived the run timeout. */
  recordRunTimeout(): void;
  /** Counts a connection the HTTP server closed itself, by reason. */
  recordConnectionDrop(reason: ConnectionDropReason): void;
  /** Counts a failed `accept()` (e.g. out of file descriptors). */
  recordAcceptError(): void;
  /** Reads the open connections gauge from `read` at each scrape. */
  watchConnections(read: () => number): void;
  /** Counts a `--history` append that failed (and was rolled back). */
  recordHistoryFailure(): void;
  /** Stops the event loop lag timer. */
  close(): void;
}

/**
 * Registers the exporter's meta-metrics on `registry`. Counters and histograms move only when a
 * run ends; process gauges are read at scrape time through prom-client `collect()` callbacks,
 * from a reading cached for `cacheMs` (so a scrape never costs more than a few syscalls), and
 * never through prom-client's default collectors (which slow scrapes down). Families whose source
 * is unavailable (disk I/O, open descriptors without `/proc` access) are not registered at all.
 *
 * Families: `vigil_exporter_runs_total` (every finished run, failed or not),
 * `vigil_exporter_run_failures_total`, `vigil_exporter_runs_skipped_total`,
 * `vigil_exporter_history_write_failures_total`,
 * `vigil_exporter_last_success_timestamp_seconds` (0 before the first success),
 * `vigil_exporter_run_duration_seconds` (histogram), `vigil_exporter_run_timeouts_total`,
 * `vigil_exporter_worker_restarts_total{reason}`, `vigil_model_predictions_total{model}` (rows
 * predicted), `vigil_model_prediction_latency_seconds{model}` (histogram, one per predict call),
 * `vigil_process_cpu_seconds_total`, `vigil_process_resident_memory_bytes`,
 * `vigil_process_heap_used_bytes`, `vigil_process_event_loop_lag_seconds`,
 * `vigil_process_disk_read_bytes_total`, `vigil_process_disk_write_bytes_total`,
 * `vigil_process_open_fds`, `vigil_exporter_snapshot_age_seconds` (seconds since the last
 * successful run finished, computed at scrape time; since the exporter started while none has),
 * `vigil_exporter_connections_dropped_total{reason}`, `vigil_exporter_accept_errors_total`,
 * `vigil_exporter_open_connections`.
 *
 * @param registry The prom-client registry to register on (a {@linkcode MetricRegistry}).
 * @param options See {@linkcode ExporterMetricsOptions}.
 * @returns Recorders for run outcomes, and `close()` to stop the lag timer.
 * @throws {Error} When a family of the same name is already registered on `registry`.
 * @example
 * ```ts
 * import { Registry } from "prom-client";
 * import { createExporterMetrics } from "./exporter_metrics.ts";
 * const registry = new Registry();
 * const metrics = createExporterMetrics(registry, { lagIntervalMs: 0 });
 * metrics.recordFailure({ durationSeconds: 0.2, finishedAtSeconds: 1_700_000_000 });
 * const text = await registry.metrics();
 * metrics.close();
 * if (!text.includes("vigil_exporter_run_failures_total 1")) throw new Error(text);
 * ```
 */
export function createExporterMetrics(
  registry: MetricRegistry,
  options: ExporterMetricsOptions = {},
): ExporterMetrics {
  const registers = promRegisters(registry);
  const sampler = createProcessSampler({
    cacheMs: options.cacheMs ?? 1000,
    procDir: options.procDir ?? "/proc/self",
  });
  const lagIntervalMs = options.lagIntervalMs ?? 1000;
  const now = options.now ?? Date.now;
  const startedAtMs = now();
  let lastSuccessMs: number | undefined;
  let readConnections: (() => number) | undefined;
  const lag = lagIntervalMs > 0 ? startLagMonitor(lagIntervalMs) : undefined;

  function name(n: string, type: "counter" | "gauge" | "histogram"): string {
    return validateMetricName(n, { type });
  }

  const runs = new Counter({
    name: name("vigil_exporter_runs_total", "counter"),
    help: "Monitor runs finished by the exporter, successful or failed",
    registers,
  });
  const failures = new Counter({
    name: name("vigil_exporter_run_failures_total", "counter"),
    help: "Monitor runs that threw; the last good snapshot stays exported",
    registers,
  });
  const skipped = new Counter({
    name: name("vigil_exporter_runs_skipped_total", "counter"),
    help: "Scheduled ticks skipped because the previous run was still in progress",
    registers,
  });
  const historyFailures = new Counter({
    name: name("vigil_exporter_history_write_failures_total", "counter"),
    help:
      "Snapshots that could not be appended to the --history file (the partial line is removed)",
    registers,
  });
  const lastSuccess = new Gauge({
    name: name("vigil_exporter_last_success_timestamp_seconds", "gauge"),
    help: "Unix time at which the last successful run finished (0 before the first one)",
    registers,
  });
  new Gauge({
    name: name("vigil_exporter_snapshot_age_seconds", "gauge"),
    help:
      "Seconds since the last successful run finished, at scrape time (since start before the first)",
    registers,
    collect() {
      this.set(Math.max(0, (now() - (lastSuccessMs ?? startedAtMs)) / 1000));
    },
  });
  const dropped = new Counter({
    name: name("vigil_exporter_connections_dropped_total", "counter"),
    help:
      "HTTP connections the exporter closed itself: at_capacity, evicted, timeouts, bad_request",
    labelNames: ["reason"],
    registers,
  });
  const acceptErrors = new Counter({
    name: name("vigil_exporter_accept_errors_total", "counter"),
    help: "Failed accept() calls of the HTTP server (e.g. out of file descriptors), retried",
    registers,
  });
  new Gauge({
    name: name("vigil_exporter_open_connections", "gauge"),
    help: "HTTP connections open now",
    registers,
    collect() {
      this.set(readConnections?.() ?? 0);
    },
  });
  const duration = new Histogram({
    name: name("vigil_exporter_run_duration_seconds", "histogram"),
    help: "Wall-clock duration of monitor runs, successful or failed, measured by the exporter",
    buckets: [...(options.runDurationBuckets ?? RUN_DURATION_BUCKETS)],
    registers,
  });
  const timeouts = new Counter({
    name: name("vigil_exporter_run_timeouts_total", "counter"),
    help: "Monitor runs ended because they outlived --run-timeout (also counted as failures)",
    registers,
  });
  const restarts = new Counter({
    name: name("vigil_exporter_worker_restarts_total", "counter"),
    help:
      "Restarts of the process that runs the notebook's code, by why it died (crash: uncaught error or unhandled rejection; out_of_memory: --max-heap reached; timeout: ended by --run-timeout)",
    labelNames: ["reason"],
    registers,
  });
  for (const reason of WORKER_RESTART_REASONS) restarts.inc({ reason }, 0);
  const predictions = new Counter({
    name: name("vigil_model_predictions_total", "counter"),
    help: "Rows the monitored model predicted during successful runs",
    labelNames: ["model"],
    registers,
  });
  const latency = new Histogram({
    name: name("vigil_model_prediction_latency_seconds", "histogram"),
    help: "Wall-clock latency of one model predict call during successful runs",
    labelNames: ["model"],
    buckets: [...(options.predictionLatencyBuckets ?? PREDICTION_LATENCY_BUCKETS)],
    registers,
  });

  function counterFrom(n: string, help: string, read: () => number | undefined): void {
    new Counter({
      name: name(n, "counter"),
      help,
      registers,
      collect() {
        const v = read();
        // prom-client counters only go up; re-base on the kernel's absolute count.
        this.reset();
        if (v !== undefined) this.inc(v);
      },
    });
  }
  function gaugeFrom(n: string, help: string, read: () => number | undefined): void {
    new Gauge({
      name: name(n, "gauge"),
      help,
      registers,
      collect() {
        const v = read();
        if (v !== undefined) this.set(v);
      },
    });
  }

  counterFrom(
    "vigil_process_cpu_seconds_total",
    "User and system CPU time of the exporter process (process.cpuUsage)",
    () => sampler.sample().cpuSeconds,
  );
  gaugeFrom(
    "vigil_process_resident_memory_bytes",
    "Resident set size of the exporter process (Deno.memoryUsage().rss)",
    () => sampler.sample().residentBytes,
  );
  gaugeFrom(
    "vigil_process_heap_used_bytes",
    "V8 heap in use by the exporter process (Deno.memoryUsage().heapUsed)",
    () => sampler.sample().heapUsedBytes,
  );
  if (lag !== undefined) {
    gaugeFrom(
      "vigil_process_event_loop_lag_seconds",
      `Worst delay of the last 10 event loop timer ticks (every ${lagIntervalMs} ms) past their due time`,
      () => lag.lagSeconds(),
    );
  }
  if (sampler.diskSource !== "none") {
    const how = sampler.diskSource === "proc_io" ? "/proc/self/io" : "getrusage blocks x 512";
    counterFrom(
      "vigil_process_disk_read_bytes_total",
      `Bytes the exporter process read from storage (${how})`,
      () => sampler.sample().diskReadBytes,
    );
    counterFrom(
      "vigil_process_disk_write_bytes_total",
      `Bytes the exporter process wrote to storage (${how})`,
      () => sampler.sample().diskWriteBytes,
    );
  }
  if (sampler.hasOpenFds) {
    gaugeFrom(
      "vigil_process_open_fds",
      sampler.fdSource === "proc_fd"
        ? "File descriptors open in the exporter process (entries of /proc/self/fd)"
        : "File descriptors open in the exporter process (entries of /proc/<pid>/fd listed by an ls child, its pipe included)",
      () => sampler.sample().openFds,
    );
  }

  function recordRun(timing: RunTiming): void {
    runs.inc();
    duration.observe(timing.durationSeconds);
  }

  return {
    recordSuccess(snapshot, timing) {
      recordRun(timing);
      lastSuccess.set(timing.finishedAtSeconds);
      lastSuccessMs = timing.finishedAtSeconds * 1000;
      const model = snapshot.model.name;
      predictions.inc({ model }, snapshot.predictions.rows);
      for (const seconds of snapshot.predictions.latenciesSeconds) {
        latency.observe({ model }, seconds);
      }
    },
    recordFailure(timing) {
      recordRun(timing);
      failures.inc();
    },
    recordSkip() {
      skipped.inc();
    },
    recordWorkerRestart(reason) {
      restarts.inc({ reason });
    },
    recordRunTimeout() {
      timeouts.inc();
    },
    recordConnectionDrop(reason) {
      dropped.inc({ reason });
    },
    recordAcceptError() {
      acceptErrors.inc();
    },
    watchConnections(read) {
      readConnections = read;
    },
    recordHistoryFailure() {
      historyFailures.inc();
    },
    close() {
      lag?.stop();
    },
  };
}
