/**
 * The by-group frame: one metric per group, overall, and their spread, with bootstrap intervals.
 *
 * @module
 */
import type { MetricResult } from "../metrics/metric_result.ts";
import type { ResultStatus } from "../types.ts";
import { cellIndex, checkBinary } from "./_counts.ts";
import {
  bootstrapIntervals,
  buildFrame,
  countValues,
  functionValues,
  type Values,
  valuesFromCells,
} from "./_frame_values.ts";
import { COUNT_METRICS, type CountMetric } from "./count_metric.ts";
import { groupCoding, type SensitiveFeatures } from "./group_coding.ts";

/** Labels, predictions and sensitive attributes of the same rows. */
export interface GroupedPredictions {
  /** True labels (0/1 for count metrics and parity measures). */
  yTrue: ArrayLike<number>;
  /** Predictions (0/1 for count metrics; whatever the metric function takes otherwise). */
  yPred: ArrayLike<number>;
  /** Sensitive attributes, one value per row; several mean intersections. */
  sensitive: SensitiveFeatures;
}

/** Any metric of `lib/metrics`, bound to its options, e.g. `(t, p) => accuracy(t, p)`. */
export type MetricFunction = (yTrue: ArrayLike<number>, yPred: ArrayLike<number>) => MetricResult;

/**
 * Smallest group that gets a value: below it a group is an `"error"` ("too few rows"), not a
 * number that looks as solid as the others. 30 is the usual rule of thumb for a rate's normal
 * approximation; at 30 rows a rate near 0.5 still has a standard error of 0.09, so read small
 * groups with their bootstrap intervals. Every function takes `minGroupSize` to change it.
 */
export const DEFAULT_MIN_GROUP_SIZE: number = 30;

/** Options of the percentile bootstrap. */
export interface BootstrapOptions {
  /** Number of resamples of all rows, with replacement. @default 1000 */
  resamples?: number;
  /** Coverage of the interval. @default 0.95 */
  level?: number;
  /** Seed of the resampling. @default 42 */
  seed?: number;
}

/** Options shared by {@linkcode metricFrame} and {@linkcode metricFrames}. */
export interface FrameOptions {
  /** Groups with fewer rows are `"error"` results, left out of min/max/difference/ratio. @default 30 */
  minGroupSize?: number;
  /** Bootstrap intervals; `null` for none. @default null */
  bootstrap?: BootstrapOptions | null;
}

/** Options of {@linkcode metricFrame}. */
export interface MetricFrameOptions extends FrameOptions {
  /** A count metric (one pass over the rows) or a metric function. @default "selection_rate" */
  metric?: CountMetric | MetricFunction;
}

/** Options of {@linkcode metricFrames}. */
export interface MetricFramesOptions extends FrameOptions {
  /** The metrics; count metrics share one pass over the rows. */
  metrics: readonly (CountMetric | MetricFunction)[];
}

/** The metric on one group (or on all rows, for `overall`). */
export interface GroupValue {
  /** Group name (`"(overall)"` for all rows). */
  group: string;
  /** The group's value of each attribute (empty for overall). */
  values: Record<string, string>;
  /** Rows in the group. */
  n: number;
  /** `"ok"` when the group has a value. */
  status: ResultStatus;
  /** Why there is no value (too few rows, metric undefined); only when `status` is `"error"`. */
  reason?: string;
  /** The metric; NaN when `status` is `"error"`. */
  value: number;
  /** Percentile bootstrap interval; `null` without bootstrap. */
  ci: [number, number] | null;
}

/** Bootstrap settings and the intervals of the aggregates. */
export interface FrameBootstrap {
  /** Percentile intervals (no bias correction). */
  method: "percentile";
  /** Number of resamples. */
  resamples: number;
  /** Coverage, e.g. 0.95. */
  level: number;
  /** Seed of the resampling. */
  seed: number;
  /** Interval of `difference`. */
  difference: [number, number];
  /** Interval of `ratio`. */
  ratio: [number, number];
  /** Interval of `differenceToOverall`. */
  differenceToOverall: [number, number];
  /** Interval of `ratioToOverall`. */
  ratioToOverall: [number, number];
}

/** One metric by group: always this shape, whatever the metric or the number of attributes. */
export interface MetricFrame {
  /** Always `"metric_frame"`. */
  kind: "metric_frame";
  /** The metric's name (`"selection_rate"`, or the `name` its function returns). */
  metric: string;
  /** The sensitive attributes (several = intersections). */
  attributes: string[];
  /** `"error"` when there are no rows, the overall value is undefined or no group has a value. */
  status: ResultStatus;
  /** Why; only when `status` is `"error"`. */
  reason?: string;
  /** Rows in all. */
  n: number;
  /** The metric on all rows (with its interval under bootstrap). */
  overall: GroupValue;
  /** One entry per group that occurs, in group order (see `groupCoding`). */
  byGroup: GroupValue[];
  /** Smallest and largest group value (NaN when none), and the groups that have them. */
  groupMin: number;
  /** Largest group value. */
  groupMax: number;
  /** Group with the smallest value. */
  argMin: string | null;
  /** Group with the largest value. */
  argMax: string | null;
  /** fairlearn `difference(method="between_groups")`: max − min. */
  difference: number;
  /** fairlearn `ratio(method="between_groups")`: min / max. */
  ratio: number;
  /** fairlearn `difference(method="to_overall")`: max |group − overall|. */
  differenceToOverall: number;
  /** fairlearn `ratio(method="to_overall")`: min of group/overall, each taken ≤ 1. */
  ratioToOverall: number;
  /** Groups left out of the aggregates (their `status` says why). */
  excluded: string[];
  /** The minimum group size in force. */
  minGroupSize: number;
  /** Bootstrap settings and aggregate intervals; `null` without bootstrap. */
  bootstrap: FrameBootstrap | null;
}

/**
 * A metric for every group of the sensitive attributes (their intersections when several), the
 * overall value, and their spread — fairlearn's `MetricFrame` (`by_group`, `overall`,
 * `group_min`, `group_max`, `difference`, `ratio`, bootstrap `ci_quantiles`) with ONE result
 * shape: fairlearn's return types change with the number of metrics and control features
 * (scalar, Series or DataFrame); here every field is always present.
 *
 * - Count metrics ({@linkcode CountMetric}) are computed in one pass over the rows into a
 *   per-group confusion table (O(n + k)); a metric function is called once per group on the
 *   group's rows (O(n) gathering plus the metric's cost).
 * - Groups with fewer than `minGroupSize` rows, or where the metric is undefined (a TPR with no
 *   positives), are `"error"` values with a reason and are left out of min, max, difference and
 *   ratio (listed in `excluded`). One group gives difference 0 and ratio 1 (as fairlearn).
 * - Bootstrap (percentile): `resamples` resamples of ALL rows with replacement (not stratified,
 *   as fairlearn's `n_boot`, so a small group's size varies too), the frame recomputed on each;
 *   each interval is the `(1 ± level)/2` quantiles (numpy's linear rule) of its finite
 *   resampled values. Cost O(resamples · n) for count metrics.
 *
 * @param data Labels, predictions and sensitive attributes.
 * @param options Metric, minimum group size, bootstrap.
 * @returns The frame.
 * @throws {TypeError} When lengths differ or no attribute is given.
 * @throws {RangeError} When a count metric meets a label other than 0/1, or an option is out of
 * range.
 * @example
 * ```ts
 * import { metricFrame } from "./metric_frame.ts";
 * const f = metricFrame(
 *   { yTrue: [1, 0, 1, 0], yPred: [1, 1, 1, 0], sensitive: { g: ["a", "a", "b", "b"] } },
 *   { metric: "selection_rate", minGroupSize: 1 },
 * );
 * if (f.overall.value !== 0.75 || f.difference !== 0.5 || f.ratio !== 0.5) throw new Error();
 * ```
 */
export function metricFrame(
  data: GroupedPredictions,
  options: MetricFrameOptions = {},
): MetricFrame {
  const { metric = "selection_rate", ...rest } = options;
  return metricFrames(data, { ...rest, metrics: [metric] })[0]!;
}

/**
 * Several {@linkcode metricFrame}s over the same rows and groups, one per metric, in order. All
 * count metrics come from ONE pass over the rows (one confusion table per group), and the
 * bootstrap draws each resample once for all metrics: selection rate, TPR and FPR by group cost
 * one pass, not three. Cost O(n + k·m), plus O(resamples · n) with bootstrap.
 *
 * @param data Labels, predictions and sensitive attributes.
 * @param options Metrics, minimum group size, bootstrap.
 * @returns One frame per metric.
 * @throws {TypeError} When lengths differ or no attribute is given.
 * @throws {RangeError} When a count metric meets a label other than 0/1, or an option is out of
 * range.
 * @example
 * ```ts
 * import { metricFrames } from "./metric_frame.ts";
 * const [sr, tpr] = metricFrames(
 *   { yTrue: [1, 0, 1, 0], yPred: [1, 1, 1, 0], sensitive: { g: ["a", "a", "b", "b"] } },
 *   { metrics: ["selection_rate", "true_positive_rate"], minGroupSize: 1 },
 * );
 * if (sr!.difference !== 0.5 || tpr!.difference !== 0) throw new Error();
 * ```
 */
export function metricFrames(
  data: GroupedPredictions,
  options: MetricFramesOptions,
): MetricFrame[] {
  const { metrics, minGroupSize = DEFAULT_MIN_GROUP_SIZE } = options;
  const { yTrue, yPred } = data;
  const n = yTrue.length;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new RangeError(
      `Cannot build metric frame: minGroupSize must be an integer ≥ 1, got ${minGroupSize}`,
    );
  }
  const counts: CountMetric[] = [];
  const functions: MetricFunction[] = [];
  for (const metric of metrics) {
    if (typeof metric === "function") functions.push(metric);
    else if (COUNT_METRICS.includes(metric)) counts.push(metric);
    else throw new RangeError(`Cannot build metric frame: unknown metric "${metric}"`);
  }
  if (counts.length > 0) checkBinary(counts[0]!, yTrue, yPred);
  else if (yPred.length !== n) {
    throw new TypeError(
      `Cannot build metric frame: yTrue has ${n} values and yPred ${yPred.length}`,
    );
  }
  const coding = groupCoding(data.sensitive, n);
  const k = coding.names.length;
  // Results in the order of `metrics`: count metrics first in the evaluation, then functions.
  const order = metrics.map((m) =>
    typeof m === "function" ? counts.length + functions.indexOf(m) : counts.indexOf(m)
  );
  const source = { yTrue, yPred, codes: coding.codes, k, minGroupSize };
  const evaluate = (rows?: Uint32Array): Values[] => [
    ...(counts.length > 0 ? countValues(counts, source, rows) : []),
    ...functions.map((f) => functionValues(f, source, rows)),
  ];
  const points = evaluate();
  const frames = points.map((point) => buildFrame(point, coding, n, minGroupSize));
  if (options.bootstrap) {
    const { resamples = 1000, level = 0.95, seed = 42 } = options.bootstrap;
    if (!Number.isInteger(resamples) || resamples < 1) {
      throw new RangeError(`Cannot bootstrap: resamples must be an integer ≥ 1, got ${resamples}`);
    }
    if (!(level > 0 && level < 1)) {
      throw new RangeError(`Cannot bootstrap: level must be in (0, 1), got ${level}`);
    }
    const intervals = bootstrapIntervals(
      { resamples, level, seed },
      n,
      coding.names,
      _resampler(counts, functions.length > 0, source, evaluate),
      points.length,
    );
    frames.forEach((f, m) => {
      const iv = intervals[m]!;
      f.byGroup.forEach((g, j) => g.ci = iv.groups[j]!);
      f.overall.ci = iv.overall;
      const [difference, ratio, differenceToOverall, ratioToOverall] = iv.aggregates as [
        [number, number],
        [number, number],
        [number, number],
        [number, number],
      ];
      f.bootstrap = {
        method: "percentile",
        resamples,
        level,
        seed,
        difference,
        ratio,
        differenceToOverall,
        ratioToOverall,
      };
    });
  }
  return order.map((j) => frames[j]!);
}

/**
 * Draws one resample of all rows and evaluates it. With count metrics only, each drawn row is one
 * look-up into its precomputed cell (no row list, no label reads): the same draws, the same
 * counts, several times faster.
 */
function _resampler(
  counts: CountMetric[],
  hasFunctions: boolean,
  source: {
    yTrue: ArrayLike<number>;
    yPred: ArrayLike<number>;
    codes: Int32Array;
    k: number;
    minGroupSize: number;
  },
  evaluate: (rows: Uint32Array) => Values[],
): (random: () => number) => Values[] {
  const n = source.codes.length, k = source.k;
  if (!hasFunctions) {
    const cellOf = cellIndex(source.yTrue, source.yPred, source.codes);
    return (random) => {
      const cells = new Float64Array(4 * k);
      for (let i = 0; i < n; i++) cells[cellOf[(random() * n) | 0]!]!++;
      return valuesFromCells(counts, cells, k, source.minGroupSize);
    };
  }
  const rows = new Uint32Array(n);
  return (random) => {
    for (let i = 0; i < n; i++) rows[i] = (random() * n) | 0;
    return evaluate(rows);
  };
}
