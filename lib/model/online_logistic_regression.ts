/**
 * A binary logistic regression that learns one labelled row at a time (stochastic gradient
 * descent), for streams whose concept moves: it keeps learning instead of waiting for a retrain.
 *
 * @module
 */
import { permutation, seededRandom } from "../stats/random.ts";

/** Options of {@linkcode OnlineLogisticRegression}. */
export interface OnlineLogisticRegressionOptions {
  /** Names of the features, one per input column (their count fixes the input width). */
  featureNames: readonly string[];
  /** Names of the two classes; labels are 0 (first) and 1 (second). @default {["0", "1"]} */
  classNames?: readonly [string, string];
  /**
   * Step size η₀ of each SGD update. The constant default suits tracking a drifting stream
   * (River's `optim.SGD(0.01)` on raw features is the same idea; Vigil's features are standardised,
   * so a larger step is safe).
   * @default {0.05}
   */
  learningRate?: number;
  /**
   * Step decay: update t uses `η₀ / (1 + decay · t)`. 0 keeps the step constant (tracks drift);
   * a positive decay makes repeated passes converge to the penalised batch fit.
   * @default {0}
   */
  decay?: number;
  /**
   * L2 penalty λ on the coefficients (not the intercept): each update minimises
   * `log loss + (λ / 2)‖w‖²` of its row, so the fixed point is scikit-learn's
   * `LogisticRegression(C = 1 / (n · λ))` on the same standardised rows. scikit-learn's
   * `SGDClassifier` default `alpha`.
   * @default {1e-4}
   */
  l2?: number;
  /**
   * Standardise each feature by its running mean and population standard deviation (Welford,
   * updated by every learned row before its step), so that one learning rate suits any units.
   * @default {true}
   */
  standardize?: boolean;
  /** Seed of the row order in {@linkcode OnlineLogisticRegression.fit}. @default {0} */
  seed?: number;
}

/**
 * Online binary logistic regression by SGD. Each {@linkcode OnlineLogisticRegression.learnOne}
 * is one gradient step on one row's penalised log loss: with `p = σ(b + w·z)` and `z` the
 * standardised row, `w ← w − η (p − y) z − η λ w` and `b ← b − η (p − y)`, O(features). Weights
 * start at 0, so a model is a pure function of the rows it learned (and `fit`'s seed): two
 * models fed the same rows agree exactly. Its `predictProba` has the shape a monitor expects
 * (row-major n × 2), so it can be watched by `defineMonitor`.
 *
 * Tested against scikit-learn: after `fit` with a decaying step on a noisy two-blob problem, the
 * coefficients match `LogisticRegression(C = 1 / (n λ))` on `StandardScaler` rows within 0.01
 * (`test/model/online_logistic_regression_test.ts`, golden values from
 * `test/golden/online_model_golden.py`).
 *
 * @example
 * ```ts
 * import { OnlineLogisticRegression } from "./online_logistic_regression.ts";
 * const model = new OnlineLogisticRegression({ featureNames: ["x"] });
 * for (let i = 0; i < 2000; i++) model.learnOne([i % 10], i % 10 >= 5 ? 1 : 0);
 * if (model.predict([[1], [8]]).join() !== "0,1") throw new Error();
 * if (model.updates !== 2000) throw new Error();
 * ```
 */
export class OnlineLogisticRegression {
  /** Feature names, in input order. */
  readonly featureNames: readonly string[];
  /** The two class names. */
  readonly classNames: readonly [string, string];
  /** Base step size. */
  readonly learningRate: number;
  /** Step decay. */
  readonly decay: number;
  /** L2 penalty. */
  readonly l2: number;
  /** Whether rows are standardised by running statistics. */
  readonly standardize: boolean;
  /** Seed of `fit`'s row order. */
  readonly seed: number;
  /** Coefficients on the standardised features. */
  readonly weights: Float64Array;
  /** Running means of the features (0 when not standardising). */
  readonly means: Float64Array;
  #m2: Float64Array;
  #z: Float64Array;
  #intercept = 0;
  #updates = 0;
  #seen = 0;

  /**
   * Creates an untrained model (every weight 0, every probability 0.5).
   *
   * @throws {TypeError} When `featureNames` is empty or `classNames` does not name two classes.
   * @throws {RangeError} When `learningRate` is not positive, or `decay` / `l2` are negative.
   */
  constructor(options: OnlineLogisticRegressionOptions) {
    const { featureNames, classNames = ["0", "1"], learningRate = 0.05, decay = 0 } = options;
    const { l2 = 1e-4, standardize = true, seed = 0 } = options;
    if (!Array.isArray(featureNames) || featureNames.length === 0) {
      throw new TypeError("Cannot create an online logistic regression: featureNames is empty");
    }
    if (!Array.isArray(classNames) || classNames.length !== 2) {
      throw new TypeError(
        "Cannot create an online logistic regression: classNames must name 2 classes",
      );
    }
    const bad = !(learningRate > 0 && Number.isFinite(learningRate))
      ? ["learningRate", learningRate]
      : !(decay >= 0 && Number.isFinite(decay))
      ? ["decay", decay]
      : !(l2 >= 0 && Number.isFinite(l2))
      ? ["l2", l2]
      : undefined;
    if (bad !== undefined) {
      throw new RangeError(
        `Cannot create an online logistic regression: ${bad[0]} out of range, got ${bad[1]}`,
      );
    }
    this.featureNames = Object.freeze([...featureNames]);
    this.classNames = Object.freeze([classNames[0], classNames[1]]) as readonly [string, string];
    this.learningRate = learningRate;
    this.decay = decay;
    this.l2 = l2;
    this.standardize = standardize;
    this.seed = seed;
    const p = featureNames.length;
    this.weights = new Float64Array(p);
    this.means = new Float64Array(p);
    this.#m2 = new Float64Array(p);
    this.#z = new Float64Array(p);
  }

  /** The intercept. */
  get intercept(): number {
    return this.#intercept;
  }

  /** Number of SGD updates made so far (rows learned, counting repeats). */
  get updates(): number {
    return this.#updates;
  }

  /** Running standard deviation of each feature (1 where unknown or constant). */
  scales(): Float64Array {
    return this.#m2.map((m2) => (this.#seen > 1 && m2 > 0 ? Math.sqrt(m2 / this.#seen) : 1));
  }

  /**
   * Learns one labelled row: updates the running statistics, then takes one SGD step. O(p).
   *
   * @param x The row's features.
   * @param y Its label, 0 or 1 (or a boolean).
   * @returns The model, for chaining.
   * @throws {TypeError} When `x` has the wrong width.
   * @throws {RangeError} When a feature is not finite or `y` is not 0/1.
   */
  learnOne(x: ArrayLike<number>, y: number | boolean): this {
    const label = typeof y === "boolean" ? Number(y) : y;
    if (label !== 0 && label !== 1) {
      throw new RangeError(`Cannot learn row ${this.#updates}: label must be 0 or 1, got ${y}`);
    }
    this.#check(x, `learn row ${this.#updates}`);
    if (this.standardize) {
      this.#seen++;
      for (let j = 0; j < x.length; j++) {
        const d = x[j]! - this.means[j]!;
        this.means[j]! += d / this.#seen;
        this.#m2[j]! += d * (x[j]! - this.means[j]!);
      }
    }
    const g = this.#score(x) - label; // uses #z, filled by #score
    const eta = this.learningRate / (1 + this.decay * this.#updates);
    const w = this.weights;
    for (let j = 0; j < w.length; j++) w[j] = w[j]! - eta * (g * this.#z[j]! + this.l2 * w[j]!);
    this.#intercept -= eta * g;
    this.#updates++;
    return this;
  }

  /**
   * Learns rows in order, once each (a stream). O(n · p).
   *
   * @throws {TypeError} When `X` and `y` differ in length or a row has the wrong width.
   * @throws {RangeError} As {@linkcode OnlineLogisticRegression.learnOne}.
   */
  learnMany(X: ArrayLike<ArrayLike<number>>, y: ArrayLike<number>): this {
    if (X.length !== y.length) {
      throw new TypeError(`Cannot learn: ${X.length} rows but ${y.length} labels`);
    }
    for (let i = 0; i < X.length; i++) this.learnOne(X[i]!, y[i]!);
    return this;
  }

  /**
   * Learns `epochs` passes over the rows, each in a fresh order drawn from `seededRandom(seed +
   * epoch)` (a batch fit by SGD). O(epochs · n · p).
   *
   * @throws {TypeError} When `X` and `y` differ in length.
   * @throws {RangeError} When `epochs` is not a positive integer, or as `learnOne`.
   */
  fit(X: ArrayLike<ArrayLike<number>>, y: ArrayLike<number>, epochs = 10): this {
    if (X.length !== y.length) {
      throw new TypeError(`Cannot fit: ${X.length} rows but ${y.length} labels`);
    }
    if (!Number.isInteger(epochs) || epochs < 1) {
      throw new RangeError(`Cannot fit: epochs must be a positive integer, got ${epochs}`);
    }
    for (let e = 0; e < epochs; e++) {
      for (const i of permutation(X.length, seededRandom(this.seed + e))) {
        this.learnOne(X[i]!, y[i]!);
      }
    }
    return this;
  }

  /** P(class 1 | x) for one row. O(p). @throws {TypeError} On a wrong width. */
  predictProbaOne(x: ArrayLike<number>): number {
    this.#check(x, "predict");
    return this.#score(x);
  }

  /**
   * Row-major n × 2 probabilities `[P(0), P(1)]` per row (the shape `defineMonitor` expects).
   * O(n · p).
   */
  predictProba(X: ArrayLike<ArrayLike<number>>): Float64Array {
    const out = new Float64Array(2 * X.length);
    for (let i = 0; i < X.length; i++) {
      const p = this.predictProbaOne(X[i]!);
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    }
    return out;
  }

  /** Predicted class per row: 1 when P(1) > 0.5. O(n · p). */
  predict(X: ArrayLike<ArrayLike<number>>): number[] {
    return Array.from(X, (x) => (this.predictProbaOne(x) > 0.5 ? 1 : 0));
  }

  #check(x: ArrayLike<number>, action: string): void {
    if (x === null || typeof x !== "object" || x.length !== this.weights.length) {
      throw new TypeError(
        `Cannot ${action}: expected ${this.weights.length} features, got ${
          (x as { length?: number })?.length
        }`,
      );
    }
    for (let j = 0; j < x.length; j++) {
      if (!Number.isFinite(x[j])) {
        throw new RangeError(
          `Cannot ${action}: feature "${this.featureNames[j]}" is not finite, got ${x[j]}`,
        );
      }
    }
  }

  #score(x: ArrayLike<number>): number {
    let s = this.#intercept;
    const z = this.#z;
    for (let j = 0; j < z.length; j++) {
      const sd = this.standardize && this.#seen > 1 && this.#m2[j]! > 0
        ? Math.sqrt(this.#m2[j]! / this.#seen)
        : 1;
      z[j] = this.standardize ? (x[j]! - this.means[j]!) / sd : x[j]!;
      s += this.weights[j]! * z[j]!;
    }
    return 1 / (1 + Math.exp(-s));
  }
}
