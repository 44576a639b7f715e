import { assert, assertEquals, assertRelativeEquals } from "../_assert.ts";
import { hellinger, hellingerFromCounts } from "../../lib/drift/hellinger.ts";
import { binningOptions, GOLDEN } from "./_distances_golden.ts";

Deno.test("hellinger() equals the numpy formula sqrt(sum((sqrt p - sqrt q)^2) / 2) on golden cases", () => {
  for (const c of GOLDEN.numeric) {
    for (const b of c.binnings) {
      const r = hellinger(c.reference, c.current, binningOptions(b));
      assertRelativeEquals(r.statistic, b.hellinger, 1e-9, `${c.name} ${b.binning}`);
    }
  }
  for (const c of GOLDEN.categorical) {
    assertRelativeEquals(hellinger(c.reference, c.current).statistic, c.hellinger, 1e-9, c.name);
  }
});

Deno.test("hellinger() lies in [0, 1]: 0 for identical, 1 for disjoint supports", () => {
  for (const c of GOLDEN.numeric) {
    const v = hellinger(c.reference, c.current).statistic;
    assert(v >= 0 && v <= 1);
    assertEquals(hellinger(c.reference, c.reference).statistic, 0);
  }
  assertEquals(hellinger(["a", "a"], ["b"]).statistic, 1);
  assertEquals(hellinger(["a"], ["b"]).details?.normalisation, "1/sqrt(2)");
});

Deno.test("hellinger() agrees with sqrt(1 - Bhattacharyya coefficient)", () => {
  const r = [5, 3, 2];
  const c = [1, 4, 5];
  let bc = 0;
  for (let i = 0; i < 3; i++) bc += Math.sqrt((r[i]! / 10) * (c[i]! / 10));
  assertRelativeEquals(hellingerFromCounts(r, c), Math.sqrt(1 - bc), 1e-12);
});

Deno.test("hellinger() returns an error result for an all-missing column", () => {
  const r = hellinger([null, ""], ["a"], { column: "colour" });
  assertEquals(r.status, "error");
  assertEquals(
    r.reason,
    'Cannot compute Hellinger: reference column "colour" has no non-missing values',
  );
});
