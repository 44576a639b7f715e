/**
 * The metric families a {@linkcode Snapshot} is published as — the extension point of
 * `createSnapshotMetrics`: further families are added by appending builders to this list (or
 * passing one's own list), without touching the registry code; the drift
 * ({@linkcode DRIFT_FAMILIES}), data-quality ({@linkcode QUALITY_FAMILIES}) and explainability
 * ({@linkcode EXPLAIN_FAMILIES}) families are.
 *
 * Choices, per DESIGN.md "Prometheus naming": one quantity per family, so macro F1 is its own
 * family (`vigil_model_macro_f1_ratio`) rather than `class="macro"` inside `vigil_model_f1_ratio`,
 * where it would corrupt `avg by (model)` over classes; values that could not be computed (NaN) are left out
 * rather than exported as NaN, so "absent" means "unknown" in PromQL.
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";
import { metricName, type MetricUnit } from "./naming.ts";
import { DRIFT_FAMILIES } from "./drift_families.ts";
import { QUALITY_FAMILIES } from "./quality_families.ts";
import { EXPLAIN_FAMILIES } from "./explain_families.ts";
import { CONCEPT_FAMILIES } from "./concept_families.ts";
import { FAIRNESS_FAMILIES } from "./fairness_families.ts";
import { ESTIMATE_FAMILIES } from "./estimate_families.ts";

/** One sample of a family: its labels other than `model`, and its value. */
export interface SnapshotSample {
  /** Label values by label name, e.g. `{ class: "setosa" }` (without `model`). */
  labels: Record<string, string>;
  /** The sample's value. */
  value: number;
}

/** Builds one gauge family from a snapshot. Every family also carries the `model` label. */
export interface SnapshotFamily {
  /** Full family name, e.g. `"vigil_model_accuracy_ratio"` (validated by the naming policy). */
  name: string;
  /** What the family measures and how (the HELP line). */
  help: string;
  /** Label names besides `model`, e.g. `["class"]`. */
  labelNames: readonly string[];
  /**
   * `"counter"` for a running total the snapshot carries (the name must end in `_total`; its
   * value must never decrease while the process lives).
   * @default "gauge"
   */
  type?: "gauge" | "counter";
  /** The samples for a snapshot; NaN values are dropped by the caller. */
  samples(snapshot: Snapshot): SnapshotSample[];
}

const SOURCE = "Set from the last successful monitor run";

/** A family reading the snapshot's metric values named `metric` (labels copied as they are). */
function modelMetric(
  metric: string,
  unit: MetricUnit,
  labelNames: readonly string[],
  help: string,
): SnapshotFamily {
  return {
    name: metricName(["model", metric], unit),
    help: `${help}. ${SOURCE}`,
    labelNames,
    samples: (s) =>
      s.metrics.filter((m) => m.name === metric).map((m) => ({
        labels: { ...m.labels },
        value: m.value,
      })),
  };
}

const OUTCOMES = ["pass", "warn", "fail", "error"] as const;

/**
 * The default families: model quality, window size, checks (state set, value, threshold), model
 * info and snapshot time, then the drift and data-quality families (empty for a monitor without a
 * reference profile), the explainability families (empty without `explain`), the concept-drift
 * families (empty for a monitor without detectors), the fairness families (empty without
 * `fairness`), then label coverage and the CBPE estimates (empty without late labels or
 * `estimate`).
 */
export const SNAPSHOT_FAMILIES: readonly SnapshotFamily[] = Object.freeze([
  modelMetric(
    "accuracy",
    "ratio",
    [],
    "Share of rows in the current window whose predicted class (argmax of the model's " +
      "probabilities) equals the true label, as sklearn accuracy_score",
  ),
  modelMetric(
    "balanced_accuracy",
    "ratio",
    [],
    "Mean over classes of recall (true positives / actual positives) in the current window, as " +
      "sklearn balanced_accuracy_score",
  ),
  modelMetric(
    "precision",
    "ratio",
    ["class"],
    "Per-class precision in the current window: true positives / predicted positives of the " +
      "class (0 when the class is never predicted), as sklearn precision_score(average=None)",
  ),
  modelMetric(
    "recall",
    "ratio",
    ["class"],
    "Per-class recall in the current window: true positives / actual positives of the class " +
      "(0 when the class is absent), as sklearn recall_score(average=None)",
  ),
  modelMetric(
    "f1",
    "ratio",
    ["class"],
    "Per-class F1 score in the current window: harmonic mean of the class's precision and recall",
  ),
  modelMetric(
    "macro_f1",
    "ratio",
    [],
    "Unweighted mean over classes of the per-class F1 score in the current window, as sklearn " +
      "f1_score(average='macro')",
  ),
  modelMetric(
    "roc_auc",
    "ratio",
    [],
    "Area under the ROC curve in the current window, one-vs-rest averaged over classes (macro), " +
      "as " +
      "sklearn roc_auc_score(multi_class='ovr'); absent when a class is missing from the window",
  ),
  modelMetric(
    "log_loss",
    "none",
    [],
    "Mean negative natural log of the probability the model gave to the true class in the " +
      "current " +
      "window (cross-entropy in nats), as sklearn log_loss",
  ),
  {
    name: metricName(["window", "rows"], "none"),
    help: `Number of rows in the current monitoring window. ${SOURCE}`,
    labelNames: [],
    samples: (s) => [{ labels: {}, value: s.rows }],
  },
  {
    name: metricName(["check", "status"], "none"),
    help: "State set of each monitor check: 1 for its current outcome (pass, warn, fail or " +
      `error), 0 for the others. ${SOURCE}`,
    labelNames: ["check", "outcome"],
    samples: (s) =>
      s.checks.flatMap((c) =>
        OUTCOMES.map((o) => ({
          labels: { check: c.name, outcome: o },
          value: c.outcome === o ? 1 : 0,
        }))
      ),
  },
  {
    name: metricName(["check", "value"], "none"),
    help: "The value each monitor check compared (in the unit of the metric it reads); absent " +
      `when it could not be computed. ${SOURCE}`,
    labelNames: ["check"],
    samples: (s) => s.checks.map((c) => ({ labels: { check: c.name }, value: c.value })),
  },
  {
    name: metricName(["check", "threshold"], "none"),
    help: "The effective failure threshold of each monitor check (for checks relative to the " +
      `baseline: baseline value minus the allowed drop or plus the allowed rise). ${SOURCE}`,
    labelNames: ["check"],
    samples: (s) => s.checks.map((c) => ({ labels: { check: c.name }, value: c.threshold })),
  },
  {
    name: metricName(["model"], "info"),
    help: `Always 1; its labels name the monitored model and its version. ${SOURCE}`,
    labelNames: ["version"],
    samples: (s) => [{ labels: { version: s.model.version }, value: 1 }],
  },
  {
    name: metricName(["snapshot"], "timestamp_seconds"),
    help: "Unix time in seconds at which the last successful monitor run finished",
    labelNames: [],
    samples: (s) => [{ labels: {}, value: Date.parse(s.finishedAt) / 1000 }],
  },
  ...DRIFT_FAMILIES,
  ...QUALITY_FAMILIES,
  ...EXPLAIN_FAMILIES,
  ...CONCEPT_FAMILIES,
  ...FAIRNESS_FAMILIES,
  ...ESTIMATE_FAMILIES,
]);
