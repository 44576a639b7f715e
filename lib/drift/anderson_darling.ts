/**
 * k-sample Anderson–Darling drift test (two samples), equal to `scipy.stats.anderson_ksamp`.
 *
 * @module
 */
import type { SortedSample } from "../stats/sort.ts";
import {
  checkThreshold,
  driftError,
  type DriftResult,
  driftResult,
  missingDetails,
  prepareSamples,
} from "./_result.ts";

/** Options of {@linkcode andersonDarling}. */
export interface AndersonDarlingOptions {
  /** Drift is detected when the (interpolated, capped/floored) p-value is below this. @default {0.05} */
  threshold?: number;
  /** The column the samples come from. */
  column?: string;
}

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

/**
 * The midrank A²_akN statistic of Scholz & Stephens (1987, eq. 7) for sorted samples, by one
 * merge walk over the distinct pooled values (scipy's `_anderson_ksamp_midrank`).
 *
 * Cost: O(Σ n_i · k).
 *
 * @param samples Two or more sorted, finite, non-empty samples.
 * @returns A²_akN (before standardisation).
 * @example
 * ```ts
 * import { andersonMidrankA2 } from "./anderson_darling.ts";
 * const a2 = andersonMidrankA2([new Float64Array([1, 2]), new Float64Array([1, 2])]);
 * if (!(a2 >= 0 && a2 < 1)) throw new Error(String(a2));
 * ```
 */
export function andersonMidrankA2(samples: readonly Float64Array[]): number {
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
    const Bj = below + lj / 2;
    const denom = Bj * (N - Bj) - N * lj / 4;
    for (let i = 0; i < k; i++) {
      const Mij = pos[i]! - f[i]! / 2;
      sums[i] = sums[i]! + lj / N * (N * Mij - Bj * n[i]!) ** 2 / denom;
    }
    below += lj;
  }
  let a2 = 0;
  for (let i = 0; i < k; i++) a2 += sums[i]! / n[i]!;
  return a2 * ((N - 1) / N);
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
 * Anderson–Darling k-sample test (here k = 2: reference vs current) with midranks for ties:
 * the standardized statistic (A²_akN − (k−1)) / σ_N of Scholz & Stephens (1987), the critical
 * values at the levels 25 %…0.1 %, and scipy's p-value — interpolated on log(level) by a
 * quadratic fit and **capped at 0.25 / floored at 0.001** outside the table (scipy warns then;
 * Vigil records `details.pValueBound: "capped" | "floored"` and a `details.warning` text).
 * Equals `scipy.stats.anderson_ksamp([reference, current])` (scipy 1.10.1, midrank=True).
 *
 * Detection: `detected = pValue < threshold` (default 0.05). Missing values (non-finite) are
 * dropped and counted; an empty side or fewer than two distinct pooled values gives a
 * `status: "error"` result (scipy raises).
 *
 * Cost: O(n log n) to sort (skip with {@linkcode SortedSample}s) + O(N).
 *
 * @param reference Reference sample or pre-sorted {@linkcode SortedSample}.
 * @param current Current sample or pre-sorted {@linkcode SortedSample}.
 * @param options See {@linkcode AndersonDarlingOptions}.
 * @returns A drift result with `method: "anderson_darling"`, `details.criticalValues`,
 * `details.significanceLevels`.
 * @throws {TypeError} When an input is not an array of numbers.
 * @throws {RangeError} When `threshold` is not finite.
 * @example
 * ```ts
 * import { andersonDarling } from "./anderson_darling.ts";
 * // scipy.stats.anderson_ksamp([[1,2,3,4,5], [6,7,8,9,10]]) -> 4.726015467264128, p 0.004355977966506477
 * const r = andersonDarling([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
 * if (Math.abs(r.statistic - 4.726015467264128) > 1e-12) throw new Error(String(r.statistic));
 * if (Math.abs(r.pValue! - 0.004355977966506477) > 1e-12 || !r.detected) throw new Error();
 * // identical samples: scipy caps the p-value at 0.25 (and warns)
 * if (andersonDarling([1, 2, 3], [1, 2, 3]).details?.pValueBound !== "capped") throw new Error();
 * ```
 */
export function andersonDarling(
  reference: ArrayLike<number> | SortedSample,
  current: ArrayLike<number> | SortedSample,
  options: AndersonDarlingOptions = {},
): DriftResult<"anderson_darling"> {
  const threshold = options.threshold ?? 0.05;
  checkThreshold(threshold, "Anderson–Darling");
  const base = {
    method: "anderson_darling" as const,
    threshold,
    operator: "<" as const,
    column: options.column,
  };
  const prepared = prepareSamples(reference, current, {
    method: "Anderson–Darling",
    column: options.column,
  });
  const p0 = "reason" in prepared ? prepared.prepared : prepared;
  const errorBase = {
    ...base,
    nReference: p0.reference.length,
    nCurrent: p0.current.length,
    details: missingDetails(p0),
  };
  if ("reason" in prepared) return driftError(errorBase, prepared.reason);
  const samples = [prepared.reference, prepared.current];
  const k = samples.length;
  const n = samples.map((s) => s.length);
  const N = n[0]! + n[1]!;
  const r = prepared.reference, c = prepared.current;
  if (Math.min(r[0]!, c[0]!) === Math.max(r[r.length - 1]!, c[c.length - 1]!)) {
    const label = options.column === undefined ? "" : ` for column "${options.column}"`;
    return driftError(
      errorBase,
      `Cannot compute Anderson–Darling${label}: the pooled sample has only one distinct value`,
    );
  }
  const a2kN = andersonMidrankA2(samples);
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
  const A2 = (a2kN - m) / Math.sqrt(sigmasq);
  const critical = B0.map((b0, i) => b0 + B1[i]! / Math.sqrt(m) + B2[i]! / m);
  const sig = ANDERSON_SIGNIFICANCE_LEVELS;
  const details: Record<string, unknown> = {
    criticalValues: critical,
    significanceLevels: [...sig],
    midrank: true,
    ...missingDetails(prepared),
  };
  let p: number;
  if (A2 < Math.min(...critical)) {
    p = Math.max(...sig);
    details.pValueBound = "capped";
    details.warning = `p-value capped: true value larger than ${p}`;
  } else if (A2 > Math.max(...critical)) {
    p = Math.min(...sig);
    details.pValueBound = "floored";
    details.warning = `p-value floored: true value smaller than ${p}`;
  } else {
    const [c2, c1, c0] = polyfit2(critical, sig.map(Math.log));
    p = Math.exp((c2 * A2 + c1) * A2 + c0);
  }
  return driftResult({
    ...base,
    statistic: A2,
    pValue: p,
    nReference: n[0]!,
    nCurrent: n[1]!,
    details,
  });
}
