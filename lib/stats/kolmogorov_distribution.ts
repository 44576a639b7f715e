/**
 * Null distributions of the Kolmogorov–Smirnov statistic, ported from scipy 1.10.1 so that
 * Vigil's p-values equal scipy's:
 *
 * - two-sample exact: {@linkcode ksTwoSampleExactSf} (`_compute_prob_outside_square` and the
 *   pythran `_compute_outer_prob_inside_method` of `scipy/stats/_stats_py.py`);
 * - one-sample finite-n, used by `ks_2samp(method="asymp")`: {@linkcode kstwoSf} =
 *   `scipy.stats.kstwo.sf` (Simard & L'Ecuyer 2011 as in `scipy/stats/_ksstats.py`), built on
 *   {@linkcode smirnovSf} = `scipy.special.smirnov` (Birnbaum–Tingey sum).
 *
 * @module
 */

import { durbinCdf, pelzGoodCdf, pomeranzCdf } from "./_kolmogorov_methods.ts";
import { smirnovSf } from "./_smirnov.ts";

export { smirnovSf };

const LOG_2PI = Math.log(2 * Math.PI);
const STIRLING = [
  -2.955065359477124183e-2,
  6.4102564102564102564e-3,
  -1.9175269175269175269e-3,
  8.4175084175084175084e-4,
  -5.952380952380952381e-4,
  7.9365079365079365079e-4,
  -2.7777777777777777778e-3,
  8.3333333333333333333e-2,
];

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** `x * 2^e` without intermediate overflow of `2^e`. */

/**
 * Two-sided exact p-value of the two-sample KS test, P(D ≥ h / lcm(n1, n2)), counting lattice
 * paths as scipy 1.10.1 does (`_compute_prob_outside_square` when `n1 === n2`, else the
 * "inside" recursion of Hodges with Viehmann's 1 − p form).
 *
 * Cost: O(n) h-terms for equal sizes; O(max(n1, n2) · window) otherwise.
 *
 * @param n1 First sample size (> 0).
 * @param n2 Second sample size (> 0).
 * @param h Integer statistic `round(D · lcm(n1, n2))`, 0 ≤ h ≤ lcm.
 * @returns The probability; may be slightly outside [0, 1] by rounding (the caller falls back to
 * the asymptotic method then, as scipy does).
 * @example
 * ```ts
 * import { ksTwoSampleExactSf } from "./mod.ts";
 * // scipy: _compute_outer_prob_inside_method(7, 5, 1, 20) == 0.23737373737373738
 * if (Math.abs(ksTwoSampleExactSf(7, 5, 20) - 0.23737373737373738) > 1e-15) throw new Error();
 * ```
 */
export function ksTwoSampleExactSf(n1: number, n2: number, h: number): number {
  if (h === 0) return 1;
  if (n1 === n2) return probOutsideSquare(n1, h);
  return outerProbInside(n1, n2, gcd(n1, n2), h);
}

/**
 * Greatest common divisor of two non-negative integers (Euclid).
 *
 * @param a First integer.
 * @param b Second integer.
 * @returns gcd(a, b); gcd(a, 0) = a.
 * @example
 * ```ts
 * import { gcd } from "./kolmogorov_distribution.ts";
 * if (gcd(12, 18) !== 6 || gcd(7, 0) !== 7) throw new Error();
 * ```
 */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k--;
  }
  return 2 * P;
}

function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1]!;
}

/**
 * Survival function of the two-sided one-sample KS statistic D_n for finite n:
 * P(D_n > x) = `scipy.stats.kstwo.sf(x, n)` (scipy 1.10.1, `_kolmogn(n, x, cdf=False)` with the
 * support clipping of `rv_continuous.sf`). Chooses between Ruben–Gambino closed forms, the
 * Durbin matrix (Marsaglia–Tsang–Wang), the Pomeranz recursion, the Pelz–Good expansion and
 * 2·smirnov exactly as Simard & L'Ecuyer (2011) and scipy do.
 *
 * Cost: from O(1) up to O(m³ log n) with m ≈ 2nx (Durbin, only for small nx²).
 *
 * @param x Statistic value.
 * @param n Sample size (integer ≥ 1).
 * @returns The survival probability in [0, 1]; `NaN` for a non-integer or non-positive `n`.
 * @example
 * ```ts
 * import { kstwoSf } from "./mod.ts";
 * // scipy.stats.kstwo.sf(0.1, 200) == 0.03411035080315383
 * if (Math.abs(kstwoSf(0.1, 200) - 0.03411035080315383) > 1e-15) throw new Error();
 * ```
 */
export function kstwoSf(x: number, n: number): number {
  if (Number.isNaN(x) || Number.isNaN(n)) return NaN;
  if (!Number.isInteger(n) || n < 1) return NaN;
  if (x <= 0.5 / n) return 1;
  if (x >= 1) return 0;
  return kolmogn(n, x, false);
}

function select(cdfProb: number, sfProb: number, cdf: boolean): number {
  return clip01(cdf ? cdfProb : sfProb);
}

function kolmogn(n: number, x: number, cdf: boolean): number {
  if (x >= 1) return select(1, 0, cdf);
  if (x <= 0) return select(0, 1, cdf);
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return select(0, 1, cdf);
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return select(prob, 1 - prob, cdf);
  }
  if (t >= n - 1) {
    const prob = 2 * (1 - x) ** n;
    return select(1 - prob, prob, cdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSf(n, x);
    return select(1 - prob, prob, cdf);
  }
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) {
      const prob = durbinCdf(n, x);
      return select(prob, 1 - prob, cdf);
    }
    if (nxsquared <= 4) {
      const prob = pomeranzCdf(n, x);
      return select(prob, 1 - prob, cdf);
    }
    const prob = 2 * smirnovSf(n, x);
    return select(1 - prob, prob, cdf);
  }
  if (!cdf) {
    if (nxsquared >= 370) return 0;
    if (nxsquared >= 2.2) return clip01(2 * smirnovSf(n, x));
  }
  let cdfProb: number;
  if (nxsquared >= 18) cdfProb = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdfProb = durbinCdf(n, x);
  else cdfProb = pelzGoodCdf(n, x);
  return select(cdfProb, 1 - cdfProb, cdf);
}

function logNFactorialDivNPowN(n: number): number {
  const rn = 1 / n;
  const y = rn / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * y + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
