/**
 * Per-class precision, recall and F1 as grouped bars.
 *
 * @module
 */
import { finishSpec } from "./_spec.ts";
import type { ChartOptions, VegaLiteSpec } from "./theme.ts";

/** One class's metrics, as in scikit-learn's `classification_report(output_dict=True)`. */
export interface ClassMetricsInput {
  /** Class label. */
  className: string;
  /** Precision in [0, 1]; `NaN` (undefined, no predictions) leaves its bar out. */
  precision: number;
  /** Recall in [0, 1]. */
  recall: number;
  /** F1 score in [0, 1]. */
  f1: number;
  /** Number of samples of the class, shown in the tooltip. @default not shown */
  support?: number;
}

/** A metric shown by {@linkcode classMetricsChart}. */
export type ClassMetricName = "precision" | "recall" | "f1";

/** Options of {@linkcode classMetricsChart}. */
export interface ClassMetricsChartOptions extends ChartOptions {
  /** Metrics to draw, in bar order. @default ["precision", "recall", "f1"] */
  metrics?: readonly ClassMetricName[];
}

const METRIC_TITLES: Record<ClassMetricName, string> = {
  precision: "Precision",
  recall: "Recall",
  f1: "F1",
};

/**
 * Builds grouped bars of per-class metrics: one group per class (input order), one bar per metric
 * (colour), y from 0 to 1. Undefined metrics (`NaN`) are left out rather than drawn as 0.
 * Cost O(classes × metrics).
 *
 * @param rows One entry per class.
 * @param options Metrics, title and size.
 * @returns A Vega-Lite spec with explicit width and height.
 * @throws {TypeError} If two rows share a class name.
 *
 * @example
 * ```ts
 * import { classMetricsChart } from "./class_metrics_chart.ts";
 * const spec = classMetricsChart([{ className: "a", precision: 1, recall: 0.5, f1: 2 / 3 }]) as {
 *   data: { values: unknown[] };
 * };
 * if (spec.data.values.length !== 3) throw new Error("one bar per metric");
 * ```
 */
export function classMetricsChart(
  rows: readonly ClassMetricsInput[],
  options: ClassMetricsChartOptions = {},
): VegaLiteSpec {
  const metrics = options.metrics ?? ["precision", "recall", "f1"];
  const classes: string[] = [];
  const values: Record<string, string | number>[] = [];
  for (const row of rows) {
    if (classes.includes(row.className)) {
      throw new TypeError(`Duplicate class "${row.className}" in class metrics`);
    }
    classes.push(row.className);
    for (const metric of metrics) {
      const value = row[metric];
      if (!Number.isFinite(value)) continue;
      values.push({
        className: row.className,
        metric: METRIC_TITLES[metric],
        value,
        ...(row.support === undefined ? {} : { support: row.support }),
      });
    }
  }
  const metricTitles = metrics.map((m) => METRIC_TITLES[m]);
  const body = {
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "className",
        type: "nominal",
        sort: classes,
        title: "Class",
        axis: { labelAngle: 0 },
      },
      xOffset: { field: "metric", type: "nominal", sort: metricTitles },
      y: { field: "value", type: "quantitative", scale: { domain: [0, 1] }, title: "Score" },
      color: { field: "metric", type: "nominal", title: "Metric", scale: { domain: metricTitles } },
      tooltip: [
        { field: "className", type: "nominal", title: "Class" },
        { field: "metric", type: "nominal", title: "Metric" },
        { field: "value", type: "quantitative", title: "Score", format: ".3f" },
        ...(rows.some((r) => r.support !== undefined)
          ? [{ field: "support", type: "quantitative", title: "Support" }]
          : []),
      ],
    },
  };
  return finishSpec(body, "Per-class metrics", options);
}
