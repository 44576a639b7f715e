/**
 * Automatic choice of a drift method per column, by Evidently's default policy.
 *
 * @module
 */
import type { ColumnKind } from "../data/schema.ts";
import { DRIFT_METHOD_INFO, type DriftMethod } from "./drift_methods.ts";

/** What the automatic choice looks at. */
export interface ColumnFacts {
  /** The column's kind (a profile's, or {@linkcode inferSchema}'s for raw data). */
  kind: ColumnKind;
  /** Non-missing reference rows. */
  nReference: number;
  /**
   * Distinct non-missing values of reference and current together (Evidently counts
   * `pd.concat([reference, current]).nunique()`). Only whether it is ≤ 2, ≤ `maxUniqueAsCategorical`
   * or above matters, so a count capped just above that is enough.
   */
  nUnique: number;
}

/** Options of {@linkcode selectDriftMethod}. */
export interface SelectDriftMethodOptions {
  /** A reference with at most this many rows is "small" (tests); above it "large" (distances). @default 1000 */
  smallReferenceMax?: number;
  /** A numeric column with at most this many distinct values is treated as categorical. @default 5 */
  maxUniqueAsCategorical?: number;
}

/** The method chosen for a column, with its default threshold and the rule that chose it. */
export interface DriftMethodSelection {
  /** The chosen method. */
  method: DriftMethod;
  /** The default threshold of `method` (`DRIFT_METHOD_INFO[method].threshold`). */
  threshold: number;
  /**
   * How the method must read the column: `"numeric"` (samples, quantile bins) or `"categorical"`
   * (value by value — also for a numeric column with few distinct values).
   */
  treatAs: "numeric" | "categorical";
  /** The rule, in words, e.g. `"reference <= 1000 rows, numeric, >5 unique → ks"`. */
  rule: string;
}

/**
 * Chooses the drift method of one column by Evidently's default data-drift policy, with
 * n = non-missing reference rows and u = distinct values of reference and current together:
 *
 * | reference | column                                        | method               | drift when |
 * |-----------|-----------------------------------------------|----------------------|------------|
 * | n ≤ 1000  | numeric, u > 5                                | `ks`                 | p < 0.05   |
 * | n ≤ 1000  | categorical, boolean or numeric u ≤ 5; u > 2  | `chi_square`         | p < 0.05   |
 * | n ≤ 1000  | categorical, boolean or numeric u ≤ 5; u ≤ 2  | `z_test`             | p < 0.05   |
 * | n > 1000  | numeric, u > 5                                | `wasserstein_normed` | ≥ 0.1      |
 * | n > 1000  | categorical, boolean or numeric u ≤ 5         | `jensen_shannon`     | ≥ 0.1      |
 *
 * Source: Evidently's legacy API (versions 0.1.50 to 0.6.7): the v0.1.50.dev0 release notes
 * ("Automatic Stattest Selection") and the "Data drift algorithm" reference page, checked against
 * `_get_default_stattest` in `src/evidently/calculations/stattests/registry.py` (commit
 * 0d4ec0fb), which counts `pd.concat([reference, current]).nunique()` and sends u ≤ 2 to the
 * Z-test (so a column with a single value too). Chi-square is Evidently's goodness of fit
 * (`chi_stat_test`).
 *
 * Where Vigil differs: a numeric column with few values is compared value by value (as
 * categories) by the chi-square, Z-test and Jensen–Shannon (Evidently bins it with a histogram
 * for Jensen–Shannon), and boolean columns are categorical (Evidently infers them as categorical
 * too). Cost O(1).
 *
 * @param column The column's kind, non-missing reference rows and distinct values.
 * @param options The size and uniqueness cut-offs.
 * @returns The method, its default threshold, how it reads the column, and the rule applied.
 * @throws {TypeError} When `kind` is not a column kind.
 * @throws {RangeError} When a count or cut-off is negative or not an integer.
 * @example
 * ```ts
 * import { selectDriftMethod } from "./mod.ts";
 * const small = selectDriftMethod({ kind: "numeric", nReference: 150, nUnique: 35 });
 * if (small.method !== "ks" || small.rule !== "reference <= 1000 rows, numeric, >5 unique → ks") {
 *   throw new Error(small.rule);
 * }
 * const large = selectDriftMethod({ kind: "categorical", nReference: 5000, nUnique: 3 });
 * if (large.method !== "jensen_shannon" || large.threshold !== 0.1) throw new Error();
 * ```
 */
export function selectDriftMethod(
  column: ColumnFacts,
  options: SelectDriftMethodOptions = {},
): DriftMethodSelection {
  const { smallReferenceMax = 1000, maxUniqueAsCategorical = 5 } = options;
  const { kind, nReference, nUnique } = column;
  if (kind !== "numeric" && kind !== "categorical" && kind !== "boolean") {
    throw new TypeError(`Cannot choose a drift method: unknown column kind "${String(kind)}"`);
  }
  const counts = { nReference, nUnique, smallReferenceMax, maxUniqueAsCategorical };
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(
        `Cannot choose a drift method: ${name} must be an integer >= 0, got ${value}`,
      );
    }
  }
  const small = nReference <= smallReferenceMax;
  const size = small
    ? `reference <= ${smallReferenceMax} rows`
    : `reference > ${smallReferenceMax} rows`;
  const numericSample = kind === "numeric" && nUnique > maxUniqueAsCategorical;
  let method: DriftMethod;
  let what: string;
  if (numericSample) {
    method = small ? "ks" : "wasserstein_normed";
    what = `numeric, >${maxUniqueAsCategorical} unique`;
  } else {
    const shape = kind === "numeric" ? `numeric, <=${maxUniqueAsCategorical} unique` : kind;
    if (!small) {
      method = "jensen_shannon";
      what = shape;
    } else if (nUnique > 2) {
      method = "chi_square";
      what = `${shape}, >2 unique`;
    } else {
      method = "z_test";
      what = `${shape}, <=2 unique`;
    }
  }
  return {
    method,
    threshold: DRIFT_METHOD_INFO[method].threshold,
    treatAs: numericSample ? "numeric" : "categorical",
    rule: `${size}, ${what} → ${method}`,
  };
}
