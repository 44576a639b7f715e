/**
 * The result shapes shared by every metric. A scalar metric always returns a
 * {@linkcode MetricResult}; it never throws for data that merely makes the metric undefined (ROC AUC
 * with one class present, an empty window): those are results with `status: "error"`, a `reason`
 * and `value: NaN`. Throwing is reserved for misuse (mismatched lengths, NaN scores, labels outside
 * `0..k-1`, probability rows that do not sum to 1).
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";

/** How precision, recall and F-scores are averaged over classes (scikit-learn's `average`). */
export type Average = "macro" | "micro" | "weighted" | "binary";

/**
 * What a precision/recall/F-score becomes when its denominator is 0 (scikit-learn's
 * `zero_division`). `"warn"` gives 0 and lists the class in the result's `warnings`; `NaN` marks the
 * value undefined and averages skip it (as scikit-learn ≥ 1.3 does with `np.nan`).
 */
export type ZeroDivision = "warn" | 0 | 1 | typeof NaN;

/**
 * One scalar metric. Same keys whatever the input: `reason` is present only when `status` is
 * `"error"`, and `details` always holds the numeric policy in force (average, eps, bins…) plus
 * per-class values where they exist.
 */
export interface MetricResult {
  /** The metric in snake_case, e.g. `"accuracy"`, `"roc_auc"`, `"f1"`. */
  name: string;
  /** The value; `NaN` when `status` is `"error"`. */
  value: number;
  /** `"ok"` when computed, `"error"` when undefined for this data (see `reason`). */
  status: ResultStatus;
  /** Why the metric is undefined; present only when `status` is `"error"`. */
  reason?: string;
  /** Number of observations used. */
  n: number;
  /** Non-fatal notes, e.g. classes whose precision was set by `zeroDivision`. Empty when none. */
  warnings: string[];
  /** Policy and per-class values (JSON-able: numbers, strings, arrays of numbers). */
  details: Record<string, unknown>;
}

/** Options that fix the set of classes; labels are class indices `0..k-1`. */
export interface ClassOptions {
  /**
   * Number of classes k. @default inferred: `labels.length`, else the number of probability
   * columns, else `max(label) + 1` (at least 2)
   */
  nClasses?: number;
  /** Class names, index i naming class i (also fixes k). @default `["0", "1", …]` */
  labels?: readonly string[];
}
