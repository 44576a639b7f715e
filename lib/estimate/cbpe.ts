/**
 * Confidence-based performance estimation (CBPE, as NannyML's `CBPE` for classification):
 * the performance a classifier is expected to have on a window whose labels have not arrived,
 * from its own (calibrated) probabilities.
 *
 * @module
 */
import { fitIsotonic, type IsotonicFit } from "../stats/isotonic.ts";

/** The metrics CBPE estimates. For more than two classes, precision…ROC AUC are macro averages. */
export type CbpeMetric = "accuracy" | "precision" | "recall" | "f1" | "roc_auc";

/** Every {@linkcode CbpeMetric}, in the order estimates are returned. */
export const CBPE_METRICS: readonly CbpeMetric[] = Object.freeze([
  "accuracy",
  "precision",
  "recall",
  "f1",
  "roc_auc",
]);

/** NannyML's `SAMPLING_ERROR_RANGE`: the band is the estimate ± 3 sampling errors, within [0, 1]. */
export const CBPE_BAND_WIDTH = 3;

/** The reference CBPE learns from: the model's probabilities on data whose labels are known. */
export interface CbpeReference {
  /** Row-major n×k class probabilities of the model on the reference rows. */
  proba: Float64Array;
  /** True class index per reference row (`0..k-1`). */
  y: ArrayLike<number>;
  /** Class names (k ≥ 2), index i naming class i. */
  classNames: readonly string[];
}

/** Options of {@linkcode fitCbpe}. */
export interface CbpeOptions {
  /**
   * The metrics to estimate.
   * @default CBPE_METRICS (all five)
   */
  metrics?: readonly CbpeMetric[];
  /**
   * Calibrate the probabilities with isotonic regression fitted on the reference (`true`), or
   * trust them as they are (`false`). NannyML decides per class with a cross-validated
   * expected-calibration-error test; Vigil leaves the choice to the caller (see the departures
   * in {@linkcode fitCbpe}).
   * @default true
   */
  calibrate?: boolean;
}

/** One estimated metric of one window. */
export interface CbpeEstimate {
  /** Which metric. */
  metric: CbpeMetric;
  /** The expected value of the metric on the window. */
  value: number;
  /** NannyML's sampling error for a window of this many rows (a standard error). */
  samplingError: number;
  /** `max(0, value − 3·samplingError)`. */
  lower: number;
  /** `min(1, value + 3·samplingError)`. */
  upper: number;
}

/** A fitted CBPE estimator. */
export interface CbpeEstimator {
  /** The class names it was fitted with. */
  readonly classNames: readonly string[];
  /** The metrics it estimates, in order. */
  readonly metrics: readonly CbpeMetric[];
  /** The calibrated probabilities of row-major n×k probabilities (rows sum to 1). O(n·k·log m). */
  calibrate(proba: Float64Array): Float64Array;
  /**
   * Estimates every metric on a window from the model's probabilities alone (no labels). The
   * predicted class is the argmax of the probabilities as given (before calibration), as the
   * model predicts. O(n·k + n log n per class for ROC AUC).
   * @throws {RangeError} When `proba` is empty or not a whole number of k-wide rows.
   */
  estimate(proba: Float64Array): CbpeEstimate[];
}

/** `(variance, fraction)` of one class's observation-level sampling-error components. */
type Components = { variance: number; fraction: number };

function argmaxRows(proba: Float64Array, k: number): Int32Array {
  const n = proba.length / k;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
    out[i] = best;
  }
  return out;
}

function variance(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let s = 0;
  for (const v of values) s += (v - mean) ** 2;
  return s / values.length;
}

/**
 * NannyML's `estimate_roc_auc`: a ROC curve whose counts are expected counts — at each distinct
 * threshold t (the sorted calibrated probabilities, with 1 appended), TP = Σ p over scores ≥ t,
 * FP = Σ (1 − p) over them, FN and TN the same below — integrated with the trapezoid rule.
 * O(n log n).
 *
 * @param p Calibrated probabilities of the positive class.
 * @returns The expected ROC AUC.
 * @example Confident, well-separated probabilities give an expected AUC near 1
 * ```ts
 * import { expectedRocAuc } from "./cbpe.ts";
 * if (!(expectedRocAuc([0.01, 0.02, 0.98, 0.99]) > 0.95)) throw new Error();
 * if (!(expectedRocAuc([0.5, 0.5, 0.5]) < 0.75)) throw new Error();
 * ```
 */
export function expectedRocAuc(p: ArrayLike<number>): number {
  const t = Float64Array.from(p).sort();
  const m = t.length + 1;
  const th = new Float64Array(m);
  th.set(t);
  th[m - 1] = 1;
  const fpr: number[] = [], tpr: number[] = [];
  let totalP = 0, totalN = 0;
  for (let i = 0; i < m; i++) totalP += th[i]!, totalN += 1 - th[i]!;
  let belowP = 0, belowN = 0;
  for (let i = 0; i < m; i++) {
    const prev = i === 0 ? -1 : th[i - 1]!;
    if (th[i] !== prev) {
      const tp = totalP - belowP, fp = totalN - belowN;
      tpr.push(tp / (tp + belowP));
      fpr.push(fp / (fp + belowN));
    }
    belowP += th[i]!;
    belowN += 1 - th[i]!;
  }
  let area = 0;
  for (let i = 1; i < fpr.length; i++) {
    area += (fpr[i - 1]! - fpr[i]!) * (tpr[i - 1]! + tpr[i]!) / 2;
  }
  return area;
}

/** NannyML's observation-level AUROC component (one class against the rest). */
function aurocComponents(yTrue: Uint8Array, p: Float64Array): Components {
  let y = Array.from(yTrue), s = Array.from(p);
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  if (mean > 0.5) {
    y = y.map((v) => 1 - v);
    s = s.map((v) => 1 - v);
  }
  // Stable ascending order, as numpy's argsort (quicksort) on distinct scores.
  const order = s.map((_, i) => i).sort((a, b) => s[a]! - s[b]! || a - b);
  const ranks = new Set<number>();
  order.forEach((idx, rank) => ranks.add(y[idx]! * rank));
  const indexes = [...ranks].sort((a, b) => a - b).slice(1);
  const nPos = y.reduce((a, b) => a + b, 0);
  const nNeg = y.length - nPos;
  const ser = indexes.map((index, i) => (index - i) / nNeg);
  return { variance: variance(ser), fraction: nPos / y.length };
}

/** Precision, recall and F1 components of one class (binarized truth and prediction). */
function prfComponents(
  yTrue: Uint8Array,
  yPred: Uint8Array,
): { precision: Components; recall: Components; f1: Components; f1Binary: Components } {
  const tp: number[] = [], fp: number[] = [], fn: number[] = [];
  let predicted = 0, actual = 0;
  for (let i = 0; i < yTrue.length; i++) {
    predicted += yPred[i]!;
    actual += yTrue[i]!;
    if (yPred[i] === 1 && yTrue[i] === 1) tp.push(1);
    else if (yPred[i] === 1) fp.push(0);
    else if (yTrue[i] === 1) fn.push(0);
  }
  const n = yTrue.length;
  const all = [...tp, ...fn, ...fp];
  // Binary F1 (nannyml.sampling_error.binary_classification) rescales by a correcting factor.
  const factor = all.length / ((fn.length + fp.length) * 0.5 + tp.length);
  return {
    precision: { variance: variance([...tp, ...fp]), fraction: predicted / n },
    recall: { variance: variance([...tp, ...fn]), fraction: actual / n },
    f1: { variance: variance(all), fraction: all.length / n },
    f1Binary: { variance: variance(all.map((v) => v * factor)), fraction: all.length / n },
  };
}

/**
 * Fits CBPE on a reference: per class, an isotonic regression of "is this class" on the model's
 * probability of it (for two classes, of the second class only, as NannyML's binary CBPE), and
 * NannyML's sampling-error components of each metric from the reference's labels and
 * predictions.
 *
 * Estimates on a window of n rows, with p̂ the calibrated probabilities (rows renormalized to sum
 * to 1 for k > 2, as NannyML) and ŷ the model's predicted class:
 * - accuracy = mean over rows of p̂[ŷ] (the expected share of correct predictions);
 * - per class c, expected TP_c = Σ_{ŷ=c} p̂_c, FP_c = Σ_{ŷ=c} (1 − p̂_c), FN_c = Σ_{ŷ≠c} p̂_c;
 *   precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN) — of the second class for
 *   two classes (NannyML's binary metrics), else their macro mean over classes;
 * - ROC AUC = {@linkcode expectedRocAuc} of p̂_c (of the second class, or the macro mean).
 *
 * Sampling errors are NannyML's (`nannyml/sampling_error`): from observation-level components of
 * the reference (standard deviation of the per-row correctness for accuracy; of the TP/FP rows
 * for precision, TP/FN rows for recall, TP/FN/FP rows for F1, the rank gaps for ROC AUC, each with
 * the share of rows it concerns), the standard error on a window of n rows is
 * `σ / √(n · fraction)`; for k > 2 classes, `√(Σ_c σ_c² / (n · fraction_c)) / k` (and × 1.2 for ROC
 * AUC, as NannyML). The band is ± 3 sampling errors, clipped to [0, 1]. (NannyML's docs describe
 * sampling error as the standard deviation of the metric over reference chunks, scaled by
 * √(chunk size) to other sizes; its code computes that standard error analytically from these
 * observation-level components, which is what Vigil matches, so no chunking of the reference is
 * needed.)
 *
 * Departures from NannyML: calibration is on (or off) for all classes by choice
 * (`options.calibrate`) rather than decided by NannyML's cross-validated ECE test; the
 * sampling error is computed from the whole reference rather than per chunk; and the estimate is
 * reported for any window size (NannyML warns below its minimum chunk size). Golden values:
 * `test/golden/cbpe_golden.py` implements the same formulas in numpy with scikit-learn's
 * `IsotonicRegression`.
 *
 * Where CBPE is right and where it is not: it assumes the calibration learned on the reference
 * still holds, i.e. P(y | x) is unchanged (covariate shift only). Under covariate shift (inputs
 * move towards the decision boundary, the model becomes less confident) it tracks the realized
 * accuracy; under concept drift (the same inputs now mean another class) the model stays as
 * confident as before and CBPE keeps estimating the old accuracy while the realized one falls.
 * Measured on Iris (`test/estimate/cbpe_test.ts`: a logistic regression, CBPE fitted on 1500
 * resampled Iris rows, windows of 300 rows, labels withheld, then compared):
 * - windows like the reference: MAE 0.0097 over 20 windows, the realized accuracy inside the
 *   band in 20 of 20;
 * - label shift towards versicolor/virginica (P(x | y) unchanged): mean absolute error of the
 *   estimated accuracy 0.019 over 10 windows (realized 0.94 → 0.91);
 * - the degradation scenario (`sampleBatch(..., { scenario: "degradation" })`, Gaussian noise on
 *   every measured feature): MAE 0.107 over 12 runs — the estimate falls (0.96 → 0.91) but the
 *   realized accuracy falls much more (0.95 → 0.71), since measurement noise changes P(y | x as
 *   measured), which the reference calibration cannot know;
 * - concept drift proper (versicolor and virginica swap labels): the estimate stays ≈ 0.95 while
 *   the realized accuracy is ≈ 0.4, far outside the band.
 * So an estimate that holds while labels later disagree is itself a sign of concept drift.
 *
 * @param reference The model's probabilities and the true labels on reference data.
 * @param options See {@linkcode CbpeOptions}.
 * @returns The fitted estimator.
 * @throws {TypeError} When `classNames` has fewer than 2 names or a metric is unknown.
 * @throws {RangeError} When the reference is empty, `proba` is not n×k, a label is not in
 *   `0..k-1`, or a probability is not finite.
 * @example A binary model, half of whose "yes" predictions are right
 * ```ts
 * import { fitCbpe } from "./cbpe.ts";
 * const proba = new Float64Array([0.9, 0.1, 0.8, 0.2, 0.3, 0.7, 0.4, 0.6, 0.2, 0.8, 0.1, 0.9]);
 * const cbpe = fitCbpe({ proba, y: [0, 0, 1, 0, 1, 1], classNames: ["no", "yes"] });
 * const [accuracy] = cbpe.estimate(proba);
 * if (accuracy?.metric !== "accuracy") throw new Error();
 * // Calibrated on these very rows, the expected accuracy is the realized one, 5/6.
 * if (Math.abs(accuracy.value - 5 / 6) > 1e-12) throw new Error(String(accuracy.value));
 * if (!(accuracy.lower <= accuracy.value && accuracy.value <= accuracy.upper)) throw new Error();
 * ```
 */
export function fitCbpe(reference: CbpeReference, options: CbpeOptions = {}): CbpeEstimator {
  const { proba, y, classNames } = reference;
  const k = classNames?.length ?? 0;
  if (k < 2) throw new TypeError(`Invalid CBPE reference: expected at least 2 classes, got ${k}`);
  const metrics = [...(options.metrics ?? CBPE_METRICS)];
  for (const m of metrics) {
    if (!CBPE_METRICS.includes(m)) {
      throw new TypeError(`Invalid CBPE metric "${m}": expected one of ${CBPE_METRICS.join(", ")}`);
    }
  }
  const n = y.length;
  if (n === 0) throw new RangeError("Invalid CBPE reference: no rows");
  checkProba(proba, k, "reference");
  if (proba.length !== n * k) {
    throw new RangeError(
      `Invalid CBPE reference: proba has ${proba.length} values, expected ${n} rows × ${k} classes`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (!(Number.isInteger(y[i]) && y[i]! >= 0 && y[i]! < k)) {
      throw new RangeError(`Invalid CBPE reference: y[${i}] is ${y[i]}, expected 0..${k - 1}`);
    }
  }
  const binary = k === 2;
  const calibrate = options.calibrate ?? true;
  const calibrated = binary ? [1] : classNames.map((_, c) => c);
  const fits: (IsotonicFit | undefined)[] = classNames.map((_, c) => {
    if (!calibrate || !calibrated.includes(c)) return undefined;
    const pc = new Float64Array(n), yc = new Float64Array(n);
    for (let i = 0; i < n; i++) pc[i] = proba[i * k + c]!, yc[i] = y[i] === c ? 1 : 0;
    return fitIsotonic(pc, yc);
  });

  function calibrateProba(p: Float64Array): Float64Array {
    const m = p.length / k;
    const out = Float64Array.from(p);
    if (!calibrate) return out;
    for (let i = 0; i < m; i++) {
      if (binary) {
        const p1 = fits[1]!.predict(p[i * k + 1]!);
        out[i * k] = 1 - p1;
        out[i * k + 1] = p1;
        continue;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += out[i * k + c] = fits[c]!.predict(p[i * k + c]!);
      if (sum > 0) { for (let c = 0; c < k; c++) out[i * k + c]! /= sum; }
    }
    return out;
  }

  // Sampling-error components from the reference (uncalibrated scores for ROC AUC, as NannyML).
  const pred = argmaxRows(proba, k);
  const correct: number[] = [];
  for (let i = 0; i < n; i++) correct.push(pred[i] === y[i] ? 1 : 0);
  const accuracySigma = Math.sqrt(variance(correct));
  const classes = binary ? [1] : classNames.map((_, c) => c);
  const perClass = classes.map((c) => {
    const yt = new Uint8Array(n), yp = new Uint8Array(n), pc = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yt[i] = y[i] === c ? 1 : 0;
      yp[i] = pred[i] === c ? 1 : 0;
      pc[i] = proba[i * k + c]!;
    }
    return { ...prfComponents(yt, yp), roc_auc: aurocComponents(yt, pc) };
  });
  function samplingError(metric: CbpeMetric, rows: number): number {
    if (metric === "accuracy") return accuracySigma / Math.sqrt(rows);
    const key = metric === "f1" && binary ? "f1Binary" : metric;
    const parts = perClass.map((p) => p[key]);
    if (binary) return Math.sqrt(parts[0]!.variance / (rows * parts[0]!.fraction));
    const total = parts.reduce((s, c) => s + c.variance / (rows * c.fraction), 0);
    return Math.sqrt(total) / parts.length * (metric === "roc_auc" ? 1.2 : 1);
  }

  return {
    classNames: Object.freeze([...classNames]),
    metrics: Object.freeze(metrics),
    calibrate: (p) => {
      checkProba(p, k, "window");
      return calibrateProba(p);
    },
    estimate(p: Float64Array): CbpeEstimate[] {
      checkProba(p, k, "window");
      const m = p.length / k;
      const cal = calibrateProba(p);
      const yhat = argmaxRows(p, k);
      const values: Record<CbpeMetric, number> = {
        accuracy: 0,
        precision: 0,
        recall: 0,
        f1: 0,
        roc_auc: 0,
      };
      for (let i = 0; i < m; i++) values.accuracy += cal[i * k + yhat[i]!]!;
      values.accuracy /= m;
      for (const c of classes) {
        let tp = 0, fp = 0, fn = 0;
        const pc = new Float64Array(m);
        for (let i = 0; i < m; i++) {
          const q = pc[i] = cal[i * k + c]!;
          if (yhat[i] === c) tp += q, fp += 1 - q;
          else fn += q;
        }
        values.precision += tp / (tp + fp) / classes.length;
        values.recall += tp / (tp + fn) / classes.length;
        values.f1 += 2 * tp / (2 * tp + fp + fn) / classes.length;
        if (metrics.includes("roc_auc")) values.roc_auc += expectedRocAuc(pc) / classes.length;
      }
      return metrics.map((metric) => {
        const value = values[metric];
        const se = samplingError(metric, m);
        return {
          metric,
          value,
          samplingError: se,
          lower: Math.max(0, value - CBPE_BAND_WIDTH * se),
          upper: Math.min(1, value + CBPE_BAND_WIDTH * se),
        };
      });
    },
  };
}

function checkProba(p: Float64Array, k: number, what: string): void {
  if (!(p instanceof Float64Array) || p.length === 0 || p.length % k !== 0) {
    throw new RangeError(
      `Invalid CBPE ${what}: proba must be a non-empty Float64Array of rows × ${k} classes, got ${
        p instanceof Float64Array ? `${p.length} values` : typeof p
      }`,
    );
  }
  for (let i = 0; i < p.length; i++) {
    if (!Number.isFinite(p[i]!)) {
      throw new RangeError(
        `Invalid CBPE ${what}: proba row ${Math.floor(i / k)} class ${i % k} is ${p[i]}`,
      );
    }
  }
}
