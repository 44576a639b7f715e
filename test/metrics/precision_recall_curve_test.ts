import { assert, assertEquals, assertRelativeEquals } from "../_assert.ts";
import { precisionRecallCurve } from "../../lib/metrics/precision_recall_curve.ts";
import { averagePrecision } from "../../lib/metrics/average_precision.ts";
import { assertArrayRelative, cases } from "./_golden.ts";

Deno.test("precisionRecallCurve() equals sklearn 1.2.1's precision_recall_curve", () => {
  for (const c of cases("binary")) {
    const r = precisionRecallCurve(c.y, c.scores);
    assertArrayRelative(r.precision, c.pr_curve.precision, 1e-9, `${c.name} precision`);
    assertArrayRelative(r.recall, c.pr_curve.recall, 1e-9, `${c.name} recall`);
    assertArrayRelative(r.thresholds, c.pr_curve.thresholds, 1e-9, `${c.name} thresholds`);
    assertRelativeEquals(r.averagePrecision, c.average_precision, 1e-9, c.name);
  }
});

Deno.test("averagePrecision() equals sklearn's average_precision_score, binary and one-vs-rest", () => {
  for (const c of cases("binary")) {
    assertRelativeEquals(averagePrecision(c.y, c.scores).value, c.average_precision, 1e-9, c.name);
  }
  for (const c of cases("multiclass")) {
    const macro = averagePrecision(c.y, c.proba, { nClasses: c.k });
    assertArrayRelative(
      macro.details.perClass as number[],
      c.average_precision.per_class,
      1e-9,
      c.name,
    );
    if (c.average_precision.macro === "error") {
      assertEquals(macro.status, "error", c.name);
      continue;
    }
    assertRelativeEquals(macro.value, c.average_precision.macro, 1e-9, c.name);
    const weighted = averagePrecision(c.y, c.proba, { average: "weighted" });
    assertRelativeEquals(weighted.value, c.average_precision.weighted, 1e-9, c.name);
  }
});

Deno.test("averagePrecision() is 1 for a perfect ranking and an error without positives", () => {
  assertEquals(averagePrecision([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]).value, 1);
  const r = averagePrecision([0, 0], [0.1, 0.2]);
  assertEquals(r.status, "error");
  assert(Number.isNaN(r.value));
  assertEquals(precisionRecallCurve([0, 0], [0.1, 0.2]).recall, [1, 1, 0]);
});
