/**
 * The explainability families: a snapshot's attribution drift (`Snapshot.explain`, from
 * `windowExplain`) and each feature's mean |attribution| per class, as Prometheus gauges.
 * Appended to {@linkcode SNAPSHOT_FAMILIES}.
 *
 * Choices, per DESIGN.md "Prometheus naming": the mean |attribution| is in the explainer's output
 * unit (log-odds for Vigil's logistic regression, probability for KernelSHAP), not a 0–1 share, so
 * it has no `_ratio` suffix; its labels are the declared `feature` and `class` sets (features ×
 * classes series, e.g. 4 × 3 for Iris). The importance shift (total variation between the
 * reference's and the window's importance shares) is a 0–1 share and carries `_ratio`, with its
 * threshold beside it and a `_detected` family, as the dataset drift share. Results with
 * `status: "error"` (an empty window) are left out, so "absent" means "unknown".
 *
 * @module
 */
import type { CheckResult } from "../types.ts";
import type { Snapshot } from "../monitor/types.ts";
import { metricName } from "./naming.ts";
import type { SnapshotFamily, SnapshotSample } from "./snapshot_families.ts";

const SOURCE = "Set from the last successful monitor run";

function shift(value: (r: CheckResult) => number): (s: Snapshot) => SnapshotSample[] {
  return (s) =>
    (s.explain ?? [])
      .filter((r) => r.kind === "attribution_drift" && r.status === "ok")
      .slice(0, 1)
      .map((r) => ({ labels: {}, value: value(r) }));
}

/**
 * The explainability families (see the module doc for the choices).
 *
 * @example
 * ```ts
 * import { EXPLAIN_FAMILIES } from "./explain_families.ts";
 * const names = EXPLAIN_FAMILIES.map((f) => f.name);
 * if (!names.includes("vigil_feature_attribution_mean_abs")) throw new Error(names.join());
 * ```
 */
export const EXPLAIN_FAMILIES: readonly SnapshotFamily[] = Object.freeze([
  {
    name: metricName(["feature", "attribution", "mean_abs"], "none"),
    help: "Mean absolute attribution of each feature to each class over the current window's " +
      "explained rows (exact log-odds contributions for a logistic regression, KernelSHAP " +
      "values of the class probability otherwise): how much the model relies on the feature. " +
      SOURCE,
    labelNames: ["feature", "class"],
    samples: (s) =>
      s.metrics.filter((m) => m.name === "feature_attribution_mean_abs").map((m) => ({
        labels: { feature: m.labels?.feature ?? "", class: m.labels?.class ?? "" },
        value: m.value,
      })),
  },
  {
    name: metricName(["attribution", "shift"], "ratio"),
    help: "Importance shift of the current window against the reference rows: half the sum " +
      "over features of the change in each feature's share of the total mean absolute " +
      "attribution (0 = same reliance, 1 = the model relies on entirely different features). " +
      SOURCE,
    labelNames: [],
    samples: shift((r) => r.statistic),
  },
  {
    name: metricName(["attribution", "shift", "threshold"], "ratio"),
    help: "Importance shift above which attribution drift is detected (the monitor's explain " +
      `threshold, default 0.1). ${SOURCE}`,
    labelNames: [],
    samples: shift((r) => r.threshold),
  },
  {
    name: metricName(["attribution", "drift", "detected"], "none"),
    help: "1 when the importance shift is above its threshold (the model leans on different " +
      `features than on the reference rows), else 0. ${SOURCE}`,
    labelNames: [],
    samples: shift((r) => Number(r.detected)),
  },
]);
