/**
 * Percentile bootstrap intervals (private).
 *
 * @module
 */
import { quantileSorted } from "../stats/quantile.ts";

/**
 * The percentile interval `[q((1−level)/2), q((1+level)/2)]` of the finite values in
 * `samples[offset + stride·b]`, b < resamples, with numpy's default linear quantile. `[NaN, NaN]`
 * when no value is finite.
 */
export function percentileInterval(
  samples: Float64Array,
  resamples: number,
  offset: number,
  stride: number,
  level: number,
): [number, number] {
  const finite: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const v = samples[offset + stride * b]!;
    if (Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return [NaN, NaN];
  const sorted = Float64Array.from(finite).sort();
  return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
}
