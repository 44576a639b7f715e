/**
 * Selection rate per group, against four fifths of the highest group's rate.
 *
 * @module
 */
import { finishSpec, finiteOrNull } from "./_spec.ts";
import { groupLabel, groupNames, type GroupValueInput, referenceRule } from "./_group_input.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** Options of {@linkcode selectionRateChart}. */
export interface SelectionRateChartOptions extends ChartOptions {
  /**
   * Share of the highest group's rate drawn as the reference line (the four-fifths rule's 0.8);
   * groups below it are red. A prompt to look, not a verdict (see `FOUR_FIFTHS_CAVEAT` in
   * `lib/fairness`).
   * @default 0.8
   */
  ratio?: number;
}

/**
 * Builds vertical bars of each group's selection rate (share of rows predicted positive), y from
 * 0 to 1, with a dashed rule at `ratio` × the highest group's rate: a bar under the rule is a
 * group whose rate is less than four fifths of the most selected group's (red). Groups without a
 * value keep their place with no bar. Groups keep their input order. Cost O(groups).
 *
 * @param groups The selection rate of each group (`frame.byGroup` of a selection-rate frame).
 * @param options Ratio, title and size.
 * @returns A Vega-Lite layered spec with explicit width and height.
 * @throws {TypeError} If a group appears twice.
 * @throws {RangeError} If `ratio` is outside (0, 1].
 * @example
 * ```ts
 * import { selectionRateChart } from "./selection_rate_chart.ts";
 * const spec = selectionRateChart([{ group: "a", value: 0.5 }, { group: "b", value: 0.3 }]) as {
 *   layer: { data?: { values: { line: number }[] } }[];
 * };
 * if (spec.layer[1]!.data!.values[0]!.line !== 0.4) throw new Error("0.8 × 0.5");
 * ```
 */
export function selectionRateChart(
  groups: readonly GroupValueInput[],
  options: SelectionRateChartOptions = {},
): VegaLiteSpec {
  const ratio = options.ratio ?? 0.8;
  if (!(ratio > 0 && ratio <= 1)) {
    throw new RangeError(`Cannot draw selection rate chart: ratio must be in (0, 1], got ${ratio}`);
  }
  const names = groupNames(groups, "selection rate chart");
  const finite = groups.map((g) => g.value).filter(Number.isFinite);
  const line = finite.length > 0 ? ratio * Math.max(...finite) : NaN;
  const values = groups.map((g, i) => ({
    label: groupLabel(g),
    group: names[i]!,
    value: finiteOrNull(g.value),
    below: Number.isFinite(g.value) && g.value < line
      ? `Below ${ratio} × highest`
      : `At least ${ratio} × highest`,
    note: g.reason ?? "",
  }));
  const domain = [`At least ${ratio} × highest`, `Below ${ratio} × highest`];
  const layer: Record<string, unknown>[] = [{
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "label",
        type: "nominal",
        sort: values.map((v) => v.label),
        title: "Group",
        axis: { labelAngle: 0 },
      },
      y: {
        field: "value",
        type: "quantitative",
        title: "Selection rate",
        scale: { domain: [0, 1] },
      },
      color: {
        field: "below",
        type: "nominal",
        title: null,
        scale: { domain, range: [VIGIL_COLORS.ok, VIGIL_COLORS.detected] },
        legend: { orient: "bottom" },
      },
      tooltip: [
        { field: "group", type: "nominal", title: "Group" },
        { field: "value", type: "quantitative", title: "Selection rate", format: ".3f" },
        { field: "note", type: "nominal", title: "Note" },
      ],
    },
  }];
  layer.push(...referenceRule("y", "line", line));
  return finishSpec(
    { data: { values }, layer },
    "Selection rate by group",
    { subtitle: `dashed: ${ratio} × the highest group's rate`, ...options },
  );
}
