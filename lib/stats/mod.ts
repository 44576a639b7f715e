/**
 * Statistical primitives shared by every other folder: seeded randomness, sorting and ranks,
 * type-7 quantiles, histograms against frozen edges, special functions and the Kolmogorov
 * distributions.
 *
 * @module
 */
export * from "./random.ts";
export * from "./mt19937.ts";
export * from "./sort.ts";
export * from "./quantile.ts";
export * from "./histogram.ts";
export * from "./special.ts";
export * from "./kolmogorov_distribution.ts";
export * from "./compare.ts";
