/**
 * A metric over time with its threshold band and detection points.
 *
 * @module
 */
import { finishSpec } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One observation of the metric. */
export interface MetricPoint {
  /** When: a `Date`, an ISO-8601 string (time axis) or a number such as a window index. */
  time: Date | string | number;
  /** The metric's value; non-finite values leave a gap. */
  value: number;
  /** Lower edge of the acceptable band at this time (e.g. a control limit). @default no band */
  lower?: number;
  /** Upper edge of the acceptable band at this time. @default no band */
  upper?: number;
  /** Whether a check or detector fired at this point; drawn as a red dot. @default false */
  detected?: boolean;
  /** Whether a detector was in its warning zone here; drawn as an orange ring. @default false */
  warning?: boolean;
}

/** A moment marked across the whole chart, e.g. when the model was retrained. */
export interface TimelineEvent {
  /** When, on the same axis as the points. */
  time: Date | string | number;
  /** What happened, shown beside the rule (e.g. `"retrained"`). */
  label: string;
}

/** Options of {@linkcode metricTimelineChart}. */
export interface MetricTimelineChartOptions extends ChartOptions {
  /** Name of the metric, for the y axis and the title. @default "value" */
  metric?: string;
  /**
   * Fixed threshold(s) drawn as dashed rules: one number, or lower and/or upper limits.
   * @default none
   */
  threshold?: number | { lower?: number; upper?: number };
  /** Title of the time axis. @default "Time" for dates, "Window" for numbers */
  timeTitle?: string;
  /** Moments drawn as vertical green rules with their label (retraining). @default none */
  events?: readonly TimelineEvent[];
}

function timeValue(t: Date | string | number): string | number {
  if (t instanceof Date) return t.toISOString();
  return t;
}

/**
 * Builds a line chart of a metric over time: the line with its points, a grey band between the
 * per-point `lower` and `upper` limits (where both are given), dashed rules at fixed thresholds,
 * orange rings where `warning` is true, red dots where `detected` is true, and a vertical green
 * rule with its label at each of `events` (e.g. the moment of retraining). The x axis is temporal when times are dates or strings,
 * quantitative when they are numbers (window indices). Points keep their input order.
 * Cost O(points).
 *
 * @param points The metric's observations.
 * @param options Metric name, thresholds, title and size.
 * @returns A Vega-Lite layered spec with explicit width and height.
 * @throws {TypeError} If times mix numbers with dates or strings.
 *
 * @example
 * ```ts
 * import { metricTimelineChart } from "./metric_timeline_chart.ts";
 * const spec = metricTimelineChart(
 *   [{ time: 1, value: 0.9 }, { time: 2, value: 0.7, detected: true }],
 *   { metric: "accuracy", threshold: { lower: 0.8 } },
 * ) as { layer: unknown[] };
 * if (spec.layer.length !== 3) throw new Error("line with points, threshold rule, detections");
 * ```
 */
export function metricTimelineChart(
  points: readonly MetricPoint[],
  options: MetricTimelineChartOptions = {},
): VegaLiteSpec {
  const metric = options.metric ?? "value";
  const numericTimes = points.filter((p) => typeof p.time === "number").length;
  if (numericTimes > 0 && numericTimes < points.length) {
    throw new TypeError("Metric timeline times must be all numbers or all dates/strings");
  }
  const temporal = numericTimes === 0;
  const values = points.map((p, i) => ({
    time: timeValue(p.time),
    order: i,
    value: Number.isFinite(p.value) ? p.value : null,
    lower: p.lower !== undefined && Number.isFinite(p.lower) ? p.lower : null,
    upper: p.upper !== undefined && Number.isFinite(p.upper) ? p.upper : null,
    detected: p.detected === true,
    warning: p.warning === true,
  }));
  const x = {
    field: "time",
    type: temporal ? "temporal" : "quantitative",
    title: options.timeTitle ?? (temporal ? "Time" : "Window"),
    ...(temporal ? {} : { scale: { zero: false } }),
  };
  const y = { field: "value", type: "quantitative", title: metric, scale: { zero: false } };
  const tooltip = [
    { field: "time", type: x.type, title: x.title },
    { field: "value", type: "quantitative", title: metric, format: ".4~g" },
  ];
  const layer: Record<string, unknown>[] = [];
  if (values.some((v) => v.lower !== null && v.upper !== null)) {
    layer.push({
      transform: [{ filter: "isValid(datum.lower) && isValid(datum.upper)" }],
      mark: { type: "area", color: VIGIL_COLORS.band, opacity: 0.35 },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", title: metric },
        y2: { field: "upper" },
      },
    });
  }
  layer.push({
    mark: { type: "line", point: true, color: VIGIL_COLORS.neutral, strokeWidth: 2 },
    encoding: { x, y, order: { field: "order", type: "quantitative" }, tooltip },
  });
  const t = options.threshold;
  const rules = t === undefined ? [] : typeof t === "number" ? [t] : [t.lower, t.upper];
  const finiteRules = rules.filter((r): r is number => r !== undefined && Number.isFinite(r));
  if (finiteRules.length > 0) {
    layer.push({
      data: { values: finiteRules.map((threshold) => ({ threshold })) },
      mark: { type: "rule", color: VIGIL_COLORS.threshold, strokeDash: [4, 4], strokeWidth: 1.5 },
      encoding: { y: { field: "threshold", type: "quantitative" } },
    });
  }
  if (values.some((v) => v.detected)) {
    layer.push({
      transform: [{ filter: "datum.detected" }],
      mark: { type: "point", filled: true, size: 80, color: VIGIL_COLORS.detected, opacity: 1 },
      encoding: {
        x,
        y,
        tooltip: [...tooltip, { field: "detected", type: "nominal", title: "Detected" }],
      },
    });
  }
  if (values.some((v) => v.warning)) {
    layer.push({
      transform: [{ filter: "datum.warning" }],
      mark: {
        type: "point",
        filled: false,
        size: 140,
        strokeWidth: 2,
        color: VIGIL_COLORS.current,
      },
      encoding: {
        x,
        y,
        tooltip: [...tooltip, { field: "warning", type: "nominal", title: "Warning" }],
      },
    });
  }
  // Labels of successive events step down three lines, so that close events stay readable.
  const events = (options.events ?? []).map((e, i) => ({
    time: timeValue(e.time),
    label: e.label,
    labelY: 2 + 12 * (i % 3),
  }));
  if (events.length > 0) {
    layer.push({
      data: { values: events },
      layer: [
        { mark: { type: "rule", color: VIGIL_COLORS.ok, strokeWidth: 2 }, encoding: { x } },
        {
          mark: {
            type: "text",
            color: VIGIL_COLORS.ok,
            align: "left",
            dx: 3,
            baseline: "top",
          },
          encoding: {
            x,
            y: { field: "labelY", type: "quantitative", scale: null },
            text: { field: "label" },
          },
        },
      ],
    });
  }
  return finishSpec({ data: { values }, layer }, `${metric} over time`, { width: 480, ...options });
}
