/**
 * Global feature importance with its spread: permutation importance mean ± standard deviation,
 * with every repeat drawn.
 *
 * @module
 */
import { finishSpec, finiteOrNull } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/**
 * One feature's importance. `FeatureImportance` from `lib/explain` fits this shape; only these
 * fields are read.
 */
export interface FeatureImportanceInput {
  /** Feature name. */
  feature: string;
  /** Mean importance (score drop). */
  mean: number;
  /** Its standard deviation over repeats. */
  std: number;
  /** The importance of each repeat, drawn as dots. @default not drawn */
  importances?: readonly number[];
}

/** Options of {@linkcode featureImportanceChart}. */
export interface FeatureImportanceChartOptions extends ChartOptions {
  /** Axis title of the importance. @default "Importance (drop in score)" */
  valueTitle?: string;
  /** Sort features by descending mean importance; `false` keeps the input order. @default true */
  sort?: boolean;
}

/**
 * Builds horizontal bars of each feature's mean importance, a dark error bar from mean − std to
 * mean + std, and one dot per repeat, so a feature whose spread crosses 0 reads as "not reliably
 * important". Features are sorted by descending mean. Non-finite means are listed with no bar.
 * Cost O(features · repeats).
 *
 * @param features One entry per feature (`PermutationImportanceResult.features`).
 * @param options `valueTitle`, `sort`, title and size.
 * @returns A Vega-Lite layered spec with explicit width and height (default height: 28 px per
 *   feature, at least 120).
 * @throws {TypeError} When a feature name repeats.
 * @example
 * ```ts
 * import { featureImportanceChart } from "./feature_importance_chart.ts";
 * const spec = featureImportanceChart([
 *   { feature: "a", mean: 0.1, std: 0.02 },
 *   { feature: "b", mean: 0.4, std: 0.05 },
 * ]) as { data: { values: { feature: string; low: number }[] } };
 * if (spec.data.values.map((v) => v.feature).join() !== "b,a") throw new Error("sorted");
 * if (Math.abs(spec.data.values[0]!.low - 0.35) > 1e-12) throw new Error("mean − std");
 * ```
 */
export function featureImportanceChart(
  features: readonly FeatureImportanceInput[],
  options: FeatureImportanceChartOptions = {},
): VegaLiteSpec {
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f.feature)) throw new TypeError(`Duplicate feature "${f.feature}" in importances`);
    seen.add(f.feature);
  }
  const rank = (m: number) => (Number.isFinite(m) ? m : -Infinity);
  const ordered = options.sort === false
    ? [...features]
    : [...features].sort((a, b) => rank(b.mean) - rank(a.mean));
  const values = ordered.map((f) => ({
    feature: f.feature,
    mean: finiteOrNull(f.mean),
    std: finiteOrNull(f.std),
    low: finiteOrNull(f.mean - f.std),
    high: finiteOrNull(f.mean + f.std),
  }));
  const repeats = ordered.flatMap((f) =>
    (f.importances ?? []).map((v, r) => ({
      feature: f.feature,
      repeat: r + 1,
      importance: finiteOrNull(v),
    }))
  );
  const y = {
    field: "feature",
    type: "nominal",
    sort: ordered.map((f) => f.feature),
    title: "Feature",
  };
  const x = { type: "quantitative", title: options.valueTitle ?? "Importance (drop in score)" };
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: "bar", height: { band: 0.6 }, color: VIGIL_COLORS.neutral },
      encoding: {
        x: { field: "mean", ...x },
        tooltip: [
          { field: "feature", type: "nominal", title: "Feature" },
          { field: "mean", type: "quantitative", title: "Mean", format: ".4f" },
          { field: "std", type: "quantitative", title: "Std", format: ".4f" },
        ],
      },
    },
    {
      mark: { type: "rule", color: VIGIL_COLORS.threshold, strokeWidth: 2 },
      encoding: { x: { field: "low", ...x }, x2: { field: "high" } },
    },
  ];
  if (repeats.length > 0) {
    layer.push({
      data: { values: repeats },
      mark: { type: "point", filled: true, size: 18, color: VIGIL_COLORS.current, opacity: 0.8 },
      encoding: {
        x: { field: "importance", ...x },
        tooltip: [
          { field: "feature", type: "nominal", title: "Feature" },
          { field: "repeat", type: "quantitative", title: "Repeat" },
          { field: "importance", type: "quantitative", title: "Importance", format: ".4f" },
        ],
      },
    });
  }
  const body = { data: { values }, encoding: { y }, layer };
  const height = options.height ?? Math.max(120, 28 * values.length);
  return finishSpec(body, "Feature importance (mean ± std)", { height, ...options });
}
