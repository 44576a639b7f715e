/**
 * Private: weighted ridge regression with an intercept, as scikit-learn's
 * `Ridge(alpha, fit_intercept=True).fit(X, y, sample_weight=w)`.
 *
 * @module
 */
import { solveSymmetric } from "./_solve.ts";

/** A fitted weighted ridge. */
export interface RidgeFit {
  /** Coefficients per column. */
  coef: Float64Array;
  /** Intercept. */
  intercept: number;
  /** Weighted R² on the training data (sklearn's `score(X, y, sample_weight=w)`). */
  r2: number;
}

/**
 * Centres X and y at their weighted means, solves `(XcᵀWXc + αI) β = XcᵀW yc`, and sets the
 * intercept to `ȳ_w − x̄_w·β` (the penalty does not touch the intercept). X is row-major n × p.
 * O(n·p² + p³).
 */
export function weightedRidge(
  X: Float64Array,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  p: number,
  alpha: number,
): RidgeFit {
  const n = y.length;
  let sw = 0;
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i]!;
    yMean += w[i]! * y[i]!;
    for (let j = 0; j < p; j++) xMean[j]! += w[i]! * X[i * p + j]!;
  }
  yMean /= sw;
  for (let j = 0; j < p; j++) xMean[j]! /= sw;
  const A = new Float64Array(p * p);
  const b = new Float64Array(p);
  const xc = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) xc[j] = X[i * p + j]! - xMean[j]!;
    const wi = w[i]!;
    const yc = y[i]! - yMean;
    for (let a = 0; a < p; a++) {
      b[a]! += wi * xc[a]! * yc;
      for (let c = 0; c < p; c++) A[a * p + c]! += wi * xc[a]! * xc[c]!;
    }
  }
  for (let a = 0; a < p; a++) A[a * p + a]! += alpha;
  const coef = solveSymmetric(A, b, p);
  let intercept = yMean;
  for (let j = 0; j < p; j++) intercept -= xMean[j]! * coef[j]!;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    let pred = intercept;
    for (let j = 0; j < p; j++) pred += coef[j]! * X[i * p + j]!;
    ssRes += w[i]! * (y[i]! - pred) ** 2;
    ssTot += w[i]! * (y[i]! - yMean) ** 2;
  }
  // sklearn's r2_score: a constant target scores 1 when predicted exactly, else 0.
  const r2 = ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  return { coef, intercept, r2 };
}
