/**
 * fairlearn's aggregates of by-group values (private): min, max, and the difference and ratio
 * `between_groups` and `to_overall`, over the finite values only.
 *
 * @module
 */

/** The aggregates; NaN (and null names) when no group has a finite value. */
export interface Disparity {
  groupMin: number;
  groupMax: number;
  argMin: string | null;
  argMax: string | null;
  difference: number;
  ratio: number;
  differenceToOverall: number;
  ratioToOverall: number;
}

/**
 * As `MetricFrame.difference/ratio(method=…)`: between groups `max − min` and `min / max`; to
 * overall `max |v − overall|` and `min over groups of min(v/overall, overall/v)`. A 0/0 ratio
 * is NaN and skipped, as pandas' `min` skips NaN. O(k).
 */
export function disparity(names: readonly string[], values: ArrayLike<number>, overall: number) {
  let groupMin = Infinity, groupMax = -Infinity, argMin: string | null = null;
  let argMax: string | null = null, differenceToOverall = -Infinity, ratioToOverall = Infinity;
  for (let g = 0; g < values.length; g++) {
    const v = values[g]!;
    if (!Number.isFinite(v)) continue;
    if (v < groupMin) [groupMin, argMin] = [v, names[g]!];
    if (v > groupMax) [groupMax, argMax] = [v, names[g]!];
    differenceToOverall = Math.max(differenceToOverall, Math.abs(v - overall));
    const r = v / overall;
    if (!Number.isNaN(r)) ratioToOverall = Math.min(ratioToOverall, r > 1 ? 1 / r : r);
  }
  if (argMin === null) {
    return {
      groupMin: NaN,
      groupMax: NaN,
      argMin,
      argMax,
      difference: NaN,
      ratio: NaN,
      differenceToOverall: NaN,
      ratioToOverall: NaN,
    } satisfies Disparity;
  }
  return {
    groupMin,
    groupMax,
    argMin,
    argMax,
    difference: groupMax - groupMin,
    ratio: groupMin / groupMax,
    differenceToOverall: Number.isFinite(differenceToOverall) ? differenceToOverall : NaN,
    ratioToOverall: Number.isFinite(ratioToOverall) ? ratioToOverall : NaN,
  } satisfies Disparity;
}
