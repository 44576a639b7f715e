/**
 * The families of late labels and of performance estimated before labels arrive: label coverage
 * of the window (`MonitorConfig.minLabelCoverage`) and, for a monitor with `estimate`, each CBPE
 * estimate with its band. Appended to {@linkcode SNAPSHOT_FAMILIES}.
 *
 * Choices, per DESIGN.md "Prometheus naming": one quantity per family, so the estimate, its lower
 * and upper bounds and its sampling error are four families (`vigil_model_estimated_accuracy_ratio`,
 * `…_lower_ratio`, `…_upper_ratio`, `…_sampling_error_ratio`) rather than a `bound` label, which
 * would make `avg by (model)` meaningless; all are 0–1 ratios. A dashboard draws the band between
 * lower and upper and the realized `vigil_model_accuracy_ratio` over it once labels arrive.
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";
import { CBPE_METRICS } from "../estimate/cbpe.ts";
import { metricName, type MetricUnit } from "./naming.ts";
import type { SnapshotFamily } from "./snapshot_families.ts";

const SOURCE = "Set from the last successful monitor run";

/** A family with no labels but `model`, reading the snapshot's metric value `metric`. */
function unlabelled(
  parts: readonly string[],
  unit: MetricUnit,
  metric: string,
  help: string,
): SnapshotFamily {
  return {
    name: metricName(parts, unit),
    help: `${help}. ${SOURCE}`,
    labelNames: [],
    samples: (s: Snapshot) =>
      s.metrics.filter((m) => m.name === metric).map((m) => ({ labels: {}, value: m.value })),
  };
}

const WHAT: Record<string, string> = {
  accuracy: "accuracy",
  precision: "precision (of the second class for two classes, else macro over classes)",
  recall: "recall (of the second class for two classes, else macro over classes)",
  f1: "F1 score (of the second class for two classes, else macro over classes)",
  roc_auc: "ROC AUC (of the second class for two classes, else macro one-vs-rest)",
};

/**
 * Label coverage (`vigil_model_label_coverage_ratio`, `vigil_window_labelled_rows`) and, per
 * CBPE metric m, `vigil_model_estimated_<m>_ratio` with `_lower_ratio`, `_upper_ratio` and
 * `_sampling_error_ratio`; each family is empty when its value is not in the snapshot.
 *
 * @example
 * ```ts
 * import { ESTIMATE_FAMILIES } from "./estimate_families.ts";
 * const names = ESTIMATE_FAMILIES.map((f) => f.name);
 * if (!names.includes("vigil_model_estimated_accuracy_ratio")) throw new Error(names.join());
 * if (!names.includes("vigil_model_estimated_accuracy_lower_ratio")) throw new Error();
 * if (!names.includes("vigil_model_label_coverage_ratio")) throw new Error();
 * ```
 */
export const ESTIMATE_FAMILIES: readonly SnapshotFamily[] = Object.freeze([
  unlabelled(
    ["model", "label", "coverage"],
    "ratio",
    "label_coverage_ratio",
    "Share of the current window's predictions whose true label has arrived; label-based " +
      "metrics are computed over those rows only, and only at or above the monitor's minimum " +
      "coverage",
  ),
  unlabelled(
    ["window", "labelled", "rows"],
    "none",
    "labelled_rows",
    "Number of predictions in the current window whose true label has arrived",
  ),
  ...CBPE_METRICS.flatMap((m) => {
    const what = WHAT[m]!;
    const stem = ["model", "estimated", ...m.split("_")];
    return [
      unlabelled(
        stem,
        "ratio",
        `estimated_${m}`,
        `Expected ${what} of the current window before its labels arrive (NannyML's CBPE: ` +
          "from the model's probabilities, calibrated on the reference)",
      ),
      unlabelled(
        [...stem, "lower"],
        "ratio",
        `estimated_${m}_lower`,
        `Lower bound of the estimated ${what}: estimate minus 3 sampling errors, at least 0`,
      ),
      unlabelled(
        [...stem, "upper"],
        "ratio",
        `estimated_${m}_upper`,
        `Upper bound of the estimated ${what}: estimate plus 3 sampling errors, at most 1`,
      ),
      unlabelled(
        [...stem, "sampling", "error"],
        "ratio",
        `estimated_${m}_sampling_error`,
        `Sampling error (standard error, NannyML's definition from the reference) of the ` +
          `estimated ${what} for a window of this size`,
      ),
    ];
  }),
]);
