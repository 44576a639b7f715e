import { assert, assertEquals } from "../_assert.ts";
import { RADIX_MIN_LENGTH, radixSortFinite, sortFloat64 } from "../../lib/stats/_radix_sort.ts";
import { seededRandom } from "../../lib/stats/random.ts";

Deno.test("sortFloat64() orders like a numeric sort across signs, magnitudes, ties and -0", () => {
  const rand = seededRandom(9);
  const n = 20_000;
  const x = Float64Array.from({ length: n }, (_, i) => {
    const u = rand() - 0.4;
    return i % 5 === 0 ? Math.round(u * 10) : i % 7 === 0 ? u * 1e-300 : u * 1e12;
  });
  x.set([-0, 0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity], 0);
  const got = sortFloat64(x);
  const want = Float64Array.from(x).sort();
  for (let i = 0; i < n; i++) assert(got[i] === want[i], `index ${i}: ${got[i]} vs ${want[i]}`);
  assertEquals(x[0], -0); // input untouched
  assert(!Object.is(got[want.indexOf(0)], -0), "-0 is canonicalised to +0");
});

Deno.test("sortFloat64() handles empty, single and constant input", () => {
  assertEquals(sortFloat64(new Float64Array(0)).length, 0);
  assertEquals(Array.from(sortFloat64(Float64Array.of(3))), [3]);
  assertEquals(
    Array.from(sortFloat64(new Float64Array(1000).fill(0.5))).every((v) => v === 0.5),
    true,
  );
});

Deno.test("radixSortFinite() equals a typed-array sort of the finite values bit for bit", () => {
  const rand = seededRandom(11);
  for (const n of [RADIX_MIN_LENGTH - 1, RADIX_MIN_LENGTH, 30_001]) {
    const x = Float64Array.from({ length: n }, (_, i) => {
      const u = rand() - 0.5;
      return i % 3 === 0 ? Math.round(u * 6) : i % 11 === 0 ? u * 1e-310 : u * 1e9;
    });
    x.set([-0, 0, -0, 5e-324, -5e-324, -Number.MAX_VALUE, Number.MAX_VALUE, NaN, Infinity], 0);
    x.set([-Infinity, NaN], n - 2);
    const input = x.slice();
    const want = x.filter((v) => Number.isFinite(v)).sort();
    const { sorted, nMissing } = radixSortFinite(x);
    assertEquals(nMissing, 4);
    assertEquals(sorted.length, want.length);
    for (let i = 0; i < want.length; i++) {
      assert(Object.is(sorted[i], want[i]), `n ${n} index ${i}: ${sorted[i]} vs ${want[i]}`);
    }
    for (let i = 0; i < n; i++) assert(Object.is(x[i], input[i]), "input untouched");
  }
});

Deno.test("radixSortFinite() handles all-negative, constant, all-missing and subarray input", () => {
  const rand = seededRandom(12);
  const negative = Float64Array.from({ length: 10_000 }, () => -1 - rand());
  assertEquals(Array.from(radixSortFinite(negative).sorted), Array.from(negative.slice().sort()));
  const constant = new Float64Array(5000).fill(-2.5);
  assertEquals(radixSortFinite(constant).sorted.every((v) => v === -2.5), true);
  const missing = radixSortFinite(new Float64Array(5000).fill(NaN));
  assertEquals([missing.sorted.length, missing.nMissing], [0, 5000]);
  const buffer = Float64Array.from({ length: 12_000 }, () => rand());
  const view = buffer.subarray(1000, 9000);
  assertEquals(Array.from(radixSortFinite(view).sorted), Array.from(view.slice().sort()));
});
