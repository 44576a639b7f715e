/**
 * Share of missing values per column.
 *
 * @module
 */
import { finishSpec, okDetectedColor } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One column's missing share. */
export interface MissingShareInput {
  /** Column name. */
  column: string;
  /** Share of missing values in [0, 1]. */
  missingShare: number;
}

/** Options of {@linkcode missingShareChart}. */
export interface MissingShareChartOptions extends ChartOptions {
  /**
   * Highest acceptable share: drawn as a dashed rule, and columns above it are coloured as
   * detected. @default no threshold
   */
  threshold?: number;
}

/**
 * Builds horizontal bars of the share of missing values per column (0–100 % axis), in input order,
 * with an optional threshold rule; with a threshold, columns whose share is above it are red and
 * the others green (`share > threshold`, as a completeness check with operator ">" decides).
 * Cost O(columns).
 *
 * @param rows One entry per column, or a record `{ column: share }`.
 * @param options Threshold, title and size.
 * @returns A Vega-Lite spec with explicit width and height (default height: 24 px per column, at
 *   least 120).
 * @throws {RangeError} If a share is outside [0, 1] or the threshold is not finite.
 *
 * @example
 * ```ts
 * import { missingShareChart } from "./missing_share_chart.ts";
 * const spec = missingShareChart({ age: 0.1, income: 0.3 }, { threshold: 0.2 }) as {
 *   layer: { data: { values: { status: string }[] } }[];
 * };
 * if (spec.layer[0]!.data.values[1]!.status !== "Above threshold") throw new Error("status");
 * ```
 */
export function missingShareChart(
  rows: readonly MissingShareInput[] | Readonly<Record<string, number>>,
  options: MissingShareChartOptions = {},
): VegaLiteSpec {
  const list: readonly MissingShareInput[] = Array.isArray(rows)
    ? rows
    : Object.entries(rows).map(([column, missingShare]) => ({ column, missingShare }));
  const threshold = options.threshold;
  if (threshold !== undefined && !Number.isFinite(threshold)) {
    throw new RangeError(`Missing-share threshold must be a finite number, got ${threshold}`);
  }
  const values = list.map((r) => {
    if (!(r.missingShare >= 0 && r.missingShare <= 1)) {
      throw new RangeError(
        `Missing share of column "${r.column}" must be in [0, 1], got ${r.missingShare}`,
      );
    }
    const status = threshold === undefined
      ? "Missing"
      : r.missingShare > threshold
      ? "Above threshold"
      : "Within threshold";
    return { column: r.column, share: r.missingShare, status };
  });
  const color = threshold === undefined
    ? { value: VIGIL_COLORS.neutral }
    : okDetectedColor("status", ["Within threshold", "Above threshold"]);
  const bars = {
    data: { values },
    mark: { type: "bar", height: { band: 0.7 } },
    encoding: {
      y: { field: "column", type: "nominal", sort: values.map((v) => v.column), title: "Column" },
      x: {
        field: "share",
        type: "quantitative",
        title: "Missing values",
        scale: { domain: [0, 1] },
        axis: { format: "%" },
      },
      color,
      tooltip: [
        { field: "column", type: "nominal", title: "Column" },
        { field: "share", type: "quantitative", title: "Missing", format: ".2%" },
      ],
    },
  };
  const body = threshold === undefined ? bars : {
    layer: [
      bars,
      {
        data: { values: [{ threshold }] },
        mark: { type: "rule", color: VIGIL_COLORS.threshold, strokeDash: [4, 4], strokeWidth: 2 },
        encoding: { x: { field: "threshold", type: "quantitative" } },
      },
    ],
  };
  const height = options.height ?? Math.max(120, 24 * values.length);
  return finishSpec(body, "Missing values by column", { height, ...options });
}
