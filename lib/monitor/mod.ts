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
 * A monitor can watch a running model through its prediction log: {@linkcode logWindowSource}
 * cuts tumbling or sliding windows by time or count out of a `lib/store` log, with the labels
 * that have arrived so far (label coverage and `minLabelCoverage` gate the label metrics, see
 * {@linkcode labelledMetrics}) and the logged probabilities (no re-scoring); the `estimate`
 * option adds CBPE estimates (`lib/estimate`) that need no label at all.
 *
 * @example Watching a prediction log with late labels and an estimate before them
 * ```ts
 * import { defineMonitor, logWindowSource, metricValue } from "./mod.ts";
 * import { createMemoryStore } from "../store/memory_store.ts";
 * const H = 3_600_000;
 * const store = createMemoryStore({ featureNames: ["x"], classNames: ["no", "yes"] });
 * // The service logged 40 predictions in the first hour; labels came for 30 of them.
 * await store.append(Array.from({ length: 40 }, (_, i) => ({
 *   id: `p${i}`, timestamp: i * 60_000, modelVersion: "1", features: [i % 2],
 *   probabilities: i % 2 ? [0.1, 0.9] : [0.8, 0.2], predicted: i % 2,
 * })));
 * await store.appendLabels(Array.from({ length: 30 }, (_, i) => ({
 *   id: `p${i}`, label: i % 2, timestamp: 50 * 60_000,
 * })));
 * // The reference: the model's probabilities and labels on held-out data.
 * const reference = {
 *   proba: new Float64Array([0.8, 0.2, 0.7, 0.3, 0.1, 0.9, 0.3, 0.7, 0.9, 0.1, 0.2, 0.8]),
 *   y: [0, 1, 1, 1, 0, 1],
 * };
 * const monitor = defineMonitor({
 *   name: "demo",
 *   model: {
 *     name: "m", version: "1", classNames: ["no", "yes"],
 *     predictProba: () => { throw new Error("the log has the probabilities"); },
 *   },
 *   source: logWindowSource(store, {
 *     window: { kind: "tumbling", by: "time", size: H },
 *     now: () => 1.5 * H,
 *   }),
 *   minLabelCoverage: 0.5,
 *   estimate: { reference, metrics: ["accuracy"] },
 *   checks: [
 *     { metric: "label_coverage_ratio", op: ">=", value: 0.5 },
 *     { metric: "estimated_accuracy", op: ">=", value: 0.5 },
 *   ],
 * });
 * const snapshot = await monitor.run();
 * if (metricValue(snapshot, "label_coverage_ratio") !== 0.75) throw new Error();
 * if (metricValue(snapshot, "accuracy") !== 1) throw new Error("over the 30 labelled rows");
 * const est = metricValue(snapshot, "estimated_accuracy");
 * if (!(metricValue(snapshot, "estimated_accuracy_lower") <= est)) throw new Error();
 * if (snapshot.checks.some((c) => c.outcome !== "pass")) throw new Error();
 * ```
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
export type { Batch, CheckedBatch } from "./batch.ts";
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
export {
  type LogWindowSource,
  logWindowSource,
  type LogWindowSourceOptions,
  type LogWindowSpec,
  type LogWindowState,
} from "./log_window_source.ts";
export { DEFAULT_MIN_LABEL_COVERAGE, labelledMetrics, labelledRowErrors } from "./window_labels.ts";
export { type MonitorEstimateOptions, prepareEstimate } from "./window_estimate.ts";
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
export type * from "../store/prediction_store.ts";
export type { CbpeMetric, CbpeOptions, CbpeReference } from "../estimate/mod.ts";
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
