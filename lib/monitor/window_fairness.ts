/**
 * Fairness of a monitor's window: rates per declared group and parity measures per sensitive
 * attribute, with their thresholds.
 *
 * @module
 */
import { categoricalColumn, type Table } from "../data/table.ts";
import type { CheckResult } from "../types.ts";
import type { FairnessResult } from "../fairness/fairness_result.ts";
import { metricFrames } from "../fairness/metric_frame.ts";
import {
  demographicParityDifference,
  demographicParityRatio,
} from "../fairness/demographic_parity.ts";
import { equalizedOddsDifference } from "../fairness/equalized_odds.ts";
import { equalOpportunityDifference } from "../fairness/equal_opportunity.ts";
import { disparateImpact, statisticalParityDifference } from "../fairness/aif360_measures.ts";
import {
  AIF360_MONITOR_MEASURES,
  DEFAULT_FAIRNESS_THRESHOLDS,
  type MonitorFairnessMeasure,
  type MonitorFairnessOptions,
  OTHER_GROUP,
  validateFairnessOptions,
} from "./fairness_checks.ts";
import type { MetricValue } from "./types.ts";
import type { WindowCheckOutput } from "./window_checks.ts";
import { requireTable } from "./_require_table.ts";

/** Favourable-outcome labels and predictions (1 = the favourable class) of the same rows. */
export interface FavourablePredictions {
  /** 1 where the true class is the favourable one. */
  yTrue: ArrayLike<number>;
  /** 1 where the model's top class is the favourable one. */
  yPred: ArrayLike<number>;
}

type Compute = (
  data: Parameters<typeof demographicParityDifference>[0],
  options: { minGroupSize: number; privileged: string },
) => FairnessResult;

const COMPUTE: Record<MonitorFairnessMeasure, Compute> = {
  demographic_parity_difference: demographicParityDifference,
  demographic_parity_ratio: demographicParityRatio,
  equalized_odds_difference: equalizedOddsDifference,
  equal_opportunity_difference: equalOpportunityDifference,
  disparate_impact: disparateImpact,
  statistical_parity_difference: statisticalParityDifference,
};

const RATES = [
  ["group_selection_rate", "selection_rate"],
  ["group_true_positive_rate", "true_positive_rate"],
  ["group_false_positive_rate", "false_positive_rate"],
] as const;

/**
 * Reads a window's labels and the model's probabilities as favourable outcomes: `yTrue[i]` is 1
 * when row i's class is `favourable`, `yPred[i]` when its highest probability is (the first
 * class wins ties, as argmax). O(n·k).
 *
 * @param y True class indices.
 * @param proba Row-major n×k probabilities.
 * @param options The number of classes `k` and the favourable class's index.
 * @returns The 0/1 labels and predictions.
 * @example
 * ```ts
 * import { favourablePredictions } from "./window_fairness.ts";
 * const p = favourablePredictions([1, 0], Float64Array.of(0.3, 0.7, 0.6, 0.4), { k: 2, favourable: 1 });
 * if (Array.from(p.yTrue).join() !== "1,0" || Array.from(p.yPred).join() !== "1,0") throw new Error();
 * ```
 */
export function favourablePredictions(
  y: ArrayLike<number>,
  proba: ArrayLike<number>,
  options: { k: number; favourable: number },
): FavourablePredictions {
  const { k, favourable } = options;
  const n = y.length;
  const yTrue = new Uint8Array(n), yPred = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
    yTrue[i] = +(y[i] === favourable);
    yPred[i] = +(best === favourable);
  }
  return { yTrue, yPred };
}

/**
 * The fairness of a window, per sensitive attribute read from `table` (values outside the
 * declared groups folded into `"other"`): one `kind: "fairness"` result per measure (`method` =
 * the measure, `statistic` = its value, `column` = the attribute; `nReference` / `nCurrent` =
 * rows of the largest and smallest group, or of the privileged and unprivileged sides for
 * AIF360's measures; the groups' counts and rates in `details.groups`), detected past its
 * threshold (`operator` `>` above, `<` below; for a two-sided measure `<` its lower edge, with
 * `details.range`). Values checks can target: each measure `{attribute}` and
 * `group_rows`, `group_selection_rate`, `group_true_positive_rate`, `group_false_positive_rate`
 * `{attribute, group}` (a declared group absent from the window has 0 rows and no rates; a group
 * under `minGroupSize` rows has NaN rates with a reason and makes the measures errors). The
 * measures are `lib/fairness`'s (fairlearn's and AIF360's conventions). Cost O(n) per attribute
 * and measure.
 *
 * @param table The window as a table, with the attributes' columns (categorical).
 * @param predictions Favourable-outcome labels and predictions (see
 *   {@linkcode favourablePredictions}).
 * @param options The attributes, measures, thresholds and minimum group size.
 * @returns The results (for `Snapshot.fairness`) and values.
 * @throws {TypeError} When the table is absent, a column is missing or numeric, or lengths differ.
 * @example
 * ```ts
 * import { windowFairness } from "./window_fairness.ts";
 * import { tableFromColumns } from "../data/table.ts";
 * const g = ["a", "a", "b", "b", "c", "c"];
 * const { results, metrics } = windowFairness(
 *   tableFromColumns({ g }),
 *   { yTrue: [1, 0, 1, 0, 1, 0], yPred: [1, 1, 1, 0, 0, 0] },
 *   { attributes: { g: { groups: ["a", "b"] } }, minGroupSize: 1, measures: ["demographic_parity_difference"] },
 * );
 * // "c" folds into "other", whose selection rate 0 sets the difference 1 − 0
 * if (results[0]!.statistic !== 1 || !results[0]!.detected) throw new Error();
 * if (metrics.find((m) => m.labels?.group === "other")?.value !== 2) throw new Error();
 * ```
 */
export function windowFairness(
  table: Table | undefined,
  predictions: FavourablePredictions,
  options: MonitorFairnessOptions,
): WindowCheckOutput {
  const { favourable: _, ...rest } = options;
  const labels = validateFairnessOptions(rest, ["0", "1"]);
  const window = requireTable(table, "fairness");
  const minGroupSize = options.minGroupSize ?? 30;
  const n = predictions.yTrue.length;
  const results: CheckResult[] = [];
  const metrics: MetricValue[] = [];
  for (const attribute of labels.attributes) {
    const spec = options.attributes[attribute]!;
    const declared = labels.groups[attribute]!;
    const column = categoricalColumn(window, spec.column ?? attribute);
    if (column.length !== n) {
      throw new TypeError(
        `Cannot check fairness: column "${spec.column ?? attribute}" has ${column.length} rows, ` +
          `the predictions ${n}`,
      );
    }
    const folded = column.map((v) => v !== null && declared.includes(v) ? v : OTHER_GROUP);
    const data = { ...predictions, sensitive: { [attribute]: folded } };
    const frames = metricFrames(data, { metrics: RATES.map(([, m]) => m), minGroupSize });
    for (const group of declared) {
      const at = frames[0]!.byGroup.findIndex((g) => g.group === group);
      const labelsOf = { attribute, group };
      metrics.push({
        name: "group_rows",
        value: at < 0 ? 0 : frames[0]!.byGroup[at]!.n,
        labels: labelsOf,
      });
      if (at < 0) continue;
      RATES.forEach(([name], m) => {
        const g = frames[m]!.byGroup[at]!;
        metrics.push({
          name,
          value: g.value,
          labels: { ...labelsOf },
          ...(g.reason ? { reason: g.reason } : {}),
        });
      });
    }
    for (const measure of options.measures ?? Object.keys(COMPUTE) as MonitorFairnessMeasure[]) {
      const aif = AIF360_MONITOR_MEASURES.includes(measure);
      if (aif && spec.privileged === undefined) continue;
      const result = aif && !folded.includes(spec.privileged!)
        ? undefined
        : COMPUTE[measure](data, { minGroupSize, privileged: spec.privileged ?? "" });
      const check = _checkResult(measure, attribute, result, options.thresholds?.[measure]);
      results.push(check);
      metrics.push({
        name: measure,
        value: check.statistic,
        labels: { attribute },
        ...(check.reason ? { reason: check.reason } : {}),
      });
    }
  }
  return { results, metrics };
}

function _checkResult(
  measure: MonitorFairnessMeasure,
  attribute: string,
  r: FairnessResult | undefined,
  threshold = DEFAULT_FAIRNESS_THRESHOLDS[measure].threshold,
): CheckResult {
  const fails = DEFAULT_FAIRNESS_THRESHOLDS[measure].fails;
  const range = measure === "disparate_impact"
    ? [threshold, 1 / threshold]
    : [-threshold, threshold];
  const value = r?.value ?? NaN;
  const ok = r !== undefined && r.status === "ok";
  const detected = ok &&
    (fails === "above"
      ? value > threshold
      : fails === "below"
      ? value < threshold
      : value < range[0]! || value > range[1]!);
  const sizes = (r?.groups ?? []).map((g) => g.n);
  const aif = r?.convention === "aif360";
  return {
    kind: "fairness",
    method: measure,
    status: ok ? "ok" : "error",
    ...(ok ? {} : { reason: r?.reason ?? "The privileged group has no rows in the window" }),
    statistic: value,
    threshold: fails === "outside" ? range[0]! : threshold,
    operator: fails === "above" ? ">" : "<",
    detected,
    nReference: aif ? sizes[1] ?? 0 : Math.max(0, ...sizes),
    nCurrent: aif ? sizes[0] ?? 0 : sizes.length > 0 ? Math.min(...sizes) : 0,
    column: attribute,
    details: {
      convention: r?.convention ?? "aif360",
      parity: r?.parity ?? (measure === "disparate_impact" ? 1 : 0),
      fails,
      ...(fails === "outside" ? { range } : {}),
      groups: r?.groups ?? [],
      ...(r?.details ?? {}),
    },
  };
}
