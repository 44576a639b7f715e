/**
 * The data-quality families: a snapshot's quality results (`Snapshot.quality`, from
 * `windowQuality`) as Prometheus gauges. Appended to {@linkcode SNAPSHOT_FAMILIES}.
 *
 * Choices: the missing share, the quantity alerts read, is its own family with its threshold
 * beside it (the reference's missing share plus the allowed increase); every other check is
 * exported as a detection (1 or 0) per feature and method, so no family mixes quantities. Results
 * about columns outside the profile (schema "unexpected" columns) and about the whole table
 * (volume, duplicate rows) only count in `vigil_dataset_quality_detected{method}`, which keeps the
 * `feature` label to the profile's declared columns. `method` values are the quality methods.
 *
 * @module
 */
import type { CheckResult } from "../types.ts";
import type { Snapshot } from "../monitor/types.ts";
import { DEFAULT_QUALITY_THRESHOLDS } from "../quality/quality_result.ts";
import { metricName } from "./naming.ts";
import type { SnapshotFamily, SnapshotSample } from "./snapshot_families.ts";

const SOURCE = "Set from the last successful monitor run";

function checked(s: Snapshot): CheckResult[] {
  for (const r of s.quality ?? []) {
    if (!Object.hasOwn(DEFAULT_QUALITY_THRESHOLDS, r.method)) {
      throw new RangeError(`Cannot publish data quality: unknown method "${r.method}"`);
    }
  }
  return (s.quality ?? []).filter((r) => r.status === "ok");
}

/** Per-feature results: about a profile column (not an unexpected one). */
function perFeature(s: Snapshot): CheckResult[] {
  return checked(s).filter((r) => r.column && r.details?.problem !== "unexpected");
}

function missing(value: (r: CheckResult) => number): (s: Snapshot) => SnapshotSample[] {
  return (s) =>
    perFeature(s).filter((r) => r.method === "missing_share").map((r) => ({
      labels: { feature: r.column! },
      value: value(r),
    }));
}

/**
 * The quality families (see the module doc for the choices). Each reads one part of the
 * snapshot; a `method` outside the known methods is rejected with a RangeError by `update()`.
 *
 * @example
 * ```ts
 * import { QUALITY_FAMILIES } from "./quality_families.ts";
 * const missing = QUALITY_FAMILIES.find((f) => f.name === "vigil_feature_missing_share_ratio");
 * if (missing?.labelNames.join() !== "feature") throw new Error();
 * ```
 */
export const QUALITY_FAMILIES: readonly SnapshotFamily[] = Object.freeze([
  {
    name: metricName(["feature", "missing", "share"], "ratio"),
    help:
      "Share of missing values (non-finite numbers, nulls, empty strings) of each feature in the current " +
      `window. ${SOURCE}`,
    labelNames: ["feature"],
    samples: missing((r) => r.statistic),
  },
  {
    name: metricName(["feature", "missing", "share", "threshold"], "ratio"),
    help: "Highest acceptable missing share of each feature: the reference profile's missing " +
      `share plus the allowed increase (default 0.05); a problem when above it. ${SOURCE}`,
    labelNames: ["feature"],
    samples: missing((r) => r.threshold),
  },
  {
    name: metricName(["feature", "quality", "detected"], "none"),
    help: "1 when a data-quality check found a problem in the feature (method label: " +
      "missing_share, schema, out_of_range_share, unseen_category_share, majority_share), else " +
      `0; absent when it could not be computed. ${SOURCE}`,
    labelNames: ["feature", "method"],
    samples: (s) =>
      perFeature(s).map((r) => ({
        labels: { feature: r.column!, method: r.method },
        value: Number(r.detected),
      })),
  },
  {
    name: metricName(["dataset", "quality", "detected"], "none"),
    help: "1 when a data-quality check found a problem anywhere in the window (any feature, an " +
      "unexpected column, the row count, duplicate rows), per method, else 0. " + SOURCE,
    labelNames: ["method"],
    samples: (s) => {
      const any = new Map<string, number>();
      for (const r of checked(s)) any.set(r.method, Math.max(any.get(r.method) ?? 0, +r.detected));
      return [...any].map(([method, value]) => ({ labels: { method }, value }));
    },
  },
]);
