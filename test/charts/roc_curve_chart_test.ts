// deno-lint-ignore-file no-explicit-any
import { assertEquals, assertThrows } from "../_assert.ts";
import { rocCurveChart } from "../../lib/charts/roc_curve_chart.ts";
import { dataValues } from "./_spec_check.ts";

type Layered = {
  layer: { data: { values: Record<string, unknown>[] }; encoding: Record<string, any> }[];
};

Deno.test("rocCurveChart() names each curve with its AUC and keeps input order in the legend", () => {
  const spec = rocCurveChart([
    { className: "virginica", fpr: [0, 1], tpr: [0, 1], auc: 0.5 },
    { className: "setosa", fpr: Float64Array.of(0, 0, 1), tpr: Float64Array.of(0, 1, 1), auc: 1 },
  ], { digits: 2 }) as unknown as Layered;
  assertEquals(spec.layer[1]!.encoding.color.scale.domain, [
    "virginica (AUC 0.50)",
    "setosa (AUC 1.00)",
  ]);
});

Deno.test("rocCurveChart() keeps point order (vertical steps) and draws the chance diagonal", () => {
  const spec = rocCurveChart([{
    className: "c",
    fpr: [0, 0, 0.5, 1],
    tpr: [0, 0.5, 1, 1],
    auc: 0.875,
  }]) as unknown as Layered;
  const pts = spec.layer[1]!.data.values;
  assertEquals(pts.map((p) => [p.order, p.fpr, p.tpr]), [[0, 0, 0], [1, 0, 0.5], [2, 0.5, 1], [
    3,
    1,
    1,
  ]]);
  assertEquals(spec.layer[1]!.encoding.order.field, "order");
  assertEquals(spec.layer[0]!.data.values, [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }]);
});

Deno.test("rocCurveChart() drops non-finite points and shows a NaN AUC as n/a", () => {
  const spec = rocCurveChart([{
    className: "c",
    fpr: [0, NaN, 1],
    tpr: [0, 0.5, 1],
    auc: NaN,
  }]) as unknown as Layered;
  assertEquals(spec.layer[1]!.data.values.length, 2);
  assertEquals(spec.layer[1]!.data.values[0]!.curve, "c (AUC n/a)");
});

Deno.test("rocCurveChart() rejects mismatched lengths and duplicate curves", () => {
  assertThrows(
    () => rocCurveChart([{ className: "c", fpr: [0, 1], tpr: [0], auc: 1 }]),
    TypeError,
    "2 fpr values but 1",
  );
  const c = { className: "c", fpr: [0, 1], tpr: [0, 1], auc: 0.5 };
  assertThrows(() => rocCurveChart([c, c]), TypeError, "Duplicate");
});

Deno.test("rocCurveChart() of no curves is still a valid, sized spec with the diagonal", () => {
  const spec = rocCurveChart([]);
  assertEquals(dataValues((spec as unknown as Layered).layer[1]), []);
});
