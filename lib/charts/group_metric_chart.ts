/**
 * A metric per group, with the overall value and the parity band around it.
 *
 * @module
 */
import { finishSpec, finiteOrNull } from "./_spec.ts";
import {
  type GroupFrameInput,
  groupLabel,
  groupNames,
  metricTitle,
  referenceRule,
} from "./_group_input.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

export type { GroupFrameInput, GroupValueInput } from "./_group_input.ts";

/** Options of {@linkcode groupMetricChart}. */
export interface GroupMetricChartOptions extends ChartOptions {
  /**
   * Half-width of the parity band around the overall value: groups inside
   * `[overall − tolerance, overall + tolerance]` count as at parity (green), the others are red.
   * It is fairlearn's `difference(method="to_overall")` read as a check.
   * @default 0.1
   */
  tolerance?: number;
  /** Axis title of the metric. @default the metric's name in words */
  metricTitle?: string;
}

/**
 * Builds horizontal bars of a metric per group (a `MetricFrame`), a shaded band of
 * ±`tolerance` around the overall value, and a dashed rule at the overall value; each bar is
 * green inside the band and red outside. Groups without a value (too few rows, metric undefined)
 * keep their row with no bar and their reason in the tooltip. Groups keep their input order.
 * Cost O(groups).
 *
 * @param frame The metric by group and overall.
 * @param options Tolerance, title and size.
 * @returns A Vega-Lite layered spec with explicit width and height.
 * @throws {TypeError} If a group appears twice.
 * @throws {RangeError} If `tolerance` is negative or not finite.
 * @example
 * ```ts
 * import { groupMetricChart } from "./group_metric_chart.ts";
 * const spec = groupMetricChart({
 *   metric: "selection_rate",
 *   overall: { value: 0.5 },
 *   byGroup: [{ group: "a", value: 0.45 }, { group: "b", value: 0.7 }],
 * }) as { data: { values: { outside: string }[] } };
 * if (spec.data.values[1]!.outside !== "Outside the parity band") throw new Error();
 * ```
 */
export function groupMetricChart(
  frame: GroupFrameInput,
  options: GroupMetricChartOptions = {},
): VegaLiteSpec {
  const tolerance = options.tolerance ?? 0.1;
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new RangeError(`Cannot draw group metric chart: tolerance must be ≥ 0, got ${tolerance}`);
  }
  const names = groupNames(frame.byGroup, "group metric chart");
  const overall = frame.overall.value;
  const title = options.metricTitle ?? metricTitle(frame.metric);
  const values = frame.byGroup.map((g, i) => ({
    label: groupLabel(g),
    order: i,
    group: names[i]!,
    value: finiteOrNull(g.value),
    outside: Number.isFinite(g.value) && Math.abs(g.value - overall) > tolerance
      ? "Outside the parity band"
      : "Within the parity band",
    note: g.reason ?? "",
  }));
  const y = {
    field: "label",
    type: "nominal",
    sort: values.map((v) => v.label),
    title: "Group",
  };
  const layer: Record<string, unknown>[] = [];
  if (Number.isFinite(overall)) {
    layer.push({
      data: { values: [{ lower: overall - tolerance, upper: overall + tolerance }] },
      mark: { type: "rect", color: VIGIL_COLORS.band, opacity: 0.3 },
      encoding: { x: { field: "lower", type: "quantitative" }, x2: { field: "upper" } },
    });
  }
  layer.push({
    mark: { type: "bar", height: { band: 0.6 } },
    encoding: {
      y,
      x: { field: "value", type: "quantitative", title, scale: { zero: true } },
      color: {
        field: "outside",
        type: "nominal",
        title: null,
        scale: {
          domain: ["Within the parity band", "Outside the parity band"],
          range: [VIGIL_COLORS.ok, VIGIL_COLORS.detected],
        },
        legend: { orient: "bottom" },
      },
      tooltip: [
        { field: "group", type: "nominal", title: "Group" },
        { field: "value", type: "quantitative", title, format: ".3f" },
        { field: "note", type: "nominal", title: "Note" },
      ],
    },
  });
  layer.push(...referenceRule("x", "overall", overall));
  return finishSpec(
    { data: { values }, layer },
    `${title} by group`,
    {
      subtitle: `dashed: overall ${
        Number.isFinite(overall) ? overall.toFixed(3) : "NaN"
      }; band: ±${tolerance}`,
      ...options,
    },
  );
}
