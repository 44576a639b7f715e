import { assertEquals } from "../_assert.ts";
import { findMetric, metricValue } from "../../lib/monitor/find_metric.ts";
import type { MetricValue } from "../../lib/monitor/types.ts";

const metrics: MetricValue[] = [
  { name: "accuracy", value: 0.9 },
  { name: "recall", value: 0.8, labels: { class: "setosa" } },
  { name: "recall", value: 0.7, labels: { class: "virginica" } },
  { name: "roc_auc", value: NaN, reason: "one class" },
  { name: "f1", value: 0.6, labels: { class: "setosa", group: "a" } },
];

Deno.test("findMetric() matches the name and exactly the labels", () => {
  assertEquals(findMetric(metrics, "recall", { class: "virginica" })?.value, 0.7);
  assertEquals(findMetric(metrics, "accuracy")?.value, 0.9);
  assertEquals(findMetric(metrics, "accuracy", {})?.value, 0.9);
  assertEquals(findMetric(metrics, "recall"), undefined);
  assertEquals(findMetric(metrics, "f1", { class: "setosa" }), undefined);
  assertEquals(findMetric(metrics, "f1", { group: "a", class: "setosa" })?.value, 0.6);
  assertEquals(findMetric([], "accuracy"), undefined);
});

Deno.test("metricValue() is the found value, NaN when absent or not computed", () => {
  const snapshot = { metrics };
  assertEquals(metricValue(snapshot, "recall", { class: "setosa" }), 0.8);
  assertEquals(metricValue(snapshot, "precision"), NaN);
  assertEquals(metricValue(snapshot, "roc_auc"), NaN);
  assertEquals(metricValue(snapshot, "recall", { class: "versicolor" }), NaN);
});

Deno.test("metricValue() agrees with findMetric() on every metric of a snapshot", () => {
  for (const m of metrics) {
    assertEquals(
      metricValue({ metrics }, m.name, m.labels),
      findMetric(metrics, m.name, m.labels)!.value,
    );
  }
});
