/**
 * Shared result shapes. Every check in Vigil returns a plain, JSON-serialisable object that says
 * what it is: a number alone is never enough to interpret a score.
 *
 * @module
 */

/** Comparison used to turn a statistic into a detection: `statistic OPERATOR threshold`. */
export type Operator = "<" | "<=" | ">" | ">=";

/** Whether a result was computed (`"ok"`) or could not be (`"error"`, with a `reason`). */
export type ResultStatus = "ok" | "error";

/**
 * The common shape of every check result (drift, quality, metric conditions).
 *
 * A result that could not be computed (an empty column, a single class for ROC AUC) has
 * `status: "error"`, a `reason`, `statistic: NaN` and `detected: false`; throwing is reserved for
 * misuse (wrong types, mismatched lengths).
 */
export interface CheckResult<K extends string = string, M extends string = string> {
  /** What family of check produced this result, e.g. `"drift"`, `"quality"`. */
  kind: K;
  /** The exact method, e.g. `"ks"`, `"psi"`, `"wasserstein_normed"`. */
  method: M;
  /** `"ok"` when computed, `"error"` when it could not be (see `reason`). */
  status: ResultStatus;
  /** Why the result could not be computed; present only when `status` is `"error"`. */
  reason?: string;
  /** The test statistic or distance. `NaN` when `status` is `"error"`. */
  statistic: number;
  /** The p-value, for hypothesis tests. */
  pValue?: number;
  /** The threshold the detection compares against. */
  threshold: number;
  /** `detected` is `value OPERATOR threshold`, where value is the p-value for tests, else the statistic. */
  operator: Operator;
  /** Whether drift (or a problem) was detected. */
  detected: boolean;
  /** Number of reference observations used (after dropping missing values). */
  nReference: number;
  /** Number of current observations used (after dropping missing values). */
  nCurrent: number;
  /** The column the result is about, when it is about one. */
  column?: string;
  /** The group the result is about, for by-group checks. */
  group?: string;
  /** Method-specific details and the numeric policy in force (bins, epsilon, log base…). */
  details?: Record<string, unknown>;
}
