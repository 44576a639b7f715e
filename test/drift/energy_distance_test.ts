import { assert, assertEquals, assertRelativeEquals } from "../_assert.ts";
import { energyDistance } from "../../lib/drift/energy_distance.ts";
import { normalRandom, seededRandom } from "../../lib/stats/random.ts";
import { loadDriftGolden } from "./_golden.ts";

Deno.test("energyDistance() equals scipy.stats.energy_distance to 1e-9 relative", () => {
  for (const c of loadDriftGolden().cases) {
    const r = energyDistance(c.reference, c.current);
    assertRelativeEquals(r.statistic, c.energy, 1e-9, c.name);
    assertEquals(r.detected, c.energy >= 0.1, c.name);
  }
});

Deno.test("energyDistance() equals the pairwise definition sqrt(2E|X-Y| - E|X-X'| - E|Y-Y'|)", () => {
  const z = normalRandom(seededRandom(5));
  const a = Array.from({ length: 40 }, () => z());
  const b = Array.from({ length: 30 }, () => z() + 0.7);
  const mean = (x: number[], y: number[]) => {
    let s = 0;
    for (const u of x) for (const v of y) s += Math.abs(u - v);
    return s / (x.length * y.length);
  };
  const direct = Math.sqrt(2 * mean(a, b) - mean(a, a) - mean(b, b));
  assertRelativeEquals(energyDistance(a, b).statistic, direct, 1e-12);
});

Deno.test("energyDistance() is symmetric, non-negative and 0 for identical samples", () => {
  const a = [1, 4, 4, 9], b = [2, 3, 10];
  assertRelativeEquals(energyDistance(a, b).statistic, energyDistance(b, a).statistic, 1e-14);
  assert(energyDistance(a, b).statistic > 0);
  assertEquals(energyDistance(a, [9, 4, 1, 4]).statistic, 0);
});

Deno.test("energyDistance() returns an error result for an empty side", () => {
  const r = energyDistance([], [1, 2], { column: "fare" });
  assertEquals([r.status, r.nReference, r.nCurrent], ["error", 0, 2]);
  assert(r.reason!.includes('"fare"'));
});
