/**
 * Private: the log-loss kernel shared by `logLoss` and `classificationReport`.
 *
 * @module
 */

/** Products below this are folded into the log sum (each factor is ≥ eps/k: no underflow). */
export const FOLD = 1e-200;

/**
 * Mean log loss of n×k (or 1-D binary) probabilities, scikit-learn 1.2.1's recipe. O(n·k).
 * `Σ log r_i` is taken as the log of running products, folded into the sum before they can
 * underflow: one `Math.log` per few hundred rows instead of one per row (the log dominated the
 * cost), with a relative error of the order of float64 epsilon.
 */
export function logLossKernel(
  y: ArrayLike<number>,
  p: Float64Array,
  width: number,
  eps: number,
): number {
  const n = y.length, hi = 1 - eps;
  let logSum = 0, prod = 1;
  if (width === 1) {
    for (let i = 0; i < n; i++) {
      const q = Math.min(Math.max(p[i]!, eps), hi);
      const a = 1 - q;
      prod *= (y[i] === 1 ? q : a) / (a + q);
      if (prod < FOLD) (logSum += Math.log(prod), prod = 1);
    }
    return -(logSum + Math.log(prod)) / n;
  }
  for (let i = 0, o = 0; i < n; i++, o += width) {
    let s = 0;
    for (let j = 0; j < width; j++) s += Math.min(Math.max(p[o + j]!, eps), hi);
    prod *= Math.min(Math.max(p[o + y[i]!]!, eps), hi) / s;
    if (prod < FOLD) (logSum += Math.log(prod), prod = 1);
  }
  return -(logSum + Math.log(prod)) / n;
}
