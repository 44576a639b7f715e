/**
 * Data drift: one test per file, each returning a {@linkcode CheckResult} that says which method,
 * statistic, threshold and operator decided it, plus the reference profile that freezes what the
 * training data looked like, the automatic choice of test per column and dataset drift.
 *
 * - Hypothesis tests (p-values, drift when `pValue < threshold`): {@linkcode kolmogorovSmirnov},
 *   {@linkcode cramerVonMises}, {@linkcode andersonDarling}, {@linkcode chiSquare},
 *   {@linkcode zTest}; {@linkcode andersonDarlingKSample} compares k ≥ 2 samples.
 * - Distances (drift when `statistic >= threshold`): {@linkcode wasserstein} (normed by default),
 *   {@linkcode energyDistance}, {@linkcode psi}, {@linkcode jensenShannon},
 *   {@linkcode klDivergence}, {@linkcode hellinger}.
 * - Orchestration: {@linkcode buildProfile}, {@linkcode selectDriftMethod},
 *   {@linkcode columnDrift}, {@linkcode datasetDrift}, {@linkcode correctPValues},
 *   {@linkcode dataDrivenThreshold}.
 *
 * @module
 */
export type { DriftResult } from "./_result.ts";
export type { Binning, Category, DistributionInput } from "./_frequencies.ts";
export type { BinnedDistanceOptions } from "./_binned_distance.ts";
export * from "./kolmogorov_smirnov.ts";
export * from "./wasserstein.ts";
export * from "./cramer_von_mises.ts";
export * from "./anderson_darling.ts";
export * from "./energy_distance.ts";
export * from "./psi.ts";
export * from "./jensen_shannon.ts";
export * from "./kl_divergence.ts";
export * from "./hellinger.ts";
export * from "./chi_square.ts";
export * from "./z_test.ts";
export * from "./drift_methods.ts";
export * from "./select_method.ts";
export * from "./column_drift.ts";
export * from "./dataset_drift.ts";
export * from "./corrections.ts";
export * from "./data_driven_threshold.ts";
