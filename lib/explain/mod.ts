/**
 * Explainability: why the model made a prediction, what it relies on, and when that changes.
 * Exact log-odds attributions for Vigil's logistic regression, KernelSHAP and exact Shapley
 * values for any model with a batch `predictProba`, background summaries, permutation importance
 * (scikit-learn's permutations), a LIME-style local surrogate and attribution drift.
 *
 * @example
 * ```ts
 * import { exactShapley, kernelShap, sampleBackground } from "./mod.ts";
 * const model = { nFeatures: 2, predictProba: (X: ArrayLike<ArrayLike<number>>) =>
 *   Float64Array.from(Array.from(X, (r) => 2 * r[0]! - r[1]!)) };
 * const background = sampleBackground([[0, 0], [1, 2], [2, 1], [3, 3]], 3, { seed: 1 });
 * const k = kernelShap(model, [4, 1], background);
 * const e = exactShapley(model, [4, 1], background);
 * const sum = k.values[0]![0]! + k.values[0]![1]!;
 * if (Math.abs(sum - (k.output[0]! - k.baseValues[0]!)) > 1e-12) throw new Error("not additive");
 * if (Math.abs(k.values[0]![0]! - e.values[0]![0]!) > 1e-12) throw new Error();
 * ```
 *
 * @module
 */
export type { CheckResult, Operator, ResultStatus } from "../types.ts";
export type { DriftResult } from "../drift/drift_result.ts";
export type {
  LogisticRegressionJSON,
  LogisticRegressionModel,
} from "../model/logistic_regression_model.ts";
export type {
  Attribution,
  AttributionBatch,
  AttributionMethod,
  ProbabilisticModel,
} from "./attribution.ts";
export {
  type BackgroundOptions,
  type BackgroundSet,
  kmeansBackground,
  type KmeansBackgroundOptions,
  sampleBackground,
} from "./background.ts";
export {
  linearAttributionBatch,
  type LinearAttributionOptions,
  linearAttributions,
} from "./linear_attributions.ts";
export {
  EXACT_SHAPLEY_MAX_FEATURES,
  exactShapley,
  type ExactShapleyOptions,
} from "./exact_shapley.ts";
export { kernelShap, type KernelShapOptions } from "./kernel_shap.ts";
export {
  type FeatureImportance,
  PERMUTATION_SCORERS,
  permutationImportance,
  type PermutationImportanceOptions,
  type PermutationImportanceResult,
  type PermutationScorer,
  type PermutationScoring,
} from "./permutation_importance.ts";
export {
  type FeatureMoments,
  type LocalSurrogate,
  localSurrogate,
  type LocalSurrogateOptions,
  type SurrogateOutput,
} from "./local_surrogate.ts";
export {
  attributionDrift,
  type AttributionDriftOptions,
  type AttributionDriftResult,
  type AttributionRows,
  type FeatureAttributionDrift,
  meanAbsoluteAttribution,
  type MeanAbsoluteAttributionOptions,
} from "./attribution_drift.ts";
