import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { rocCurve } from "../../lib/metrics/roc_curve.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assertArrayRelative, cases } from "./_golden.ts";

Deno.test("rocCurve() equals sklearn 1.2.1's roc_curve, with and without drop_intermediate", () => {
  for (const c of cases("binary")) {
    const r = rocCurve(c.y, c.scores);
    assertArrayRelative(r.fpr, c.roc_curve.fpr, 1e-9, `${c.name} fpr`);
    assertArrayRelative(r.tpr, c.roc_curve.tpr, 1e-9, `${c.name} tpr`);
    assertArrayRelative(r.thresholds, c.roc_curve.thresholds, 1e-9, `${c.name} thresholds`);
    assertRelativeEquals(r.auc, c.roc_auc, 1e-9, `${c.name} auc`);
    const all = rocCurve(c.y, c.scores, { dropIntermediate: false });
    assertArrayRelative(all.fpr, c.roc_curve_all.fpr, 1e-9, `${c.name} fpr (all)`);
    assertArrayRelative(all.thresholds, c.roc_curve_all.thresholds, 1e-9, `${c.name} thr (all)`);
  }
});

Deno.test("rocCurve() starts at (0, 0) with threshold max+1, or +Infinity on request", () => {
  const r = rocCurve([0, 1, 1], [3, 5, 5]);
  assertEquals(r.thresholds, [6, 5, 3]);
  assertEquals(rocCurve([0, 1], [3, 5], { firstThreshold: "infinity" }).thresholds[0], Infinity);
  assertEquals([r.fpr[0], r.tpr[0]], [0, 0]);
});

Deno.test("rocCurve() is monotone and ends at (1, 1) on random tied data", () => {
  const rand = seededRandom(3);
  const y = Int32Array.from({ length: 2000 }, () => (rand() < 0.3 ? 1 : 0));
  const s = Float64Array.from(y, (v) => Math.round((rand() + 0.3 * v) * 20) / 20);
  const r = rocCurve(y, s);
  for (let i = 1; i < r.fpr.length; i++) {
    assert(r.fpr[i]! >= r.fpr[i - 1]! && r.tpr[i]! >= r.tpr[i - 1]!, `not monotone at ${i}`);
    assert(r.thresholds[i]! < r.thresholds[i - 1]!);
  }
  assertEquals([r.fpr.at(-1), r.tpr.at(-1)], [1, 1]);
});

Deno.test("rocCurve() with one class is an error result with NaN rates, as sklearn", () => {
  const r = rocCurve([1, 1, 1], [0.1, 0.2, 0.3]);
  assertEquals(r.status, "error");
  assert(r.reason!.includes("No negative"));
  assert(r.fpr.every(Number.isNaN) && Number.isNaN(r.auc));
  assertEquals(rocCurve([], []).status, "error");
});

Deno.test("rocCurve() rejects NaN scores, mismatched lengths and non-binary labels", () => {
  assertThrows(() => rocCurve([0, 1, 0], [0.1, NaN, 0.3]), RangeError, "scores[1] is NaN");
  assertThrows(() => rocCurve([0, 1, 0], [0.1, 0.3]), TypeError);
  assertThrows(() => rocCurve([0, 2], [0.1, 0.3]), RangeError, "yTrue[1] is 2");
});
