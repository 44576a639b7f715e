/**
 * Drift test speed at 1e6 reference vs 1e6 current doubles.
 *
 *   deno bench --allow-read bench/drift_bench.ts
 *
 * The reference profile sorts once ("sortedFinite reference"); each window then pays one sort
 * of the current sample plus O(n) walks for KS and Wasserstein.
 *
 * Measured 2026-12-01 on the shared 2-core machine under load average ~7 (so absolute numbers
 * are ~2-3x the idle ones): copy + Float64Array sort 1e6 ≈ 190 ms avg; KS + normed Wasserstein
 * with a sorted reference and a raw current (one sort) ≈ 320 ms avg (240 ms min); KS on two
 * sorted samples ≈ 120 ms (76 ms min, about half of it the kstwo.sf p-value at n ≈ 5e5);
 * Wasserstein ≈ 50 ms. Same load, same data: scipy ks_2samp 1.79 s, wasserstein_distance 1.60 s,
 * np.sort 125 ms.
 */
import { kolmogorovSmirnov } from "../lib/drift/kolmogorov_smirnov.ts";
import { wasserstein } from "../lib/drift/wasserstein.ts";
import { energyDistance } from "../lib/drift/energy_distance.ts";
import { cramerVonMises } from "../lib/drift/cramer_von_mises.ts";
import { andersonDarling } from "../lib/drift/anderson_darling.ts";
import { sortedFinite } from "../lib/stats/sort.ts";
import { normalRandom, seededRandom } from "../lib/stats/random.ts";

const N = 1_000_000;
const z = normalRandom(seededRandom(42));
const reference = Float64Array.from({ length: N }, () => z());
const current = Float64Array.from({ length: N }, () => z() * 1.01 + 0.005);
const refSorted = sortedFinite(reference);
const curSorted = sortedFinite(current);

Deno.bench("sortedFinite 1e6 (one sort)", { group: "sort", baseline: true }, () => {
  sortedFinite(current);
});
Deno.bench("Float64Array.prototype.sort 1e6 (copy + sort)", { group: "sort" }, () => {
  current.slice().sort();
});

Deno.bench("KS + Wasserstein, sorted reference, raw current (1 sort)", { group: "window" }, () => {
  const cur = sortedFinite(current);
  kolmogorovSmirnov(refSorted, cur);
  wasserstein(refSorted, cur);
});
Deno.bench("KS, both sorted (asymp p-value)", { group: "walk" }, () => {
  kolmogorovSmirnov(refSorted, curSorted);
});
Deno.bench("Wasserstein normed, both sorted", { group: "walk" }, () => {
  wasserstein(refSorted, curSorted);
});
Deno.bench("energy distance, both sorted", { group: "walk" }, () => {
  energyDistance(refSorted, curSorted);
});
Deno.bench("Cramér–von Mises, both sorted", { group: "walk" }, () => {
  cramerVonMises(refSorted, curSorted);
});
Deno.bench("Anderson–Darling, both sorted", { group: "walk" }, () => {
  andersonDarling(refSorted, curSorted);
});
