/**
 * Monitors: `defineMonitor(...)` → `run()` → {@linkcode Snapshot}, the one code path behind the
 * notebook's tables and the exporter's metrics; checks (absolute or relative to a baseline) and
 * baselines saved as JSON.
 *
 * @module
 */
export * from "./types.ts";
export * from "./batch.ts";
export * from "./check_spec.ts";
export * from "./evaluate_check.ts";
export * from "./baseline.ts";
export * from "./window_checks.ts";
export * from "./window_drift.ts";
export * from "./window_quality.ts";
export * from "./define_monitor.ts";
export * from "./snapshot_table.ts";
export * from "./find_metric.ts";
