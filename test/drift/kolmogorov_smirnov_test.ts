import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { kolmogorovSmirnov, ksStatistic } from "../../lib/drift/kolmogorov_smirnov.ts";
import { sortedFinite } from "../../lib/stats/sort.ts";
import { normalRandom, seededRandom } from "../../lib/stats/random.ts";
import { loadDriftGolden } from "./_golden.ts";

const golden = loadDriftGolden();

Deno.test("kolmogorovSmirnov() equals scipy ks_2samp (auto, exact, asymp) to 1e-9 relative", () => {
  assertEquals(golden.versions.scipy, "1.10.1");
  for (const c of golden.cases) {
    for (const [method, g] of Object.entries(c.ks)) {
      const r = kolmogorovSmirnov(c.reference, c.current, { method: method as "auto" });
      const msg = `${c.name} ${method}`;
      assertEquals(r.status, "ok", msg);
      assertRelativeEquals(r.statistic, g!.statistic, 1e-9, msg);
      assertRelativeEquals(r.pValue!, g!.pvalue, 1e-9, msg, 1e-300);
      assertEquals(r.details?.statisticLocation, g!.location, msg);
      assertEquals(r.details?.statisticSign, g!.sign, msg);
      assertEquals(r.detected, g!.pvalue < 0.05, msg);
    }
  }
});

Deno.test("kolmogorovSmirnov() auto switches to asymp above 10 000 per side, as scipy", () => {
  const big = golden.cases.find((c) => c.reference.length > 10000)!;
  assertEquals(kolmogorovSmirnov(big.reference, big.current).details?.pValueMethod, "asymp");
  const small = golden.cases[0]!;
  assertEquals(kolmogorovSmirnov(small.reference, small.current).details?.pValueMethod, "exact");
});

Deno.test("kolmogorovSmirnov() is 0 with p-value 1 for identical samples", () => {
  const x = [3, 1, 2, 2, 5];
  const r = kolmogorovSmirnov(x, [...x].reverse());
  assertEquals([r.statistic, r.pValue, r.detected], [0, 1, false]);
});

Deno.test("kolmogorovSmirnov() is symmetric in its samples", () => {
  const z = normalRandom(seededRandom(7));
  const a = Array.from({ length: 80 }, () => z());
  const b = Array.from({ length: 55 }, () => z() + 0.3);
  const ab = kolmogorovSmirnov(a, b), ba = kolmogorovSmirnov(b, a);
  assertEquals(ab.statistic, ba.statistic);
  assertRelativeEquals(ab.pValue!, ba.pValue!, 1e-12);
  assertEquals(ab.details?.statisticSign, -(ba.details?.statisticSign as number));
});

Deno.test("kolmogorovSmirnov() accepts pre-sorted samples with the same result", () => {
  const a = [5, 1, NaN, 3, 9, 2], b = [4, 8, 6, 7];
  const plain = kolmogorovSmirnov(a, b);
  const sorted = kolmogorovSmirnov(sortedFinite(a), sortedFinite(b));
  assertEquals(sorted, plain);
});

Deno.test("kolmogorovSmirnov() drops missing values and records how many", () => {
  const r = kolmogorovSmirnov([1, NaN, 2, Infinity, 3], [2, 3, NaN]);
  assertEquals([r.nReference, r.nCurrent], [3, 2]);
  assertEquals([r.details?.missingReference, r.details?.missingCurrent], [2, 1]);
  const clean = kolmogorovSmirnov([1, 2, 3], [2, 3]);
  assertEquals([r.statistic, r.pValue], [clean.statistic, clean.pValue]);
});

Deno.test("kolmogorovSmirnov() returns an error result naming the column for an empty side", () => {
  const r = kolmogorovSmirnov([1, 2], [NaN, NaN], { column: "age" });
  assertEquals(r.status, "error");
  assertEquals([r.statistic, r.detected, r.nCurrent], [NaN, false, 0]);
  assert(r.reason!.includes('current column "age" has no finite values'), r.reason);
  assertEquals(kolmogorovSmirnov([], [1]).status, "error");
});

Deno.test("kolmogorovSmirnov() handles single values and constant samples", () => {
  assertEquals(kolmogorovSmirnov([1], [1]).statistic, 0);
  const r = kolmogorovSmirnov([2, 2, 2], [3, 3]);
  assertEquals(r.statistic, 1);
  assertRelativeEquals(r.pValue!, 0.2, 1e-12); // scipy: ks_2samp([2,2,2],[3,3]).pvalue == 0.2
});

Deno.test("kolmogorovSmirnov() detects with a strict p-value < threshold", () => {
  const r = kolmogorovSmirnov([1, 2, 3, 4], [3, 4, 5, 6], { threshold: 0.7714285714285715 });
  assertEquals(r.detected, false);
  assertEquals(r.operator, "<");
});

Deno.test("kolmogorovSmirnov() throws on misuse", () => {
  assertThrows(() => kolmogorovSmirnov(null as unknown as number[], [1]), TypeError);
  assertThrows(() => kolmogorovSmirnov([1], [1], { method: "x" as "auto" }), RangeError, "method");
  assertThrows(() => kolmogorovSmirnov([1], [1], { threshold: NaN }), RangeError, "threshold");
});

Deno.test("ksStatistic() takes the ECDFs after all tied copies", () => {
  const s = ksStatistic(new Float64Array([1, 1, 2]), new Float64Array([1, 2, 2]));
  assertEquals(s.statistic, 2 / 3 - 1 / 3);
});

Deno.test("kolmogorovSmirnov() statistic is within [0, 1] and p-value within [0, 1]", () => {
  const z = normalRandom(seededRandom(3));
  for (let t = 0; t < 20; t++) {
    const a = Array.from({ length: 5 + t * 7 }, () => Math.round(z() * 3));
    const b = Array.from({ length: 3 + t * 5 }, () => Math.round(z() * 3 + t / 10));
    const r = kolmogorovSmirnov(a, b);
    assert(r.statistic >= 0 && r.statistic <= 1 && r.pValue! >= 0 && r.pValue! <= 1);
  }
});

Deno.test("kolmogorovSmirnov() rejects one-sided alternatives", () => {
  assertThrows(
    () => kolmogorovSmirnov([1], [2], { alternative: "less" as "two-sided" }),
    RangeError,
    "two-sided",
  );
});

Deno.test("kolmogorovSmirnov() falls back to asymp when exact is impossible, and says so", () => {
  // lcm(50000, 49999) > int32 max: scipy warns and switches to asymp
  const a = Float64Array.from({ length: 50000 }, (_, i) => i / 50000);
  const b = Float64Array.from({ length: 49999 }, (_, i) => i / 49999 + 0.001);
  const r = kolmogorovSmirnov(a, b, { method: "exact" });
  assertEquals(r.details?.pValueMethod, "asymp");
  assert(String(r.details?.fallback).includes("50000 and 49999"));
});

/** scipy 1.10.1's ks_2samp statistic, location and sign, written out (searchsorted, argmax). */
function scipyKsStatistic(a: Float64Array, b: Float64Array) {
  const right = (s: Float64Array, v: number) => {
    let lo = 0, hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const all = [...a, ...b];
  const diffs = all.map((v) => right(a, v) / a.length - right(b, v) / b.length);
  let argMax = 0, argMin = 0;
  diffs.forEach((d, k) => {
    if (d > diffs[argMax]!) argMax = k;
    if (d < diffs[argMin]!) argMin = k;
  });
  const minS = Math.min(Math.max(-diffs[argMin]!, 0), 1), maxS = diffs[argMax]!;
  return minS > maxS
    ? { statistic: minS, location: all[argMin]!, sign: -1 }
    : { statistic: maxS, location: all[argMax]!, sign: 1 };
}

Deno.test("ksStatistic() prunes large samples to the same statistic, location and sign as scipy", () => {
  const random = seededRandom(17);
  const z = normalRandom(random);
  let checked = 0;
  for (let t = 0; t < 12; t++) {
    const n1 = 2048 + Math.floor(random() * 6000), n2 = t % 3 === 0 ? n1 : 600 + t * 500;
    const draw = (shift: number) => () =>
      t % 4 === 0
        ? Math.round(3 * z() + shift)
        : t % 4 === 1
        ? (random() < 0.3 ? 0 : z() + shift)
        : z() + shift;
    const a = Float64Array.from({ length: n1 }, draw(0)).sort();
    const b = t === 6
      ? a.slice()
      : Float64Array.from({ length: n2 }, draw([0, 0.02, 0.3][t % 3]!)).sort();
    for (const [x, y] of [[a, b], [b, a]]) {
      const got = ksStatistic(x!, y!), want = scipyKsStatistic(x!, y!);
      assertEquals([got.statistic, got.location, got.sign], [
        want.statistic,
        want.location,
        want.sign,
      ]);
      checked++;
    }
  }
  assert(checked === 24);
});
