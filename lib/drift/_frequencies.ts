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
import type { BinnedDistanceOptions, Category, DistributionInput } from "./binning.ts";

/** The options that decide the cells (the rest of {@linkcode BinnedDistanceOptions} is ignored). */
export type FrequencyOptions = Pick<BinnedDistanceOptions, "kind" | "bins" | "binning" | "edges">;

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
