/**
 * Every classification metric of one window in one pass.
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";
import type { ClassOptions, ZeroDivision } from "./metric_result.ts";
import {
  absentWarnings,
  accuracyFromCounts,
  balancedAccuracyFromCounts,
  countMatrix,
  matthewsFromCounts,
} from "./_from_counts.ts";
import { prfFromCounts } from "./_prf.ts";
import { sortSplit, sweepArrays, sweepStats, sweepWorkspace } from "./_sweep.ts";
import { checkSameLength, checkScores, resolveClasses } from "./_validate.ts";
import { type ProbaPass, probaPass, sortClass } from "./_proba_pass.ts";
import { labelledArrays, labelledStats } from "./_labelled_sweep.ts";
import { FLOAT64_EPS } from "./log_loss.ts";
import { logLossKernel } from "./_log_loss_kernel.ts";
import type { PrecisionRecallCurve } from "./precision_recall_curve.ts";
import { prFromSweep } from "./_pr_from_sweep.ts";
import type { RocCurve } from "./roc_curve.ts";
import { rocFromSweep } from "./_roc_from_sweep.ts";

/** Options of {@linkcode classificationReport}. */
export interface ClassificationReportOptions extends ClassOptions {
  /**
   * What the second argument holds: predicted class indices (length n), a row-major n×k
   * probability matrix, or 1-D binary probabilities of class 1. `"auto"` reads length n as labels
   * and n×k (k ≥ 2) as probabilities. @default "auto"
   */
  input?: "auto" | "labels" | "proba" | "scores";
  /** Value for 0/0 precision or recall (see `precisionRecallFscore`). @default "warn" */
  zeroDivision?: ZeroDivision;
  /** Also return per-class ROC and PR curves (one-vs-rest). @default false */
  curves?: boolean;
  /** Log-loss clipping. @default 2.220446049250313e-16 (float64 machine epsilon) */
  eps?: number;
}

/** Averaged precision, recall and F1. */
export interface AveragedScores {
  /** Averaged precision. */
  precision: number;
  /** Averaged recall. */
  recall: number;
  /** Averaged F1. */
  f1: number;
}

/** The whole classification picture of one window. Same keys for labels and probabilities. */
export interface ClassificationReport {
  /** Which result this is. */
  name: "classification_report";
  /** `"error"` only for empty input (then every value is NaN). */
  status: ResultStatus;
  /** Present only when `status` is `"error"`. */
  reason?: string;
  /** Number of observations. */
  n: number;
  /** Number of classes k. */
  nClasses: number;
  /** Whether probability metrics were available (`"proba"`) or only labels were given. */
  input: "labels" | "proba";
  /** Class names, in class-index order. */
  labels: string[];
  /** Rows = true class, columns = predicted (argmax of the probabilities, first maximum). */
  confusionMatrix: number[][];
  /** Share of correct predictions. */
  accuracy: number;
  /** Mean recall over the classes present in `yTrue`. */
  balancedAccuracy: number;
  /** Matthews correlation coefficient (multiclass R_K). */
  matthewsCorrelation: number;
  /** Unweighted mean over classes. */
  macro: AveragedScores;
  /** Mean over classes weighted by support. */
  weighted: AveragedScores;
  /** From the pooled counts (precision = recall = F1 = accuracy for single-label data). */
  micro: AveragedScores;
  /** Scores of each class, in class-index order. */
  perClass: {
    /** Precision per class. */
    precision: number[];
    /** Recall per class. */
    recall: number[];
    /** F1 per class. */
    f1: number[];
    /** True observations per class. */
    support: number[];
    /** One-vs-rest AUC per class; NaN without probabilities or when undefined. */
    rocAuc: number[];
    /** One-vs-rest average precision per class; NaN without probabilities or positives. */
    averagePrecision: number[];
  };
  /** One-vs-rest ROC AUC averages (for k = 2 both equal the binary AUC). */
  rocAuc: {
    /** Unweighted mean of the per-class AUCs. */
    macro: number;
    /** Mean of the per-class AUCs weighted by support. */
    weighted: number;
    /** `"error"` without probabilities or when a class's AUC is undefined. */
    status: ResultStatus;
    /** Present only when `status` is `"error"`. */
    reason?: string;
  };
  /** Natural-log loss (scikit-learn 1.2 clipping); NaN without probabilities. */
  logLoss: number;
  /** Per-class curves when `curves: true`, else empty arrays. */
  curves: { roc: RocCurve[]; precisionRecall: PrecisionRecallCurve[] };
  /** What scikit-learn would warn about (0/0 precision or recall, absent classes). */
  warnings: string[];
}

function resolveInput(
  n: number,
  second: ArrayLike<number>,
  options: ClassificationReportOptions,
): "labels" | "proba" | "scores" {
  const { input = "auto" } = options;
  if (input !== "auto") return input;
  if (second.length === n) return "labels";
  return "proba";
}

/**
 * Computes, in one call over typed arrays, the confusion matrix, accuracy, balanced accuracy,
 * Matthews correlation, per-class and macro/weighted/micro precision, recall and F1, and — given
 * probabilities — per-class one-vs-rest ROC AUC and average precision, their macro/weighted ROC
 * AUC, and log loss. A probability matrix is read once (validation, argmax, log loss and each
 * class's sort keys in the same pass); each class's column is then radix-sorted once and one scan
 * of it feeds its AUC, AP and optional ROC/PR curves. Every number equals the corresponding single
 * function (`accuracy`, `precisionRecallFscore`, `rocAuc({ multiClass: "ovr" })`,
 * `averagePrecision`, `logLoss`, …) and hence scikit-learn 1.2.1. Predictions from probabilities
 * are the argmax (first maximum; for 1-D scores, `p > 0.5`). Cost O(n·k) time, plus 8·n·(k + 1)
 * bytes of sort keys for a probability matrix.
 *
 * @param yTrue True class indices `0..k-1`.
 * @param predictions Predicted class indices (length n), a row-major n×k probability matrix, or 1-D
 *   binary probabilities with `input: "scores"`.
 * @param options Input kind, classes, zero-division policy, curves, eps.
 * @returns The report; `status: "error"` for empty input. Undefined AUCs (a class absent from
 *   `yTrue`) are NaN with `rocAuc.status: "error"`.
 * @throws {TypeError} When the lengths do not match.
 * @throws {RangeError} For invalid labels, NaN probabilities, or rows not summing to 1.
 * @example
 * ```ts
 * import { classificationReport } from "./mod.ts";
 * const r = classificationReport([0, 1, 2, 2], [0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.3, 0.6, 0.5, 0.2, 0.3]);
 * if (r.accuracy !== 0.75 || r.confusionMatrix[2]!.join() !== "1,0,1") throw new Error();
 * if (r.rocAuc.macro !== 1) throw new Error();
 * ```
 */
export function classificationReport(
  yTrue: ArrayLike<number>,
  predictions: ArrayLike<number>,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  const metric = "classification report";
  if (yTrue == null || typeof yTrue.length !== "number" || predictions == null) {
    throw new TypeError(`Cannot compute ${metric}: inputs must be arrays or typed arrays`);
  }
  const { zeroDivision = "warn", curves = false, eps = FLOAT64_EPS } = options;
  const n = yTrue.length;
  const kind = resolveInput(n, predictions, options);
  let k: number, names: string[], yPred: ArrayLike<number> = [], proba: Float64Array | undefined;
  let lossWidth = 0, lossInput: Float64Array | undefined, pass: ProbaPass | undefined;
  if (kind === "labels") {
    checkSameLength(metric, yTrue, predictions);
    ({ k, names } = resolveClasses(metric, options, [["yTrue", yTrue], ["yPred", predictions]]));
    yPred = predictions;
  } else if (kind === "scores") {
    checkSameLength(metric, yTrue, predictions, ["yTrue", "scores"]);
    ({ k, names } = resolveClasses(metric, { labels: options.labels ?? ["0", "1"] }, [[
      "yTrue",
      yTrue,
    ]]));
    const s = checkScores(metric, predictions, "scores", true);
    proba = new Float64Array(2 * n);
    const pred = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      proba[2 * i] = 1 - s[i]!;
      proba[2 * i + 1] = s[i]!;
      pred[i] = s[i]! > 0.5 ? 1 : 0;
    }
    yPred = pred;
    lossWidth = 1;
    lossInput = s;
  } else {
    const width = options.nClasses ?? options.labels?.length ??
      (n > 0 && predictions.length % n === 0 ? predictions.length / n : NaN);
    if (!(width >= 2)) {
      throw new TypeError(
        `Cannot compute ${metric}: yTrue has ${n} values but predictions has ${predictions.length}; expected ${n} labels or ${n} rows × k ≥ 2 probabilities`,
      );
    }
    ({ k, names } = resolveClasses(metric, options, [["yTrue", yTrue]], width));
    pass = probaPass(metric, yTrue, predictions, k, eps); // counts the argmax itself
  }
  const c = pass?.confusion ?? countMatrix(yTrue, yPred, k);
  const prf = (average: "macro" | "weighted" | "micro") =>
    prfFromCounts(c, k, names, average, 1, zeroDivision, 1);
  const macro = prf("macro"), weighted = prf("weighted"), micro = prf("micro");
  const averaged = (r: typeof macro) => ({
    precision: r.precision,
    recall: r.recall,
    f1: r.fscore,
  });
  const rocAucPerClass = new Array<number>(k).fill(NaN);
  const apPerClass = new Array<number>(k).fill(NaN);
  const roc: RocCurve[] = [], precisionRecall: PrecisionRecallCurve[] = [];
  const ws = proba !== undefined ? sweepWorkspace(n) : undefined;
  if (proba !== undefined || pass !== undefined) {
    for (let cls = 0; cls < k; cls++) {
      const labelled = pass === undefined ? undefined : sortClass(pass, cls);
      const split = labelled === undefined
        ? sortSplit(yTrue, cls, proba!, k, cls, -1, ws)
        : undefined;
      const stats = split === undefined ? labelledStats(labelled!) : sweepStats(split);
      rocAucPerClass[cls] = stats.auc;
      apPerClass[cls] = stats.averagePrecision;
      if (curves) {
        const s = split === undefined ? labelledArrays(labelled!) : sweepArrays(split);
        roc.push(rocFromSweep(s, stats.auc, n, cls, true, "max+1"));
        precisionRecall.push(prFromSweep(s, stats.averagePrecision, n, cls));
      }
    }
  }
  const support = macro.perClass.support;
  let aucMacro = 0, aucWeighted = 0;
  for (let cls = 0; cls < k; cls++) {
    aucMacro += rocAucPerClass[cls]! / k;
    aucWeighted += (rocAucPerClass[cls]! * support[cls]!) / n;
  }
  const undefinedAuc = names.filter((_, cls) => Number.isNaN(rocAucPerClass[cls]));
  const rocAuc: ClassificationReport["rocAuc"] = proba === undefined && pass === undefined
    ? { macro: NaN, weighted: NaN, status: "error", reason: "ROC AUC needs probabilities" }
    : undefinedAuc.length > 0
    ? {
      macro: NaN,
      weighted: NaN,
      status: "error",
      reason: `Classes ${undefinedAuc.join(", ")} are absent from yTrue (or are all of it)`,
    }
    : { macro: aucMacro, weighted: aucWeighted, status: "ok" };
  const report: ClassificationReport = {
    name: "classification_report",
    status: "ok",
    n,
    nClasses: k,
    input: proba === undefined && pass === undefined ? "labels" : "proba",
    labels: names,
    confusionMatrix: Array.from({ length: k }, (_, i) => Array.from(c.subarray(i * k, i * k + k))),
    accuracy: accuracyFromCounts(c, k, n),
    balancedAccuracy: balancedAccuracyFromCounts(c, k),
    matthewsCorrelation: matthewsFromCounts(c, k),
    macro: averaged(macro),
    weighted: averaged(weighted),
    micro: averaged(micro),
    perClass: {
      precision: macro.perClass.precision,
      recall: macro.perClass.recall,
      f1: macro.perClass.fscore,
      support,
      rocAuc: rocAucPerClass,
      averagePrecision: apPerClass,
    },
    rocAuc,
    logLoss: n === 0
      ? NaN
      : pass !== undefined
      ? pass.logLoss
      : lossInput === undefined
      ? NaN
      : logLossKernel(yTrue, lossInput, lossWidth, eps),
    curves: { roc, precisionRecall },
    warnings: [...macro.warnings, ...absentWarnings(c, k, names)],
  };
  if (n === 0) {
    return { ...report, status: "error", reason: "No observations", matthewsCorrelation: NaN };
  }
  return report;
}
