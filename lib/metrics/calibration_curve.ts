/**
 * Reliability diagram data of a binary probabilistic classifier.
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";
import { sortedFinite } from "../stats/sort.ts";
import { checkLabels, checkSameLength, checkScores } from "./_validate.ts";

/** Options of {@linkcode calibrationCurve}. */
export interface CalibrationCurveOptions {
  /** Number of bins. @default 5 */
  nBins?: number;
  /** Equal-width bins on [0, 1], or bins at the sample quantiles of the probabilities. @default "uniform" */
  strategy?: "uniform" | "quantile";
  /** The class whose probability is given. @default 1 */
  posLabel?: number;
}

/** Observed frequency vs mean predicted probability per non-empty bin. */
export interface CalibrationCurve {
  /** Which result this is. */
  name: "calibration_curve";
  /** `"error"` only for empty input. */
  status: ResultStatus;
  /** Present only when `status` is `"error"`. */
  reason?: string;
  /** Number of observations. */
  n: number;
  /** Share of positives in each non-empty bin. */
  probTrue: number[];
  /** Mean predicted probability in each non-empty bin. */
  probPred: number[];
  /** Observations in each non-empty bin. */
  counts: number[];
  /** All `nBins + 1` bin edges (quantile edges may repeat). */
  edges: number[];
  /** The options in force. */
  details: { nBins: number; strategy: "uniform" | "quantile"; posLabel: number };
}

/** numpy.linspace(0, 1, nBins + 1). */
function linspace(nBins: number): number[] {
  const step = 1 / nBins;
  const e: number[] = [];
  for (let i = 0; i < nBins; i++) e.push(i * step);
  e.push(1);
  return e;
}

/** numpy.percentile(x, q * 100) with the default "linear" method, bit for bit. */
function percentiles(sorted: Float64Array, qs: number[]): number[] {
  const n = sorted.length;
  return qs.map((q0) => {
    const q = (q0 * 100) / 100;
    const v = (n - 1) * q;
    let lo = Math.floor(v), hi = lo + 1;
    if (v >= n - 1) lo = hi = n - 1;
    const a = sorted[lo]!, b = sorted[hi]!, t = v - lo, d = b - a;
    return t >= 0.5 ? b - d * (1 - t) : a + d * t;
  });
}

/**
 * Bins the predicted probabilities and reports, per non-empty bin, the observed share of positives
 * and the mean prediction. Equals scikit-learn 1.2.1's `calibration_curve(y_true, y_prob,
 * n_bins=5, strategy=…)`: uniform edges are `linspace(0, 1, nBins + 1)`, quantile edges
 * `percentile(y_prob, linspace(0, 100, nBins + 1))`, and a probability equal to an inner edge falls
 * in the lower bin (`searchsorted(edges[1:-1], p, "left")`). Cost O(n log nBins) (+ a sort for
 * quantiles).
 *
 * @param yTrue True labels 0/1.
 * @param probPos Predicted probability of class `posLabel`, in [0, 1].
 * @param options Bins, strategy, positive class.
 * @returns Per-bin frequencies; `status: "error"` for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} For probabilities outside [0, 1], labels not 0/1, or `nBins` < 1.
 * @example
 * ```ts
 * import { calibrationCurve } from "./mod.ts";
 * const c = calibrationCurve([0, 0, 1, 1], [0.1, 0.3, 0.7, 0.9], { nBins: 2 });
 * if (c.probTrue.join() !== "0,1" || Math.abs(c.probPred[1]! - 0.8) > 1e-15) throw new Error();
 * ```
 */
export function calibrationCurve(
  yTrue: ArrayLike<number>,
  probPos: ArrayLike<number>,
  options: CalibrationCurveOptions = {},
): CalibrationCurve {
  const { nBins = 5, strategy = "uniform", posLabel = 1 } = options;
  const metric = "calibration curve";
  checkSameLength(metric, yTrue, probPos, ["yTrue", "probPos"]);
  if (!(Number.isInteger(nBins) && nBins >= 1)) {
    throw new RangeError(
      `Cannot compute ${metric}: nBins must be a positive integer, got ${nBins}`,
    );
  }
  checkLabels(metric, "yTrue", yTrue, 2);
  const p = checkScores(metric, probPos, "probPos", true);
  const n = p.length;
  const details = { nBins, strategy, posLabel };
  const grid = linspace(nBins);
  if (n === 0) {
    const base = { name: "calibration_curve" as const, n, probTrue: [], probPred: [], counts: [] };
    return { ...base, status: "error", reason: "No observations", edges: grid, details };
  }
  const edges = strategy === "quantile" ? percentiles(sortedFinite(p).sorted, grid) : grid;
  const sums = new Float64Array(nBins),
    trues = new Float64Array(nBins),
    totals = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const v = p[i]!;
    // first inner edge >= v (binary search over edges[1..nBins-1])
    let lo = 1, hi = nBins;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    sums[b]! += v;
    totals[b]!++;
    if (yTrue[i] === posLabel) trues[b]!++;
  }
  const probTrue: number[] = [], probPred: number[] = [], counts: number[] = [];
  for (let b = 0; b < nBins; b++) {
    if (totals[b] === 0) continue;
    probTrue.push(trues[b]! / totals[b]!);
    probPred.push(sums[b]! / totals[b]!);
    counts.push(totals[b]!);
  }
  return { name: "calibration_curve", status: "ok", n, probTrue, probPred, counts, edges, details };
}
