/**
 * Average precision: the step-wise area under the precision–recall curve.
 *
 * @module
 */
import type { ClassOptions, MetricResult } from "./metric_result.ts";
import { sortSplit, sweepStats, sweepWorkspace } from "./_sweep.ts";
import { rankingInput } from "./_ranking_input.ts";
import { errorResult, okResult } from "./_result.ts";

/** Options of {@linkcode averagePrecision}. */
export interface AveragePrecisionOptions extends ClassOptions {
  /** Positive class for binary scores (with an n×2 matrix, its column). @default 1 */
  posLabel?: number;
  /** Multiclass (n×k, k > 2) average over one-vs-rest classes. @default "macro" */
  average?: "macro" | "weighted";
}

/**
 * Average precision `AP = Σ_i (R_i − R_{i−1}) P_i` over decreasing distinct thresholds — the
 * step-wise (not trapezoidal, not interpolated) area under the PR curve. Equals
 * `sklearn.metrics.average_precision_score`; for k > 2 columns, the macro/weighted mean of the
 * one-vs-rest APs. Undefined (`status: "error"`) without positives, where scikit-learn 1.2.1 returns
 * −0 with a warning. Cost O(k·n) with radix sorts.
 *
 * @param yTrue True class indices (0/1 with 1-D scores).
 * @param scores Length-n scores, or a row-major n×k probability matrix.
 * @param options Positive class, multiclass average.
 * @returns `name: "average_precision"`, per-class APs in `details.perClass` for k > 2.
 * @throws {TypeError} When the lengths do not match.
 * @throws {RangeError} For NaN scores, invalid labels, or probability rows not summing to 1.
 * @example
 * ```ts
 * import { averagePrecision } from "./mod.ts";
 * // ranks: 0.8 (+), 0.4 (−), 0.35 (+), 0.1 (−): AP = ½·1 + ½·⅔
 * const v = averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).value;
 * if (Math.abs(v - 5 / 6) > 1e-15) throw new Error();
 * ```
 */
export function averagePrecision(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: AveragePrecisionOptions = {},
): MetricResult {
  const { posLabel = 1, average = "macro" } = options;
  const { n, width, k, names, scores: p } = rankingInput(
    "average precision",
    yTrue,
    scores,
    options,
  );
  if (width <= 2) {
    if (!(posLabel === 0 || posLabel === 1)) {
      throw new RangeError(
        `Cannot compute average precision: posLabel must be 0 or 1, got ${posLabel}`,
      );
    }
    const details = { posLabel };
    const s = sortSplit(yTrue, posLabel, p, width, width === 1 ? 0 : posLabel);
    if (n === 0) return errorResult("average_precision", "No observations", 0, details);
    if (s.nPos === 0) {
      return errorResult("average_precision", "No positive samples in yTrue", n, details);
    }
    return okResult("average_precision", sweepStats(s).averagePrecision, n, details);
  }
  const perClass: number[] = [], support: number[] = [];
  const ws = sweepWorkspace(n);
  for (let c = 0; c < k; c++) {
    const s = sortSplit(yTrue, c, p, k, c, -1, ws);
    perClass.push(sweepStats(s).averagePrecision);
    support.push(s.nPos);
  }
  const details = { average, labels: names, perClass, support };
  if (n === 0) return errorResult("average_precision", "No observations", 0, details);
  const absent = names.filter((_, c) => support[c] === 0);
  if (absent.length > 0) {
    return errorResult(
      "average_precision",
      `Classes ${absent.join(", ")} have no positive samples`,
      n,
      details,
    );
  }
  let s = 0, w = 0;
  for (let c = 0; c < k; c++) {
    const wc = average === "weighted" ? support[c]! : 1;
    s += wc * perClass[c]!;
    w += wc;
  }
  return okResult("average_precision", s / w, n, details);
}
