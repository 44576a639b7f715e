import { assert, assertEquals, assertRelativeEquals } from "../_assert.ts";
import { andersonDarling } from "../../lib/drift/anderson_darling.ts";
import { loadDriftGolden } from "./_golden.ts";

Deno.test("andersonDarling() equals scipy anderson_ksamp (midrank) to 1e-9", () => {
  // statistic: 1e-9 relative with a 1e-12 absolute floor (it is a difference A²kN − (k − 1)
  // that can be near 0)
  for (const c of loadDriftGolden().cases) {
    if (!c.anderson) continue;
    const r = andersonDarling(c.reference, c.current);
    assertRelativeEquals(r.statistic, c.anderson.statistic, 1e-9, c.name);
    assertRelativeEquals(r.pValue!, c.anderson.pvalue, 1e-9, c.name);
    const crit = r.details?.criticalValues as number[];
    c.anderson.critical.forEach((v, i) => assertRelativeEquals(crit[i]!, v, 1e-12, c.name));
    assertEquals(r.details?.warning ?? null, c.anderson.warning, c.name);
  }
});

Deno.test("andersonDarling() records scipy's cap and floor of the p-value", () => {
  const capped = andersonDarling([1, 2, 3, 4], [1, 2, 3, 4]);
  assertEquals([capped.pValue, capped.details?.pValueBound, capped.detected], [
    0.25,
    "capped",
    false,
  ]);
  const far = andersonDarling(
    Array.from({ length: 30 }, (_, i) => i),
    Array.from({ length: 30 }, (_, i) => i + 100),
  );
  assertEquals([far.pValue, far.details?.pValueBound, far.detected], [0.001, "floored", true]);
});

Deno.test("andersonDarling() returns error results for empty or single-valued data", () => {
  const empty = andersonDarling([], [1, 2]);
  assertEquals(empty.status, "error");
  const constant = andersonDarling([5, 5], [5, NaN], { column: "z" });
  assertEquals([constant.status, constant.details?.missingCurrent], ["error", 1]);
  assert(constant.reason!.includes("one distinct value") && constant.reason!.includes('"z"'));
});
