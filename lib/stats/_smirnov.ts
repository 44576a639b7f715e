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

/** `x * 2^e` without intermediate overflow of `2^e`. */

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
 * Birnbaum–Tingey sum x·Σ_{v ≤ n(1−x)} C(n, v)(x + v/n)^(v−1)(1 − x − v/n)^(n−v) evaluated in log
 * space (scipy uses double-double arithmetic; agreement is to about 1e-12 relative), with scipy's
 * special cases (x ≤ 1/n, x ≥ 1 − 1/n, underflow, and the approximation for n > 10⁶).
 *
 * Cost: O(number of significant terms) ≤ O(n).
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
