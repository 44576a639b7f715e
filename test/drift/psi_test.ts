import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { psi, psiFromCounts } from "../../lib/drift/psi.ts";
import { sortedFinite } from "../../lib/stats/sort.ts";
import { binningOptions, GOLDEN } from "./_distances_golden.ts";

Deno.test("psi() equals the numpy reference on every golden binning, with the same edges and counts", () => {
  for (const c of GOLDEN.numeric) {
    for (const b of c.binnings) {
      const r = psi(c.reference, c.current, binningOptions(b));
      const name = `${c.name} ${b.binning} ${b.bins}`;
      assertEquals(r.status, "ok", name);
      assertEquals(r.details?.referenceCounts, b.referenceCounts, name);
      assertEquals(r.details?.currentCounts, b.currentCounts, name);
      const edges = r.details?.outerEdges === "open" ? b.edges.slice(1, -1) : b.edges;
      assertEquals(r.details?.edges, edges, name);
      assertRelativeEquals(r.statistic, b.psi, 1e-9, name);
    }
  }
});

Deno.test("psi() equals the numpy reference on golden categorical columns, unseen categories included", () => {
  for (const c of GOLDEN.categorical) {
    const r = psi(c.reference, c.current);
    assertEquals(r.details?.kind, "categorical", c.name);
    assertEquals(r.details?.categories, c.categories, c.name);
    assertRelativeEquals(r.statistic, c.psi, 1e-9, c.name);
  }
});

Deno.test("psi() records its numeric policy and counts in details", () => {
  const c = GOLDEN.numeric[2]!;
  const r = psi(c.reference, c.current, { column: "x" });
  assertEquals(r.method, "psi");
  assertEquals(r.operator, ">=");
  assertEquals(r.threshold, 0.1);
  assertEquals(r.column, "x");
  assertEquals(r.detected, r.statistic >= 0.1);
  const d = r.details!;
  assertEquals([d.kind, d.binning, d.bins, d.outerEdges, d.epsilon, d.logBase], [
    "numeric",
    "quantile",
    10,
    "open",
    1e-4,
    "e",
  ]);
  const nanRef = c.reference.filter((v) => Number.isNaN(v)).length;
  const nanCur = c.current.filter((v) => Number.isNaN(v)).length;
  assert(nanRef > 0 && nanCur > 0);
  assertEquals([d.missingReference, d.missingCurrent], [nanRef, nanCur]);
  assertEquals(r.nReference, c.reference.length - nanRef);
  assertEquals(r.nCurrent, c.current.length - nanCur);
});

Deno.test("psi() with frozen edges and pre-sorted samples equals psi() on raw columns", () => {
  const c = GOLDEN.numeric[0]!;
  const raw = psi(c.reference, c.current);
  const edges = [-Infinity, ...(raw.details!.edges as number[]), Infinity];
  const frozen = psi(sortedFinite(c.reference), sortedFinite(c.current), { edges });
  assertEquals(frozen.statistic, raw.statistic);
  assertEquals(frozen.details?.binning, "frozen");
  assertEquals(psi(c.reference, new Float64Array(c.current), { edges }).statistic, raw.statistic);
});

Deno.test("psi() is 0 for identical samples and >= 0 for random pairs", () => {
  for (const c of GOLDEN.numeric) {
    assertEquals(psi(c.reference, c.reference).statistic, 0, c.name);
    for (const b of c.binnings) {
      assert(psi(c.reference, c.current, binningOptions(b)).statistic >= 0);
    }
  }
  assertEquals(psi(["a", "b", "b"], ["b", "a", "b"]).statistic, 0);
});

Deno.test("psi() returns an error result for empty or all-missing columns", () => {
  const empty = psi([], [1, 2, 3]);
  assertEquals(empty.status, "error");
  assert(Number.isNaN(empty.statistic) && !empty.detected);
  const nan = psi([1, 2], [NaN, NaN], { column: "age" });
  assertEquals(nan.reason, 'Cannot compute PSI: current column "age" has no finite values');
  assertEquals(nan.details?.missingCurrent, 2);
  const cats = psi(["a"], [null, ""], { kind: "categorical" });
  assertEquals(cats.reason, "Cannot compute PSI: current sample has no non-missing values");
});

Deno.test("psi() handles constant columns and a single category", () => {
  const same = psi([3, 3, 3], [3, 3]);
  assertEquals([same.status, same.statistic], ["ok", 0]);
  assertEquals(same.details?.edges, [3, 3.0000000000000004]);
  const full = 2 * (1 - 1e-4) * Math.log(1 / 1e-4);
  assertRelativeEquals(psi([3, 3, 3], [2, 2]).statistic, full, 1e-12);
  // values above a tied reference maximum get their own bin, so an upward shift is seen too
  assertRelativeEquals(psi([3, 3, 3], [4, 4]).statistic, full, 1e-12);
  assert(psi([0, 0, 0, 1], [0, 1, 2, 2]).statistic > 1);
  assertEquals(psi(["x", "x"], ["x"]).statistic, 0);
});

Deno.test("psi() infers categorical data from strings and numeric from numbers", () => {
  assertEquals(psi(["1", "2"], ["1", "1"]).details?.kind, "categorical");
  assertEquals(psi([1, 2], [1, 1]).details?.kind, "numeric");
  assertEquals(psi([1, 2, 2], [1, 1, 2], { kind: "categorical" }).details?.categories, ["1", "2"]);
});

Deno.test("psi() rejects wrong types and out-of-range options", () => {
  assertThrows(() => psi(3 as unknown as number[], [1]), TypeError);
  assertThrows(() => psi([1, 2], [1, "a"] as unknown as number[], { kind: "numeric" }), TypeError);
  assertThrows(() => psi(["a", {}] as unknown as string[], ["a"]), TypeError);
  assertThrows(() => psi([1, 2], [1, 2], { epsilon: 0 }), RangeError, "epsilon");
  assertThrows(() => psi([1, 2], [1, 2], { bins: 0 }), RangeError, "bins");
  assertThrows(() => psi([1, 2], [1, 2], { edges: [0, 0] }), RangeError, "increasing");
  assertThrows(() => psiFromCounts([1, 2], [1]), TypeError);
});

Deno.test("psi() counts values outside closed frozen edges in details, not in the bins", () => {
  const r = psi([0.5, 1.5, 2.5], [-1, 0.5, 1.5, 9], { edges: [0, 1, 2, 3] });
  assertEquals([r.nReference, r.nCurrent], [3, 2]);
  assertEquals(r.details?.outerEdges, "closed");
  assertEquals([r.details?.outsideReference, r.details?.outsideCurrent], [0, 2]);
  assertEquals(r.details?.edges, [0, 1, 2, 3]);
  assertEquals(r.details?.currentCounts, [1, 1, 0]);
});

Deno.test("psi() with sturges_both accepts pre-sorted samples and matches raw columns", () => {
  const c = GOLDEN.numeric[6]!;
  const raw = psi(c.reference, c.current, { binning: "sturges_both" });
  const sorted = psi(sortedFinite(c.reference), sortedFinite(c.current), {
    binning: "sturges_both",
  });
  assertEquals(sorted.statistic, raw.statistic);
  assertEquals(sorted.details?.edges, raw.details?.edges);
});
