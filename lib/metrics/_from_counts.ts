/**
 * Metrics that are functions of the confusion matrix alone (private): shared by the public
 * functions and by `classificationReport`, so both give identical numbers. `c` is row-major k×k
 * (rows true, columns predicted); each is O(k²).
 *
 * @module
 */

/** Row-major k×k counts. O(n). */
export function countMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  k: number,
): Float64Array {
  const c = new Float64Array(k * k);
  for (let i = 0; i < yTrue.length; i++) c[yTrue[i]! * k + yPred[i]!]!++;
  return c;
}

/** Share of the diagonal; NaN when n = 0. */
export function accuracyFromCounts(c: Float64Array, k: number, n: number): number {
  let d = 0;
  for (let i = 0; i < k; i++) d += c[i * k + i]!;
  return d / n;
}

/**
 * Mean recall over the classes present in y_true (scikit-learn drops classes with no true
 * samples, warning "y_pred contains classes not in y_true").
 */
export function balancedAccuracyFromCounts(c: Float64Array, k: number): number {
  let sum = 0, present = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += c[i * k + j]!;
    if (row > 0) {
      sum += c[i * k + i]! / row;
      present++;
    }
  }
  return present === 0 ? NaN : sum / present;
}

/**
 * Multiclass Matthews correlation (Gorodkin's R_K), computed as scikit-learn 1.2 does:
 * `(c·s − t·p) / sqrt((s² − p·p)(s² − t·t))`, and 0 when the denominator is 0.
 */
export function matthewsFromCounts(c: Float64Array, k: number): number {
  const t = new Float64Array(k), p = new Float64Array(k);
  let correct = 0, s = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = c[i * k + j]!;
      t[i]! += v;
      p[j]! += v;
      s += v;
    }
    correct += c[i * k + i]!;
  }
  let tp = 0, pp = 0, tt = 0;
  for (let i = 0; i < k; i++) {
    tp += t[i]! * p[i]!;
    pp += p[i]! * p[i]!;
    tt += t[i]! * t[i]!;
  }
  const covYtYp = correct * s - tp;
  const covYpYp = s * s - pp;
  const covYtYt = s * s - tt;
  if (covYpYp * covYtYt === 0) return 0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}

/** Warnings naming classes with no true samples (skipped by balanced accuracy). */
export function absentWarnings(c: Float64Array, k: number, names: readonly string[]): string[] {
  const absent: string[] = [];
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += c[i * k + j]!;
    if (row === 0) absent.push(names[i]!);
  }
  return absent.length === 0
    ? []
    : [`Classes with no true samples were skipped: ${absent.join(", ")}`];
}
