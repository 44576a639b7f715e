import { assert, assertEquals } from "../_assert.ts";
import { sortFloat64 } from "../../lib/metrics/_radix_sort.ts";
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
