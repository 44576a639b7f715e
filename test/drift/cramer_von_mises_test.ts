import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { cramerVonMises } from "../../lib/drift/cramer_von_mises.ts";
import { loadDriftGolden } from "./_golden.ts";

Deno.test("cramerVonMises() equals scipy cramervonmises_2samp (auto, exact, asymptotic)", () => {
  // statistic and exact p-value: 1e-9 relative. Asymptotic p-value: 1e-9 relative or 1e-13
  // absolute — scipy returns 1 − cdf, so for p → 0 both carry ~1e-15 absolute rounding.
  for (const c of loadDriftGolden().cases) {
    for (const [method, g] of Object.entries(c.cvm ?? {})) {
      const r = cramerVonMises(c.reference, c.current, { method: method as "auto" });
      const msg = `${c.name} ${method}`;
      assertRelativeEquals(r.statistic, g!.statistic, 1e-9, msg);
      const exact = r.details?.pValueMethod === "exact";
      assertRelativeEquals(r.pValue!, g!.pvalue, 1e-9, msg, exact ? 1e-300 : 1e-13);
    }
  }
});

Deno.test("cramerVonMises() auto is exact up to 20 per side", () => {
  assertEquals(cramerVonMises([1, 2, 3], [4, 5, 6]).details?.pValueMethod, "exact");
  const a = Array.from({ length: 21 }, (_, i) => i);
  assertEquals(cramerVonMises(a, [1, 2]).details?.pValueMethod, "asymptotic");
});

Deno.test("cramerVonMises() gives p-value 1 for identical samples and is symmetric", () => {
  const a = [0.1, 0.5, 0.2, 0.9, 0.4, 0.3];
  assertEquals(cramerVonMises(a, [...a]).pValue, 1);
  const b = [0.6, 0.8, 0.7, 1.2];
  const ab = cramerVonMises(a, b), ba = cramerVonMises(b, a);
  assertRelativeEquals(ab.statistic, ba.statistic, 1e-14);
  assertEquals(ab.pValue, ba.pValue);
});

Deno.test("cramerVonMises() needs two values per side: error result, not a throw", () => {
  const r = cramerVonMises([1, NaN], [1, 2, 3], { column: "c" });
  assertEquals([r.status, r.details?.missingReference], ["error", 1]);
  assert(r.reason!.includes("at least 2"), r.reason);
  assertThrows(() => cramerVonMises([1, 2], [1, 2], { method: "fast" as "auto" }), RangeError);
});
