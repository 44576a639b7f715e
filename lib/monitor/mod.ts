/**
 * Monitors: `defineMonitor(...)` → `run()` → {@linkcode Snapshot}, the one code path behind the
 * notebook's tables and the exporter's metrics; checks (absolute or relative to a baseline),
 * baselines saved as JSON, and reading a snapshot ({@linkcode metricValue},
 * {@linkcode snapshotTable}).
 *
 * {@linkcode monitorTimeline} runs a monitor window after window and returns every result as a
 * time series ({@linkcode seriesOf} picks one, marked with a detector's warnings and alarms).
 *
 * {@linkcode conceptWatch} runs concept-drift detectors over the per-row errors of successive
 * windows (what `MonitorConfig.concept` does inside a run).
 *
 * {@linkcode windowDrift}, {@linkcode windowQuality} and {@linkcode windowFairness} compute a
 * window's drift, quality and fairness results as a run does, without a model;
 * {@linkcode windowExplain} its attribution drift. The other steps of a run — validating the batch,
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
  type ExplainedModel,
  type MonitorExplainOptions,
  type PreparedExplain,
  prepareExplain,
  windowExplain,
} from "./window_explain.ts";
export {
  type ConceptDetectorSpec,
  type ConceptDetectorState,
  conceptMetrics,
  type ConceptWatch,
  conceptWatch,
  rowErrors,
} from "./window_concept.ts";
export {
  defineMonitor,
  type Monitor,
  MonitorBusyError,
  type MonitorConfig,
  type MonitoredModel,
} from "./define_monitor.ts";
export { snapshotTable, type SnapshotTableRow } from "./snapshot_table.ts";
export {
  type MonitorTimeline,
  monitorTimeline,
  seriesOf,
  type SeriesOptions,
  type SeriesPoint,
  type TimelineCheck,
  type TimelineDetector,
  type TimelineValue,
} from "./monitor_timeline.ts";
export { findMetric, metricValue } from "./find_metric.ts";
// Types of other folders that the signatures above use (the profile a monitor checks against,
// the drift options it picks from, the model and attributions of its explain phase), so that
// `lib/monitor` alone names them all; each is documented where it lives.
export type { CheckResult, Operator, ResultStatus } from "../types.ts";
export type { Column, ColumnKind, NonNumericSample, Table } from "../data/mod.ts";
export type * from "../profile/reference_profile.ts";
export type {
  DataDrivenThresholdOptions,
  DatasetDriftOptions,
  DriftMethod,
  PValueCorrection,
  SelectDriftMethodOptions,
} from "../drift/mod.ts";
export type {
  Attribution,
  AttributionBatch,
  AttributionMethod,
  AttributionRows,
  BackgroundSet,
  LogisticRegressionJSON,
  LogisticRegressionModel,
  ProbabilisticModel,
} from "../explain/mod.ts";
export type {
  AdwinOptions,
  ConceptDriftMethod,
  ConceptDriftOptions,
  DdmOptions,
  EddmOptions,
  HddmAOptions,
  HddmWOptions,
  KswinOptions,
  PageHinkleyMode,
  PageHinkleyOptions,
} from "../concept/mod.ts";
