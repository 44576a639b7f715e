import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { klDivergence, klFromCounts } from "../../lib/drift/kl_divergence.ts";
import { binningOptions, GOLDEN } from "./_distances_golden.ts";

Deno.test("klDivergence() equals scipy.stats.entropy(current, reference) on golden binnings", () => {
  for (const c of GOLDEN.numeric) {
    for (const b of c.binnings) {
      const name = `${c.name} ${b.binning} ${b.bins}`;
      const o = binningOptions(b);
      assertRelativeEquals(klDivergence(c.reference, c.current, o).statistic, b.kl, 1e-9, name);
      const rev = klDivergence(c.reference, c.current, { ...o, direction: "reference||current" });
      assertRelativeEquals(rev.statistic, b.klReverse, 1e-9, name);
      assertRelativeEquals(
        klDivergence(c.reference, c.current, { ...o, base: 2 }).statistic,
        b.kl2,
        1e-9,
      );
    }
  }
  for (const c of GOLDEN.categorical) {
    assertRelativeEquals(klDivergence(c.reference, c.current).statistic, c.kl, 1e-9, c.name);
  }
});

Deno.test("klDivergence() names its direction, epsilon and base in the result", () => {
  const r = klDivergence([1, 2, 3, 4], [2, 3, 4, 5]);
  assertEquals(r.details?.direction, "current||reference");
  assertEquals([r.details?.epsilon, r.details?.base, r.method], [1e-4, Math.E, "kl_divergence"]);
  const rev = klDivergence([1, 2, 3, 4], [2, 3, 4, 5], { direction: "reference||current" });
  assertEquals(rev.details?.direction, "reference||current");
});

Deno.test("klDivergence() is >= 0, 0 for identical samples, and asymmetric", () => {
  for (const c of GOLDEN.numeric) {
    assertEquals(klDivergence(c.reference, c.reference).statistic, 0);
    assert(klDivergence(c.reference, c.current).statistic >= 0);
  }
  assert(Math.abs(klFromCounts([1, 3], [1, 1]) - klFromCounts([1, 1], [1, 3])) > 1e-3);
});

Deno.test("klDivergence() returns an error result for empty input and rejects bad options", () => {
  assertEquals(klDivergence([], []).status, "error");
  assertThrows(
    () => klDivergence([1], [1], { direction: "up" as unknown as "current||reference" }),
    RangeError,
  );
  assertThrows(() => klDivergence([1], [1], { epsilon: -1 }), RangeError);
});

Deno.test("klDivergence() stays finite when current has categories unseen in the reference", () => {
  const r = klDivergence(["a", "a", "b"], ["a", "c", "c"]);
  assert(Number.isFinite(r.statistic) && r.statistic > 0 && r.detected);
  const rev = klDivergence(["a", "a", "b"], ["a", "c", "c"], { direction: "reference||current" });
  assert(Number.isFinite(rev.statistic) && rev.statistic > 0);
});
