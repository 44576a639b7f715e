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
  assert(Math.abs(klFromCounts([1, 1], [1, 3]) - klFromCounts([1, 3], [1, 1])) > 1e-3);
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

Deno.test("klFromCounts() takes KL(current ‖ reference) by default and the reverse on request", () => {
  const reference = [3, 1, 0], current = [1, 1, 2];
  const eps = 1e-4;
  const norm = (c: number[]) => {
    const t = c.reduce((a, b) => a + b, 0);
    const p = c.map((v) => (v === 0 ? eps : v / t));
    const s = p.reduce((a, b) => a + b, 0);
    return p.map((v) => v / s);
  };
  const kl = (p: number[], q: number[]) => p.reduce((a, v, i) => a + v * Math.log(v / q[i]!), 0);
  const forward = kl(norm(current), norm(reference));
  const reverse = kl(norm(reference), norm(current));
  assertRelativeEquals(klFromCounts(reference, current), forward, 1e-12);
  assertRelativeEquals(
    klFromCounts(reference, current, { direction: "reference||current" }),
    reverse,
    1e-12,
  );
  assertRelativeEquals(
    klFromCounts(reference, current, { base: 2 }),
    forward / Math.LN2,
    1e-12,
  );
  assertEquals(
    klFromCounts(current, reference, { direction: "reference||current" }),
    klFromCounts(reference, current),
  );
});

Deno.test("klFromCounts() rejects mismatched lengths and bad options", () => {
  assertThrows(() => klFromCounts([1, 2], [1]), TypeError);
  assertThrows(
    () => klFromCounts([1], [1], { direction: "up" as unknown as "current||reference" }),
    RangeError,
  );
  assertThrows(() => klFromCounts([1], [1], { epsilon: 0 }), RangeError);
  assertThrows(() => klFromCounts([1], [1], { base: 1 }), RangeError);
});
