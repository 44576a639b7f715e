/**
 * Monitors: `defineMonitor(...)` → `run()` → {@linkcode Snapshot}, the one code path behind the
 * notebook's tables and the exporter's metrics; checks (absolute or relative to a baseline),
 * baselines saved as JSON, and reading a snapshot ({@linkcode metricValue},
 * {@linkcode snapshotTable}).
 *
 * {@linkcode windowDrift}, {@linkcode windowQuality} and {@linkcode windowFairness} compute a window's drift, quality and fairness
 * results as a run does, without a model. The other steps of a run — validating the batch,
 * evaluating one check — are internal: their files are imported directly by the tests, not
 * re-exported here.
 *
 * @example
 * ```ts
 * import { metricValue } from "./mod.ts";
 * if (metricValue({ metrics: [{ name: "accuracy", value: 0.9 }] }, "accuracy") !== 0.9) {
 *   throw new Error();
 * }
 * ```
 *
 * @module
 */
export type { CheckOutcome, MetricValue, Outcome, Snapshot } from "./types.ts";
export type { Batch } from "./batch.ts";
export type { AbsoluteCheck, CheckSpec, CheckTarget, RelativeCheck } from "./check_spec.ts";
export {
  type Baseline,
  createBaseline,
  type CreateBaselineOptions,
  loadBaseline,
  saveBaseline,
} from "./baseline.ts";
export type {
  MonitorDriftOptions,
  MonitorQualityOptions,
  WindowCheckOutput,
} from "./window_checks.ts";
export { windowDrift } from "./window_drift.ts";
export { windowQuality } from "./window_quality.ts";
export * from "./fairness_checks.ts";
export * from "./window_fairness.ts";
export {
  defineMonitor,
  type Monitor,
  MonitorBusyError,
  type MonitorConfig,
  type MonitoredModel,
} from "./define_monitor.ts";
export { snapshotTable, type SnapshotTableRow } from "./snapshot_table.ts";
export { findMetric, metricValue } from "./find_metric.ts";
// Shared types that the signatures above use, so that `lib/monitor` alone names them all (the
// profile and drift types are documented by their own folders' entry points too).
export type { CheckResult, Operator, ResultStatus } from "../types.ts";
export type { Column, NonNumericSample, Table } from "../data/table.ts";
export type {
  CategoricalColumnProfile,
  ColumnProfile,
  NumericColumnProfile,
  NumericSummary,
  ReferenceProfile,
} from "../profile/profile.ts";
export type { ColumnKind } from "../data/schema.ts";
export type { DatasetDriftOptions } from "../drift/dataset_drift.ts";
export type { DriftMethod } from "../drift/drift_methods.ts";
export type { PValueCorrection } from "../drift/corrections.ts";
export type { DataDrivenThresholdOptions } from "../drift/data_driven_threshold.ts";
export type { SelectDriftMethodOptions } from "../drift/select_method.ts";
