/**
 * Isotonic (monotone non-decreasing) regression by pool-adjacent-violators, as scikit-learn's
 * `IsotonicRegression(out_of_bounds="clip")`: what NannyML's CBPE calibrates probabilities with.
 *
 * @module
 */

/** Options of {@linkcode fitIsotonic}. */
export interface IsotonicOptions {
  /**
   * Weight per point (non-negative, finite).
   * @default every point 1
   */
  weights?: ArrayLike<number>;
}

/** A fitted isotonic regression: its knots and a predictor. */
export interface IsotonicFit {
  /** The distinct inputs, ascending (the knots). */
  x: Float64Array;
  /** The fitted non-decreasing value at each knot. */
  y: Float64Array;
  /**
   * The fitted function at `t`: linear between knots, clipped to the end values outside them
   * (sklearn's `out_of_bounds="clip"`); NaN for NaN. O(log knots).
   */
  predict(t: number): number;
}

/**
 * Fits the non-decreasing step-then-linear function closest to `(x, y)` in weighted least
 * squares. As scikit-learn: points with equal `x` are first merged into one (weighted mean of `y`,
 * summed weight), then pool-adjacent-violators fits the merged values, and predictions
 * interpolate linearly between the distinct `x` (clipped outside). O(n log n).
 *
 * @param x Inputs (finite).
 * @param y Targets (finite), as many as `x`.
 * @param options See {@linkcode IsotonicOptions}.
 * @returns The fit.
 * @throws {RangeError} When `x` and `y` differ in length, are empty, or hold a non-finite value,
 *   or a weight is negative, non-finite, or the weights sum to 0.
 * @example
 * ```ts
 * import { fitIsotonic } from "./isotonic.ts";
 * const f = fitIsotonic([1, 2, 3, 4], [1, 3, 2, 4]);
 * if (Array.from(f.y).join() !== "1,2.5,2.5,4") throw new Error(String(f.y));
 * if (f.predict(0) !== 1 || f.predict(3.5) !== 3.25 || f.predict(9) !== 4) throw new Error();
 * ```
 */
export function fitIsotonic(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: IsotonicOptions = {},
): IsotonicFit {
  const n = x.length;
  if (n !== y.length) {
    throw new RangeError(`Invalid isotonic input: x has ${n} values but y has ${y.length}`);
  }
  if (n === 0) throw new RangeError("Invalid isotonic input: no points");
  const w = options.weights;
  if (w !== undefined && w.length !== n) {
    throw new RangeError(`Invalid isotonic input: ${w.length} weights for ${n} points`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) {
      throw new RangeError(`Invalid isotonic input: point ${i} is (${x[i]}, ${y[i]})`);
    }
    if (w !== undefined && !(Number.isFinite(w[i]!) && w[i]! >= 0)) {
      throw new RangeError(`Invalid isotonic input: weight ${i} is ${w[i]}`);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
  // Merge equal x: weighted mean of y, summed weight.
  const ux: number[] = [], uy: number[] = [], uw: number[] = [];
  for (const i of order) {
    const wi = w === undefined ? 1 : w[i]!;
    const last = ux.length - 1;
    if (last >= 0 && ux[last] === x[i]) {
      const tw = uw[last]! + wi;
      uy[last] = tw > 0 ? (uy[last]! * uw[last]! + y[i]! * wi) / tw : uy[last]!;
      uw[last] = tw;
    } else {
      ux.push(x[i]!);
      uy.push(y[i]!);
      uw.push(wi);
    }
  }
  if (uw.reduce((a, b) => a + b, 0) <= 0) {
    throw new RangeError("Invalid isotonic input: the weights sum to 0");
  }
  // Pool adjacent violators over blocks (value, weight, length).
  const bv: number[] = [], bw: number[] = [], bl: number[] = [];
  for (let i = 0; i < ux.length; i++) {
    let v = uy[i]!, wt = uw[i]!, len = 1;
    while (bv.length > 0 && bv[bv.length - 1]! >= v) {
      const pv = bv.pop()!, pw = bw.pop()!, pl = bl.pop()!;
      const tw = pw + wt;
      v = tw > 0 ? (pv * pw + v * wt) / tw : (pv + v) / 2;
      wt = tw;
      len += pl;
    }
    bv.push(v);
    bw.push(wt);
    bl.push(len);
  }
  const fx = Float64Array.from(ux);
  const fy = new Float64Array(ux.length);
  for (let b = 0, i = 0; b < bv.length; b++) {
    for (let j = 0; j < bl[b]!; j++) fy[i++] = bv[b]!;
  }
  const m = fx.length;
  function predict(t: number): number {
    if (Number.isNaN(t)) return NaN;
    if (t <= fx[0]!) return fy[0]!;
    if (t >= fx[m - 1]!) return fy[m - 1]!;
    let lo = 0, hi = m - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (fx[mid]! <= t) lo = mid;
      else hi = mid;
    }
    const a = fx[lo]!, b = fx[hi]!;
    return fy[lo]! + (fy[hi]! - fy[lo]!) * (t - a) / (b - a);
  }
  return { x: fx, y: fy, predict };
}
