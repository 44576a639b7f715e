/**
 * Statistical primitives shared by every other folder: seeded randomness, sorting and ranks,
 * type-7 quantiles, histograms against frozen edges, special functions and the Kolmogorov
 * distributions.
 *
 * The folder holds more than it exports: helpers such as `gcd`, `nextUp`, `logGamma` or the
 * regularized gamma functions are imported from their files by the code that needs them.
 *
 * @example
 * ```ts
 * import { populationStd, quantile, seededRandom, sortedFinite } from "./mod.ts";
 * const random = seededRandom(7);
 * const values = Array.from({ length: 101 }, () => random());
 * if (sortedFinite([3, NaN, 1]).sorted[0] !== 1) throw new Error();
 * if (!(quantile(values, 0.5) > 0 && quantile(values, 0.5) < 1)) throw new Error();
 * if (populationStd([1, 3]) !== 1) throw new Error();
 * ```
 *
 * @module
 */
export type { Operator } from "../types.ts";
export { normalRandom, permutation, seededRandom } from "./random.ts";
export { type Mt19937, mt19937 } from "./mt19937.ts";
export { type PythonRandom, pythonRandom } from "./python_random.ts";
export { sortedFinite, type SortedSample } from "./sort.ts";
export { quantile, quantileSorted } from "./quantile.ts";
export {
  binCounts,
  equalWidthEdges,
  quantileEdges,
  type QuantileEdgesOptions,
} from "./histogram.ts";
export { chiSquareSf, normalCdf, normalSf } from "./special.ts";
export { ksTwoSampleExactSf, kstwoSf } from "./kolmogorov_distribution.ts";
export { compare } from "./compare.ts";
export { populationStd } from "./population_std.ts";
