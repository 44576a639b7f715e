/**
 * Count metrics by group for several sensitive attributes at once, from one pass over the rows.
 *
 * @module
 */
import { checkBinary, countByGroup } from "./_counts.ts";
import { buildFrame, valuesFromCells } from "./_frame_values.ts";
import { COUNT_METRICS, type CountMetric } from "./count_metric.ts";
import { groupCoding } from "./group_coding.ts";
import {
  DEFAULT_MIN_GROUP_SIZE,
  type GroupedPredictions,
  type MetricFrame,
  metricFrames,
  type MetricFramesOptions,
} from "./metric_frame.ts";

/**
 * For EACH sensitive attribute on its own (not their intersections), the frames
 * {@linkcode metricFrames} would return for it — keyed by attribute. With count metrics and no
 * bootstrap, the rows are read once: one confusion table over the intersections, then summed
 * into each attribute's groups (an intersection's counts add up to its groups' counts exactly,
 * so the frames are identical). With metric functions or a bootstrap it calls
 * {@linkcode metricFrames} per attribute. Cost O(n + K) for K intersections, plus O(K·m).
 *
 * @param data Labels, predictions and several sensitive attributes.
 * @param options Metrics, minimum group size, bootstrap.
 * @returns For each attribute, one frame per metric, in order.
 * @throws {TypeError} When lengths differ or no attribute is given.
 * @throws {RangeError} When a count metric meets a label other than 0/1, or an option is out of
 * range.
 * @example
 * ```ts
 * import { metricFramesByAttribute } from "./metric_frames_by_attribute.ts";
 * const by = metricFramesByAttribute(
 *   {
 *     yTrue: [1, 0, 1, 0],
 *     yPred: [1, 1, 1, 0],
 *     sensitive: { race: ["x", "x", "y", "y"], sex: ["F", "M", "F", "M"] },
 *   },
 *   { metrics: ["selection_rate"], minGroupSize: 1 },
 * );
 * if (by.race![0]!.difference !== 0.5 || by.sex![0]!.difference !== 0.5) throw new Error();
 * ```
 */
export function metricFramesByAttribute(
  data: GroupedPredictions,
  options: MetricFramesOptions,
): Record<string, MetricFrame[]> {
  const attributes = Object.keys(data.sensitive);
  const counts = options.metrics.filter((m): m is CountMetric => typeof m === "string");
  const { minGroupSize = DEFAULT_MIN_GROUP_SIZE } = options;
  if (
    options.bootstrap || counts.length < options.metrics.length || attributes.length === 0 ||
    !Number.isInteger(minGroupSize) || minGroupSize < 1
  ) {
    return Object.fromEntries(
      attributes.map((
        a,
      ) => [a, metricFrames({ ...data, sensitive: { [a]: data.sensitive[a]! } }, options)]),
    );
  }
  const unknown = counts.find((m) => !COUNT_METRICS.includes(m));
  if (unknown !== undefined) {
    throw new RangeError(`Cannot build metric frame: unknown metric "${unknown}"`);
  }
  const n = data.yTrue.length;
  checkBinary(counts[0] ?? "metric frame", data.yTrue, data.yPred);
  const coding = groupCoding(data.sensitive, n);
  const cells = countByGroup(data.yTrue, data.yPred, coding.codes, coding.names.length);
  return Object.fromEntries(attributes.map((a) => {
    const levels = coding.levels[a]!;
    const marginal = new Float64Array(4 * levels.length);
    coding.values.forEach((values, g) => {
      const l = levels.indexOf(values[a]!);
      for (let c = 0; c < 4; c++) marginal[4 * l + c]! += cells[4 * g + c]!;
    });
    const single = {
      attributes: [a],
      names: levels,
      values: levels.map((level) => ({ [a]: level })),
    };
    const points = valuesFromCells(counts, marginal, levels.length, minGroupSize);
    return [a, points.map((p) => buildFrame(p, single, n, minGroupSize))];
  }));
}
