/**
 * Private: the statistics of a reference profile (summary, sketch, category counts).
 *
 * @module
 */
import type { Column } from "../data/table.ts";
import { populationStd } from "../stats/population_std.ts";
import { quantileSorted } from "../stats/quantile.ts";
import type { NumericSummary } from "./profile.ts";

/**
 * Count, mean, population std, min, max and type-7 quantiles of a sorted finite sample; every field
 * but `count` is NaN for an empty sample. The std is {@linkcode populationStd}'s (two scaled passes).
 */
export function numericSummary(sorted: Float64Array): NumericSummary {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = n === 0 ? NaN : sum / n;
  const q = (p: number) => quantileSorted(sorted, p);
  return {
    count: n,
    mean,
    std: populationStd(sorted),
    min: n === 0 ? NaN : sorted[0]!,
    max: n === 0 ? NaN : sorted[n - 1]!,
    quantiles: {
      p01: q(0.01),
      p05: q(0.05),
      p25: q(0.25),
      p50: q(0.5),
      p75: q(0.75),
      p95: q(0.95),
      p99: q(0.99),
    },
  };
}

/** `m` points of a sorted sample at the type-7 quantiles i/(m − 1): min and max are kept. */
export function uniformSketch(sorted: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = quantileSorted(sorted, i / (m - 1));
  return out;
}

/**
 * Counts of each category in first-seen order; numbers are categories by `String(value)`. Missing:
 * non-finite numbers, `null` and `""`.
 */
export function countCategories(
  column: Column,
): { categories: Record<string, number>; count: number; nMissing: number } {
  const counts = new Map<string | number, number>();
  let nMissing = 0;
  if (column instanceof Float64Array) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!;
      if (v - v === 0) counts.set(v, (counts.get(v) ?? 0) + 1);
      else nMissing++;
    }
  } else {
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v === null || v === undefined || v === "") nMissing++;
      else counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  // Object.fromEntries defines own properties, so a category named "__proto__" is safe.
  const categories = Object.fromEntries(
    Array.from(counts, ([k, c]) => [String(k), c] as const),
  ) as Record<string, number>;
  return { categories, count: column.length - nMissing, nMissing };
}
