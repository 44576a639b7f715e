/**
 * The fairness families: a snapshot's fairness results (`Snapshot.fairness`, from
 * `windowFairness`) and per-group rates as Prometheus gauges. Appended to
 * {@linkcode SNAPSHOT_FAMILIES}.
 *
 * Choices: each parity measure is its own family (`vigil_fairness_demographic_parity_difference`,
 * `vigil_fairness_disparate_impact`…) with its threshold beside it, because a difference, a ratio
 * and AIF360's signed values are different quantities; only the 0–1 ones take `_ratio`
 * (`vigil_fairness_demographic_parity_ratio`, the per-group rates). Detections share one 0/1
 * family with a `measure` label. Labels are bounded by the monitor: `attribute` from its declared
 * sensitive attributes, `group` from each one's declared groups plus `other` (values outside them
 * are folded there before anything is measured). A measure that could not be computed (a group
 * under the minimum size) has no sample, rather than a number that looks as solid as the others.
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";
import type { CheckResult } from "../types.ts";
import { metricName, type MetricUnit } from "./naming.ts";
import type { SnapshotFamily, SnapshotSample } from "./snapshot_families.ts";

const SOURCE = "Set from the last successful monitor run";

/** Each exported measure: its unit and what it is, for the HELP line. */
const MEASURES: readonly [measure: string, unit: MetricUnit, help: string][] = [
  [
    "demographic_parity_difference",
    "none",
    "fairlearn's demographic parity difference per sensitive attribute: the largest minus the " +
    "smallest group selection rate (0 = parity)",
  ],
  [
    "demographic_parity_ratio",
    "ratio",
    "fairlearn's demographic parity ratio per sensitive attribute: the smallest over the largest " +
    "group selection rate (1 = parity; the four-fifths line is 0.8)",
  ],
  [
    "equalized_odds_difference",
    "none",
    "fairlearn's equalized odds difference per sensitive attribute: the larger of the " +
    "between-group spreads of true and of false positive rates (0 = parity)",
  ],
  [
    "equal_opportunity_difference",
    "none",
    "fairlearn's equal opportunity difference per sensitive attribute: the between-group spread " +
    "of true positive rates (0 = parity)",
  ],
  [
    "disparate_impact",
    "none",
    "AIF360's disparate impact per sensitive attribute: the unprivileged over the privileged " +
    "selection rate (1 = parity, below 1 = the unprivileged side is selected less)",
  ],
  [
    "statistical_parity_difference",
    "none",
    "AIF360's statistical parity difference per sensitive attribute: the unprivileged minus the " +
    "privileged selection rate (0 = parity, signed)",
  ],
];

const GROUP_RATES: readonly [metric: string, parts: string[], unit: MetricUnit, help: string][] = [
  [
    "group_rows",
    ["group", "rows"],
    "none",
    'Rows of each declared group (undeclared values in group="other") in the current window',
  ],
  [
    "group_selection_rate",
    ["group", "selection", "rate"],
    "ratio",
    "Share of each group's rows the model predicts the favourable class for",
  ],
  [
    "group_true_positive_rate",
    ["group", "true", "positive", "rate"],
    "ratio",
    "Share of each group's favourable rows (true label) the model predicts favourable",
  ],
  [
    "group_false_positive_rate",
    ["group", "false", "positive", "rate"],
    "ratio",
    "Share of each group's unfavourable rows (true label) the model predicts favourable",
  ],
];

/** Where each measure's threshold puts a detection, for its HELP line. */
const THRESHOLD_SIDE: Record<string, string> = {
  demographic_parity_difference: "above it",
  demographic_parity_ratio: "below it",
  equalized_odds_difference: "above it",
  equal_opportunity_difference: "above it",
  disparate_impact: "below it or above its inverse (1/threshold)",
  statistical_parity_difference: "when the absolute value is above it",
};

function computed(s: Snapshot, measure?: string): CheckResult[] {
  return (s.fairness ?? []).filter((r) =>
    r.status === "ok" && (measure === undefined || r.method === measure)
  );
}

function perAttribute(
  measure: string,
  value: (r: CheckResult) => number,
): (s: Snapshot) => SnapshotSample[] {
  return (s) =>
    computed(s, measure).map((r) => ({ labels: { attribute: r.column! }, value: value(r) }));
}

/**
 * The fairness families (see the module doc for the choices): per group, rows and selection /
 * true positive / false positive rates; per attribute, each parity measure and its threshold;
 * and one detection family. Empty for a monitor without `fairness`.
 *
 * @example
 * ```ts
 * import { FAIRNESS_FAMILIES } from "./fairness_families.ts";
 * const names = FAIRNESS_FAMILIES.map((f) => f.name);
 * if (!names.includes("vigil_fairness_group_selection_rate_ratio")) throw new Error();
 * if (!names.includes("vigil_fairness_demographic_parity_difference")) throw new Error();
 * ```
 */
export const FAIRNESS_FAMILIES: readonly SnapshotFamily[] = Object.freeze([
  ...GROUP_RATES.map(([metric, parts, unit, help]): SnapshotFamily => ({
    name: metricName(["fairness", ...parts], unit),
    help: `${help}, per sensitive attribute. ${SOURCE}`,
    labelNames: ["attribute", "group"],
    samples: (s) =>
      s.fairness === undefined ? [] : s.metrics.filter((m) => m.name === metric).map((m) => ({
        labels: { attribute: m.labels!.attribute!, group: m.labels!.group! },
        value: m.value,
      })),
  })),
  ...MEASURES.flatMap(([measure, unit, help]): SnapshotFamily[] => {
    const parts = measure.split("_");
    const stem = unit === "ratio" ? parts.slice(0, -1) : parts;
    return [
      {
        name: metricName(["fairness", ...stem], unit),
        help: `${help}; absent when a group has too few rows. ${SOURCE}`,
        labelNames: ["attribute"],
        samples: perAttribute(measure, (r) => r.statistic),
      },
      {
        name: metricName(["fairness", ...stem, "threshold"], unit),
        help: `Threshold of ${measure}: a disparity is detected ${
          THRESHOLD_SIDE[measure]
        }. ${SOURCE}`,
        labelNames: ["attribute"],
        // Two-sided measures carry their lower edge in the result; publish the magnitude.
        samples: perAttribute(
          measure,
          (r) => measure === "statistical_parity_difference" ? Math.abs(r.threshold) : r.threshold,
        ),
      },
    ];
  }),
  {
    name: metricName(["fairness", "detected"], "none"),
    help:
      "1 when a parity measure of a sensitive attribute is past its threshold (measure label), " +
      `else 0; absent when it could not be computed (a group with too few rows). ${SOURCE}`,
    labelNames: ["attribute", "measure"],
    samples: (s) =>
      computed(s).map((r) => ({
        labels: { attribute: r.column!, measure: r.method },
        value: Number(r.detected),
      })),
  },
]);
