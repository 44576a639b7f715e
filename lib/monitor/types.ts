/**
 * The shapes shared by the monitor, the notebook display and the Prometheus exporter. A
 * {@linkcode Snapshot} is everything one run of a monitor found; it is plain JSON, so the exporter
 * can log it (`--history`) and the notebook can show it.
 *
 * @module
 */
import type { CheckResult, Operator } from "../types.ts";
import type { ConceptDetectorState } from "./window_concept.ts";

/** How a check came out: pass, warn (past the warning level) or fail; error when not computable. */
export type Outcome = "pass" | "warn" | "fail" | "error";

/** One named value the run measured, e.g. `{ name: "precision", value: 0.93, labels: { class: "setosa" } }`. */
export interface MetricValue {
  /** Metric name in snake_case without prefix or unit suffix, e.g. `"accuracy"`, `"roc_auc"`. */
  name: string;
  /** The value; `NaN` when it could not be computed. */
  value: number;
  /** Bounded labels (`class`, `feature`, `group`, …) from small declared sets. */
  labels?: Record<string, string>;
  /** Why the value is NaN (e.g. ROC AUC with one class present); absent when computed. */
  reason?: string;
}

/** The outcome of one condition of a check, with the numbers that decided it. */
export interface CheckOutcome {
  /** The check's name, unique within the monitor, e.g. `"accuracy_floor"`. */
  name: string;
  /** The metric the condition reads, e.g. `"accuracy"`. */
  metric: string;
  /** Labels of the metric value the condition read, if any. */
  labels?: Record<string, string>;
  /** The value the condition compared. */
  value: number;
  /** The effective threshold (for relative conditions: baseline value + delta). */
  threshold: number;
  /** `value OPERATOR threshold` must hold for the check to pass. */
  operator: Operator;
  /** Warning threshold, when the condition has one. */
  warnThreshold?: number;
  /** The baseline value, for conditions relative to the baseline. */
  baseline?: number;
  /** pass, warn, fail, or error when the value could not be compared (see `message`). */
  outcome: Outcome;
  /** Human-readable explanation, e.g. `accuracy 0.82 < 0.9`. */
  message: string;
}

/** Everything one run of a monitor found. */
export interface Snapshot {
  /** Snapshot format version. */
  version: 1;
  /** The monitor's name. */
  monitor: string;
  /** The model being monitored. */
  model: { name: string; version: string };
  /** Run sequence number within this process (1 for the first run). */
  run: number;
  /** ISO timestamp of the start of the run. */
  startedAt: string;
  /** ISO timestamp of the end of the run. */
  finishedAt: string;
  /** Wall-clock duration of the run in seconds. */
  durationSeconds: number;
  /** Rows in the current window. */
  rows: number;
  /** Every measured value (model metrics, per-class metrics, quality shares…). */
  metrics: MetricValue[];
  /** Conditions and their outcomes. */
  checks: CheckOutcome[];
  /**
   * Drift against the monitor's reference profile (empty without one): one `kind: "drift"` result
   * per feature (its `column`), then one `kind: "dataset_drift"` result without `column`
   * (`statistic` = share of drifted features, `threshold` = drift share, `detected` when
   * `share >= threshold`). See `windowDrift`.
   */
  drift: CheckResult[];
  /** Data-quality results of the window (`kind: "quality"`; empty without a profile). */
  quality: CheckResult[];
  /**
   * Attribution drift of the window against the reference rows of the monitor's `explain` entry:
   * one `kind: "attribution_drift"` result (an `AttributionDriftResult` of `lib/explain`, with
   * per-feature importances). Absent without `explain`. See `windowExplain`.
   */
  explain?: CheckResult[];
  /**
   * Each concept-drift detector's state after this run (warning, drift in this run, detections
   * so far); absent when the monitor has no detectors. See `MonitorConfig.concept`.
   */
  concept?: ConceptDetectorState[];
  /**
   * Fairness of the window: one `kind: "fairness"` result per sensitive attribute and parity
   * measure (`column` = the attribute). Absent without `fairness` options. See `windowFairness`.
   */
  fairness?: CheckResult[];
  /** Model prediction timings in this run: one latency per predict call, in seconds, and row count. */
  predictions: { calls: number; rows: number; latenciesSeconds: number[] };
  /** Seconds spent in each phase (source, predict, metrics, drift, quality, explain, checks). */
  timings: Record<string, number>;
}
