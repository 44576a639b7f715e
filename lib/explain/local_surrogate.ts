/**
 * A LIME-style local surrogate for tabular data: a weighted linear fit to the model around one
 * row, with its fidelity.
 *
 * @module
 */
import { mt19937 } from "../stats/mt19937.ts";
import type { ProbabilisticModel } from "./attribution.ts";
import { names, rowViews, toBlock } from "./_rows.ts";
import { weightedRidge } from "./_weighted_ridge.ts";
import { legacyGauss } from "./_legacy_gauss.ts";

/** Per-feature mean and standard deviation of the training data (what LIME samples from). */
export interface FeatureMoments {
  /** Mean per feature. */
  means: ArrayLike<number>;
  /** Standard deviation per feature; 0 is treated as 1 (as LIME's scaler does). */
  stds: ArrayLike<number>;
}

/** Options of {@linkcode localSurrogate}. */
export interface LocalSurrogateOptions {
  /** Perturbed samples, the row itself included (LIME's `num_samples`). @default 5000 */
  nSamples?: number;
  /** Kernel width on standardised distances (LIME's `kernel_width`). @default 0.75·√M */
  kernelWidth?: number;
  /** Ridge penalty (LIME's default `Ridge(alpha=1)`). @default 1 */
  alpha?: number;
  /** Seed of numpy's MT19937 for the normal draws. @default 0 */
  seed?: number;
  /** Feature names. @default `["x0", "x1", …]` */
  featureNames?: readonly string[];
  /** Output names. @default `["0", "1", …]` */
  outputNames?: readonly string[];
}

/** The surrogate of one output (class). */
export interface SurrogateOutput {
  /** Output name. */
  output: string;
  /** Surrogate intercept (the prediction at the training mean). */
  intercept: number;
  /** Coefficient per feature, per training standard deviation (LIME's feature weights). */
  coefficients: number[];
  /** Per feature, `coefficient · (x_j − mean_j) / std_j`: the row's local contributions. */
  contributions: number[];
  /** The surrogate's prediction for the row (LIME's `local_pred`). */
  localPrediction: number;
  /** The model's prediction for the row. */
  modelPrediction: number;
  /** Weighted R² of the surrogate on the perturbed samples (LIME's `score`). */
  fidelity: number;
}

/** The result of {@linkcode localSurrogate}. Plain JSON. */
export interface LocalSurrogate {
  /** Always `"local_surrogate"`. */
  kind: "local_surrogate";
  /** Always `"lime_tabular"`. */
  method: "lime_tabular";
  /** Feature names. */
  featureNames: string[];
  /** The explained row. */
  row: number[];
  /** One surrogate per model output. */
  outputs: SurrogateOutput[];
  /** Policy in force: `nSamples`, `kernelWidth`, `alpha`, `seed`. */
  details: Record<string, unknown>;
}

/**
 * LIME's tabular explainer with `discretize_continuous=False` (Ribeiro et al. 2016): draws
 * `nSamples − 1` rows from independent normals with the training means and standard deviations
 * (numpy's legacy `RandomState.normal`, LIME's `sample_around_instance=False`), keeps the row
 * itself as sample 0, weights each sample by the exponential kernel
 * `√exp(−d²/width²)` of its Euclidean distance d to the row in standardised units, and fits a
 * weighted ridge (α = 1, intercept) per output to the model's outputs on the standardised
 * samples. Fidelity is the fit's weighted R². Where Vigil differs from LIME: every feature is
 * kept (LIME's default selects at most 10 by forward selection or weights) and every output is
 * explained (LIME's default explains class 1 only); the surrogate is a linear approximation,
 * not an additive attribution, so its contributions need not sum to f(x) − E[f].
 * Cost O(nSamples · p²) plus nSamples predictions.
 *
 * @param model Any {@linkcode ProbabilisticModel}.
 * @param x The row to explain.
 * @param training Training rows, or their {@linkcode FeatureMoments}.
 * @param options `nSamples`, `kernelWidth`, `alpha`, `seed`, names.
 * @returns A {@linkcode LocalSurrogate}.
 * @throws {TypeError} When a width does not match `model.nFeatures`.
 * @throws {RangeError} For a non-positive `nSamples` (< 2), `kernelWidth` or negative `alpha`.
 * @example
 * ```ts
 * import { localSurrogate } from "./mod.ts";
 * // A linear model is its own surrogate: coefficient = slope × std, fidelity 1.
 * const model = { nFeatures: 2, predictProba: (X: ArrayLike<ArrayLike<number>>) =>
 *   Float64Array.from(Array.from(X, (r) => 3 * r[0]! - r[1]!)) };
 * const s = localSurrogate(model, [1, 1], { means: [0, 0], stds: [2, 1] }, { alpha: 0 });
 * const out = s.outputs[0]!;
 * if (Math.abs(out.coefficients[0]! - 6) > 1e-9 || Math.abs(out.fidelity - 1) > 1e-12) {
 *   throw new Error();
 * }
 * ```
 */
export function localSurrogate(
  model: ProbabilisticModel,
  x: ArrayLike<number>,
  training: ArrayLike<ArrayLike<number>> | FeatureMoments,
  options: LocalSurrogateOptions = {},
): LocalSurrogate {
  const p = model.nFeatures;
  const action = "fit a local surrogate";
  const {
    nSamples = 5000,
    kernelWidth = 0.75 * Math.sqrt(p),
    alpha = 1,
    seed = 0,
  } = options;
  if (!Number.isInteger(nSamples) || nSamples < 2) {
    throw new RangeError(`Cannot ${action}: nSamples must be an integer >= 2, got ${nSamples}`);
  }
  if (!(kernelWidth > 0 && Number.isFinite(kernelWidth))) {
    throw new RangeError(`Cannot ${action}: kernelWidth must be positive, got ${kernelWidth}`);
  }
  if (!(alpha >= 0 && Number.isFinite(alpha))) {
    throw new RangeError(`Cannot ${action}: alpha must be >= 0, got ${alpha}`);
  }
  const row = toBlock([x], p, action).data;
  const { means, stds } = moments(training, p, action);
  const gauss = legacyGauss(mt19937(seed).randomSample);
  const data = new Float64Array(nSamples * p);
  const scaled = new Float64Array(nSamples * p);
  for (let i = 0; i < nSamples; i++) {
    for (let j = 0; j < p; j++) {
      // LIME draws every normal first, then overwrites sample 0 with the row.
      const z = gauss();
      data[i * p + j] = i === 0 ? row[j]! : z * stds[j]! + means[j]!;
      scaled[i * p + j] = (data[i * p + j]! - means[j]!) / stds[j]!;
    }
  }
  const weights = new Float64Array(nSamples);
  for (let i = 0; i < nSamples; i++) {
    let d2 = 0;
    for (let j = 0; j < p; j++) d2 += (scaled[i * p + j]! - scaled[j]!) ** 2;
    weights[i] = Math.sqrt(Math.exp(-d2 / (kernelWidth * kernelWidth)));
  }
  const proba = model.predictProba(rowViews(data, nSamples, p));
  const k = proba.length / nSamples;
  const outputNames = names(options.outputNames, k, "");
  const target = new Float64Array(nSamples);
  const outputs = outputNames.map((output, c) => {
    for (let i = 0; i < nSamples; i++) target[i] = proba[i * k + c]!;
    const fit = weightedRidge(scaled, target, weights, p, alpha);
    const contributions = Array.from(fit.coef, (b, j) => b * scaled[j]!);
    return {
      output,
      intercept: fit.intercept,
      coefficients: Array.from(fit.coef),
      contributions,
      localPrediction: fit.intercept + contributions.reduce((a, b) => a + b, 0),
      modelPrediction: proba[c]!,
      fidelity: fit.r2,
    };
  });
  return {
    kind: "local_surrogate",
    method: "lime_tabular",
    featureNames: names(options.featureNames, p, "x"),
    row: Array.from(row),
    outputs,
    details: { nSamples, kernelWidth, alpha, seed, kernel: "sqrt(exp(-d^2/width^2))" },
  };
}

function moments(
  training: ArrayLike<ArrayLike<number>> | FeatureMoments,
  p: number,
  action: string,
): { means: Float64Array; stds: Float64Array } {
  if ("means" in training && "stds" in training) {
    const means = toBlock([training.means], p, action).data;
    const stds = toBlock([training.stds], p, action).data.map((s) => (s === 0 ? 1 : s));
    return { means, stds };
  }
  const { data, n } = toBlock(training as ArrayLike<ArrayLike<number>>, p, action);
  const means = new Float64Array(p);
  const stds = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) means[j]! += data[i * p + j]! / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) stds[j]! += (data[i * p + j]! - means[j]!) ** 2 / n;
  }
  return { means, stds: stds.map((v) => (v === 0 ? 1 : Math.sqrt(v))) };
}
