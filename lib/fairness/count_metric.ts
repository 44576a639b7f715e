/**
 * Binary metrics that are functions of a group's confusion counts alone, so a by-group frame can
 * compute them for every group in one pass over the rows.
 *
 * @module
 */

/** Metrics computed from TN, FP, FN, TP alone (fairlearn's base metrics, binary labels 0/1). */
export type CountMetric =
  | "selection_rate"
  | "true_positive_rate"
  | "false_positive_rate"
  | "true_negative_rate"
  | "false_negative_rate"
  | "accuracy"
  | "error_rate"
  | "precision"
  | "base_rate"
  | "count";

/** Every {@linkcode CountMetric}, in a fixed order. */
export const COUNT_METRICS: readonly CountMetric[] = Object.freeze([
  "selection_rate",
  "true_positive_rate",
  "false_positive_rate",
  "true_negative_rate",
  "false_negative_rate",
  "accuracy",
  "error_rate",
  "precision",
  "base_rate",
  "count",
]);

/** A metric's value for one group, or why it is undefined there. */
export interface CountMetricValue {
  /** The value; NaN when undefined. */
  value: number;
  /** Present when the denominator is 0 (then `value` is NaN). */
  reason?: string;
}

/**
 * One {@linkcode CountMetric} from confusion counts. Definitions (fairlearn 0.10+
 * `fairlearn.metrics`): selection rate `(TP+FP)/n`; TPR (recall) `TP/(TP+FN)`; FPR
 * `FP/(FP+TN)`; TNR `TN/(TN+FP)`; FNR `FN/(FN+TP)`; accuracy `(TP+TN)/n`; error rate
 * `(FP+FN)/n`; precision `TP/(TP+FP)`; base rate (share of true positives, AIF360's
 * `base_rate`) `(TP+FN)/n`; count `n`. A 0 denominator gives NaN and a reason (fairlearn would
 * warn and return 0 for TPR/FPR; Vigil refuses to turn "no positives" into a rate). O(1).
 *
 * @param metric The metric.
 * @param tn True negatives.
 * @param fp False positives.
 * @param fn False negatives.
 * @param tp True positives.
 * @returns The value, or NaN and the reason.
 * @throws {RangeError} When `metric` is unknown.
 * @example
 * ```ts
 * import { countMetric } from "./count_metric.ts";
 * if (countMetric("true_positive_rate", 5, 1, 1, 3).value !== 0.75) throw new Error();
 * if (countMetric("true_positive_rate", 5, 1, 0, 0).reason === undefined) throw new Error();
 * ```
 */
export function countMetric(
  metric: CountMetric,
  tn: number,
  fp: number,
  fn: number,
  tp: number,
): CountMetricValue {
  const n = tn + fp + fn + tp;
  switch (metric) {
    case "selection_rate":
      return _ratio(tp + fp, n, "no rows");
    case "true_positive_rate":
      return _ratio(tp, tp + fn, "no true positives (y = 1) in the group");
    case "false_positive_rate":
      return _ratio(fp, fp + tn, "no true negatives (y = 0) in the group");
    case "true_negative_rate":
      return _ratio(tn, fp + tn, "no true negatives (y = 0) in the group");
    case "false_negative_rate":
      return _ratio(fn, tp + fn, "no true positives (y = 1) in the group");
    case "accuracy":
      return _ratio(tp + tn, n, "no rows");
    case "error_rate":
      return _ratio(fp + fn, n, "no rows");
    case "precision":
      return _ratio(tp, tp + fp, "no predicted positives (ŷ = 1) in the group");
    case "base_rate":
      return _ratio(tp + fn, n, "no rows");
    case "count":
      return { value: n };
    default:
      throw new RangeError(`Cannot compute metric: unknown count metric "${metric as string}"`);
  }
}

function _ratio(num: number, den: number, why: string): CountMetricValue {
  return den === 0 ? { value: NaN, reason: `Undefined: ${why}` } : { value: num / den };
}
