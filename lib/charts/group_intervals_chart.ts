/**
 * Each group's value with its bootstrap interval, against the overall value.
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

const CONTAINS = "Interval contains overall";
const EXCLUDES = "Interval excludes overall";

/**
 * Builds one row per group: a dot at the group's value, a line across its bootstrap interval,
 * the group size in the label, and a dashed rule at the overall value. A group whose interval
 * contains the overall value is grey — its gap from the rest is within what resampling alone
 * produces, however far its dot sits — and a group whose interval excludes it is red. Small
 * groups have wide intervals: a threshold crossing on one is not a verdict. Groups without a
 * value or interval keep their row, empty. Cost O(groups).
 *
 * @param frame A metric frame computed with `bootstrap` (intervals in `byGroup[i].ci`).
 * @param options Title and size.
 * @returns A Vega-Lite layered spec with explicit width and height.
 * @throws {TypeError} If a group appears twice.
 * @example
 * ```ts
 * import { groupIntervalsChart } from "./group_intervals_chart.ts";
 * const spec = groupIntervalsChart({
 *   metric: "selection_rate",
 *   overall: { value: 0.5 },
 *   byGroup: [
 *     { group: "big", n: 900, value: 0.52, ci: [0.49, 0.55] },
 *     { group: "small", n: 12, value: 0.25, ci: [0.05, 0.55] },
 *   ],
 * }) as { data: { values: { verdict: string }[] } };
 * // the small group's dot is far off, but its interval reaches the overall value
 * if (spec.data.values[1]!.verdict !== "Interval contains overall") throw new Error();
 * ```
 */
export function groupIntervalsChart(
  frame: GroupFrameInput,
  options: ChartOptions = {},
): VegaLiteSpec {
  const names = groupNames(frame.byGroup, "group intervals chart");
  const overall = frame.overall.value;
  const title = metricTitle(frame.metric);
  const values = frame.byGroup.map((g, i) => {
    const [lo, hi] = g.ci ?? [NaN, NaN];
    return {
      group: names[i]!,
      label: groupLabel(g),
      value: finiteOrNull(g.value),
      lo: finiteOrNull(lo),
      hi: finiteOrNull(hi),
      verdict: lo <= overall && overall <= hi ? CONTAINS : EXCLUDES,
      note: g.reason ?? "",
    };
  });
  const y = { field: "label", type: "nominal", sort: values.map((v) => v.label), title: "Group" };
  const color = {
    field: "verdict",
    type: "nominal",
    title: null,
    scale: { domain: [CONTAINS, EXCLUDES], range: ["#7f7f7f", VIGIL_COLORS.detected] },
    legend: { orient: "bottom" },
  };
  const tooltip = [
    { field: "group", type: "nominal", title: "Group" },
    { field: "value", type: "quantitative", title, format: ".3f" },
    { field: "lo", type: "quantitative", title: "Interval low", format: ".3f" },
    { field: "hi", type: "quantitative", title: "Interval high", format: ".3f" },
    { field: "note", type: "nominal", title: "Note" },
  ];
  const layer: Record<string, unknown>[] = [
    {
      transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
      mark: { type: "rule", strokeWidth: 2 },
      encoding: {
        y,
        x: { field: "lo", type: "quantitative", title },
        x2: { field: "hi" },
        color,
        tooltip,
      },
    },
    {
      transform: [{ filter: "isValid(datum.value)" }],
      mark: { type: "point", filled: true, size: 80, opacity: 1 },
      encoding: { y, x: { field: "value", type: "quantitative", title }, color, tooltip },
    },
  ];
  layer.push(...referenceRule("x", "overall", overall));
  return finishSpec(
    { data: { values }, layer },
    `${title} by group, with intervals`,
    {
      subtitle: `dashed: overall ${Number.isFinite(overall) ? overall.toFixed(3) : "NaN"}`,
      ...options,
    },
  );
}
