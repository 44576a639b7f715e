/**
 * Permutation importance: how much a score drops when one feature's column is shuffled,
 * reproducing scikit-learn's permutations exactly.
 *
 * @module
 */
import { accuracy } from "../metrics/accuracy.ts";
import { balancedAccuracy } from "../metrics/balanced_accuracy.ts";
import { logLoss } from "../metrics/log_loss.ts";
import { mt19937 } from "../stats/mt19937.ts";
import type { ProbabilisticModel } from "./attribution.ts";
import { names, rowViews, toBlock } from "./_rows.ts";

/**
 * A score where higher is better, computed from true class indices and the model's row-major
 * `n × k` probabilities. Wrap any `lib/metrics` function; negate losses.
 */
export interface PermutationScorer {
  /** Name recorded in the result, e.g. `"neg_brier_score"`. */
  name: string;
  /** The score (higher is better). */
  score(yTrue: ArrayLike<number>, proba: Float64Array, nClasses: number): number;
}

/** Built-in scorers, by scikit-learn's scoring names. */
export type PermutationScoring = "accuracy" | "balanced_accuracy" | "neg_log_loss";

/**
 * The built-in scorers. `accuracy` and `balanced_accuracy` score the predicted class (the
 * highest probability, first on ties, as `LogisticRegressionModel.predict`); `neg_log_loss` is
 * minus `logLoss` (scikit-learn's sign convention: importances of a loss are positive when
 * shuffling makes the loss worse).
 */
export const PERMUTATION_SCORERS: Readonly<Record<PermutationScoring, PermutationScorer>> = {
  accuracy: {
    name: "accuracy",
    score: (y, proba, k) => accuracy(y, argmax(proba, k), { nClasses: k }).value,
  },
  balanced_accuracy: {
    name: "balanced_accuracy",
    score: (y, proba, k) => balancedAccuracy(y, argmax(proba, k), { nClasses: k }).value,
  },
  neg_log_loss: {
    name: "neg_log_loss",
    score: (y, proba, k) => -logLoss(y, proba, { nClasses: k }).value,
  },
};

/** Options of {@linkcode permutationImportance}. */
export interface PermutationImportanceOptions {
  /** A built-in scorer name or a {@linkcode PermutationScorer}. @default "accuracy" */
  scoring?: PermutationScoring | PermutationScorer;
  /** Shuffles per feature. @default 5 */
  nRepeats?: number;
  /** scikit-learn's integer `random_state`. @default 0 */
  seed?: number;
  /** Feature names. @default `["x0", "x1", …]` */
  featureNames?: readonly string[];
}

/** One feature's permutation importance. */
export interface FeatureImportance {
  /** Feature name. */
  feature: string;
  /** Mean of `importances` (scikit-learn's `importances_mean`). */
  mean: number;
  /** Population standard deviation of `importances` (`importances_std`, ddof 0). */
  std: number;
  /** Baseline score minus the score after each shuffle. */
  importances: number[];
}

/** The result of {@linkcode permutationImportance}. Plain JSON. */
export interface PermutationImportanceResult {
  /** Always `"permutation_importance"`. */
  kind: "permutation_importance";
  /** The scorer's name. */
  scoring: string;
  /** The score on the unshuffled data. */
  baselineScore: number;
  /** Shuffles per feature. */
  nRepeats: number;
  /** The `random_state` used. */
  seed: number;
  /** Rows scored. */
  n: number;
  /** Per feature, in column order. */
  features: FeatureImportance[];
}

/**
 * Permutation importance (Breiman 2001): for each feature, the baseline score minus the score
 * with that feature's column shuffled, `nRepeats` times. Equals scikit-learn 1.2.1's
 * `permutation_importance(estimator, X, y, scoring, n_repeats, random_state=seed)` with the
 * same permutations, to rounding: a `RandomState(seed)` draws one `randint(2^31)`, each feature
 * restarts a `RandomState` from it, and each repeat shuffles (in place, cumulatively) an index
 * array and re-indexes the already-shuffled column, as scikit-learn does. Golden-tested to
 * 1e-12 (`test/golden/explain_golden.py`). Cost O(p · nRepeats) predictions of n rows.
 *
 * @param model Any {@linkcode ProbabilisticModel} (outputs are class probabilities).
 * @param X Rows (n × p).
 * @param y True class indices `0..k−1`.
 * @param options `scoring`, `nRepeats`, `seed`, `featureNames`.
 * @returns A {@linkcode PermutationImportanceResult}.
 * @throws {TypeError} When lengths or widths do not match.
 * @throws {RangeError} When `nRepeats` is not a positive integer or a value is not finite.
 * @example
 * ```ts
 * import { permutationImportance } from "./mod.ts";
 * // The class is x0 > 0; x1 is noise the model ignores.
 * const model = { nFeatures: 2, predictProba: (X: ArrayLike<ArrayLike<number>>) =>
 *   Float64Array.from(Array.from(X, (r) => r[0]! > 0 ? [0.1, 0.9] : [0.9, 0.1]).flat()) };
 * const X = Array.from({ length: 100 }, (_, i) => [i % 2 ? 1 : -1, i % 7]);
 * const y = X.map((r) => r[0]! > 0 ? 1 : 0);
 * const r = permutationImportance(model, X, y, { nRepeats: 3, seed: 1 });
 * if (!(r.features[0]!.mean > 0.3) || r.features[1]!.mean !== 0) throw new Error();
 * ```
 */
export function permutationImportance(
  model: ProbabilisticModel,
  X: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: PermutationImportanceOptions = {},
): PermutationImportanceResult {
  const { scoring = "accuracy", nRepeats = 5, seed = 0 } = options;
  const action = "compute permutation importance";
  if (!Number.isInteger(nRepeats) || nRepeats < 1) {
    throw new RangeError(`Cannot ${action}: nRepeats must be a positive integer, got ${nRepeats}`);
  }
  const scorer = typeof scoring === "string" ? PERMUTATION_SCORERS[scoring] : scoring;
  if (scorer === undefined) throw new TypeError(`Cannot ${action}: unknown scoring "${scoring}"`);
  const p = model.nFeatures;
  const { data, n } = toBlock(X, p, action);
  if (y.length !== n) throw new TypeError(`Cannot ${action}: ${n} rows but ${y.length} labels`);
  function score(rows: Float64Array[]): number {
    const proba = model.predictProba(rows);
    return scorer!.score(y, proba, proba.length / n);
  }
  const baselineScore = score(rowViews(data, n, p));
  const randomSeed = mt19937(seed).randomInterval(2147483647);
  const featureNames = names(options.featureNames, p, "x");
  const permuted = new Float64Array(n * p);
  // Views into the buffer that is shuffled in place: built once, they see every shuffle.
  const permutedRows = rowViews(permuted, n, p);
  const column = new Float64Array(n);
  const features = featureNames.map((feature, j) => {
    const rng = mt19937(randomSeed);
    permuted.set(data);
    const index = new Uint32Array(n);
    for (let i = 0; i < n; i++) index[i] = i;
    const importances: number[] = [];
    for (let r = 0; r < nRepeats; r++) {
      for (let i = n - 1; i > 0; i--) {
        const t = rng.randomInterval(i);
        const v = index[i]!;
        index[i] = index[t]!;
        index[t] = v;
      }
      for (let i = 0; i < n; i++) column[i] = permuted[index[i]! * p + j]!;
      for (let i = 0; i < n; i++) permuted[i * p + j] = column[i]!;
      importances.push(baselineScore - score(permutedRows));
    }
    const mean = importances.reduce((a, b) => a + b, 0) / nRepeats;
    const variance = importances.reduce((a, b) => a + (b - mean) ** 2, 0) / nRepeats;
    return { feature, mean, std: Math.sqrt(variance), importances };
  });
  return {
    kind: "permutation_importance",
    scoring: scorer.name,
    baselineScore,
    nRepeats,
    seed,
    n,
    features,
  };
}

function argmax(proba: Float64Array, k: number): Int32Array {
  const out = new Int32Array(proba.length / k);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
    out[i] = best;
  }
  return out;
}
