import { assertEquals, assertThrows } from "../_assert.ts";
import { quantile, quantileSorted } from "../../lib/stats/quantile.ts";
import { GOLDEN } from "../drift/_distances_golden.ts";

Deno.test("quantileSorted() is bit-identical to numpy.quantile (type 7, method='linear')", () => {
  for (const [sorted, p, expected] of GOLDEN.special.quantile) {
    assertEquals(quantileSorted(sorted, p), expected, `n=${sorted.length} p=${p}`);
  }
});

Deno.test("quantile() sorts a copy, ignores non-finite values and leaves its input untouched", () => {
  const x = [5, NaN, 1, Infinity, 3];
  assertEquals(quantile(x, 0.5), 3);
  assertEquals(x, [5, NaN, 1, Infinity, 3]);
  assertEquals(quantile(new Float64Array([2, 1]), 0.25), 1.25);
});

Deno.test("quantile levels 0 and 1 are the minimum and maximum, and empty samples give NaN", () => {
  assertEquals([quantileSorted([1, 2, 9], 0), quantileSorted([1, 2, 9], 1)], [1, 9]);
  assertEquals(quantileSorted([], 0.5), NaN);
  assertEquals(quantile([NaN], 0.5), NaN);
});

Deno.test("quantile() rejects levels outside [0, 1]", () => {
  assertThrows(() => quantileSorted([1], 1.5), RangeError, "[0, 1]");
  assertThrows(() => quantile([1], NaN), RangeError);
});
