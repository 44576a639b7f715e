/**
 * How the binned distances (PSI, Jensen–Shannon, KL divergence, Hellinger) and the categorical
 * tests read a column: the input types, the numeric binning and the options they share.
 *
 * @module
 */
import type { SortedSample } from "../stats/sort.ts";

/** A categorical value; numbers and booleans are categories by their `String()` form. */
export type Category = string | number | boolean | null | undefined;

/** A column of a distribution-distance test: numbers, a pre-sorted sample, or categories. */
export type DistributionInput = ArrayLike<number> | SortedSample | ArrayLike<Category>;

/**
 * How numeric bin edges are built:
 * - `"quantile"`: type-7 quantiles of the reference at i/bins (deciles for 10 bins), ties
 *   collapsed, open outer edges (−∞, +∞); when ties make the reference maximum an edge, one more
 *   edge at the next double above it separates values above the reference range (otherwise a
 *   constant reference could never show an upward shift);
 * - `"equal_width"`: `bins` equal-width bins over the reference [min, max], outer edges then opened
 *   to −∞ and +∞ so current values beyond the reference range land in the outer bins;
 * - `"sturges_both"` (Evidently): `numpy.histogram_bin_edges(concat(ref, cur), bins="sturges")`,
 *   closed outer edges, numpy.histogram counting (`bins` is ignored).
 */
export type Binning = "quantile" | "equal_width" | "sturges_both";

/** Options shared by the binned distances (PSI, Jensen–Shannon, KL, Hellinger). */
export interface BinnedDistanceOptions {
  /** Numeric (binned) or categorical data. @default inferred: numbers → numeric, else categorical */
  kind?: "numeric" | "categorical";
  /** Number of bins for numeric data (upper bound for quantile bins). @default 10 */
  bins?: number;
  /** How numeric bin edges are chosen (ignored when `edges` is given). @default "quantile" */
  binning?: Binning;
  /**
   * Frozen numeric bin edges (strictly increasing, may start at −∞ and end at +∞).
   * @default built from the reference by `binning`
   */
  edges?: ArrayLike<number>;
  /** Drift is detected when `statistic >= threshold`. @default the method's `DRIFT_METHOD_INFO` threshold (0.1) */
  threshold?: number;
  /**
   * The column's name, recorded in the result and named in messages.
   * @default undefined (the result carries no column name)
   */
  column?: string;
}
