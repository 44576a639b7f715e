/**
 * The shared body of fairlearn's parity measures (private): rates by group, then the difference
 * or ratio between groups or to the overall value, then worst case or mean over the rates.
 *
 * @module
 */
import { disparity } from "./_disparity.ts";
import { fairnessResult, tabulate } from "./_rates.ts";
import { countMetric } from "./count_metric.ts";
import type { FairnessMeasure, FairnessResult, ParityOptions } from "./fairness_result.ts";
import type { GroupedPredictions } from "./metric_frame.ts";

const RATE_METRIC = {
  selectionRate: "selection_rate",
  truePositiveRate: "true_positive_rate",
  falsePositiveRate: "false_positive_rate",
} as const;

/** Which rates a measure compares and how it combines them. */
export interface ParitySpec {
  measure: FairnessMeasure;
  rates: (keyof typeof RATE_METRIC)[];
  kind: "difference" | "ratio";
  agg: "worst_case" | "mean";
}

/** fairlearn's measure on the data; errors are results, misuse throws. */
export function fairlearnParity(
  spec: ParitySpec,
  data: GroupedPredictions,
  options: ParityOptions,
): FairnessResult {
  const { method = "between_groups" } = options;
  if (method !== "between_groups" && method !== "to_overall") {
    throw new RangeError(`Cannot compute ${spec.measure}: unknown method "${method as string}"`);
  }
  if (spec.agg !== "worst_case" && spec.agg !== "mean") {
    throw new RangeError(`Cannot compute ${spec.measure}: unknown agg "${spec.agg as string}"`);
  }
  const t = tabulate(spec.measure, data, options.minGroupSize);
  const names = t.groups.map((g) => g.group);
  const perRate: Record<string, number> = {};
  let reason: string | undefined;
  if (t.n === 0) reason = "No rows";
  else if (t.groups.length < 2) {
    reason = `Only one group ("${names[0]}"): parity needs at least two`;
  } else {
    const failed = t.groups.find((g) => g.status === "error");
    if (failed) reason = `Group "${failed.group}": ${failed.reason}`;
  }
  const values: number[] = [];
  for (const rate of spec.rates) {
    if (reason !== undefined) break;
    const byGroup = t.groups.map((g) => g[rate]);
    const missing = byGroup.findIndex((v) => Number.isNaN(v));
    if (missing >= 0) {
      const why = countMetric(RATE_METRIC[rate], 0, 0, 0, 0).reason;
      reason = `Group "${names[missing]}": ${RATE_METRIC[rate]} is ${why}`;
      break;
    }
    const [tn, fp, fn, tp] = t.total;
    const overall = countMetric(RATE_METRIC[rate], tn, fp, fn, tp).value;
    const d = disparity(names, byGroup, overall);
    const v = spec.kind === "difference"
      ? (method === "between_groups" ? d.difference : d.differenceToOverall)
      : (method === "between_groups" ? d.ratio : d.ratioToOverall);
    if (Number.isNaN(v)) {
      reason = `Every group's ${RATE_METRIC[rate]} is 0: the ratio is undefined (0/0)`;
      break;
    }
    perRate[RATE_METRIC[rate]] = v;
    values.push(v);
  }
  let value = NaN;
  if (reason === undefined) {
    value = spec.agg === "mean"
      ? values.reduce((a, b) => a + b, 0) / values.length
      : spec.kind === "difference"
      ? Math.max(...values)
      : Math.min(...values);
  }
  const details: Record<string, unknown> = {
    method,
    minGroupSize: t.minGroupSize,
    rates: spec.rates.map((r) => RATE_METRIC[r]),
    perRate,
  };
  if (spec.rates.length > 1) details.agg = spec.agg;
  return fairnessResult(spec.measure, "fairlearn", value, reason, {
    n: t.n,
    attributes: t.coding.attributes,
    groups: t.groups,
    details,
  });
}
