/**
 * The shapes every explainer in `lib/explain` returns, and the small model interface the
 * model-agnostic explainers need.
 *
 * @module
 */

/**
 * What the model-agnostic explainers (KernelSHAP, exact Shapley, LIME, permutation importance)
 * need from a model: its number of features and a batch `predictProba` returning a row-major
 * `n × nOutputs` `Float64Array`. Vigil's `LogisticRegressionModel` satisfies it; wrap any other
 * model (or its `decisionFunction`, to explain log-odds) in an object literal.
 */
export interface ProbabilisticModel {
  /** Number of features each row must have. */
  readonly nFeatures: number;
  /** Outputs (class probabilities) per row, row-major `n × nOutputs`. */
  predictProba(X: ArrayLike<ArrayLike<number>>): Float64Array;
}

/** The explainers of one row, as recorded in {@linkcode Attribution.method}. */
export type AttributionMethod = "exact_linear" | "kernel_shap" | "exact_shapley";

/**
 * One row's additive attributions, per output (class): `output[c] = baseValues[c] +
 * Σ_j values[c][j]` (to rounding). Plain JSON.
 */
export interface Attribution {
  /** Always `"attribution"`. */
  kind: "attribution";
  /** The explainer that produced the values. */
  method: AttributionMethod;
  /** `"log_odds"` for exact linear attributions, `"model_output"` for the model-agnostic ones. */
  space: "log_odds" | "model_output";
  /** Feature names, in column order (`["x0", "x1", …]` when the model has none). */
  featureNames: string[];
  /** Output names, in output order (class names, or `["0", "1", …]`). */
  outputNames: string[];
  /** Per output: the expected output over the background (or at the baseline), E[f]. */
  baseValues: number[];
  /** Per output: the model's output for the explained row, f(x). */
  output: number[];
  /** `values[c][j]`: feature j's attribution to output c. */
  values: number[][];
  /** The explained row. */
  row: number[];
  /** Method policy in force (budget, seed, coalitions evaluated, background size…). */
  details: Record<string, unknown>;
}

/**
 * Attributions of many rows at once, for speed (the exact linear batch and attribution drift).
 * `values` is a row-major `Float64Array` `nRows × nOutputs × nFeatures`; convert it with
 * `Array.from` before `JSON.stringify` (typed arrays serialise as objects).
 */
export interface AttributionBatch {
  /** Always `"attribution_batch"`. */
  kind: "attribution_batch";
  /** The explainer that produced the values. */
  method: AttributionMethod;
  /** Feature names, in column order. */
  featureNames: string[];
  /** Output names, in output order. */
  outputNames: string[];
  /** Per output: E[f] over the background (or at the baseline). */
  baseValues: number[];
  /** Number of explained rows. */
  nRows: number;
  /** Row-major `nRows × nOutputs × nFeatures` attributions. */
  values: Float64Array;
}
