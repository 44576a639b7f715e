/**
 * Area under the ROC curve: binary, multiclass one-vs-rest and one-vs-one.
 *
 * @module
 */
import type { ClassOptions, MetricResult } from "./metric_result.ts";
import { sortSplit, sweepStats, type SweepWorkspace, sweepWorkspace } from "./_sweep.ts";
import { rankingInput } from "./_ranking_input.ts";
import { errorResult, okResult } from "./_result.ts";

/** Options of {@linkcode rocAuc}. */
export interface RocAucOptions extends ClassOptions {
  /** Multiclass strategy: one-vs-rest or one-vs-one (Hand & Till 2001). @default "ovr" */
  multiClass?: "ovr" | "ovo";
  /** Multiclass average: unweighted, or by prevalence (OvR: support; OvO: pair share). @default "macro" */
  average?: "macro" | "weighted";
  /** Positive class for binary scores (with an n×2 matrix, its column). @default 1 */
  posLabel?: number;
}

/** Weighted mean of `v` by `w` (uniform when absent). */
function mean(v: number[], w?: number[]): number {
  let s = 0, ws = 0;
  for (let i = 0; i < v.length; i++) {
    s += (w ? w[i]! : 1) * v[i]!;
    ws += w ? w[i]! : 1;
  }
  return s / ws;
}

/** AUC of "class a (positive) vs class b", scored by column `col`, on rows of class a or b. */
function pairAuc(
  y: ArrayLike<number>,
  p: Float64Array,
  k: number,
  pair: [number, number],
  col: number,
  ws: SweepWorkspace,
): number {
  return sweepStats(sortSplit(y, pair[0], p, k, col, pair[1], ws)).auc;
}

/**
 * One-vs-rest AUC per class from the score matrix.
 * Returns NaN for a class without positives or without negatives.
 */
function ovrPerClass(y: ArrayLike<number>, p: Float64Array, k: number): number[] {
  const out: number[] = [];
  const ws = sweepWorkspace(y.length);
  for (let c = 0; c < k; c++) out.push(sweepStats(sortSplit(y, c, p, k, c, -1, ws)).auc);
  return out;
}

/**
 * Area under the ROC curve, i.e. P(score of a random positive > score of a random negative) with
 * ties counted ½, by the trapezoid rule over the ROC curve.
 * - 1-D scores: binary AUC, equal to `sklearn.metrics.roc_auc_score(y_true, y_score)`.
 * - n×k probabilities (rows summing to 1): `"ovr"` averages per-class one-vs-rest AUCs
 *   (`average="weighted"` by support), equal to `roc_auc_score(..., multi_class="ovr",
 *   labels=range(k))`; `"ovo"` averages over pairs of classes present in `yTrue` the mean of
 *   AUC(a vs b) and AUC(b vs a) (Hand & Till 2001; weighted by the pair's share of rows), equal to
 *   `multi_class="ovo"`. An n×2 matrix is treated as binary with column `posLabel`.
 *
 * Undefined (`status: "error"`, not an exception) when `yTrue` lacks positives or negatives, or, for
 * OvR, when any class is absent from `yTrue` (scikit-learn raises there too).
 * Cost O(k·n) with radix sorts (OvO: O(k²·n)).
 *
 * @param yTrue True class indices (0/1 with 1-D scores).
 * @param scores Length-n scores, or a row-major n×k probability matrix.
 * @param options Strategy, average, positive class.
 * @returns `name: "roc_auc"`; per-class (OvR) or per-pair (OvO) AUCs in `details`.
 * @throws {TypeError} When the lengths do not match.
 * @throws {RangeError} For NaN scores, invalid labels, or probability rows not summing to 1.
 * @example
 * ```ts
 * import { rocAuc } from "./mod.ts";
 * if (rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).value !== 0.75) throw new Error();
 * if (rocAuc([1, 1], [0.2, 0.3]).status !== "error") throw new Error();
 * ```
 */
export function rocAuc(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RocAucOptions = {},
): MetricResult {
  const { multiClass = "ovr", average = "macro", posLabel = 1 } = options;
  const input = rankingInput("ROC AUC", yTrue, scores, options);
  const { n, width, k, names, scores: p } = input;
  if (width <= 2) {
    if (!(posLabel === 0 || posLabel === 1)) {
      throw new RangeError(`Cannot compute ROC AUC: posLabel must be 0 or 1, got ${posLabel}`);
    }
    const s = sortSplit(yTrue, posLabel, p, width, width === 1 ? 0 : posLabel);
    const details = { multiClass: "binary", posLabel };
    if (n === 0) return errorResult("roc_auc", "No observations", 0, details);
    if (s.nPos === 0 || s.nNeg === 0) {
      return errorResult(
        "roc_auc",
        "Only one class present in yTrue: ROC AUC is undefined",
        n,
        details,
      );
    }
    return okResult("roc_auc", sweepStats(s).auc, n, details);
  }
  const support = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) support[yTrue[i]!]!++;
  if (multiClass === "ovr") {
    const perClass = ovrPerClass(yTrue, p, k);
    const details = { multiClass, average, labels: names, perClass, support };
    const bad = names.filter((_, c) => Number.isNaN(perClass[c]));
    if (n === 0) return errorResult("roc_auc", "No observations", 0, details);
    if (bad.length > 0) {
      const reason = `Classes ${
        bad.join(", ")
      } are absent from yTrue (or are all of it): one-vs-rest ROC AUC is undefined`;
      return errorResult("roc_auc", reason, n, details);
    }
    return okResult(
      "roc_auc",
      mean(perClass, average === "weighted" ? support : undefined),
      n,
      details,
    );
  }
  const present = support.flatMap((s, c) => (s > 0 ? [c] : []));
  const ws = sweepWorkspace(n);
  const pairs: string[] = [], pairScores: number[] = [], prevalence: number[] = [];
  for (let x = 0; x < present.length; x++) {
    for (let z = x + 1; z < present.length; z++) {
      const a = present[x]!, b = present[z]!;
      pairs.push(`${names[a]}|${names[b]}`);
      pairScores.push(
        (pairAuc(yTrue, p, k, [a, b], a, ws) + pairAuc(yTrue, p, k, [b, a], b, ws)) / 2,
      );
      prevalence.push((support[a]! + support[b]!) / n);
    }
  }
  const details = { multiClass, average, labels: names, pairs, pairScores, support };
  if (present.length < 2) {
    return errorResult(
      "roc_auc",
      "Fewer than two classes present in yTrue: ROC AUC is undefined",
      n,
      details,
    );
  }
  return okResult(
    "roc_auc",
    mean(pairScores, average === "weighted" ? prevalence : undefined),
    n,
    details,
  );
}
