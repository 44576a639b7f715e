import { assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { brierScore } from "../../lib/metrics/brier_score.ts";
import { cases } from "./_golden.ts";

Deno.test("brierScore() equals sklearn's brier_score_loss for binary probabilities", () => {
  for (const c of cases("binary")) {
    const r = brierScore(c.y, c.proba);
    assertRelativeEquals(r.value, c.brier, 1e-9, c.name);
    assertEquals(r.details.method, "binary");
  }
});

Deno.test("brierScore() multiclass equals the numpy one-hot reference and doubles the binary score", () => {
  for (const c of cases("multiclass")) {
    const r = brierScore(c.y, c.proba, { nClasses: c.k });
    assertRelativeEquals(r.value, c.brier_multiclass, 1e-9, c.name);
    assertEquals(r.details.method, "multiclass");
  }
  // an n×2 matrix is binary: column posLabel
  assertRelativeEquals(brierScore([0, 1], [0.7, 0.3, 0.4, 0.6]).value, (0.09 + 0.16) / 2, 1e-15);
});

Deno.test("brierScore() rejects probabilities above 1", () => {
  assertThrows(() => brierScore([0, 1], [0.5, 1.5]), RangeError, "proba[1] is 1.5");
});
