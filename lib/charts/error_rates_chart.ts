/**
 * True and false positive rates per group: the equalized-odds picture.
 *
 * @module
 */
import { finishSpec, finiteOrNull } from "./_spec.ts";
import { groupLabel, groupNames } from "./_group_input.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One group's error rates; `GroupRates` of `lib/fairness` fits this shape. */
export interface ErrorRatesInput {
  /** Group name. */
  group: string;
  /** TP / (TP + FN); NaN when the group has no positives. */
  truePositiveRate: number;
  /** FP / (FP + TN); NaN when the group has no negatives. */
  falsePositiveRate: number;
  /** Rows in the group. @default not shown */
  n?: number;
}

const RATES = ["True positive rate", "False positive rate"] as const;

/**
 * Builds a dot plot with one row per rate (TPR, FPR) and one dot per group on a 0–1 axis, with a
 * thick grey segment from the lowest to the highest group on each row. Equalized odds asks both
 * segments to be short: the longer one is fairlearn's `equalized_odds_difference`
 * (`agg="worst_case"`). Undefined rates are left out. Cost O(groups).
 *
 * @param groups Each group's rates (e.g. the `groups` of an equalized-odds result).
 * @param options Title and size.
 * @returns A Vega-Lite layered spec with explicit width and height.
 * @throws {TypeError} If a group appears twice.
 * @example
 * ```ts
 * import { errorRatesChart } from "./error_rates_chart.ts";
 * const spec = errorRatesChart([
 *   { group: "a", truePositiveRate: 0.9, falsePositiveRate: 0.1 },
 *   { group: "b", truePositiveRate: 0.6, falsePositiveRate: 0.2 },
 * ]) as { layer: { data?: { values: { gap: number }[] } }[] };
 * const gaps = spec.layer[0]!.data!.values.map((v) => v.gap.toFixed(2));
 * if (gaps.join() !== "0.30,0.10") throw new Error(gaps.join());
 * ```
 */
export function errorRatesChart(
  groups: readonly ErrorRatesInput[],
  options: ChartOptions = {},
): VegaLiteSpec {
  const names = groupNames(groups, "error rates chart");
  const values = groups.flatMap((g, i) => [
    { group: names[i]!, label: groupLabel(g), rate: RATES[0], value: g.truePositiveRate },
    { group: names[i]!, label: groupLabel(g), rate: RATES[1], value: g.falsePositiveRate },
  ]).filter((v) => Number.isFinite(v.value));
  const spans = RATES.map((rate) => {
    const xs = values.filter((v) => v.rate === rate).map((v) => v.value);
    const low = xs.length > 0 ? Math.min(...xs) : NaN;
    const high = xs.length > 0 ? Math.max(...xs) : NaN;
    return { rate, low: finiteOrNull(low), high: finiteOrNull(high), gap: high - low };
  }).filter((s) => s.low !== null);
  const y = { field: "rate", type: "nominal", sort: [...RATES], title: null };
  const x = { field: "value", type: "quantitative", title: "Rate", scale: { domain: [0, 1] } };
  const layer = [
    {
      data: { values: spans },
      mark: { type: "rule", color: VIGIL_COLORS.band, strokeWidth: 8, opacity: 0.6 },
      encoding: {
        y,
        x: { field: "low", type: "quantitative", title: "Rate", scale: { domain: [0, 1] } },
        x2: { field: "high" },
        tooltip: [
          { field: "rate", type: "nominal", title: "Rate" },
          { field: "gap", type: "quantitative", title: "Gap (max − min)", format: ".3f" },
        ],
      },
    },
    {
      mark: { type: "point", filled: true, size: 110, opacity: 1 },
      encoding: {
        y,
        x,
        color: {
          field: "label",
          type: "nominal",
          title: "Group",
          sort: groups.map(groupLabel),
          legend: { orient: "bottom", columns: 2 },
        },
        tooltip: [
          { field: "group", type: "nominal", title: "Group" },
          { field: "rate", type: "nominal", title: "Rate" },
          { field: "value", type: "quantitative", title: "Value", format: ".3f" },
        ],
      },
    },
  ];
  return finishSpec(
    { data: { values }, layer },
    "True and false positive rates by group",
    { subtitle: "equalized odds: both grey spans short", height: 120, ...options },
  );
}
