/**
 * Drift test p-values and distances at growing sample sizes.
 *
 * @module
 */
import { chartSize, finishSpec } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** The drift measured at one sample size (typically the median over a few simulated windows). */
export interface SampleSizeRow {
  /** Rows per side (reference and current windows of this size); must be > 0 (log axis). */
  n: number;
  /** The test's p-value (e.g. Kolmogorov–Smirnov); values ≤ 0 or non-finite are not drawn. */
  pValue: number;
  /** Distance name → value at this size, e.g. `{ PSI: 0.003 }`; non-finite values are not drawn. */
  distances: Readonly<Record<string, number>>;
}

/** Options of {@linkcode sampleSizeChart}. */
export interface SampleSizeChartOptions extends ChartOptions {
  /** The p-value threshold, drawn as a dashed rule (drift below it). @default 0.05 */
  pThreshold?: number;
  /** The distance threshold, drawn as a dashed rule (drift at or above it). @default 0.1 */
  distanceThreshold?: number;
  /** Name of the test, in the left axis title. @default "KS" */
  test?: string;
}

/**
 * Powers of ten from 1 down to the smallest p-value, at most 6 of them, for the log axis (Vega-Lite's
 * own ticks crowd or vanish over 20 decades).
 */
function decadeTicks(smallest: number): number[] {
  const lowest = Math.min(0, Math.floor(Math.log10(smallest)));
  const step = Math.max(1, Math.ceil(-lowest / 5));
  const ticks: number[] = [];
  for (let e = 0; e >= lowest; e -= step) ticks.push(Number(`1e${e}`));
  return ticks;
}

function positive(x: number): number | null {
  return Number.isFinite(x) && x > 0 ? x : null;
}

/**
 * Builds the two-panel "sample size" chart that shows why p-values flag everything on large
 * windows: on the left the test's p-value against rows per side (both axes log scale) with a
 * dashed rule at `pThreshold`; on the right each distance against rows per side (log x axis) with
 * a dashed rule at `distanceThreshold`. A p-value keeps falling as windows grow while a distance
 * settles on the size of the change. `width` and `height` size each panel; the spec is an
 * `hconcat` whose two views carry an explicit width and height. Cost O(rows × distances).
 *
 * @param rows One entry per sample size, in any order.
 * @param options Thresholds, test name, title, subtitle and panel size (300 × 220 by default).
 * @returns A Vega-Lite `hconcat` spec.
 * @throws {RangeError} If a row's `n` is not a positive finite number, `pThreshold` is not in
 *   (0, 1), `distanceThreshold` is not finite, or `width` or `height` is not positive.
 *
 * @example
 * ```ts
 * import { sampleSizeChart } from "./sample_size_chart.ts";
 * const spec = sampleSizeChart([
 *   { n: 100, pValue: 0.7, distances: { PSI: 0.2 } },
 *   { n: 10_000, pValue: 1e-6, distances: { PSI: 0.004 } },
 * ]) as { hconcat: { width: number; layer: { data: { values: { p?: number }[] } }[] }[] };
 * const [left] = spec.hconcat;
 * if (left!.width !== 300 || left!.layer[0]!.data.values[1]!.p !== 1e-6) throw new Error();
 * ```
 */
export function sampleSizeChart(
  rows: readonly SampleSizeRow[],
  options: SampleSizeChartOptions = {},
): VegaLiteSpec {
  const { pThreshold = 0.05, distanceThreshold = 0.1, test = "KS" } = options;
  const { width, height } = chartSize({ width: 300, height: 220, ...options });
  if (!(pThreshold > 0 && pThreshold < 1)) {
    throw new RangeError(`Sample size chart pThreshold must be in (0, 1), got ${pThreshold}`);
  }
  if (!Number.isFinite(distanceThreshold)) {
    throw new RangeError(
      `Sample size chart distanceThreshold must be a finite number, got ${distanceThreshold}`,
    );
  }
  const pValues: { n: number; p: number | null }[] = [];
  const distances: { n: number; distance: string; value: number | null }[] = [];
  const names: string[] = [];
  rows.forEach((row, i) => {
    if (!(Number.isFinite(row.n) && row.n > 0)) {
      throw new RangeError(`Sample size chart row ${i}: n must be a positive number, got ${row.n}`);
    }
    pValues.push({ n: row.n, p: positive(row.pValue) });
    for (const [distance, value] of Object.entries(row.distances)) {
      if (!names.includes(distance)) names.push(distance);
      distances.push({ n: row.n, distance, value: Number.isFinite(value) ? value : null });
    }
  });
  const smallest = Math.min(pThreshold, ...pValues.map((v) => v.p ?? 1));
  const x = { field: "n", type: "quantitative", scale: { type: "log" }, title: "Rows per side" };
  const rule = { type: "rule", color: VIGIL_COLORS.threshold, strokeDash: [4, 4] };
  const pAxis = {
    field: "p",
    type: "quantitative",
    scale: { type: "log" },
    axis: { values: decadeTicks(smallest), format: ".0e" },
    title: `${test} p-value (log scale)`,
  };
  const pPanel = {
    width,
    height,
    layer: [
      {
        data: { values: pValues },
        mark: { type: "line", color: VIGIL_COLORS.pValue, point: { color: VIGIL_COLORS.pValue } },
        encoding: {
          x,
          y: pAxis,
          tooltip: [
            { field: "n", type: "quantitative", title: "Rows per side", format: "," },
            { field: "p", type: "quantitative", title: "p-value", format: ".3~e" },
          ],
        },
      },
      { data: { values: [{ p: pThreshold }] }, mark: rule, encoding: { y: pAxis } },
    ],
  };
  const yDistance = { field: "value", type: "quantitative", title: "Distance" };
  const distancePanel = {
    width,
    height,
    layer: [
      {
        data: { values: distances },
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: yDistance,
          color: {
            field: "distance",
            type: "nominal",
            title: null,
            scale: { domain: names },
            legend: { orient: "top-right", fillColor: "white" },
          },
          tooltip: [
            { field: "distance", type: "nominal", title: "Distance" },
            { field: "n", type: "quantitative", title: "Rows per side", format: "," },
            { field: "value", type: "quantitative", title: "Value", format: ".4~g" },
          ],
        },
      },
      { data: { values: [{ value: distanceThreshold }] }, mark: rule, encoding: { y: yDistance } },
    ],
  };
  const subtitle = `left: ${test} p-value (drift below the dashed ${pThreshold}); ` +
    `right: distances (drift above the dashed ${distanceThreshold})`;
  return finishSpec(
    // An independent legend stays inside its panel; shared, it would sit left of the whole concat.
    { hconcat: [pPanel, distancePanel], resolve: { legend: { color: "independent" } } },
    "Drift at growing sample sizes",
    { subtitle, ...options },
    false,
  );
}
