/**
 * The one numeric core of the Anderson–Darling k-sample test (scipy's `anderson_ksamp`), shared by
 * {@linkcode andersonDarling} (two samples) and {@linkcode andersonDarlingKSample} (k ≥ 2).
 *
 * @module
 */

/** Significance levels of scipy's critical-value table (Scholz & Stephens 1987, Table 2). */
export const ANDERSON_SIGNIFICANCE_LEVELS: readonly number[] = [
  0.25,
  0.1,
  0.05,
  0.025,
  0.01,
  0.005,
  0.001,
];
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

/** What the core computed for valid samples. */
export interface AndersonOutcome {
  /** The standardized statistic (A²_kN − (k − 1)) / σ_N. */
  statistic: number;
  /** scipy's interpolated p-value, capped at 0.25 and floored at 0.001. */
  pValue: number;
  /** Critical values at {@linkcode ANDERSON_SIGNIFICANCE_LEVELS} for k samples. */
  criticalValues: number[];
  /** Set when the p-value is outside the table. */
  pValueBound?: "capped" | "floored";
  /** scipy's warning text when the p-value is capped or floored. */
  warning?: string;
}

/**
 * Why sorted, non-empty samples cannot be tested, as a phrase to follow "Cannot compute …: ",
 * or `undefined` when they can: scipy needs two distinct pooled values, and σ²_N divides by
 * (N − 1)(N − 2)(N − 3), so N ≥ 4 (scipy returns NaN for N = 3 and raises for N = 2).
 */
export function andersonProblem(samples: readonly Float64Array[]): string | undefined {
  let lo = Infinity, hi = -Infinity, N = 0;
  for (const s of samples) {
    lo = Math.min(lo, s[0]!);
    hi = Math.max(hi, s[s.length - 1]!);
    N += s.length;
  }
  if (lo === hi) return "the pooled sample has only one distinct value";
  if (N < 4) return `the pooled sample has ${N} values, at least 4 needed`;
  return undefined;
}

/**
 * A²_kN of Scholz & Stephens (1987) for sorted, finite, non-empty samples by one merge walk over
 * the distinct pooled values: the midrank version (eq. 7, scipy's `_anderson_ksamp_midrank`) or
 * the right-continuous one (eq. 6, `_anderson_ksamp_right`). Cost: O(Σ n_i + k · distinct).
 */
export function andersonA2(samples: readonly Float64Array[], midrank: boolean): number {
  const k = samples.length;
  const n = samples.map((s) => s.length);
  const N = n.reduce((a, b) => a + b, 0);
  const pos = new Array<number>(k).fill(0);
  const sums = new Array<number>(k).fill(0);
  const f = new Array<number>(k).fill(0);
  let below = 0; // #pooled values < current value
  while (below < N) {
    let v = Infinity;
    for (let i = 0; i < k; i++) {
      if (pos[i]! < n[i]! && samples[i]![pos[i]!]! < v) v = samples[i]![pos[i]!]!;
    }
    let lj = 0;
    for (let i = 0; i < k; i++) {
      const s = samples[i]!;
      let p = pos[i]!;
      const p0 = p;
      while (p < n[i]! && s[p] === v) p++;
      pos[i] = p;
      f[i] = p - p0;
      lj += p - p0;
    }
    if (midrank) {
      const Bj = below + lj / 2;
      const denom = Bj * (N - Bj) - N * lj / 4;
      for (let i = 0; i < k; i++) {
        const Mij = pos[i]! - f[i]! / 2;
        sums[i] = sums[i]! + lj / N * (N * Mij - Bj * n[i]!) ** 2 / denom;
      }
    } else if (below + lj < N) { // eq. 6 sums over all distinct values but the largest
      const Bj = below + lj;
      const denom = Bj * (N - Bj);
      for (let i = 0; i < k; i++) {
        sums[i] = sums[i]! + lj / N * (N * pos[i]! - Bj * n[i]!) ** 2 / denom;
      }
    }
    below += lj;
  }
  let a2 = 0;
  for (let i = 0; i < k; i++) a2 += sums[i]! / n[i]!;
  return midrank ? a2 * ((N - 1) / N) : a2;
}

/** Least-squares quadratic through (x, y) as `np.polyfit(x, y, 2)`: [c2, c1, c0]. */
function polyfit2(x: readonly number[], y: readonly number[]): [number, number, number] {
  // column-scaled Vandermonde + Householder QR (numpy scales columns and solves by SVD; both
  // give the least-squares solution to ~1e-15 here)
  const m = x.length;
  const A = x.map((xi) => [xi * xi, xi, 1]);
  const scale = [0, 1, 2].map((c) => Math.sqrt(A.reduce((s, r) => s + r[c]! ** 2, 0)));
  for (const r of A) for (let c = 0; c < 3; c++) r[c] = r[c]! / scale[c]!;
  const b = [...y];
  for (let c = 0; c < 3; c++) {
    let norm = 0;
    for (let r = c; r < m; r++) norm += A[r]![c]! ** 2;
    norm = Math.sqrt(norm);
    const alpha = A[c]![c]! > 0 ? -norm : norm;
    const v = new Array<number>(m).fill(0);
    for (let r = c; r < m; r++) v[r] = A[r]![c]!;
    v[c] = v[c]! - alpha;
    const vv = v.reduce((s, e) => s + e * e, 0);
    if (vv === 0) continue;
    for (let cc = c; cc < 3; cc++) {
      let dot = 0;
      for (let r = c; r < m; r++) dot += v[r]! * A[r]![cc]!;
      for (let r = c; r < m; r++) A[r]![cc] = A[r]![cc]! - 2 * dot / vv * v[r]!;
    }
    let dot = 0;
    for (let r = c; r < m; r++) dot += v[r]! * b[r]!;
    for (let r = c; r < m; r++) b[r] = b[r]! - 2 * dot / vv * v[r]!;
  }
  const coef = [0, 0, 0];
  for (let c = 2; c >= 0; c--) {
    let s = b[c]!;
    for (let cc = c + 1; cc < 3; cc++) s -= A[c]![cc]! * coef[cc]!;
    coef[c] = s / A[c]![c]!;
  }
  return [coef[0]! / scale[0]!, coef[1]! / scale[1]!, coef[2]! / scale[2]!];
}

/**
 * The k-sample test on sorted samples that passed {@linkcode andersonProblem}: standardizes A²_kN
 * by σ_N (Scholz & Stephens 1987, eqs. 3–4, as scipy), takes the critical values for k samples and
 * interpolates scipy's p-value on log(level) by a quadratic fit, capped at 0.25 / floored at 0.001.
 */
export function andersonKSampleCore(
  samples: readonly Float64Array[],
  midrank: boolean,
): AndersonOutcome {
  const k = samples.length;
  const n = samples.map((s) => s.length);
  const N = n.reduce((a, b) => a + b, 0);
  const a2kN = andersonA2(samples, midrank);
  let H = 0;
  for (const ni of n) H += 1 / ni;
  let hs = 0, g = 0;
  for (let i = N - 1, idx = 0; i > 1; i--, idx++) {
    hs += 1 / i;
    g += hs / (idx + 2);
  }
  const h = hs + 1;
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k ** 2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const cc = (6 * h + 2 * g - 2) * k ** 2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k ** 2 - 4 * h * k;
  const sigmasq = (a * N ** 3 + b * N ** 2 + cc * N + d) / ((N - 1) * (N - 2) * (N - 3));
  const m = k - 1;
  const statistic = (a2kN - m) / Math.sqrt(sigmasq);
  const criticalValues = B0.map((b0, i) => b0 + B1[i]! / Math.sqrt(m) + B2[i]! / m);
  const sig = ANDERSON_SIGNIFICANCE_LEVELS;
  if (statistic < Math.min(...criticalValues)) {
    const p = Math.max(...sig);
    return {
      statistic,
      pValue: p,
      criticalValues,
      pValueBound: "capped",
      warning: `p-value capped: true value larger than ${p}`,
    };
  }
  if (statistic > Math.max(...criticalValues)) {
    const p = Math.min(...sig);
    return {
      statistic,
      pValue: p,
      criticalValues,
      pValueBound: "floored",
      warning: `p-value floored: true value smaller than ${p}`,
    };
  }
  const [c2, c1, c0] = polyfit2(criticalValues, sig.map(Math.log));
  return { statistic, pValue: Math.exp((c2 * statistic + c1) * statistic + c0), criticalValues };
}
