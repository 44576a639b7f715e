import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { FLOAT64_EPS, logLoss } from "../../lib/metrics/log_loss.ts";
import { cases } from "./_golden.ts";

Deno.test("logLoss() equals sklearn 1.2.1's log_loss (eps='auto'), binary and multiclass", () => {
  for (const c of [...cases("binary"), ...cases("multiclass")]) {
    assertRelativeEquals(logLoss(c.y, c.proba, { nClasses: c.k }).value, c.log_loss, 1e-9, c.name);
  }
});

Deno.test("logLoss() clips certainty at float64 eps instead of returning Infinity", () => {
  const r = logLoss([1, 0], [0, 0]);
  assertRelativeEquals(r.value, -Math.log(FLOAT64_EPS) / 2, 1e-12);
  assertEquals(r.details.eps, FLOAT64_EPS);
  assertEquals(logLoss([0, 1], [0, 1]).value < 1e-15, true);
  assert(logLoss([0, 1], [0.1, 0.9]).value < logLoss([0, 1], [0.4, 0.6]).value);
});

Deno.test("logLoss() rejects probabilities outside [0, 1] and empty input is an error result", () => {
  assertThrows(() => logLoss([0, 1], [0.2, 1.2]), RangeError, "proba[1] is 1.2, outside [0, 1]");
  assertThrows(() => logLoss([0, 1], [0.2, 0.8, 0.3, 0.6]), RangeError, "proba row 1 sums to");
  assertEquals(logLoss([], []).status, "error");
});
