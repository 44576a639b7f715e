import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { calibrationCurve } from "../../lib/metrics/calibration_curve.ts";
import { assertArrayRelative, cases } from "./_golden.ts";

Deno.test("calibrationCurve() equals sklearn 1.2.1's calibration_curve, uniform and quantile", () => {
  for (const c of cases("binary")) {
    for (const strategy of ["uniform", "quantile"] as const) {
      for (const nBins of [5, 10]) {
        const r = calibrationCurve(c.y, c.proba, { strategy, nBins });
        const want = c.calibration[`${strategy}|${nBins}`];
        const msg = `${c.name} ${strategy} ${nBins}`;
        assertArrayRelative(r.probTrue, want.prob_true, 1e-9, msg);
        assertArrayRelative(r.probPred, want.prob_pred, 1e-9, msg);
        assertEquals(r.counts.reduce((a, b) => a + b, 0), c.y.length);
      }
    }
  }
});

Deno.test("calibrationCurve() puts a probability on an inner edge in the lower bin", () => {
  const r = calibrationCurve([0, 1, 1], [0.2, 0.2, 0.9]);
  assertEquals(r.counts, [2, 1]);
  assertEquals(r.probTrue, [0.5, 1]);
});

Deno.test("calibrationCurve() rejects out-of-range probabilities and bad bins", () => {
  assertThrows(() => calibrationCurve([0, 1], [0.2, -0.1]), RangeError, "probPos[1] is -0.1");
  assertThrows(() => calibrationCurve([0, 1], [0.2, 0.1], { nBins: 0 }), RangeError, "nBins");
  assert(calibrationCurve([], []).status === "error");
});
