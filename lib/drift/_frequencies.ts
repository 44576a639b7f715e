/**
 * Private: turns a reference and a current column into two count vectors over the same cells —
 * histogram bins for numeric data, the union of categories for categorical data — shared by PSI,
 * Jensen–Shannon, KL divergence, Hellinger, chi-square and the Z-test.
 *
 * Missing values: numeric `NaN`, `±Infinity`, `null`, `undefined`; categorical `null`,
 * `undefined`, `""` and `NaN`. They are dropped and counted (`missingReference`,
 * `missingCurrent`).
 *
 * @module
 */
import { isSortedSample, type SortedSample } from "../stats/sort.ts";
import { numericFrequencies } from "./_numeric_frequencies.ts";

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
export interface FrequencyOptions {
  /** Numeric (binned) or categorical data. @default inferred: numbers → numeric, else categorical */
  kind?: "numeric" | "categorical";
  /** Number of bins for numeric data (upper bound for quantile bins). @default 10 */
  bins?: number;
  /** How numeric bin edges are chosen (ignored when `edges` is given). @default "quantile" */
  binning?: Binning;
  /** Frozen numeric bin edges (strictly increasing, may start at −∞ and end at +∞). */
  edges?: ArrayLike<number>;
}

/** Counts of both columns over the same cells, plus what is needed to explain them. */
export interface Frequencies {
  kind: "numeric" | "categorical";
  reference: Float64Array;
  current: Float64Array;
  nReference: number;
  nCurrent: number;
  missingReference: number;
  missingCurrent: number;
  /** Policy record for `details`: binning, edges or categories. */
  details: Record<string, unknown>;
}

function firstPresent(values: DistributionInput): unknown {
  if (isSortedSample(values) || ArrayBuffer.isView(values)) return 0;
  const a = values as ArrayLike<unknown>;
  for (let i = 0; i < a.length; i++) if (a[i] !== null && a[i] !== undefined) return a[i];
  return undefined;
}

function checkArrayLike(values: unknown, name: string): void {
  if (isSortedSample(values)) return;
  if (
    typeof values !== "object" || values === null ||
    typeof (values as { length?: unknown }).length !== "number"
  ) {
    throw new TypeError(
      `Cannot compare distributions: ${name} must be an array, got ${typeof values}`,
    );
  }
}

/** The kind of the columns: the explicit option, else numbers → numeric, anything else categorical. */
export function inferKind(
  reference: DistributionInput,
  current: DistributionInput,
  kind?: "numeric" | "categorical",
): "numeric" | "categorical" {
  checkArrayLike(reference, "reference");
  checkArrayLike(current, "current");
  if (kind !== undefined) {
    if (kind !== "numeric" && kind !== "categorical") {
      throw new TypeError(`Cannot compare distributions: unknown kind "${String(kind)}"`);
    }
    return kind;
  }
  let v = firstPresent(reference);
  if (v === undefined) v = firstPresent(current);
  return v === undefined || typeof v === "number" ? "numeric" : "categorical";
}

function tally(values: ArrayLike<Category>, map: Map<string, [number, number]>, slot: 0 | 1) {
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === "" || (typeof v === "number" && v !== v)) {
      missing++;
      continue;
    }
    const t = typeof v;
    if (t !== "string" && t !== "number" && t !== "boolean") {
      throw new TypeError(
        `Cannot count categories: entry ${i} is a ${t}, expected a string, number or boolean`,
      );
    }
    const key = String(v);
    const cell = map.get(key);
    if (cell === undefined) map.set(key, slot === 0 ? [1, 0] : [0, 1]);
    else cell[slot]++;
  }
  return missing;
}

/** Category counts of both columns over the union of their categories, in sorted order. */
export function categoricalFrequencies(
  reference: ArrayLike<Category>,
  current: ArrayLike<Category>,
): Frequencies {
  const map = new Map<string, [number, number]>();
  const missingReference = tally(reference, map, 0);
  const missingCurrent = tally(current, map, 1);
  const categories = [...map.keys()].sort();
  const ref = new Float64Array(categories.length);
  const cur = new Float64Array(categories.length);
  categories.forEach((c, i) => {
    const cell = map.get(c)!;
    ref[i] = cell[0];
    cur[i] = cell[1];
  });
  return {
    kind: "categorical",
    reference: ref,
    current: cur,
    nReference: reference.length - missingReference,
    nCurrent: current.length - missingCurrent,
    missingReference,
    missingCurrent,
    details: { categories },
  };
}

/** Frequencies of either kind, as `options.kind` (or inference) says. */
export function frequencies(
  reference: DistributionInput,
  current: DistributionInput,
  options: FrequencyOptions = {},
): Frequencies {
  const kind = inferKind(reference, current, options.kind);
  if (kind === "categorical") {
    const asCats = (v: DistributionInput) =>
      (isSortedSample(v) ? v.sorted : v) as ArrayLike<Category>;
    return categoricalFrequencies(asCats(reference), asCats(current));
  }
  return numericFrequencies(
    reference as ArrayLike<number> | SortedSample,
    current as ArrayLike<number> | SortedSample,
    options,
  );
}
