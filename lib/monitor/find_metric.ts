/**
 * Looking up one metric value of a snapshot by name and labels.
 *
 * @module
 */
import type { MetricValue } from "./types.ts";
import { sameLabels } from "./_metric_label.ts";

/**
 * The metric value with this name and exactly these labels (absent labels equal `{}`), or
 * `undefined` when there is none: `findMetric(snapshot.metrics, "recall", { class: "setosa" })`.
 * Labels must match exactly, so `"recall"` without labels does not find a per-class recall.
 * O(metrics).
 *
 * @param metrics The metric values to search, e.g. `snapshot.metrics`.
 * @param name The metric name, e.g. `"accuracy"`.
 * @param labels The labels the value must carry. @default none
 * @returns The first matching value, or `undefined`.
 * @example
 * ```ts
 * import { findMetric } from "./find_metric.ts";
 * const metrics = [{ name: "recall", value: 0.9, labels: { class: "setosa" } }];
 * if (findMetric(metrics, "recall", { class: "setosa" })?.value !== 0.9) throw new Error();
 * if (findMetric(metrics, "recall") !== undefined) throw new Error("labels must match");
 * ```
 */
export function findMetric(
  metrics: readonly MetricValue[],
  name: string,
  labels?: Readonly<Record<string, string>>,
): MetricValue | undefined {
  return metrics.find((m) => m.name === name && sameLabels(m.labels, labels));
}

/**
 * The number of one metric of a snapshot, `NaN` when the snapshot has no such metric (or the
 * metric could not be computed): a shortcut for tables and timelines over many runs,
 * `runs.map((s) => metricValue(s, "accuracy"))`. Labels match exactly, as in
 * {@linkcode findMetric}. O(metrics).
 *
 * @param snapshot A run's snapshot, or any object with its `metrics`.
 * @param name The metric name, e.g. `"macro_f1"`.
 * @param labels The labels the value must carry, e.g. `{ class: "versicolor" }`. @default none
 * @returns The value, or `NaN`.
 * @example
 * ```ts
 * import { metricValue } from "./find_metric.ts";
 * const snapshot = {
 *   metrics: [{ name: "accuracy", value: 0.96 }, { name: "f1", value: 0.9, labels: { class: "a" } }],
 * };
 * if (metricValue(snapshot, "accuracy") !== 0.96) throw new Error("accuracy");
 * if (metricValue(snapshot, "f1", { class: "a" }) !== 0.9) throw new Error("f1");
 * if (!Number.isNaN(metricValue(snapshot, "log_loss"))) throw new Error("absent");
 * ```
 */
export function metricValue(
  snapshot: { readonly metrics: readonly MetricValue[] },
  name: string,
  labels?: Readonly<Record<string, string>>,
): number {
  return findMetric(snapshot.metrics, name, labels)?.value ?? NaN;
}
