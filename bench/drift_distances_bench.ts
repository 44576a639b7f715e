/**
 * Benchmarks of the binned drift distances at 1e6 rows against the cost of one sort of 1e6:
 * `deno bench --allow-read bench/drift_distances_bench.ts`.
 *
 * The monitoring case: the reference column was sorted once (a `SortedSample` in the reference
 * profile) and its decile edges frozen; each window's current column is binned against them.
 *
 * @module
 */
import { psi } from "../lib/drift/psi.ts";
import { jensenShannon } from "../lib/drift/jensen_shannon.ts";
import { chiSquare } from "../lib/drift/chi_square.ts";
import { sortedFinite } from "../lib/stats/sort.ts";
import { quantileEdges } from "../lib/stats/histogram.ts";

const N = 1_000_000;

/** Seeded normal draws (Box–Muller on a mulberry32 stream). */
function normals(n: number, seed: number, shift = 0): Float64Array {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) + shift;
  }
  return out;
}

const reference = sortedFinite(normals(N, 1));
const current = normals(N, 2, 0.05);
const currentSorted = sortedFinite(current);
const edges = quantileEdges(reference.sorted, 10);
const letters = ["a", "b", "c", "d", "e", "f", "g", "h"];
const refCats = Array.from(
  normals(N, 3),
  (v) => letters[Math.min(7, Math.floor(Math.abs(v) * 3))]!,
);
const curCats = Array.from(
  normals(N, 4),
  (v) => letters[Math.min(7, Math.floor(Math.abs(v) * 3))]!,
);

const group = "n=1e6";
Deno.bench("sort of 1e6 (baseline)", { group, baseline: true }, () => {
  sortedFinite(current);
});
Deno.bench("psi + jensenShannon, sorted reference, frozen edges, raw current", { group }, () => {
  psi(reference, current, { edges });
  jensenShannon(reference, current, { edges });
});
Deno.bench("psi + jensenShannon, sorted reference, frozen edges, sorted current", { group }, () => {
  psi(reference, currentSorted, { edges });
  jensenShannon(reference, currentSorted, { edges });
});
Deno.bench("psi, sorted reference, deciles computed, raw current", { group }, () => {
  psi(reference, current);
});
Deno.bench("psi, raw reference and current (sorts the reference)", { group }, () => {
  psi(current, reference.sorted);
});
Deno.bench("chiSquare, 8 categories x 1e6 strings", { group }, () => {
  chiSquare(refCats, curCats);
});
