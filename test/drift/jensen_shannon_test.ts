import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { jensenShannon, jensenShannonFromCounts } from "../../lib/drift/jensen_shannon.ts";
import { binningOptions, GOLDEN } from "./_distances_golden.ts";

Deno.test("jensenShannon() equals scipy's jensenshannon (base e and base 2) on golden numeric binnings", () => {
  for (const c of GOLDEN.numeric) {
    for (const b of c.binnings) {
      const name = `${c.name} ${b.binning} ${b.bins}`;
      assertRelativeEquals(
        jensenShannon(c.reference, c.current, binningOptions(b)).statistic,
        b.js,
        1e-9,
        name,
      );
      const r2 = jensenShannon(c.reference, c.current, { ...binningOptions(b), base: 2 });
      assertRelativeEquals(r2.statistic, b.js2, 1e-9, name);
      assertEquals(r2.details?.base, 2);
    }
  }
});

Deno.test("jensenShannon() equals scipy's jensenshannon on golden categorical columns", () => {
  for (const c of GOLDEN.categorical) {
    const r = jensenShannon(c.reference, c.current);
    assertRelativeEquals(r.statistic, c.js, 1e-9, c.name);
    assertEquals([r.method, r.operator, r.threshold, r.details?.base], [
      "jensen_shannon",
      ">=",
      0.1,
      Math.E,
    ]);
  }
});

Deno.test("jensenShannon() is symmetric, 0 for identical samples and in [0, 1] with base 2", () => {
  for (const c of GOLDEN.numeric) {
    const edges = { binning: "equal_width" as const, bins: 8 };
    const ab = jensenShannonFromCounts(
      c.binnings[2]!.referenceCounts,
      c.binnings[2]!.currentCounts,
      2,
    );
    const ba = jensenShannonFromCounts(
      c.binnings[2]!.currentCounts,
      c.binnings[2]!.referenceCounts,
      2,
    );
    assertRelativeEquals(ab, ba, 1e-15, c.name);
    assert(ab >= 0 && ab <= 1, c.name);
    assertEquals(jensenShannon(c.reference, c.reference, edges).statistic, 0, c.name);
  }
  assertEquals(jensenShannonFromCounts([3, 0], [0, 5], 2), 1);
  assertRelativeEquals(jensenShannonFromCounts([3, 0], [0, 5]), Math.sqrt(Math.LN2), 1e-15);
});

Deno.test("jensenShannon() returns an error result for an empty column and rejects a bad base", () => {
  const r = jensenShannon([NaN], [1, 2]);
  assertEquals([r.status, r.detected], ["error", false]);
  assertThrows(
    () => jensenShannon([1], [1], { base: 1 }),
    RangeError,
    "Cannot compute Jensen-Shannon: log base must be > 0 and not 1, got 1",
  );
  for (const base of [0, -2, Infinity, NaN]) {
    assertThrows(() => jensenShannon([1], [1], { base }), RangeError, "log base");
  }
  assertThrows(() => jensenShannon(null as unknown as number[], [1]), TypeError);
});

Deno.test("jensenShannon() handles unseen categories, constant columns and a single category", () => {
  const unseen = jensenShannon(["a", "b"], ["a", "b", "c", "c"], { base: 2 });
  assert(unseen.statistic > 0 && unseen.statistic < 1);
  assertEquals(jensenShannon([7, 7, 7], [7, 7]).statistic, 0);
  assertEquals(jensenShannon([7, 7, 7], [8, 8], { base: 2 }).statistic, 1);
  assertEquals(jensenShannon(["x"], ["x", "x"]).statistic, 0);
});
