import { assertAlmostEquals, assertRelativeEquals } from "../_assert.ts";
import {
  besselKExpScaled,
  cdfCvmInf,
  pvalCvm2sampExact,
} from "../../lib/drift/_cvm_distribution.ts";

interface Dist {
  bessel_k: { nu: number; x: number; kv_scaled: number }[];
  cvm_inf: { x: number; cdf: number }[];
  cvm_exact: { u: number; m: number; n: number; p: number }[];
}
const golden = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/drift.json", import.meta.url)),
).distributions as Dist;

Deno.test("besselKExpScaled() equals exp(-x)·scipy.special.kv to 1e-12 relative", () => {
  for (const c of golden.bessel_k) {
    assertRelativeEquals(besselKExpScaled(c.nu, c.x), c.kv_scaled, 1e-12, `K_${c.nu}(${c.x})`, 0);
  }
});

Deno.test("cdfCvmInf() equals scipy's _cdf_cvm_inf to 1e-12 absolute", () => {
  // absolute: the CDF approaches 1, where scipy's own series carries ~1e-15 rounding
  for (const c of golden.cvm_inf) assertAlmostEquals(cdfCvmInf(c.x), c.cdf, 1e-12, `x=${c.x}`);
});

Deno.test("pvalCvm2sampExact() equals scipy's exact CvM p-value", () => {
  for (const c of golden.cvm_exact) {
    assertRelativeEquals(pvalCvm2sampExact(c.u, c.m, c.n), c.p, 1e-12, JSON.stringify(c));
  }
});
