import { assert, assertRelativeEquals } from "../_assert.ts";
import { smirnovSf } from "../../lib/stats/_smirnov.ts";

const golden = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/drift.json", import.meta.url)),
).distributions.kstwo as { n: number; x: number; smirnov: number }[];

Deno.test("smirnovSf() sums of 1024 terms or more (by term ratios) equal scipy to 1e-10", () => {
  // n ≥ 5000 with x below 1 − 1024/n: the lower Birnbaum–Tingey sum has ≥ 1024 terms
  const long = golden.filter((c) => c.n >= 5000 && c.n <= 1_000_000 && c.x * c.n > 1);
  assert(long.length >= 40, `only ${long.length} cases`);
  for (const c of long) {
    assertRelativeEquals(smirnovSf(c.n, c.x), c.smirnov, 1e-10, `smirnov(${c.n}, ${c.x})`, 1e-300);
  }
});

Deno.test("smirnovSf() is continuous where the sum switches to term ratios", () => {
  // the lower sum has n − floor(n·x) terms: 1024 (term ratios) just below n·x = n − 1023, 1023
  // (log space) just above; the two evaluations must join smoothly and keep decreasing in x
  for (const n of [1030, 1100, 1200]) {
    const ratios = smirnovSf(n, (n - 1023 - 1e-7) / n);
    const logs = smirnovSf(n, (n - 1023 + 1e-7) / n);
    assert(ratios > 0 && ratios >= logs, `not decreasing at n = ${n}: ${ratios} < ${logs}`);
    assertRelativeEquals(logs, ratios, 1e-5, `jump at n = ${n}`);
  }
});
