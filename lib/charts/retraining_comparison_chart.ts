/**
 * Accuracy over time of several retraining policies on the same stream, with their retrains.
 *
 * @module
 */
import { finishSpec } from "./_spec.ts";
import type { ChartOptions, VegaLiteSpec } from "./theme.ts";

/** Accuracy of one policy in one window (as `compareRetraining` in `lib/concept` returns it). */
export interface PolicyAccuracyPoint {
  /** The policy's name. */
  policy: string;
  /** First row of the window. */
  start: number;
  /** Accuracy in the window, in [0, 1]. */
  accuracy: number;
}

/** One policy's retrains. */
export interface PolicyRetrains {
  /** The policy's name. */
  policy: string;
  /** Rows at which a retrained model took over. */
  retrainedAt: readonly number[];
}

/** Options of {@linkcode retrainingComparisonChart}. */
export interface RetrainingComparisonChartOptions extends ChartOptions {
  /** Rows at which the concept really changed, drawn as dashed grey rules. @default none */
  changePoints?: readonly number[];
}

/**
 * Builds one accuracy line per policy over the stream's windows (x: first row of the window),
 * a short tick at the top of the plot in the policy's colour at each retrain, and a dashed rule
 * at each known change point. Cost O(points + retrains).
 *
 * @param points Accuracy per policy and window.
 * @param retrains Retrains per policy. @default none
 * @param options Change points, title and size (default 560 × 260).
 * @returns A Vega-Lite layered spec with explicit width and height.
 * @example
 * ```ts
 * import { retrainingComparisonChart } from "./retraining_comparison_chart.ts";
 * const spec = retrainingComparisonChart(
 *   [{ policy: "never", start: 0, accuracy: 0.9 }, { policy: "never", start: 500, accuracy: 0.7 }],
 *   [{ policy: "never", retrainedAt: [] }],
 *   { changePoints: [400] },
 * ) as { layer: unknown[]; width: number };
 * if (spec.layer.length !== 2 || spec.width !== 560) throw new Error("lines and change rule");
 * ```
 */
export function retrainingComparisonChart(
  points: readonly PolicyAccuracyPoint[],
  retrains: readonly PolicyRetrains[] = [],
  options: RetrainingComparisonChartOptions = {},
): VegaLiteSpec {
  const policies = [...new Set(points.map((p) => p.policy))];
  const color = { field: "policy", type: "nominal", title: "Policy", scale: { domain: policies } };
  const x = { field: "start", type: "quantitative", title: "Row of the stream" };
  const layer: Record<string, unknown>[] = [{
    data: { values: points.map((p) => ({ ...p })) },
    mark: { type: "line", point: { size: 20 }, strokeWidth: 2 },
    encoding: {
      x,
      y: { field: "accuracy", type: "quantitative", title: "Accuracy", scale: { zero: false } },
      color,
      tooltip: [
        { field: "policy", type: "nominal", title: "Policy" },
        { field: "start", type: "quantitative", title: "Window from row" },
        { field: "accuracy", type: "quantitative", title: "Accuracy", format: ".3f" },
      ],
    },
  }];
  const ticks = retrains.flatMap((r) =>
    r.retrainedAt.map((start) => ({ policy: r.policy, start }))
  );
  if (ticks.length > 0) {
    layer.push({
      data: { values: ticks },
      mark: { type: "tick", orient: "vertical", thickness: 2, size: 14, y: 7 },
      encoding: {
        x,
        color,
        tooltip: [{ field: "policy", title: "Retrained" }, { field: "start", title: "At row" }],
      },
    });
  }
  const changes = options.changePoints ?? [];
  if (changes.length > 0) {
    layer.push({
      data: { values: changes.map((start) => ({ start })) },
      mark: { type: "rule", color: "#888888", strokeDash: [6, 4] },
      encoding: { x },
    });
  }
  return finishSpec(
    { layer },
    "Accuracy over time by retraining policy",
    {
      width: 560,
      height: 260,
      subtitle: "ticks at the top: retrains; dashed: concept changes",
      ...options,
    },
  );
}
