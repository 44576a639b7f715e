/**
 * AIF360's Theil index: inequality of individual benefits (generalized entropy, α = 1).
 *
 * @module
 */
import { fairnessResult, tabulate } from "./_rates.ts";
import type { FairnessResult } from "./fairness_result.ts";
import type { GroupedPredictions } from "./metric_frame.ts";

/** Options of {@linkcode theilIndex}. */
export interface TheilIndexOptions {
  /** Groups below it are listed as `"error"` in `groups` (the index itself uses every row). @default 30 */
  minGroupSize?: number;
}

/**
 * The Theil index of AIF360 (`ClassificationMetric.theil_index()`, the generalized entropy index
 * with α = 1, Speicher et al. 2018): with each individual's benefit `b_i = ŷ_i − y_i + 1` (0 for
 * a false negative, 1 when correct, 2 for a false positive) and μ their mean,
 * `T = (1/n) Σ (b_i/μ) ln(b_i/μ)`, with `0 · ln 0 = 0`. 0 when every benefit is equal; up to
 * ln n. It is an individual-level measure over ALL rows: the groups (with their rates) are only
 * reported alongside, `details.byGroup` holds the index within each group. An `"error"` for no
 * rows or μ = 0 (every row a false negative). Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `minGroupSize` for the per-group listing.
 * @returns `convention: "aif360"`, `parity: 0`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1.
 * @example
 * ```ts
 * import { theilIndex } from "./theil_index.ts";
 * // benefits 1, 1, 2, 0: μ = 1, T = (2 ln 2) / 4
 * const r = theilIndex({ yTrue: [1, 0, 0, 1], yPred: [1, 0, 1, 0], sensitive: { g: ["a", "a", "b", "b"] } });
 * if (Math.abs(r.value - Math.log(2) / 2) > 1e-15) throw new Error();
 * ```
 */
export function theilIndex(
  data: GroupedPredictions,
  options: TheilIndexOptions = {},
): FairnessResult {
  const t = tabulate("theil_index", data, options.minGroupSize);
  const [tn, fp, fn, tp] = t.total;
  const value = _theil(tn, fp, fn, tp);
  const byGroup = Object.fromEntries(
    t.groups.map((g) => [g.group, _theil(g.tn, g.fp, g.fn, g.tp)]),
  );
  const reason = t.n === 0
    ? "No rows"
    : Number.isNaN(value)
    ? "The mean benefit is 0 (every row is a false negative)"
    : undefined;
  return fairnessResult("theil_index", "aif360", value, reason, {
    n: t.n,
    attributes: t.coding.attributes,
    groups: t.groups,
    details: { alpha: 1, benefit: "ŷ − y + 1", minGroupSize: t.minGroupSize, byGroup },
  });
}

/** T from counts: benefit 1 for TN and TP, 2 for FP, 0 for FN. NaN for n = 0 or μ = 0. */
function _theil(tn: number, fp: number, fn: number, tp: number): number {
  const n = tn + fp + fn + tp;
  const mu = (tn + tp + 2 * fp) / n;
  if (!(mu > 0)) return NaN;
  let sum = 0;
  if (tn + tp > 0) sum += (tn + tp) * (1 / mu) * Math.log(1 / mu);
  if (fp > 0) sum += fp * (2 / mu) * Math.log(2 / mu);
  return sum / n;
}
