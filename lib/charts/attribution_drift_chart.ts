/**
 * Global importance (mean |attribution|) per feature on the reference against the current window.
 *
 * @module
 */
import { finishSpec, finiteOrNull, formatNumber } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One feature's importance in both windows (`FeatureAttributionDrift` from `lib/explain`). */
export interface FeatureImportanceShiftInput {
  /** Feature name. */
  feature: string;
  /** Mean |attribution| on the reference. */
  referenceImportance: number;
  /** Mean |attribution| on the current window. */
  currentImportance: number;
  /** Share of the reference's total importance (0–1). */
  referenceShare: number;
  /** Share of the current window's total importance (0–1). */
  currentShare: number;
}

/**
 * An attribution-drift result (`AttributionDriftResult` from `lib/explain` fits this shape;
 * only these fields are read).
 */
export interface AttributionDriftInput {
  /** Per feature, in column order. */
  features: readonly FeatureImportanceShiftInput[];
  /** The importance shift (total variation of the shares), shown in the subtitle. */
  statistic: number;
  /** Its threshold. */
  threshold: number;
  /** Whether the shift passed the threshold. */
  detected: boolean;
}

/** Options of {@linkcode attributionDriftChart}. */
export interface AttributionDriftChartOptions extends ChartOptions {
  /**
   * Plot each window's share of its total importance (comparable when the output's scale moved)
   * or the raw mean |attribution|.
   * @default "share"
   */
  scale?: "share" | "mean_abs";
}

/**
 * Builds paired horizontal bars per feature, reference (blue) beside current (orange), of each
 * window's importance share (or raw mean |attribution|), features sorted by reference importance.
 * The default subtitle states the importance shift against its threshold and whether it was
 * detected. Cost O(features log features).
 *
 * @param result An attribution-drift result.
 * @param options `scale`, title, subtitle and size.
 * @returns A Vega-Lite spec with explicit width and height (default height: 36 px per feature,
 *   at least 120).
 * @example
 * ```ts
 * import { attributionDriftChart } from "./attribution_drift_chart.ts";
 * const spec = attributionDriftChart({
 *   statistic: 0.5, threshold: 0.1, detected: true,
 *   features: [
 *     { feature: "a", referenceImportance: 1, currentImportance: 3, referenceShare: 0.25, currentShare: 0.75 },
 *     { feature: "b", referenceImportance: 3, currentImportance: 1, referenceShare: 0.75, currentShare: 0.25 },
 *   ],
 * }) as { data: { values: { feature: string; window: string; value: number }[] } };
 * const v = spec.data.values.map((d) => `${d.feature}/${d.window}=${d.value}`);
 * if (v.join() !== "b/Reference=0.75,b/Current=0.25,a/Reference=0.25,a/Current=0.75") throw new Error(v.join());
 * ```
 */
export function attributionDriftChart(
  result: AttributionDriftInput,
  options: AttributionDriftChartOptions = {},
): VegaLiteSpec {
  const share = (options.scale ?? "share") === "share";
  const rank = (v: number) => (Number.isFinite(v) ? v : -Infinity);
  const ordered = [...result.features].sort((a, b) =>
    rank(b.referenceImportance) - rank(a.referenceImportance)
  );
  const values = ordered.flatMap((f) => [
    {
      feature: f.feature,
      window: "Reference",
      value: finiteOrNull(share ? f.referenceShare : f.referenceImportance),
    },
    {
      feature: f.feature,
      window: "Current",
      value: finiteOrNull(share ? f.currentShare : f.currentImportance),
    },
  ]);
  const windows = ["Reference", "Current"];
  const body = {
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: {
        field: "feature",
        type: "nominal",
        sort: ordered.map((f) => f.feature),
        title: "Feature",
      },
      yOffset: { field: "window", type: "nominal", sort: windows },
      x: {
        field: "value",
        type: "quantitative",
        title: share ? "Share of importance (mean |attribution|)" : "Mean |attribution|",
        ...(share ? { axis: { format: "%" } } : {}),
      },
      color: {
        field: "window",
        type: "nominal",
        title: null,
        scale: { domain: windows, range: [VIGIL_COLORS.reference, VIGIL_COLORS.current] },
        legend: { orient: "top" },
      },
      tooltip: [
        { field: "feature", type: "nominal", title: "Feature" },
        { field: "window", type: "nominal", title: "Window" },
        {
          field: "value",
          type: "quantitative",
          title: share ? "Share" : "Mean |φ|",
          format: ".4f",
        },
      ],
    },
  };
  const subtitle = options.subtitle ??
    `Importance shift ${formatNumber(result.statistic, 3)} (threshold ${
      formatNumber(result.threshold, 3)
    }): ${result.detected ? "detected" : "not detected"}`;
  const height = options.height ?? Math.max(120, 36 * ordered.length);
  return finishSpec(body, "Importance: reference vs current", { height, ...options, subtitle });
}
