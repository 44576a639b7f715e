/**
 * A fairness measure per window, one line per series (attribute or measure), with its threshold.
 *
 * @module
 */
import { finishSpec, finiteOrNull } from "./_spec.ts";
import { metricTitle, referenceRule } from "./_group_input.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One window's value of the measure. */
export interface FairnessPoint {
  /** The window: a number (window index), or a `Date` / ISO-8601 string (time axis). */
  time: number | string | Date;
  /** The measure's value; NaN (too few rows) leaves a gap. */
  value: number;
  /** Which line the point belongs to, e.g. the attribute. @default "value" */
  series?: string;
}

/** Options of {@linkcode fairnessTimelineChart}. */
export interface FairnessTimelineChartOptions extends ChartOptions {
  /** The measure's name, for the y axis and the title. @default "demographic_parity_difference" */
  measure?: string;
  /**
   * The check's threshold, drawn as a dashed rule; points on its failing side are red.
   * @default none
   */
  threshold?: number;
  /**
   * Which side of the threshold fails: `"above"` for differences (parity is 0), `"below"` for
   * ratios (parity is 1).
   * @default "above"
   */
  fails?: "above" | "below";
  /** Title of the time axis. @default "Window" for numbers, "Time" for dates */
  timeTitle?: string;
}

/**
 * Builds a line per series of a fairness measure over windows (e.g. the demographic parity
 * difference of each sensitive attribute, run after run), a dashed rule at the threshold, and red
 * dots on the points past it (above it for differences, below for ratios). Points keep their
 * input order within a series; non-finite values leave gaps. Cost O(points).
 *
 * @param points The measure per window and series.
 * @param options Measure name, threshold and its failing side, title and size.
 * @returns A Vega-Lite layered spec with explicit width and height.
 * @throws {TypeError} If times mix numbers with dates or strings.
 * @example
 * ```ts
 * import { fairnessTimelineChart } from "./fairness_timeline_chart.ts";
 * const spec = fairnessTimelineChart(
 *   [{ time: 1, value: 0.02 }, { time: 2, value: 0.15 }],
 *   { threshold: 0.1 },
 * ) as { data: { values: { past: boolean }[] } };
 * if (spec.data.values.map((v) => v.past).join() !== "false,true") throw new Error();
 * ```
 */
export function fairnessTimelineChart(
  points: readonly FairnessPoint[],
  options: FairnessTimelineChartOptions = {},
): VegaLiteSpec {
  const measure = options.measure ?? "demographic_parity_difference";
  const numeric = points.filter((p) => typeof p.time === "number").length;
  if (numeric > 0 && numeric < points.length) {
    throw new TypeError("Fairness timeline times must be all numbers or all dates/strings");
  }
  const temporal = points.length > 0 && numeric === 0;
  const t = options.threshold;
  const above = (options.fails ?? "above") === "above";
  const values = points.map((p, i) => ({
    time: p.time instanceof Date ? p.time.toISOString() : p.time,
    order: i,
    series: p.series ?? "value",
    value: finiteOrNull(p.value),
    past: t !== undefined && Number.isFinite(p.value) && (above ? p.value > t : p.value < t),
  }));
  const title = metricTitle(measure);
  const x = {
    field: "time",
    type: temporal ? "temporal" : "quantitative",
    title: options.timeTitle ?? (temporal ? "Time" : "Window"),
    ...(temporal ? {} : { axis: { tickMinStep: 1 } }),
  };
  const y = { field: "value", type: "quantitative", title };
  const tooltip = [
    { field: "series", type: "nominal", title: "Series" },
    { field: "time", type: x.type, title: x.title },
    { field: "value", type: "quantitative", title, format: ".3f" },
  ];
  const layer: Record<string, unknown>[] = [{
    mark: { type: "line", point: true, strokeWidth: 2 },
    encoding: {
      x,
      y,
      color: {
        field: "series",
        type: "nominal",
        title: null,
        legend: { orient: "bottom", columns: 1, labelLimit: 480 },
      },
      order: { field: "order", type: "quantitative" },
      tooltip,
    },
  }];
  layer.push(...referenceRule("y", "threshold", t ?? NaN));
  if (values.some((v) => v.past)) {
    layer.push({
      transform: [{ filter: "datum.past" }],
      mark: { type: "point", filled: true, size: 90, color: VIGIL_COLORS.detected, opacity: 1 },
      encoding: { x, y, tooltip },
    });
  }
  return finishSpec(
    { data: { values }, layer },
    `${title} over time`,
    { width: 480, ...options },
  );
}
