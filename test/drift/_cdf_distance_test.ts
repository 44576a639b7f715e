import { assert, assertRelativeEquals } from "../_assert.ts";
import { cdfDistanceIntegral } from "../../lib/drift/_cdf_distance.ts";
import { normalRandom, seededRandom } from "../../lib/stats/random.ts";

/** scipy's `_cdf_distance` written out: sort all values, ECDFs by counting, sum of |ΔF|^p·Δx. */
function scipyForm(a: Float64Array, b: Float64Array, p: 1 | 2): number {
  const all = Float64Array.from([...a, ...b]).sort();
  let i = 0, j = 0, total = 0;
  for (let k = 0; k + 1 < all.length; k++) {
    while (i < a.length && a[i]! <= all[k]!) i++;
    while (j < b.length && b[j]! <= all[k]!) j++;
    const diff = Math.abs(i / a.length - j / b.length);
    total += (p === 1 ? diff : diff * diff) * (all[k + 1]! - all[k]!);
  }
  return total;
}

function sample(n: number, random: () => number, kind: number, shift: number): Float64Array {
  const z = normalRandom(random);
  return Float64Array.from({ length: n }, () => {
    if (kind === 0) return z() + shift;
    if (kind === 1) return Math.round(2 * z() + shift); // many ties, within and across samples
    return 1e6 + 1e-3 * z() + shift; // large offset, small spread
  }).sort();
}

Deno.test("cdfDistanceIntegral(p = 1) by quantiles equals scipy's ECDF form for any sizes and ties", () => {
  const random = seededRandom(21);
  let cases = 0;
  const sizes: [number, number][] = [[1, 1], [1, 7], [5, 5], [300, 300], [300, 301], [1000, 37], [
    64,
    96,
  ]];
  for (const [n1, n2] of sizes) {
    for (let kind = 0; kind < 3; kind++) {
      const a = sample(n1, random, kind, 0), b = sample(n2, random, kind, kind === 2 ? 1e-3 : 0.3);
      const want = scipyForm(a, b, 1);
      assertRelativeEquals(
        cdfDistanceIntegral(a, b, 1),
        want,
        1e-12,
        `${n1} ${n2} ${kind}`,
        1e-300,
      );
      assertRelativeEquals(
        cdfDistanceIntegral(b, a, 1),
        want,
        1e-12,
        `${n2} ${n1} ${kind}`,
        1e-300,
      );
      cases++;
    }
  }
  assert(cases === 21);
});

Deno.test("cdfDistanceIntegral(p = 2) keeps scipy's ECDF form", () => {
  const random = seededRandom(22);
  const a = sample(200, random, 1, 0), b = sample(150, random, 1, 0.5);
  assertRelativeEquals(cdfDistanceIntegral(a, b, 2), scipyForm(a, b, 2), 1e-12);
});

Deno.test("cdfDistanceIntegral(p = 1) is 0 for identical samples and the mean shift for a shift", () => {
  const a = Float64Array.from({ length: 1000 }, (_, i) => i / 7);
  assert(cdfDistanceIntegral(a, a.slice(), 1) === 0);
  assertRelativeEquals(cdfDistanceIntegral(a, a.map((v) => v + 2.5), 1), 2.5, 1e-13);
});
