/**
 * Data drift: one test per file, each returning a {@linkcode CheckResult} that says which method,
 * statistic, threshold and operator decided it, plus the automatic choice of test per column and
 * dataset drift. Every method's default threshold, operator and family are in
 * {@linkcode DRIFT_METHOD_INFO}.
 *
 * - Hypothesis tests (p-values, drift when `pValue < threshold`): {@linkcode kolmogorovSmirnov},
 *   {@linkcode cramerVonMises}, {@linkcode andersonDarling}, {@linkcode chiSquare},
 *   {@linkcode zTest}; {@linkcode andersonDarlingKSample} compares k ≥ 2 samples.
 * - Distances (drift when `statistic >= threshold`): {@linkcode wasserstein} (normed by default),
 *   {@linkcode energyDistance}, {@linkcode psi}, {@linkcode jensenShannon},
 *   {@linkcode klDivergence}, {@linkcode hellinger}.
 * - Orchestration (against a raw reference or a `ReferenceProfile` from `lib/profile`):
 *   {@linkcode selectDriftMethod},
 *   {@linkcode columnDrift}, {@linkcode datasetDrift}, {@linkcode correctPValues},
 *   {@linkcode dataDrivenThreshold}.
 *
 * @example
 * ```ts
 * import { columnDrift, DRIFT_METHOD_INFO, psi } from "./mod.ts";
 * const reference = Array.from({ length: 200 }, (_, i) => i % 50);
 * const shifted = reference.map((x) => x + 20);
 * const r = psi(reference, shifted);
 * if (!r.detected || r.threshold !== DRIFT_METHOD_INFO.psi.threshold) throw new Error();
 * if (columnDrift(reference, reference).detected) throw new Error();
 * ```
 *
 * @module
 */
// Types of other folders that this folder's signatures use, so this entry point is self-contained.
export type { CheckResult, Operator, ResultStatus } from "../types.ts";
export type { Column, ColumnKind, NonNumericSample, Table } from "../data/mod.ts";
export type * from "../profile/reference_profile.ts";
export type { SortedSample } from "../stats/mod.ts";
export type { DriftResult } from "./drift_result.ts";
export type { BinnedDistanceOptions, Binning, Category, DistributionInput } from "./binning.ts";
export {
  DEFAULT_DRIFT_THRESHOLDS,
  DRIFT_METHOD_INFO,
  DRIFT_METHODS,
  type DriftMethod,
  type DriftMethodInfo,
  isDriftMethod,
} from "./drift_methods.ts";
export {
  kolmogorovSmirnov,
  type KolmogorovSmirnovOptions,
  type KsMethod,
} from "./kolmogorov_smirnov.ts";
export { cramerVonMises, type CramerVonMisesOptions, type CvmMethod } from "./cramer_von_mises.ts";
export {
  andersonDarling,
  andersonDarlingKSample,
  type AndersonDarlingKSampleOptions,
  type AndersonDarlingKSampleResult,
  type AndersonDarlingOptions,
} from "./anderson_darling.ts";
export { chiSquare, type ChiSquareOptions, type ChiSquareTest } from "./chi_square.ts";
export { zTest, type ZTestOptions } from "./z_test.ts";
export { wasserstein, type WassersteinOptions } from "./wasserstein.ts";
export { energyDistance, type EnergyDistanceOptions } from "./energy_distance.ts";
export { psi, psiFromCounts, type PsiOptions } from "./psi.ts";
export {
  jensenShannon,
  jensenShannonFromCounts,
  type JensenShannonOptions,
} from "./jensen_shannon.ts";
export {
  type KlDirection,
  klDivergence,
  type KlDivergenceOptions,
  klFromCounts,
  type KlFromCountsOptions,
} from "./kl_divergence.ts";
export { hellinger, hellingerFromCounts } from "./hellinger.ts";
export * from "./select_method.ts";
export * from "./column_drift.ts";
export * from "./dataset_drift.ts";
export { correctPValues, P_VALUE_CORRECTIONS, type PValueCorrection } from "./corrections.ts";
export * from "./data_driven_threshold.ts";
