/**
 * Reference vs current distribution of one column.
 *
 * @module
 */
import { binCounts, categoryCounts, equalWidthEdges } from "./_histogram.ts";
import { finishSpec, toNumbers } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** A column's values: numbers (numeric histogram) or labels (category bars). */
export type DistributionValues =
  | ArrayLike<number>
  | ArrayLike<string | number | boolean | null | undefined>;

/** Options of {@linkcode distributionChart}. */
export interface DistributionChartOptions extends ChartOptions {
  /** Column name, used in the title and the x axis. @default "value" */
  column?: string;
  /**
   * `"numeric"` histogram, `"categorical"` bars, or `"auto"`: numeric when both samples are typed
   * arrays or hold only numbers (and missing values). @default "auto"
   */
  kind?: "auto" | "numeric" | "categorical";
  /** Number of equal-width bins over the range of both samples. @default 20 */
  bins?: number;
  /**
   * Bin edges to use instead (e.g. the frozen reference edges of a PSI check); values outside them
   * are counted in the first or last bin. @default equal-width edges
   */
  edges?: ArrayLike<number>;
  /** Most categories shown; the rarest beyond it (by reference count) are merged into "(other)". @default 20 */
  maxCategories?: number;
}

function isNumeric(values: DistributionValues): boolean {
  if (ArrayBuffer.isView(values)) return true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && typeof v !== "number") return false;
  }
  return true;
}

function sampleLabels(nRef: number, nCur: number): [string, string] {
  return [`Reference (n=${nRef})`, `Current (n=${nCur})`];
}

/**
 * Builds an overlay of the reference and current distributions of one column, as shares of each
 * sample (so windows of different sizes compare). Numeric columns: a histogram with shared bins,
 * the two samples drawn as translucent overlapping bars. Categorical columns: grouped bars per
 * category, ordered by reference share. Missing values (null, undefined, NaN, "") are left out;
 * the legend gives each sample's non-missing count. Cost O(n log bins) or O(n) for categories.
 *
 * @param reference The reference window's values.
 * @param current The current window's values.
 * @param options Kind, bins or edges, column name, title and size.
 * @returns A Vega-Lite spec with explicit width and height.
 * @throws {RangeError} If `bins` or `maxCategories` is not a positive integer, or `edges` is not
 *   increasing with at least two values.
 *
 * @example Shares per bin sum to 1 for each sample
 * ```ts
 * import { distributionChart } from "./distribution_chart.ts";
 * const spec = distributionChart([1, 2, 3, 4], [3, 4, 4, 4], { bins: 3 }) as {
 *   data: { values: { sample: string; share: number }[] };
 * };
 * const cur = spec.data.values.filter((d) => d.sample.startsWith("Current"));
 * if (cur.reduce((a, d) => a + d.share, 0) !== 1) throw new Error("shares");
 * ```
 */
export function distributionChart(
  reference: DistributionValues,
  current: DistributionValues,
  options: DistributionChartOptions = {},
): VegaLiteSpec {
  const column = options.column ?? "value";
  const kind = options.kind ?? "auto";
  const numeric = kind === "numeric" ||
    (kind === "auto" && isNumeric(reference) && isNumeric(current));
  const title = `Distribution of "${column}": reference vs current`;
  const body = numeric
    ? numericBody(
      toNumbers(reference as ArrayLike<number>, "reference"),
      toNumbers(current as ArrayLike<number>, "current"),
      column,
      options,
    )
    : categoricalBody(reference, current, column, options);
  return finishSpec(body, title, options);
}

function colorEncoding(labels: [string, string]) {
  return {
    field: "sample",
    type: "nominal",
    title: null,
    scale: { domain: labels, range: [VIGIL_COLORS.reference, VIGIL_COLORS.current] },
    legend: { orient: "top" },
  };
}

function numericBody(
  ref: Float64Array,
  cur: Float64Array,
  column: string,
  options: DistributionChartOptions,
): Record<string, unknown> {
  const bins = options.bins ?? 20;
  if (!(Number.isInteger(bins) && bins > 0)) {
    throw new RangeError(`Bin count must be a positive integer, got ${bins}`);
  }
  const edges = options.edges === undefined
    ? equalWidthEdges([ref, cur], bins)
    : toNumbers(options.edges, "edges");
  if (options.edges !== undefined) {
    if (
      edges.length < 2 || edges.some((e, i) => !Number.isFinite(e) || (i > 0 && e <= edges[i - 1]!))
    ) {
      throw new RangeError(
        `Bin edges must be at least two increasing finite numbers, got [${
          Array.from(edges).join(", ")
        }]`,
      );
    }
  }
  const counts = [binCounts(ref, edges), binCounts(cur, edges)];
  const totals = counts.map((c) => c.reduce((a, b) => a + b, 0));
  const labels = sampleLabels(totals[0]!, totals[1]!);
  const values: Record<string, string | number>[] = [];
  for (let s = 0; s < 2; s++) {
    for (let i = 0; i < edges.length - 1; i++) {
      const count = counts[s]![i]!;
      values.push({
        sample: labels[s]!,
        lower: edges[i]!,
        upper: edges[i + 1]!,
        count,
        share: totals[s]! > 0 ? count / totals[s]! : 0,
      });
    }
  }
  return {
    data: { values },
    mark: { type: "bar", opacity: 0.55, binSpacing: 0 },
    encoding: {
      x: {
        field: "lower",
        type: "quantitative",
        title: column,
        scale: { domain: [edges[0], edges.at(-1)], nice: false },
      },
      x2: { field: "upper" },
      y: { field: "share", type: "quantitative", title: "Share of sample", axis: { format: "%" } },
      y2: { datum: 0 },
      color: colorEncoding(labels),
      tooltip: [
        { field: "sample", type: "nominal", title: "Sample" },
        { field: "lower", type: "quantitative", title: "From", format: ".4~g" },
        { field: "upper", type: "quantitative", title: "To", format: ".4~g" },
        { field: "count", type: "quantitative", title: "Count" },
        { field: "share", type: "quantitative", title: "Share", format: ".1%" },
      ],
    },
  };
}

function categoricalBody(
  reference: DistributionValues,
  current: DistributionValues,
  column: string,
  options: DistributionChartOptions,
): Record<string, unknown> {
  const maxCategories = options.maxCategories ?? 20;
  if (!(Number.isInteger(maxCategories) && maxCategories > 0)) {
    throw new RangeError(`Category limit must be a positive integer, got ${maxCategories}`);
  }
  const ref = categoryCounts(reference);
  const cur = categoryCounts(current);
  const all = [...new Set([...ref.keys(), ...cur.keys()])];
  all.sort((a, b) =>
    (ref.get(b) ?? 0) - (ref.get(a) ?? 0) || (cur.get(b) ?? 0) - (cur.get(a) ?? 0)
  );
  const shown = all.length > maxCategories ? all.slice(0, maxCategories - 1) : all;
  const other = "(other)";
  const merge = (m: Map<string, number>) => {
    const out = new Map<string, number>(shown.map((c) => [c, m.get(c) ?? 0]));
    if (shown.length < all.length) {
      let rest = 0;
      for (const c of all.slice(shown.length)) rest += m.get(c) ?? 0;
      out.set(other, rest);
    }
    return out;
  };
  const merged = [merge(ref), merge(cur)];
  const totals = merged.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const labels = sampleLabels(totals[0]!, totals[1]!);
  const order = [...merged[0]!.keys()];
  const values: Record<string, string | number>[] = [];
  for (let s = 0; s < 2; s++) {
    for (const [category, count] of merged[s]!) {
      values.push({
        sample: labels[s]!,
        category,
        count,
        share: totals[s]! > 0 ? count / totals[s]! : 0,
      });
    }
  }
  return {
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "category",
        type: "nominal",
        sort: order,
        title: column,
        axis: { labelAngle: 0 },
      },
      xOffset: { field: "sample", type: "nominal", sort: labels },
      y: { field: "share", type: "quantitative", title: "Share of sample", axis: { format: "%" } },
      color: colorEncoding(labels),
      tooltip: [
        { field: "sample", type: "nominal", title: "Sample" },
        { field: "category", type: "nominal", title: "Category" },
        { field: "count", type: "quantitative", title: "Count" },
        { field: "share", type: "quantitative", title: "Share", format: ".1%" },
      ],
    },
  };
}
