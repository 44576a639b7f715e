/**
 * A trained multiclass (one-vs-rest) logistic regression: scoring, probabilities, predictions and
 * exact JSON round trips. Train one with `trainLogisticRegression` from
 * `./logistic_regression.ts`.
 *
 * @module
 */

import { type RowBlock, toRowBlock } from "./_rows.ts";

/** The JSON form of a {@linkcode LogisticRegressionModel}; `fromJSON(toJSON())` predicts the same. */
export interface LogisticRegressionJSON {
  /** Format tag. */
  kind: "vigil.logistic_regression";
  /** Format version. */
  version: 1;
  /** Feature names, in column order. */
  featureNames: string[];
  /** Class names, in class-index order. */
  classNames: string[];
  /** Whether features were standardised. */
  standardize: boolean;
  /** Per-feature training mean (0 when not standardised). */
  means: number[];
  /** Per-feature training standard deviation (1 when not standardised). */
  scales: number[];
  /** Per class: `[intercept, coefficient per feature]` on the standardised features. */
  weights: number[][];
  /** Training steps used. */
  numSteps: number;
  /** Training step size used (on the mean gradient). */
  learningRate: number;
}

/**
 * A trained one-vs-rest logistic regression (made by `trainLogisticRegression`). Class c's score
 * for a row x is `s_c = w_c0 + Σ_j w_cj (x_j − mean_j) / scale_j` and its one-vs-rest
 * probability `σ(s_c)`; {@linkcode LogisticRegressionModel.predictProba} normalises these to sum
 * to 1 per row. Instances are immutable; store them with `toJSON()` and restore with `fromJSON`.
 *
 * @example
 * ```ts
 * import { LogisticRegressionModel } from "./mod.ts";
 * const model = LogisticRegressionModel.fromJSON({
 *   kind: "vigil.logistic_regression", version: 1, featureNames: ["x"], classNames: ["a", "b"],
 *   standardize: false, means: [0], scales: [1], weights: [[0, -1], [0, 1]],
 *   numSteps: 1, learningRate: 1,
 * });
 * if (model.predict([[-2], [3]]).join() !== "0,1") throw new Error("wrong classes");
 * const copy = LogisticRegressionModel.fromJSON(JSON.parse(JSON.stringify(model)));
 * if (copy.predictProba([[0.5]])[1] !== model.predictProba([[0.5]])[1]) throw new Error();
 * ```
 */
export class LogisticRegressionModel {
  /** Feature names, in column order. */
  readonly featureNames: readonly string[];
  /** Class names, in class-index order. */
  readonly classNames: readonly string[];
  /** Whether features are standardised before scoring. */
  readonly standardize: boolean;
  /** Per-feature centring applied before scoring. */
  readonly means: Float64Array;
  /** Per-feature scale applied before scoring. */
  readonly scales: Float64Array;
  /** Row-major `nClasses × (nFeatures + 1)`: per class the intercept, then the coefficients. */
  readonly weights: Float64Array;
  /** Training steps used. */
  readonly numSteps: number;
  /** Training step size used. */
  readonly learningRate: number;

  /**
   * Builds a model from its JSON form (same as {@linkcode LogisticRegressionModel.fromJSON}).
   *
   * @throws {TypeError} When the parts have inconsistent lengths or non-finite numbers.
   */
  constructor(json: LogisticRegressionJSON) {
    const p = json?.featureNames?.length;
    const k = json?.classNames?.length;
    const ok = json?.kind === "vigil.logistic_regression" && json.version === 1 &&
      Number.isInteger(p) && p > 0 && Number.isInteger(k) && k >= 2 &&
      json.means?.length === p && json.scales?.length === p &&
      json.weights?.length === k && json.weights.every((w) => w?.length === p + 1);
    if (!ok) {
      throw new TypeError(
        `Cannot load logistic regression: expected a "vigil.logistic_regression" version 1 object ` +
          `with means, scales and ${k} weight rows matching ${p} features`,
      );
    }
    const flat = [...json.means, ...json.scales, ...json.weights.flat()];
    if (!flat.every((v) => typeof v === "number" && Number.isFinite(v))) {
      throw new TypeError(`Cannot load logistic regression: a mean, scale or weight is not finite`);
    }
    this.featureNames = Object.freeze([...json.featureNames]);
    this.classNames = Object.freeze([...json.classNames]);
    this.standardize = json.standardize;
    this.means = Float64Array.from(json.means);
    this.scales = Float64Array.from(json.scales);
    this.weights = Float64Array.from(json.weights.flat());
    this.numSteps = json.numSteps;
    this.learningRate = json.learningRate;
  }

  /** Number of features the model expects per row. */
  get nFeatures(): number {
    return this.featureNames.length;
  }

  /** Number of classes. */
  get nClasses(): number {
    return this.classNames.length;
  }

  /**
   * Raw one-vs-rest scores (log-odds) `s_c`, row-major `n × nClasses`. Cost O(n·p·k).
   *
   * @throws {TypeError} When a row does not have {@linkcode nFeatures} values.
   * @throws {RangeError} When a value is not finite (names row and feature).
   */
  decisionFunction(X: ArrayLike<ArrayLike<number>>): Float64Array {
    return this.#scores(toRowBlock(X, this.nFeatures, "score rows", this.featureNames));
  }

  /**
   * Class probabilities, row-major `n × nClasses`: the one-vs-rest probabilities σ(s_c) divided
   * by their sum, so each row sums to 1 (as scikit-learn's `multi_class="ovr"`). Computed in log
   * space, so it stays defined when every σ(s_c) underflows. Cost O(n·p·k).
   *
   * @throws {TypeError} When a row does not have {@linkcode nFeatures} values.
   * @throws {RangeError} When a value is not finite (names row and feature).
   */
  predictProba(X: ArrayLike<ArrayLike<number>>): Float64Array {
    const s = this.#scores(
      toRowBlock(X, this.nFeatures, "predict probabilities", this.featureNames),
    );
    const k = this.nClasses;
    for (let i = 0; i < s.length; i += k) {
      let max = -Infinity;
      // log σ(s) = −softplus(−s), computed without overflow.
      for (let c = 0; c < k; c++) {
        const v = s[i + c]!;
        const logSigma = v >= 0 ? -Math.log1p(Math.exp(-v)) : v - Math.log1p(Math.exp(v));
        s[i + c] = logSigma;
        if (logSigma > max) max = logSigma;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += s[i + c] = Math.exp(s[i + c]! - max);
      for (let c = 0; c < k; c++) s[i + c]! /= sum;
    }
    return s;
  }

  /**
   * Predicted class index per row: the class with the highest score (first on ties), the same
   * choice as `ml-logistic-regression`'s `predict`. Cost O(n·p·k).
   *
   * @throws {TypeError} When a row does not have {@linkcode nFeatures} values.
   * @throws {RangeError} When a value is not finite (names row and feature).
   */
  predict(X: ArrayLike<ArrayLike<number>>): Int32Array {
    const s = this.#scores(toRowBlock(X, this.nFeatures, "predict", this.featureNames));
    const k = this.nClasses;
    const out = new Int32Array(s.length / k);
    for (let i = 0; i < out.length; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (s[i * k + c]! > s[i * k + best]!) best = c;
      out[i] = best;
    }
    return out;
  }

  /** The model as plain JSON; numbers are stored exactly, so a round trip predicts the same. */
  toJSON(): LogisticRegressionJSON {
    const p1 = this.nFeatures + 1;
    return {
      kind: "vigil.logistic_regression",
      version: 1,
      featureNames: [...this.featureNames],
      classNames: [...this.classNames],
      standardize: this.standardize,
      means: Array.from(this.means),
      scales: Array.from(this.scales),
      weights: Array.from(
        { length: this.nClasses },
        (_, c) => Array.from(this.weights.subarray(c * p1, (c + 1) * p1)),
      ),
      numSteps: this.numSteps,
      learningRate: this.learningRate,
    };
  }

  /**
   * Rebuilds a model from {@linkcode LogisticRegressionModel.toJSON} output (e.g. after
   * `JSON.parse`).
   *
   * @throws {TypeError} When `json` is not a valid version-1 model.
   */
  static fromJSON(json: LogisticRegressionJSON): LogisticRegressionModel {
    return new LogisticRegressionModel(json);
  }

  #scores({ data, n, p }: RowBlock): Float64Array {
    const k = this.nClasses;
    const z = new Float64Array(p);
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) z[j] = (data[i * p + j]! - this.means[j]!) / this.scales[j]!;
      for (let c = 0; c < k; c++) {
        const w = c * (p + 1);
        let s = this.weights[w]!;
        for (let j = 0; j < p; j++) s += this.weights[w + 1 + j]! * z[j]!;
        out[i * k + c] = s;
      }
    }
    return out;
  }
}
