/**
 * The one-sided Smirnov distribution, `scipy.special.smirnov` (scipy 1.10.1, cephes
 * `kolmogorov.c`), used by `kstwoSf` for large deviations.
 *
 * @module
 */

/** cephes MINLOG, log(2^-1075). */
const CEPHES_MINLOG = -7.451332191019412076235e2;

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** n·x as an unevaluated sum hi + lo, exactly (Dekker's two-product). */
function twoProduct(n: number, x: number): [number, number] {
  const hi = n * x;
  const split = 134217729; // 2^27 + 1
  const an = split * n, ax = split * x;
  const nh = an - (an - n), nl = n - nh;
  const xh = ax - (ax - x), xl = x - xh;
  return [hi, ((nh * xh - hi) + nh * xl + nl * xh) + nl * xl];
}

/** floor(n·x) and the fractional part, exactly. */
function modNX(n: number, x: number): { nxfl: number; alpha: number } {
  const [hi, lo] = twoProduct(n, x);
  let fl = Math.floor(hi);
  let alpha = (hi - fl) + lo;
  if (alpha < 0) {
    fl -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    fl += 1;
    alpha -= 1;
  }
  return { nxfl: fl, alpha };
}

/**
 * One-sided Smirnov survival function P(D_n⁺ ≥ x) = `scipy.special.smirnov(n, x)`, by the
 * Birnbaum–Tingey sum x·Σ_{v ≤ n(1−x)} C(n, v)(x + v/n)^(v−1)(1 − x − v/n)^(n−v) (scipy uses
 * double-double arithmetic; agreement is to about 1e-11 relative), with scipy's special cases
 * (x ≤ 1/n, x ≥ 1 − 1/n, underflow, and the approximation for n > 10⁶). Short sums are evaluated
 * in log space; sums of 1024 terms or more by term ratios (one `exp` per term instead of three
 * `log`s and an `exp`).
 *
 * Cost: O(number of significant terms) ≤ O(n): at n = 5·10⁵ and nx² ≈ 5 (a KS test of two
 * samples of 10⁶) nearly all n terms count, about 15 ms.
 *
 * @param n Sample size (integer ≥ 1).
 * @param x Statistic in [0, 1].
 * @returns The survival probability; `NaN` outside the domain.
 * @example
 * ```ts
 * import { smirnovSf } from "./_smirnov.ts";
 * // scipy.special.smirnov(5, 0.5) == 0.056
 * if (Math.abs(smirnovSf(5, 0.5) - 0.056) > 1e-15) throw new Error(String(smirnovSf(5, 0.5)));
 * ```
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { nxfl, alpha } = modNX(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    return clip01(1 - x * (1 + x) ** (n - 1));
  }
  if (-2 * n * x * x < CEPHES_MINLOG) return 0;
  if (nxfl >= n - 1) return clip01((1 - x) ** n);
  if (n > 1000000) return clip01(Math.exp(-((6 * n * x + 1) ** 2) / 18 / n));
  const nUpper = n - n1mxceil + 1;
  const useUpper = (nUpper <= 1 && x < 0.5) ||
    (n >= 10 && nUpper <= 3 && x <= 0.5 / Math.sqrt(n));
  if (!useUpper && n1mxfl + 1 >= RATIO_MIN_TERMS) {
    return clip01(x * lowerSumByRatios(n, x, n1mxfl + 1));
  }
  const start = useUpper ? n : 0;
  const step = useUpper ? -1 : 1;
  const nTerms = useUpper ? nUpper : n1mxfl + 1;
  // n·x split exactly so that 1 − x − v/n and x + v/n keep their relative precision
  const [nxHi, nxLo] = twoProduct(n, x);
  // log C(n, v), summed with Neumaier compensation: the running total reaches ~1e5 and plain
  // summation would lose ~1e-10 relative accuracy in the terms for n ~ 1e5.
  let logC = 0;
  let logCErr = 0;
  let sum = 0;
  for (let j = 0; j < nTerms; j++) {
    const v = start + j * step;
    if (j > 0) {
      const prev = v - step;
      const inc = step > 0 ? Math.log((n - prev) / (prev + 1)) : Math.log(prev / (n - prev + 1));
      const t = logC + inc;
      logCErr += Math.abs(logC) >= Math.abs(inc) ? (logC - t) + inc : (inc - t) + logC;
      logC = t;
    }
    const b1 = ((n - v - nxHi) - nxLo) / n; // 1 − x − v/n
    const b2 = ((v + nxHi) + nxLo) / n; // x + v/n
    let term: number;
    if (n - v === 0) term = Math.exp(logC + (v - 1) * Math.log(b2) + logCErr);
    else {
      const sign = b1 < 0 && (n - v) % 2 === 1 ? -1 : 1;
      term = sign *
        Math.exp(logC + (n - v) * Math.log(Math.abs(b1)) + (v - 1) * Math.log(b2) + logCErr);
    }
    sum += term;
    if (
      term !== 0 && 4 * (nTerms - j) * Math.abs(term) < Number.EPSILON * sum && j !== nTerms - 1
    ) {
      break;
    }
    if (term === 0 && j > n / 2) break;
  }
  const prob = x * sum;
  return clip01(useUpper ? 1 - prob : prob);
}

/** Lower sums with at least this many terms use {@linkcode lowerSumByRatios}. */
const RATIO_MIN_TERMS = 1024;
const LN2 = Math.LN2;
const RESCALE = 2 ** 600;
const UNSCALE = 2 ** -600;

/** atanh(s)/s for |s| ≤ 1/511 (4 terms, error < 1e-22 relative). */
function atanhRatio(s2: number): number {
  return 1 + s2 * (1 / 3 + s2 * (1 / 5 + s2 * (1 / 7)));
}

/** `x * 2^e` without intermediate overflow of `2^e`. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/**
 * The Birnbaum–Tingey lower sum Σ_{v < nTerms} A_v, A_v = C(n, v)(x + v/n)^(v−1)(1 − x − v/n)^(n−v),
 * by term ratios instead of logarithms: with u = nx + v and w = n − nx − v,
 * A_{v+1}/A_v = (n − v)(u + 1) / ((v + 1) w) · exp((v − 1)·log1p(1/u) + (n − v − 1)·log1p(−1/w)),
 * one `exp` and two short series per term (the log-space form needs three `log`s and one `exp`),
 * about 2-3× faster at n ≈ 5·10⁵ where nearly all n terms count. The running term is kept as
 * m·2^E so that neither it nor the sum under- or overflows; the stopping rule is the log-space
 * loop's. Every term scales with A_0, so A_0 = (1 − x)^n / x is taken from `log1p`. Each ratio is
 * correct to a few ulps and their errors do not share a sign, so the sum agrees with scipy's
 * double-double one to about 1e-12 relative at n = 10⁶ (the log-space form: about 5e-11).
 */
function lowerSumByRatios(n: number, x: number, nTerms: number): number {
  const { nxfl, alpha } = modNX(n, x);
  // A_0 = (1 − x)^n / x; log1p keeps n·log(1 − x) exact to ~n·1e-19, as every term scales with it
  const log0 = n * Math.log1p(-x) - Math.log(x);
  let e = Math.floor(log0 / LN2);
  let m = Math.exp(log0 - e * LN2);
  let sum = m;
  const alpha2 = 2 * alpha;
  for (let j = 1; j < nTerms; j++) {
    const v = j - 1;
    // u = nx + v = U + alpha and w = n − nx − v = W − alpha, with U and W integers
    const U = nxfl + v, W = n - nxfl - v;
    const u1 = (U + 1) + alpha; // u + 1
    const w0 = W - alpha; // w
    // log1p(1/u) = 2·atanh(1/(2u + 1)), log1p(−1/w) = −2·atanh(1/(2w − 1))
    let g: number;
    if (U >= 256 && W >= 257) {
      const a = 1 / ((2 * U + 1) + alpha2), b = 1 / ((2 * W - 1) - alpha2);
      g = 2 * ((v - 1) * a * atanhRatio(a * a) - (n - v - 1) * b * atanhRatio(b * b));
    } else {
      g = (v - 1) * Math.log1p(1 / (U + alpha)) + (n - v - 1) * Math.log1p(-1 / w0);
    }
    m *= ((n - v) * u1) / ((v + 1) * w0) * Math.exp(g);
    sum += m;
    if (m !== 0 && 4 * (nTerms - j) * m < Number.EPSILON * sum && j !== nTerms - 1) break;
    if (m === 0 && j > n / 2) break;
    if (m > RESCALE) {
      m *= UNSCALE;
      sum *= UNSCALE;
      e += 600;
    }
  }
  return ldexp(sum, e);
}
