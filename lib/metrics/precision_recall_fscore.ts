/**
 * Precision, recall and F-scores, per class and averaged.
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";
import type { Average, ClassOptions, MetricResult, ZeroDivision } from "./metric_result.ts";
import { countMatrix } from "./_from_counts.ts";
import { prfFromCounts } from "./_prf.ts";
import { errorResult, okResult } from "./_result.ts";
import { checkSameLength, resolveClasses } from "./_validate.ts";

/** Options of {@linkcode precisionRecallFscore} and its single-metric forms. */
export interface PrecisionRecallOptions extends ClassOptions {
  /** How classes are averaged. `"binary"` reports `posLabel` only and needs k ≤ 2. @default "macro" */
  average?: Average;
  /** β of the F-score (recall weighted β times as much as precision). @default 1 */
  beta?: number;
  /** Value for 0/0 ratios; `"warn"` gives 0 and a warning in the result. @default "warn" */
  zeroDivision?: ZeroDivision;
  /** The positive class for `average: "binary"`. @default 1 */
  posLabel?: number;
}

/** Per-class and averaged precision, recall and F-beta. */
export interface PrecisionRecallFscore {
  /** `"error"` only for empty input. */
  status: ResultStatus;
  /** Present only when `status` is `"error"`. */
  reason?: string;
  /** Number of observations. */
  n: number;
  /** How the per-class scores were averaged. */
  average: Average;
  /** Weight of recall in the F-score (1 for F1). */
  beta: number;
  /** The policy in force; NaN is written `"nan"` so the result stays JSON-able. */
  zeroDivision: "warn" | 0 | 1 | "nan";
  /** Averaged precision. */
  precision: number;
  /** Averaged recall. */
  recall: number;
  /** Averaged F-beta. */
  fscore: number;
  /** Per-class values, index i = class i; `support` counts true samples. */
  perClass: {
    labels: string[];
    precision: number[];
    recall: number[];
    fscore: number[];
    support: number[];
  };
  /** Classes whose ratio was set by `zeroDivision: "warn"`. Empty when none. */
  warnings: string[];
}

/**
 * Precision `TP/(TP+FP)`, recall `TP/(TP+FN)` and `F_β = (1+β²)PR/(β²P+R)` per class, and their
 * average ("macro": unweighted mean; "weighted": by support; "micro": from pooled counts, equal to
 * accuracy for single-label data; "binary": class `posLabel`). Equals scikit-learn 1.2.1's
 * `precision_recall_fscore_support(y_true, y_pred, labels=range(k), average=…, beta=…,
 * zero_division=…)`: 0/0 ratios take `zeroDivision`, and F is 0 when P = R = 0. With
 * `zeroDivision: NaN` (not in scikit-learn 1.2) undefined values are NaN and averages skip them.
 * Cost O(n + k²).
 *
 * @param yTrue True class indices in `0..k-1`.
 * @param yPred Predicted class indices in `0..k-1`.
 * @param options Averaging, β, zero-division policy, classes.
 * @returns Averaged and per-class values; `status: "error"` for empty input.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is invalid, β < 0, or `"binary"` is asked for k > 2.
 * @example
 * ```ts
 * import { precisionRecallFscore } from "./mod.ts";
 * const r = precisionRecallFscore([0, 0, 1, 1], [0, 1, 1, 1], { average: "binary" });
 * if (r.precision !== 2 / 3 || r.recall !== 1 || r.fscore !== 0.8) throw new Error();
 * ```
 */
export function precisionRecallFscore(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): PrecisionRecallFscore {
  const metric = "precision and recall";
  checkSameLength(metric, yTrue, yPred);
  const { average = "macro", beta = 1, zeroDivision = "warn", posLabel = 1 } = options;
  const { k, names } = resolveClasses(metric, options, [["yTrue", yTrue], ["yPred", yPred]]);
  if (!(beta >= 0)) throw new RangeError(`Cannot compute ${metric}: beta must be ≥ 0, got ${beta}`);
  if (!["macro", "micro", "weighted", "binary"].includes(average)) {
    throw new RangeError(`Cannot compute ${metric}: unknown average "${average}"`);
  }
  if (average === "binary" && (k > 2 || !(posLabel === 0 || posLabel === 1))) {
    throw new RangeError(
      `Cannot compute ${metric}: average "binary" needs 2 classes and posLabel 0 or 1, got ${k} classes and posLabel ${posLabel}`,
    );
  }
  if (
    !(zeroDivision === "warn" || zeroDivision === 0 || zeroDivision === 1 ||
      Number.isNaN(zeroDivision))
  ) {
    throw new RangeError(
      `Cannot compute ${metric}: zeroDivision must be "warn", 0, 1 or NaN, got ${zeroDivision}`,
    );
  }
  const zd: "warn" | 0 | 1 | "nan" = Number.isNaN(zeroDivision)
    ? "nan"
    : zeroDivision as "warn" | 0 | 1;
  const n = yTrue.length;
  const core = prfFromCounts(
    countMatrix(yTrue, yPred, k),
    k,
    names,
    average,
    beta,
    zeroDivision,
    posLabel,
  );
  const base = { n, average, beta, zeroDivision: zd };
  if (n === 0) {
    return {
      status: "error",
      reason: "No observations",
      ...base,
      precision: NaN,
      recall: NaN,
      fscore: NaN,
      perClass: { labels: names, ...core.perClass },
      warnings: core.warnings,
    };
  }
  return {
    status: "ok",
    ...base,
    precision: core.precision,
    recall: core.recall,
    fscore: core.fscore,
    perClass: { labels: names, ...core.perClass },
    warnings: core.warnings,
  };
}

function single(
  name: string,
  key: "precision" | "recall" | "fscore",
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions,
): MetricResult {
  const r = precisionRecallFscore(yTrue, yPred, options);
  const details: Record<string, unknown> = {
    average: r.average,
    zeroDivision: r.zeroDivision,
    labels: r.perClass.labels,
    perClass: r.perClass[key],
    support: r.perClass.support,
  };
  if (key === "fscore") details.beta = r.beta;
  if (r.status === "error") return errorResult(name, r.reason ?? "", r.n, details, r.warnings);
  return okResult(name, r[key], r.n, details, r.warnings);
}

/**
 * Precision `TP/(TP+FP)`, averaged; see {@linkcode precisionRecallFscore} for the policy
 * (equals `sklearn.metrics.precision_score`). Cost O(n + k²).
 *
 * @param yTrue True class indices.
 * @param yPred Predicted class indices.
 * @param options Averaging (@default "macro"), zero-division policy (@default "warn"), classes.
 * @returns `name: "precision"`, per-class values in `details.perClass`.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is invalid.
 * @example
 * ```ts
 * import { precision } from "./mod.ts";
 * // class 2 is never predicted: its precision is 0 and flagged
 * const r = precision([0, 1, 2], [0, 1, 1]);
 * if (r.value !== 0.5 || r.warnings.length !== 1) throw new Error();
 * ```
 */
export function precision(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): MetricResult {
  return single("precision", "precision", yTrue, yPred, options);
}

/**
 * Recall `TP/(TP+FN)`, averaged; see {@linkcode precisionRecallFscore} (equals
 * `sklearn.metrics.recall_score`). Cost O(n + k²).
 *
 * @param yTrue True class indices.
 * @param yPred Predicted class indices.
 * @param options Averaging (@default "macro"), zero-division policy (@default "warn"), classes.
 * @returns `name: "recall"`, per-class values in `details.perClass`.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is invalid.
 * @example
 * ```ts
 * import { recall } from "./mod.ts";
 * if (recall([0, 0, 1, 1], [0, 1, 1, 1], { average: "binary" }).value !== 1) throw new Error();
 * ```
 */
export function recall(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): MetricResult {
  return single("recall", "recall", yTrue, yPred, options);
}

/**
 * F1 score `2PR/(P+R)`, averaged; see {@linkcode precisionRecallFscore} (equals
 * `sklearn.metrics.f1_score`). Any `beta` option is ignored. Cost O(n + k²).
 *
 * @param yTrue True class indices.
 * @param yPred Predicted class indices.
 * @param options Averaging (@default "macro"), zero-division policy (@default "warn"), classes.
 * @returns `name: "f1"`, per-class values in `details.perClass`.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is invalid.
 * @example
 * ```ts
 * import { f1 } from "./mod.ts";
 * if (f1([0, 0, 1, 1], [0, 1, 1, 1], { average: "binary" }).value !== 0.8) throw new Error();
 * ```
 */
export function f1(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): MetricResult {
  return single("f1", "fscore", yTrue, yPred, { ...options, beta: 1 });
}

/**
 * F-beta score `(1+β²)PR/(β²P+R)`, averaged; see {@linkcode precisionRecallFscore} (equals
 * `sklearn.metrics.fbeta_score`). Cost O(n + k²).
 *
 * @param yTrue True class indices.
 * @param yPred Predicted class indices.
 * @param options `beta` (@default 1), averaging (@default "macro"), zero-division (@default "warn").
 * @returns `name: "fbeta"`, per-class values in `details.perClass`, β in `details.beta`.
 * @throws {TypeError} When the lengths differ.
 * @throws {RangeError} When a label is invalid or β < 0.
 * @example
 * ```ts
 * import { fbeta } from "./mod.ts";
 * // P = 2/3, R = 1, β = 2: 5·(2/3)/(4·2/3 + 1) = 10/11
 * const v = fbeta([0, 0, 1, 1], [0, 1, 1, 1], { average: "binary", beta: 2 }).value;
 * if (Math.abs(v - 10 / 11) > 1e-15) throw new Error();
 * ```
 */
export function fbeta(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): MetricResult {
  return single("fbeta", "fscore", yTrue, yPred, options);
}
