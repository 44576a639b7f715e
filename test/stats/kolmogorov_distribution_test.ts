import { assertEquals, assertRelativeEquals } from "../_assert.ts";
import { ksTwoSampleExactSf, kstwoSf, smirnovSf } from "../../lib/stats/kolmogorov_distribution.ts";

interface Dist {
  kstwo: { n: number; x: number; sf: number; smirnov: number }[];
  ks_exact: { n1: number; n2: number; h: number; p: number }[];
}
const golden = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/drift.json", import.meta.url)),
).distributions as Dist;

Deno.test("kstwoSf() equals scipy.stats.kstwo.sf to 1e-9 relative for n from 1 to 2e6", () => {
  for (const c of golden.kstwo) {
    assertRelativeEquals(kstwoSf(c.x, c.n), c.sf, 1e-9, `kstwo.sf(${c.x}, ${c.n})`, 1e-300);
  }
});

Deno.test("smirnovSf() equals scipy.special.smirnov to 1e-9 relative", () => {
  for (const c of golden.kstwo) {
    assertRelativeEquals(smirnovSf(c.n, c.x), c.smirnov, 1e-9, `smirnov(${c.n}, ${c.x})`, 1e-300);
  }
});

Deno.test("ksTwoSampleExactSf() equals scipy's exact path counting", () => {
  for (const c of golden.ks_exact) {
    assertRelativeEquals(ksTwoSampleExactSf(c.n1, c.n2, c.h), c.p, 1e-9, JSON.stringify(c), 1e-300);
  }
});

Deno.test("kstwoSf() is 1 below the support, 0 at 1, NaN for a non-integer n", () => {
  assertEquals(kstwoSf(0.1, 3), 1);
  assertEquals(kstwoSf(1, 10), 0);
  assertEquals(kstwoSf(0.3, 2.5), NaN);
  assertEquals(kstwoSf(NaN, 10), NaN);
});

Deno.test("kstwoSf() decreases in x", () => {
  for (const n of [7, 300, 40000]) {
    let prev = 1;
    for (let x = 0.5 / n; x < 1; x += 0.013) {
      const p = kstwoSf(x, n);
      if (p > prev + 1e-12) throw new Error(`not decreasing at n=${n} x=${x}`);
      prev = p;
    }
  }
});

Deno.test("ksTwoSampleExactSf() is 1 at h = 0", () => {
  assertEquals(ksTwoSampleExactSf(5, 7, 0), 1);
});
