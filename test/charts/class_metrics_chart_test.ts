import { assertEquals, assertThrows } from "../_assert.ts";
import { classMetricsChart } from "../../lib/charts/class_metrics_chart.ts";
import { dataValues } from "./_spec_check.ts";

const rows = [
  { className: "b", precision: 0.5, recall: 1, f1: 2 / 3, support: 3 },
  { className: "a", precision: NaN, recall: 0, f1: NaN, support: 2 },
];

Deno.test("classMetricsChart() draws one bar per class and defined metric", () => {
  const values = dataValues(classMetricsChart(rows));
  assertEquals(values.map((v) => [v.className, v.metric, v.value]), [
    ["b", "Precision", 0.5],
    ["b", "Recall", 1],
    ["b", "F1", 2 / 3],
    // Undefined precision and F1 (no predictions of "a") are left out, not drawn as 0.
    ["a", "Recall", 0],
  ]);
});

Deno.test("classMetricsChart() keeps class order and draws only the requested metrics", () => {
  const spec = classMetricsChart(rows, { metrics: ["f1"] }) as unknown as {
    encoding: { x: { sort: string[] }; color: { scale: { domain: string[] } } };
  };
  assertEquals(spec.encoding.x.sort, ["b", "a"]);
  assertEquals(spec.encoding.color.scale.domain, ["F1"]);
  assertEquals(dataValues(spec).length, 1);
});

Deno.test("classMetricsChart() shows support in the tooltip only when given", () => {
  const withSupport = JSON.stringify(classMetricsChart(rows));
  const without = JSON.stringify(
    classMetricsChart([{ className: "a", precision: 1, recall: 1, f1: 1 }]),
  );
  assertEquals(withSupport.includes('"Support"'), true);
  assertEquals(without.includes('"Support"'), false);
});

Deno.test("classMetricsChart() rejects duplicate classes", () => {
  assertThrows(() => classMetricsChart([rows[0]!, rows[0]!]), TypeError, 'Duplicate class "b"');
});
