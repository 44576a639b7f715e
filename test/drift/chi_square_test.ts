import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { chiSquare } from "../../lib/drift/chi_square.ts";
import { GOLDEN } from "./_distances_golden.ts";

Deno.test("chiSquare() equals scipy.stats.chisquare with expected = reference shares x current total", () => {
  for (const c of GOLDEN.categorical) {
    const r = chiSquare(c.reference, c.current);
    assertEquals([r.method, r.operator, r.threshold], ["chi_square", "<", 0.05]);
    assertRelativeEquals(r.statistic, c.chiSquare.statistic, 1e-9, c.name);
    assertRelativeEquals(r.pValue!, c.chiSquare.pValue, 1e-9, c.name);
    assertEquals(r.detected, c.chiSquare.pValue < 0.05);
    assertEquals(r.details?.dof, c.categories.length - 1);
  }
});

Deno.test("chiSquare({ test: 'contingency' }) equals scipy.stats.chi2_contingency, Yates on 2x2 by default", () => {
  let sawYates = false;
  for (const c of GOLDEN.categorical) {
    const r = chiSquare(c.reference, c.current, { test: "contingency" });
    assertEquals(r.method, "chi_square_contingency");
    assertRelativeEquals(r.statistic, c.contingency.statistic, 1e-9, c.name);
    assertRelativeEquals(r.pValue!, c.contingency.pValue, 1e-9, c.name);
    assertEquals(r.details?.dof, c.contingency.dof);
    sawYates ||= r.details?.correction === true;
    const raw = chiSquare(c.reference, c.current, { test: "contingency", correction: false });
    assertRelativeEquals(raw.statistic, c.contingencyNoCorrection.statistic, 1e-9, c.name);
    assertRelativeEquals(raw.pValue!, c.contingencyNoCorrection.pValue, 1e-9, c.name);
  }
  assert(sawYates);
});

Deno.test("chiSquare() reports categories unseen in the reference with an infinite statistic and p = 0", () => {
  const r = chiSquare(["a", "a", "b"], ["a", "c"]);
  assertEquals([r.statistic, r.pValue, r.detected], [Infinity, 0, true]);
  assertEquals(r.details?.unseenCategories, ["c"]);
});

Deno.test("chiSquare() p-values lie in [0, 1] and a single category gives p = 1", () => {
  for (const c of GOLDEN.categorical) {
    for (const test of ["goodness_of_fit", "contingency"] as const) {
      const p = chiSquare(c.reference, c.current, { test }).pValue!;
      assert(p >= 0 && p <= 1);
    }
  }
  for (const test of ["goodness_of_fit", "contingency"] as const) {
    const r = chiSquare(["x", "x"], ["x"], { test });
    assertEquals([r.statistic, r.pValue, r.detected], [0, 1, false]);
  }
});

Deno.test("chiSquare() drops missing values and returns an error result for an empty column", () => {
  const r = chiSquare(["a", null, "", "b"], ["a", undefined, "b"]);
  assertEquals([r.nReference, r.nCurrent, r.details?.missingReference, r.details?.missingCurrent], [
    2,
    2,
    2,
    1,
  ]);
  const e = chiSquare([], ["a"], { column: "c" });
  assertEquals(
    e.reason,
    'Cannot compute chi-square: reference column "c" has no non-missing values',
  );
  assertThrows(() => chiSquare("ab" as unknown as string[], ["a"]), TypeError);
  assertThrows(() => chiSquare(["a"], ["a"], { test: "g" as "contingency" }), RangeError);
});
