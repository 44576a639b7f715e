/**
 * Private: the histogram and category counts behind the distribution chart, computed before the
 * spec is built so a spec embeds k bins rather than n raw values.
 *
 * @module
 */

/**
 * Equal-width edges spanning the finite values of all samples (numpy's `histogram_bin_edges`
 * with `range=(min, max)`); a constant sample gets one unit-wide bin around its value.
 */
export function equalWidthEdges(samples: readonly ArrayLike<number>[], bins: number): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const s of samples) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i]!;
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  if (min > max) return [];
  if (min === max) return [min - 0.5, max + 0.5];
  const step = (max - min) / bins;
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * step));
}

/**
 * Counts finite values per bin: bins are half-open `[e_i, e_{i+1})` except the last, which is
 * closed (numpy's convention); values outside the edges are counted in the first or last bin.
 * Cost O(n log k).
 */
export function binCounts(values: ArrayLike<number>, edges: ArrayLike<number>): Float64Array {
  const k = edges.length - 1;
  const counts = new Float64Array(Math.max(k, 0));
  if (k < 1) return counts;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (v >= edges[mid]!) lo = mid;
      else hi = mid - 1;
    }
    counts[lo]!++;
  }
  return counts;
}

/** Counts non-missing categories (null, undefined, NaN and "" are missing), in first-seen order. */
export function categoryCounts(values: ArrayLike<unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === "" || Number.isNaN(v)) continue;
    const key = String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
