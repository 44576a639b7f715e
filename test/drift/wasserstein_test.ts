import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { wasserstein } from "../../lib/drift/wasserstein.ts";
import { populationStd } from "../../lib/stats/population_std.ts";
import { sortedFinite } from "../../lib/stats/sort.ts";
import { normalRandom, seededRandom } from "../../lib/stats/random.ts";
import { loadDriftGolden } from "./_golden.ts";

const golden = loadDriftGolden();

Deno.test("wasserstein({ normed: false }) equals scipy.stats.wasserstein_distance to 1e-9", () => {
  for (const c of golden.cases) {
    const r = wasserstein(c.reference, c.current, { normed: false });
    assertEquals([r.method, r.status], ["wasserstein", "ok"]);
    assertRelativeEquals(r.statistic, c.wasserstein, 1e-9, c.name);
  }
});

Deno.test("wasserstein() default equals scipy distance / max(np.std(reference), 0.001)", () => {
  for (const c of golden.cases) {
    const r = wasserstein(c.reference, c.current);
    assertEquals(r.method, "wasserstein_normed");
    assertRelativeEquals(r.statistic, c.wasserstein_normed, 1e-9, c.name);
    assertEquals(r.detected, c.wasserstein_normed >= 0.1, c.name);
  }
});

Deno.test("wasserstein() floors the scale at minScale for a constant reference", () => {
  const r = wasserstein([2, 2, 2], [2, 3]);
  assertEquals([r.details?.referenceStd, r.details?.scale], [0, 0.001]);
  assertRelativeEquals(r.statistic, 0.5 / 0.001, 1e-12);
});

Deno.test("wasserstein() is 0 for identical samples and symmetric when raw", () => {
  const z = normalRandom(seededRandom(11));
  const a = Array.from({ length: 300 }, () => z());
  const b = Array.from({ length: 170 }, () => z() * 2 + 1);
  assertEquals(wasserstein(a, [...a].reverse()).statistic, 0);
  const ab = wasserstein(a, b, { normed: false }).statistic;
  const ba = wasserstein(b, a, { normed: false }).statistic;
  assertRelativeEquals(ab, ba, 1e-12);
  assert(ab > 0);
});

Deno.test("wasserstein() of a shift is the shift", () => {
  const a = [0, 1, 5, 7.5];
  assertRelativeEquals(
    wasserstein(a, a.map((v) => v + 2.5), { normed: false }).statistic,
    2.5,
    1e-15,
  );
});

Deno.test("wasserstein() drops missing values, takes sorted samples, reports empty sides", () => {
  const r = wasserstein([1, NaN, 3], sortedFinite([2, Infinity]), { normed: false });
  assertEquals([r.nReference, r.nCurrent, r.details?.missingReference, r.details?.missingCurrent], [
    2,
    1,
    1,
    1,
  ]);
  const e = wasserstein([NaN], [1], { column: "x" });
  assertEquals([e.status, e.detected], ["error", false]);
  assert(e.reason!.includes('reference column "x"'));
});

Deno.test("wasserstein() detects with statistic >= threshold and validates options", () => {
  const r = wasserstein([0, 1], [1, 2], { normed: false, threshold: 1 });
  assertEquals([r.statistic, r.operator, r.detected], [1, ">=", true]);
  assertThrows(() => wasserstein([1], [1], { minScale: -1 }), RangeError, "minScale");
  assertThrows(() => wasserstein("ab" as unknown as number[], [1]), TypeError);
});

/** test/golden/wasserstein_large.json, written by test/golden/wasserstein_large_golden.py. */
interface LargeCase {
  name: string;
  reference: number[];
  current: number[];
  wasserstein: number;
  wasserstein_normed: number;
  reference_std: number;
  numpy_std: number | string;
}

const large = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/wasserstein_large.json", import.meta.url)),
) as { cases: LargeCase[] };

Deno.test("wasserstein() stays finite and equals scipy when squares overflow (values >= 1e154)", () => {
  assert(large.cases.length >= 4);
  for (const c of large.cases) {
    // numpy's std overflows on these samples, which is what made the normed distance 0
    assertEquals(c.numpy_std, "Infinity", c.name);
    const r = wasserstein(c.reference, c.current);
    assertEquals([r.status, r.method], ["ok", "wasserstein_normed"], c.name);
    assertRelativeEquals(r.details?.referenceStd as number, c.reference_std, 1e-12, c.name);
    assertRelativeEquals(r.statistic, c.wasserstein_normed, 1e-9, c.name);
    assertEquals(r.detected, c.wasserstein_normed >= 0.1, c.name);
    const raw = wasserstein(c.reference, c.current, { normed: false });
    assertRelativeEquals(raw.statistic, c.wasserstein, 1e-9, c.name);
  }
});

Deno.test("wasserstein() normed is scale-invariant up to the largest finite values", () => {
  const z = normalRandom(seededRandom(5));
  const a = Array.from({ length: 50 }, () => z());
  const b = Array.from({ length: 40 }, () => z() + 0.4);
  const unit = wasserstein(a, b).statistic;
  for (const k of [1e-2, 1e100, 1e154, 1e200, 1e300]) {
    const scaled = wasserstein(a.map((v) => v * k), b.map((v) => v * k)).statistic;
    assertRelativeEquals(scaled, unit, 1e-12, `scale ${k}`);
  }
});

Deno.test("populationStd() uses ddof = 0 and does not overflow", () => {
  assertEquals(populationStd(new Float64Array([2, 4, 4, 4, 5, 5, 7, 9])), 2);
  assertEquals(populationStd([1e160, 3e160]), 1e160);
  assertEquals(populationStd([-Number.MAX_VALUE, -Number.MAX_VALUE]), 0);
  assertEquals(populationStd([Number.MAX_VALUE, -Number.MAX_VALUE]), Number.MAX_VALUE);
  assertEquals(populationStd([5e-324, 5e-324]), 0);
  assertEquals([populationStd([0, 0]), populationStd([7])], [0, 0]);
  assert(Number.isNaN(populationStd([])) && Number.isNaN(populationStd([1, NaN])));
  assert(Number.isNaN(populationStd([1, Infinity])));
});
