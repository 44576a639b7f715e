/**
 * The drift families: a snapshot's drift results (`Snapshot.drift`, from `windowDrift`) as
 * Prometheus gauges. Appended to {@linkcode SNAPSHOT_FAMILIES}.
 *
 * Choices, per DESIGN.md "Prometheus naming": p-values and distances never share a family
 * (`vigil_feature_drift_p_value` for the tests, `vigil_feature_drift_distance` for the distances),
 * and each has its own threshold family with the same labels, so `value < threshold` and
 * `value >= threshold` match series one to one. Distances of different methods share one family
 * with a `method` label (a feature has one method at a time): compare a distance with its own
 * threshold, never with another method's distance. `vigil_feature_drift_detected` has no `method`
 * label, so its series survive a change of the automatic method choice (alerts keep their `for:`).
 * `feature` values are the profile's declared columns, `method` values `DRIFT_METHODS`.
 *
 * @module
 */
import type { CheckResult } from "../types.ts";
import type { Snapshot } from "../monitor/types.ts";
import { DRIFT_METHOD_INFO, isDriftMethod } from "../drift/drift_methods.ts";
import { metricName } from "./naming.ts";
import type { SnapshotFamily, SnapshotSample } from "./snapshot_families.ts";

const SOURCE = "Set from the last successful monitor run";

/** The computed per-feature drift results; a RangeError for a method outside DRIFT_METHODS. */
function featureResults(s: Snapshot): CheckResult[] {
  const out = (s.drift ?? []).filter((r) => r.kind === "drift" && r.status === "ok" && r.column);
  for (const r of out) {
    if (!isDriftMethod(r.method)) {
      throw new RangeError(
        `Cannot publish drift of feature "${r.column}": unknown method "${r.method}"`,
      );
    }
  }
  return out;
}

function byOutput(
  output: "p_value" | "distance",
  value: (r: CheckResult) => number | undefined,
): (s: Snapshot) => SnapshotSample[] {
  return (s) =>
    featureResults(s)
      .filter((r) =>
        DRIFT_METHOD_INFO[r.method as keyof typeof DRIFT_METHOD_INFO].output === output
      )
      .map((r) => ({ labels: { feature: r.column!, method: r.method }, value: value(r) ?? NaN }));
}

function dataset(s: Snapshot): CheckResult | undefined {
  return (s.drift ?? []).find((r) => r.kind === "dataset_drift" && r.status === "ok");
}

/**
 * The drift families (see the module doc for the choices). Each reads one part of the
 * snapshot; a `method` outside the known methods is rejected with a RangeError by `update()`.
 *
 * @example
 * ```ts
 * import { DRIFT_FAMILIES } from "./drift_families.ts";
 * const names = DRIFT_FAMILIES.map((f) => f.name);
 * if (!names.includes("vigil_feature_drift_p_value") || !names.includes("vigil_feature_drift_distance")) {
 *   throw new Error(names.join());
 * }
 * ```
 */
export const DRIFT_FAMILIES: readonly SnapshotFamily[] = Object.freeze([
  {
    name: metricName(["feature", "drift", "p_value"], "none"),
    help: "P-value of the drift test of each feature (method label: ks, chi_square, z_test...), " +
      "current window against the frozen reference profile, after the configured multiple-" +
      `testing correction; drift when below vigil_feature_drift_p_value_threshold. ${SOURCE}`,
    labelNames: ["feature", "method"],
    samples: byOutput("p_value", (r) => r.pValue),
  },
  {
    name: metricName(["feature", "drift", "p_value", "threshold"], "none"),
    help: "Significance level of the drift test of each feature: drift is detected when " +
      `vigil_feature_drift_p_value is below it (default 0.05). ${SOURCE}`,
    labelNames: ["feature", "method"],
    samples: byOutput("p_value", (r) => r.threshold),
  },
  {
    name: metricName(["feature", "drift", "distance"], "none"),
    help: "Distance between the reference profile and the current window of each feature, for " +
      "distance methods (method label: wasserstein_normed, psi, jensen_shannon...; scales differ " +
      `by method); drift when at or above vigil_feature_drift_distance_threshold. ${SOURCE}`,
    labelNames: ["feature", "method"],
    samples: byOutput("distance", (r) => r.statistic),
  },
  {
    name: metricName(["feature", "drift", "distance", "threshold"], "none"),
    help: "Threshold of each feature's drift distance: drift is detected when " +
      `vigil_feature_drift_distance is at or above it (default 0.1). ${SOURCE}`,
    labelNames: ["feature", "method"],
    samples: byOutput("distance", (r) => r.threshold),
  },
  {
    name: metricName(["feature", "drift", "detected"], "none"),
    help: "1 when the feature drifted (p-value below, or distance at or above, its threshold), " +
      `0 when not; absent when its drift could not be computed. ${SOURCE}`,
    labelNames: ["feature"],
    samples: (s) =>
      featureResults(s).map((r) => ({ labels: { feature: r.column! }, value: Number(r.detected) })),
  },
  {
    name: metricName(["dataset", "drift", "share"], "ratio"),
    help: "Share of the compared features that drifted in the current window (drifted / " +
      `compared; features that could not be computed are left out). ${SOURCE}`,
    labelNames: [],
    samples: (s) => {
      const d = dataset(s);
      return d === undefined ? [] : [{ labels: {}, value: d.statistic }];
    },
  },
  {
    name: metricName(["dataset", "drift", "share", "threshold"], "ratio"),
    help: "Drift share at or above which the dataset counts as drifted (Evidently's rule, " +
      `default 0.5). ${SOURCE}`,
    labelNames: [],
    samples: (s) => {
      const d = dataset(s);
      return d === undefined ? [] : [{ labels: {}, value: d.threshold }];
    },
  },
  {
    name: metricName(["dataset", "drift", "detected"], "none"),
    help: "1 when the share of drifted features is at or above the drift share threshold, else " +
      `0. ${SOURCE}`,
    labelNames: [],
    samples: (s) => {
      const d = dataset(s);
      return d === undefined ? [] : [{ labels: {}, value: Number(d.detected) }];
    },
  },
  {
    name: metricName(["feature", "bin", "rows"], "none"),
    help: "Rows of the current window in each bin of the feature's frozen reference edges (bin " +
      "i is [edge i-1, edge i) of the reference profile's deciles; bin 0 is open below): counts " +
      `of replicas add up with sum by (feature, bin). ${SOURCE}`,
    labelNames: ["feature", "bin"],
    samples: (s) =>
      s.metrics.filter((m) => m.name === "feature_bin_rows").map((m) => {
        const bin = m.labels?.bin ?? "";
        if (!/^\d{1,3}$/.test(bin)) {
          throw new RangeError(`Cannot publish bin rows: bin label "${bin}" is not an index`);
        }
        return { labels: { feature: m.labels?.feature ?? "", bin }, value: m.value };
      }),
  },
]);
