/**
 * Exact attributions of Vigil's logistic-regression model in log-odds space.
 *
 * @module
 */
import type { LogisticRegressionModel } from "../model/logistic_regression_model.ts";
import type { Attribution, AttributionBatch } from "./attribution.ts";
import type { BackgroundSet } from "./background.ts";
import { toBlock, weightedBackground } from "./_rows.ts";

/** Options of {@linkcode linearAttributions} and {@linkcode linearAttributionBatch}. */
export interface LinearAttributionOptions {
  /**
   * The baseline row b̄ the contributions are measured against, e.g. the reference profile's
   * feature means. Ignored when `background` is given. @default the model's training means
   * (`model.means`; zeros for a model trained without standardisation)
   */
  baseline?: ArrayLike<number>;
  /** A background set; its weighted mean becomes the baseline. @default none */
  background?: ArrayLike<ArrayLike<number>> | BackgroundSet;
}

/**
 * Exact per-class log-odds contributions for many rows: `φ_cj = w_cj (x_j − b̄_j) / scale_j`,
 * where class c's one-vs-rest score is `s_c(x) = w_c0 + Σ_j w_cj (x_j − mean_j) / scale_j`
 * (see `LogisticRegressionModel`) and b̄ is the baseline. Because s_c is linear, these are its
 * exact interventional Shapley values in log-odds space for any background with mean b̄
 * (feature independence): `Σ_j φ_cj = s_c(x) − Σ_b w_b s_c(b)`, and `baseValues[c] = s_c(b̄)`.
 * They are not Shapley values of the normalised probabilities (which are not linear).
 * Cost O(n·k·p), no allocation beyond the output.
 *
 * @param model A trained `LogisticRegressionModel`.
 * @param X Rows to explain (n × p).
 * @param options `baseline` or `background`.
 * @returns An {@linkcode AttributionBatch} (`values` is `n × k × p`).
 * @throws {TypeError} When a row, the baseline or the background has the wrong width.
 * @throws {RangeError} When a value is not finite.
 * @example
 * ```ts
 * import { linearAttributionBatch } from "./mod.ts";
 * import { LogisticRegressionModel } from "../model/mod.ts";
 * const model = new LogisticRegressionModel({
 *   kind: "vigil.logistic_regression", version: 1, featureNames: ["a", "b"],
 *   classNames: ["no", "yes"], standardize: false, means: [0, 0], scales: [1, 1],
 *   weights: [[0, -1, 0], [0.5, 2, -1]], numSteps: 1, learningRate: 1,
 * });
 * const batch = linearAttributionBatch(model, [[1, 1], [3, 0]], { baseline: [1, 0] });
 * // row 1, class "yes": 2·(3 − 1) = 4 and −1·(0 − 0) = 0
 * if (batch.values[1 * 4 + 2] !== 4 || batch.values[1 * 4 + 3] !== 0) throw new Error();
 * ```
 */
export function linearAttributionBatch(
  model: LogisticRegressionModel,
  X: ArrayLike<ArrayLike<number>>,
  options: LinearAttributionOptions = {},
): AttributionBatch {
  const p = model.nFeatures;
  const k = model.nClasses;
  const base = baselineOf(model, options);
  const { data, n } = toBlock(X, p, "explain the logistic regression");
  // Per class: coefficient per feature in raw units (w_cj / scale_j) and the baseline score.
  const slope = new Float64Array(k * p);
  const baseValues: number[] = [];
  for (let c = 0; c < k; c++) {
    let s = model.weights[c * (p + 1)]!;
    for (let j = 0; j < p; j++) {
      const w = model.weights[c * (p + 1) + 1 + j]!;
      slope[c * p + j] = w / model.scales[j]!;
      s += w * ((base[j]! - model.means[j]!) / model.scales[j]!);
    }
    baseValues.push(s);
  }
  const values = new Float64Array(n * k * p);
  for (let i = 0; i < n; i++) {
    const o = i * k * p;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < p; j++) {
        values[o + c * p + j] = slope[c * p + j]! * (data[i * p + j]! - base[j]!);
      }
    }
  }
  return {
    kind: "attribution_batch",
    method: "exact_linear",
    featureNames: [...model.featureNames],
    outputNames: [...model.classNames],
    baseValues,
    nRows: n,
    values,
  };
}

/**
 * Exact per-class log-odds contributions of one row (see {@linkcode linearAttributionBatch} for
 * the formula), as a JSON {@linkcode Attribution} with `output[c] = s_c(x)`. O(k·p).
 *
 * @param model A trained `LogisticRegressionModel`.
 * @param x The row to explain.
 * @param options `baseline` or `background`.
 * @returns An {@linkcode Attribution} with `method: "exact_linear"`, `space: "log_odds"`.
 * @throws {TypeError} When the row, baseline or background has the wrong width.
 * @throws {RangeError} When a value is not finite.
 * @example
 * ```ts
 * import { linearAttributions } from "./mod.ts";
 * import { LogisticRegressionModel } from "../model/mod.ts";
 * const model = new LogisticRegressionModel({
 *   kind: "vigil.logistic_regression", version: 1, featureNames: ["a"], classNames: ["n", "y"],
 *   standardize: true, means: [10], scales: [2], weights: [[0, -1], [1, 1]],
 *   numSteps: 1, learningRate: 1,
 * });
 * const a = linearAttributions(model, [14]);
 * // class "y": base value s(10) = 1, contribution 1 · (14 − 10) / 2 = 2, output 3
 * if (a.baseValues[1] !== 1 || a.values[1]![0] !== 2 || a.output[1] !== 3) throw new Error();
 * ```
 */
export function linearAttributions(
  model: LogisticRegressionModel,
  x: ArrayLike<number>,
  options: LinearAttributionOptions = {},
): Attribution {
  const batch = linearAttributionBatch(model, [x], options);
  const p = model.nFeatures;
  const values = batch.baseValues.map((_, c) =>
    Array.from(batch.values.subarray(c * p, (c + 1) * p))
  );
  const output = Array.from(model.decisionFunction([x]));
  const baseline = Array.from(baselineOf(model, options));
  return {
    kind: "attribution",
    method: "exact_linear",
    space: "log_odds",
    featureNames: batch.featureNames,
    outputNames: batch.outputNames,
    baseValues: batch.baseValues,
    output,
    values,
    row: Array.from(x),
    details: { baseline },
  };
}

function baselineOf(
  model: LogisticRegressionModel,
  options: LinearAttributionOptions,
): Float64Array {
  const p = model.nFeatures;
  const action = "explain the logistic regression";
  if (options.background !== undefined) {
    const { data, n, weights } = weightedBackground(options.background, p, action);
    const mean = new Float64Array(p);
    for (let b = 0; b < n; b++) {
      for (let j = 0; j < p; j++) mean[j]! += weights[b]! * data[b * p + j]!;
    }
    return mean;
  }
  if (options.baseline !== undefined) return toBlock([options.baseline], p, action).data;
  return model.means;
}
