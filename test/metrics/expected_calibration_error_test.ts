import { assert, assertEquals, assertRelativeEquals } from "../_assert.ts";
import { expectedCalibrationError } from "../../lib/metrics/expected_calibration_error.ts";
import { cases } from "./_golden.ts";

Deno.test("expectedCalibrationError() equals the numpy reference (top-class, equal-width bins)", () => {
  for (const c of [...cases("binary"), ...cases("multiclass")]) {
    for (const nBins of [5, 10]) {
      const want = c.ece[String(nBins)];
      const r = expectedCalibrationError(c.y, c.proba, { nBins, nClasses: c.k });
      assertRelativeEquals(r.value, want.value, 1e-9, `${c.name} ${nBins}`);
      assertRelativeEquals(r.details.maximum as number, want.maximum, 1e-9, `${c.name} ${nBins}`);
      assertEquals(r.details.counts, want.counts, c.name);
    }
  }
});

Deno.test("expectedCalibrationError() is 0 for perfectly calibrated bins and at most 1", () => {
  // confidence 0.75 in one bin, 3 of 4 right
  const e = expectedCalibrationError([1, 1, 1, 0], [0.75, 0.75, 0.75, 0.75]);
  assertEquals(e.value, 0);
  const worst = expectedCalibrationError([0, 0], [1, 1]);
  assertEquals(worst.value, 1);
  assert(expectedCalibrationError([], []).status === "error");
});
