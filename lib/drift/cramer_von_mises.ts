/**
 * Two-sample Cramér–von Mises drift test, equal to `scipy.stats.cramervonmises_2samp`.
 *
 * @module
 */
import type { SortedSample } from "../stats/sort.ts";
import { cdfCvmInf, pvalCvm2sampExact } from "./_cvm_distribution.ts";
import {
  detectionRule,
  type DriftResult,
  driftResult,
  missingDetails,
  prepareSamples,
  unusableSamples,
} from "./_result.ts";

/** How the CvM p-value is computed: scipy's `method` argument. */
export type CvmMethod = "auto" | "exact" | "asymptotic";

/** Options of {@linkcode cramerVonMises}. */
export interface CramerVonMisesOptions {
  /** `"auto"` is exact when max(n1, n2) ≤ 20, as scipy. @default {"auto"} */
  method?: CvmMethod;
  /** Drift is detected when the p-value is strictly below this. @default `DRIFT_METHOD_INFO.cramer_von_mises.threshold` (0.05) */
  threshold?: number;
  /**
   * The column's name, recorded in the result and named in messages.
   * @default undefined (the result carries no column name)
   */
  column?: string;
}

/**
 * The U statistic of Anderson (1962, eq. 10) from midranks in the pooled sample:
 * U = n1 Σ (r_i − i)² + n2 Σ (s_j − j)², computed in one merge walk over the sorted samples.
 *
 * Cost: O(n1 + n2).
 *
 * @param x Sorted first sample.
 * @param y Sorted second sample.
 * @returns U (a multiple of 1/4 with ties).
 * @example
 * ```ts
 * import { cvmU } from "./cramer_von_mises.ts";
 * // ranks of [1, 2] in [1, 2, 3, 4] are 1, 2; of [3, 4] are 3, 4: U = 2·0 + 2·(2² + 2²) = 16
 * if (cvmU(new Float64Array([1, 2]), new Float64Array([3, 4])) !== 16) throw new Error();
 * ```
 */
export function cvmU(x: Float64Array, y: Float64Array): number {
  const nx = x.length, ny = y.length;
  let i = 0, j = 0;
  let sx = 0, sy = 0;
  while (i < nx || j < ny) {
    const v = j >= ny || (i < nx && x[i]! <= y[j]!) ? x[i]! : y[j]!;
    const i0 = i, j0 = j;
    while (i < nx && x[i] === v) i++;
    while (j < ny && y[j] === v) j++;
    const rank = i0 + j0 + (i - i0 + j - j0 + 1) / 2;
    for (let k = i0 + 1; k <= i; k++) sx += (rank - k) ** 2;
    for (let k = j0 + 1; k <= j; k++) sy += (rank - k) ** 2;
  }
  return nx * sx + ny * sy;
}

/**
 * Two-sample Cramér–von Mises test: T = U / (n1 n2 N) − (4 n1 n2 − 1) / (6N) with midranks
 * for ties, and its p-value — exact (Xiao et al. 2006) or from the limiting distribution of the
 * normalised statistic (Anderson 1962; Csörgő & Faraway 1996). Equals
 * `scipy.stats.cramervonmises_2samp(reference, current, method)` (scipy 1.10.1), including
 * scipy's truncation of the asymptotic series (terms down to 1e-7), so tiny p-values carry
 * scipy's absolute error of ~1e-15.
 *
 * Detection: `detected = pValue < threshold`. Missing values (non-finite) are dropped and
 * counted; a side with fewer than two values gives a `status: "error"` result (scipy raises).
 *
 * Cost: O(n log n) to sort (skip with {@linkcode SortedSample}s) + O(N); the exact p-value is
 * exponential in the sizes and only used up to 20 per side by `"auto"`.
 *
 * @param reference Reference sample or pre-sorted {@linkcode SortedSample}.
 * @param current Current sample or pre-sorted {@linkcode SortedSample}.
 * @param options See {@linkcode CramerVonMisesOptions}.
 * @returns A drift result with `method: "cramer_von_mises"`, `details.pValueMethod` and `details.u`.
 * @throws {TypeError} When an input is not an array of numbers.
 * @throws {RangeError} When `threshold` is not finite or `method` is unknown.
 * @example
 * ```ts
 * import { cramerVonMises } from "./mod.ts";
 * // scipy.stats.cramervonmises_2samp([1,2,3], [4,5,6]) -> statistic 0.5277777777777778, p 0.1
 * const r = cramerVonMises([1, 2, 3], [4, 5, 6]);
 * if (Math.abs(r.statistic - 0.5277777777777778) > 1e-15 || r.pValue !== 0.1) throw new Error();
 * ```
 */
export function cramerVonMises(
  reference: ArrayLike<number> | SortedSample,
  current: ArrayLike<number> | SortedSample,
  options: CramerVonMisesOptions = {},
): DriftResult<"cramer_von_mises"> {
  const requested = options.method ?? "auto";
  if (requested !== "auto" && requested !== "exact" && requested !== "asymptotic") {
    throw new RangeError(
      `Cannot compute Cramér–von Mises: method must be "auto", "exact" or "asymptotic", got "${
        String(requested)
      }"`,
    );
  }
  const rule = detectionRule("cramer_von_mises", options.threshold, "Cramér–von Mises");
  const base = { ...rule, column: options.column };
  const prepared = prepareSamples(reference, current, {
    method: "Cramér–von Mises",
    column: options.column,
    minSize: 2,
  });
  if ("reason" in prepared) return unusableSamples(base, prepared);
  const x = prepared.reference, y = prepared.current;
  const nx = x.length, ny = y.length;
  const mode = requested === "auto" ? (Math.max(nx, ny) > 20 ? "asymptotic" : "exact") : requested;
  const u = cvmU(x, y);
  const k = nx * ny, N = nx + ny;
  const t = u / (k * N) - (4 * k - 1) / (6 * N);
  let p: number;
  if (mode === "exact") {
    p = pvalCvm2sampExact(u, nx, ny);
  } else {
    const et = (1 + 1 / N) / 6;
    // scipy evaluates these with exact Python integers: use BigInt to stay exact past 2^53
    const bk = BigInt(k), bN = BigInt(N);
    const vtNum = (bN + 1n) * (4n * bk * bN - 3n * (BigInt(nx) ** 2n + BigInt(ny) ** 2n) - 2n * bk);
    const vtDen = 45n * bN ** 2n * 4n * bk;
    const vt = Number(vtNum) / Number(vtDen);
    const tn = 1 / 6 + (t - et) / Math.sqrt(45 * vt);
    p = tn < 0.003 ? 1 : Math.max(0, 1 - cdfCvmInf(tn));
  }
  return driftResult({
    ...base,
    statistic: t,
    pValue: p,
    nReference: nx,
    nCurrent: ny,
    details: { pValueMethod: mode, requestedMethod: requested, u, ...missingDetails(prepared) },
  });
}
