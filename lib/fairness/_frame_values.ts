/**
 * Evaluations behind the by-group frame (private): per-group values of count metrics from one
 * confusion table, of metric functions from gathered rows, and the bootstrap loop.
 *
 * @module
 */
import type { MetricResult } from "../metrics/metric_result.ts";
import { seededRandom } from "../stats/random.ts";
import { percentileInterval } from "./_bootstrap.ts";
import { countByGroup } from "./_counts.ts";
import { disparity } from "./_disparity.ts";
import { type CountMetric, countMetric } from "./count_metric.ts";
import type { GroupCoding } from "./group_coding.ts";
import type { GroupValue, MetricFrame } from "./metric_frame.ts";

/** Per-group values of one evaluation (the point estimate or one resample). */
export interface Values {
  name: string;
  overall: { value: number; reason?: string };
  values: Float64Array;
  sizes: Float64Array;
  reasons: (string | undefined)[];
}

function _tooFew(size: number, minGroupSize: number): string {
  return `Too few rows: ${size} < minGroupSize ${minGroupSize}`;
}

/** The rows a frame evaluates: labels, predictions, group codes (k groups), the minimum size. */
export interface FrameSource {
  yTrue: ArrayLike<number>;
  yPred: ArrayLike<number>;
  codes: Int32Array;
  k: number;
  minGroupSize: number;
}

/** Values of several count metrics from ONE pass over the rows (or the resample `rows`). */
export function countValues(
  metrics: readonly CountMetric[],
  source: FrameSource,
  rows?: Uint32Array,
): Values[] {
  const { yTrue, yPred, codes, k, minGroupSize } = source;
  return valuesFromCells(metrics, countByGroup(yTrue, yPred, codes, k, rows), k, minGroupSize);
}

/** Values of several count metrics from per-group cells (`4g + 2t + p`). O(k · m). */
export function valuesFromCells(
  metrics: readonly CountMetric[],
  cells: Float64Array,
  k: number,
  minGroupSize: number,
): Values[] {
  const sizes = new Float64Array(k);
  const total = [0, 0, 0, 0];
  for (let g = 0; g < k; g++) {
    for (let c = 0; c < 4; c++) {
      sizes[g]! += cells[4 * g + c]!;
      total[c]! += cells[4 * g + c]!;
    }
  }
  return metrics.map((metric) => {
    const values = new Float64Array(k);
    const reasons: (string | undefined)[] = new Array(k);
    for (let g = 0; g < k; g++) {
      const v = sizes[g]! < minGroupSize
        ? { value: NaN, reason: _tooFew(sizes[g]!, minGroupSize) }
        : countMetric(
          metric,
          cells[4 * g]!,
          cells[4 * g + 1]!,
          cells[4 * g + 2]!,
          cells[4 * g + 3]!,
        );
      values[g] = v.value;
      reasons[g] = v.reason;
    }
    const overall = countMetric(metric, total[0]!, total[1]!, total[2]!, total[3]!);
    return { name: metric, overall, values, sizes, reasons };
  });
}

/** Values of one metric function, called on each group's gathered rows. */
export function functionValues(
  metric: (yTrue: ArrayLike<number>, yPred: ArrayLike<number>) => MetricResult,
  source: FrameSource,
  rows?: Uint32Array,
): Values {
  const { yTrue, yPred, codes, k, minGroupSize } = source;
  const m = rows ? rows.length : codes.length;
  const sizes = new Float64Array(k);
  for (let r = 0; r < m; r++) sizes[codes[rows ? rows[r]! : r]!]!++;
  const t = Array.from({ length: k }, (_, g) => new Float64Array(sizes[g]!));
  const p = Array.from({ length: k }, (_, g) => new Float64Array(sizes[g]!));
  const fill = new Int32Array(k);
  const allT = new Float64Array(m), allP = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r]! : r;
    const g = codes[i]!, j = fill[g]!++;
    t[g]![j] = allT[r] = yTrue[i]!;
    p[g]![j] = allP[r] = yPred[i]!;
  }
  const values = new Float64Array(k);
  const reasons: (string | undefined)[] = new Array(k);
  for (let g = 0; g < k; g++) {
    if (sizes[g]! < minGroupSize) {
      values[g] = NaN;
      reasons[g] = _tooFew(sizes[g]!, minGroupSize);
      continue;
    }
    const r = metric(t[g]!, p[g]!);
    values[g] = r.status === "ok" ? r.value : NaN;
    reasons[g] = r.status === "ok" ? undefined : `Undefined: ${r.reason ?? "metric error"}`;
  }
  const all = metric(allT, allP);
  const overall = all.status === "ok"
    ? { value: all.value }
    : { value: NaN, reason: `Undefined: ${all.reason ?? "metric error"}` };
  return { name: all.name, overall, values, sizes, reasons };
}

/** Bootstrap settings after defaults. */
export interface BootstrapSettings {
  resamples: number;
  level: number;
  seed: number;
}

/**
 * Percentile intervals of each metric's groups, overall and aggregates over the resamples;
 * `resample` draws n rows with replacement (n calls of `random`, in order) and evaluates them.
 */
export function bootstrapIntervals(
  settings: BootstrapSettings,
  n: number,
  names: string[],
  resample: (random: () => number) => Values[],
  nMetrics: number,
): { groups: [number, number][]; overall: [number, number]; aggregates: [number, number][] }[] {
  const { resamples, level, seed } = settings;
  const k = names.length;
  // Per metric and resample: k group values, the overall value, then 4 aggregates.
  const stride = k + 5;
  const samples = Array.from(
    { length: nMetrics },
    () => new Float64Array(resamples * stride).fill(NaN),
  );
  if (n > 0) {
    const random = seededRandom(seed);
    for (let b = 0; b < resamples; b++) {
      resample(random).forEach((v, m) => {
        const s = samples[m]!, base = b * stride;
        s.set(v.values, base);
        s[base + k] = v.overall.value;
        const d = disparity(names, v.values, v.overall.value);
        s[base + k + 1] = d.difference;
        s[base + k + 2] = d.ratio;
        s[base + k + 3] = d.differenceToOverall;
        s[base + k + 4] = d.ratioToOverall;
      });
    }
  }
  return samples.map((s) => {
    const ci = (offset: number) => percentileInterval(s, resamples, offset, stride, level);
    return {
      groups: names.map((_, g) => ci(g)),
      overall: ci(k),
      aggregates: [1, 2, 3, 4].map((j) => ci(k + j)),
    };
  });
}

/** A frame from one evaluation of the rows (no bootstrap yet). */
export function buildFrame(
  point: Values,
  coding: Pick<GroupCoding, "attributes" | "names" | "values">,
  n: number,
  minGroupSize: number,
): MetricFrame {
  const overall: GroupValue = {
    group: "(overall)",
    values: {},
    n,
    ...(point.overall.reason === undefined
      ? { status: "ok" as const }
      : { status: "error" as const, reason: point.overall.reason }),
    value: point.overall.value,
    ci: null,
  };
  const byGroup: GroupValue[] = coding.names.map((group, g) => ({
    group,
    values: coding.values[g]!,
    n: point.sizes[g]!,
    ...(point.reasons[g] === undefined
      ? { status: "ok" as const }
      : { status: "error" as const, reason: point.reasons[g]! }),
    value: point.values[g]!,
    ci: null,
  }));
  const spread = disparity(coding.names, point.values, point.overall.value);
  const reason = n === 0
    ? "No rows"
    : overall.status === "error"
    ? `The overall value is undefined: ${overall.reason}`
    : spread.argMin === null
    ? `No group has a value (minGroupSize ${minGroupSize})`
    : undefined;
  return {
    kind: "metric_frame",
    metric: point.name,
    attributes: coding.attributes,
    ...(reason === undefined ? { status: "ok" as const } : { status: "error" as const, reason }),
    n,
    overall,
    byGroup,
    ...spread,
    excluded: byGroup.filter((v) => v.status === "error").map((v) => v.group),
    minGroupSize,
    bootstrap: null,
  };
}
