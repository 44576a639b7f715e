/**
 * Population Stability Index.
 *
 * @module
 */
import type { BinnedDistanceOptions, DistributionInput } from "./binning.ts";
import { binnedDistance, checkEpsilon, proportions } from "./_binned_distance.ts";
import type { DriftResult } from "./_result.ts";

/** Options of {@linkcode psi}. */
export interface PsiOptions extends BinnedDistanceOptions {
  /** Proportion that replaces an empty cell's 0 (in either column) before the log. @default 1e-4 */
  epsilon?: number;
}

/** Default empty-cell proportion. */
export const PSI_EPSILON = 1e-4;

/**
 * PSI of two count vectors over the same cells: with proportions r_i = ref_i/Σref and
 * c_i = cur_i/Σcur, each 0 replaced by `epsilon` (not renormalised),
 * PSI = Σ (c_i − r_i)·ln(c_i / r_i) (natural log). Cost O(k). Counts are mergeable across
 * replicas, so this is the function to use on summed counts against frozen edges.
 *
 * @param reference Reference counts per cell.
 * @param current Current counts per cell (same length).
 * @param epsilon Replacement for zero proportions. @default 1e-4
 * @returns PSI ≥ 0; `NaN` when a side has no counts.
 * @throws {TypeError} When the lengths differ.
 * @example
 * ```ts
 * import { psiFromCounts } from "./mod.ts";
 * const v = psiFromCounts([50, 50], [25, 75]);
 * if (Math.abs(v - 0.25 * Math.log(3)) > 1e-15) throw new Error(String(v));
 * ```
 */
export function psiFromCounts(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  epsilon = PSI_EPSILON,
): number {
  if (reference.length !== current.length) {
    throw new TypeError(
      `Cannot compute PSI: reference has ${reference.length} cells, current has ${current.length}`,
    );
  }
  checkEpsilon(epsilon, "PSI");
  const r = proportions(Float64Array.from(reference), epsilon);
  const c = proportions(Float64Array.from(current), epsilon);
  let sum = 0;
  for (let i = 0; i < r.length; i++) sum += (c[i]! - r[i]!) * Math.log(c[i]! / r[i]!);
  return sum;
}

/**
 * Population Stability Index between a reference and a current column, on binned numeric data or
 * on categories: PSI = Σ (c_i − r_i)·ln(c_i / r_i) over the cells, where r_i and c_i are the
 * shares of each column in cell i and an empty cell's share 0 is replaced by `epsilon` (1e-4, the
 * value Evidently uses; Evidently further lowers it to min-nonzero/10⁶ when that is below 1e-4 —
 * Vigil does not). Drift is detected when PSI ≥ `threshold` (0.1, Evidently's default; 0.25 is
 * the classic "significant shift" level).
 *
 * Cells: numeric data (the default for numbers) is cut at the type-7 deciles of the reference
 * (`bins: 10`, `binning: "quantile"`; equal quantiles collapsed, and one more edge just above the
 * reference maximum when ties make the maximum an edge), with open outer edges so that
 * current values beyond the reference range fall in the first or last bin; bins are right-open
 * [a, b). Other binnings: `"equal_width"` (equal-width over the reference range, open outer
 * edges) and `"sturges_both"` (Evidently: `numpy.histogram_bin_edges(concat(ref, cur),
 * bins="sturges")`, numpy.histogram counting), or frozen `edges` from a reference profile.
 * Categorical data (strings) uses the union of categories; an unseen category in current has a
 * reference share of `epsilon`. Missing values (NaN, ±Infinity, null; "" for categories) are
 * dropped and counted in `details`.
 *
 * Cost: O(n log n) for the reference sort (O(k log n) with a pre-sorted `SortedSample`), plus
 * O(m log k) for the current column (O(k log m) when it is a `SortedSample`).
 *
 * @param reference Reference column: numbers, a `SortedSample`, or categories.
 * @param current Current column, of the same kind.
 * @param options Binning, `epsilon`, `threshold`, `column`.
 * @returns A drift result, method `"psi"`; `details` records `kind`, `binning`, `bins`,
 * `outerEdges` (`"open"`/`"closed"`), `edges` (interior cut points when the outer edges are open —
 * ±∞ are implied, JSON has no Infinity — all edges when closed) or `categories`, `referenceCounts`,
 * `currentCounts`, `missingReference`, `missingCurrent`, `epsilon`, `logBase: "e"`. An empty
 * column gives `status: "error"`.
 * @throws {TypeError} For non-array inputs or mixed types. {RangeError} For a bad `bins`,
 * `epsilon`, `threshold` or `edges`.
 * @example
 * ```ts
 * import { psi } from "./mod.ts";
 * const r = psi(["a", "a", "b", "b"], ["a", "b", "b", "b"]);
 * if (Math.abs(r.statistic - 0.25 * Math.log(3)) > 1e-15 || !r.detected) throw new Error();
 * ```
 */
export function psi(
  reference: DistributionInput,
  current: DistributionInput,
  options: PsiOptions = {},
): DriftResult<"psi"> {
  const { epsilon = PSI_EPSILON } = options;
  checkEpsilon(epsilon, "PSI");
  return binnedDistance("psi", "PSI", reference, current, options, (f) => ({
    statistic: psiFromCounts(f.reference, f.current, epsilon),
    details: { epsilon, logBase: "e" },
  }));
}
