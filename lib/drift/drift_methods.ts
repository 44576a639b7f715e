/**
 * The drift methods Vigil knows, by name, with their default thresholds and what each needs:
 * whether it returns a p-value or a distance, which kinds of column it applies to, and how small
 * a window may be before its answer stops meaning much (the small-window warnings).
 *
 * @module
 */
import type { ColumnKind } from "../data/schema.ts";
import type { Operator } from "../types.ts";

/**
 * A drift method, as recorded in `CheckResult.method`:
 * - p-value tests: `"ks"` (Kolmogorov–Smirnov), `"cramer_von_mises"`, `"anderson_darling"`,
 *   `"chi_square"` (goodness of fit against the reference shares), `"chi_square_contingency"`
 *   (the 2×k table), `"z_test"` (two-proportion Z-test);
 * - distances: `"wasserstein"` (data units), `"wasserstein_normed"` (divided by the reference
 *   sd), `"energy_distance"`, and the binned `"psi"`, `"jensen_shannon"`, `"kl_divergence"`,
 *   `"hellinger"`.
 */
export type DriftMethod =
  | "ks"
  | "cramer_von_mises"
  | "anderson_darling"
  | "chi_square"
  | "chi_square_contingency"
  | "z_test"
  | "wasserstein"
  | "wasserstein_normed"
  | "energy_distance"
  | "psi"
  | "jensen_shannon"
  | "kl_divergence"
  | "hellinger";

/** Every {@linkcode DriftMethod}, p-value tests first. */
export const DRIFT_METHODS: readonly DriftMethod[] = Object.freeze(
  [
    "ks",
    "cramer_von_mises",
    "anderson_darling",
    "chi_square",
    "chi_square_contingency",
    "z_test",
    "wasserstein",
    "wasserstein_normed",
    "energy_distance",
    "psi",
    "jensen_shannon",
    "kl_divergence",
    "hellinger",
  ] as const,
);

/** What a drift method is and what it needs. */
export interface DriftMethodInfo {
  /** Human-readable name. */
  label: string;
  /** `"p_value"`: a hypothesis test (detected on `pValue`); `"distance"`: detected on `statistic`. */
  output: "p_value" | "distance";
  /** The detection rule: `value OPERATOR threshold`. */
  operator: Operator;
  /**
   * The default threshold: 0.05 for the p-value tests (a 0.95 confidence level), 0.1 for the
   * distances (Evidently's defaults: normed Wasserstein, Jensen–Shannon with the natural log, PSI,
   * KL, Hellinger, energy). `"wasserstein"` and `"energy_distance"` are in data units, so 0.1 is
   * only a placeholder: set them per column (or use `"wasserstein_normed"`).
   */
  threshold: number;
  /**
   * Column kinds it applies to. Numeric columns given to a categorical test (chi-square, Z-test)
   * are compared value by value, which only makes sense with few distinct values.
   */
  kinds: readonly ColumnKind[];
  /** Continuous-sample methods: fewer non-missing rows than this on either side → warning. */
  minRows?: number;
  /** Binned methods: fewer rows per bin (on average, on the smaller side) → warning. */
  minRowsPerBin?: number;
  /** Count tests: an expected cell count below this → warning (Cochran's rule). */
  minExpectedCount?: number;
}

const NUMERIC: readonly ColumnKind[] = Object.freeze(["numeric"]);
const ANY: readonly ColumnKind[] = Object.freeze(["numeric", "categorical", "boolean"]);

/**
 * Every method's metadata — the one place where a drift method's default threshold, detection
 * operator, family (p-value test or distance) and column kinds are written down. Every drift
 * function and the automatic choice read their defaults from here.
 *
 * The small-window minimums are rules of thumb, stated so that they can
 * be argued with:
 * - 30 rows per side for the sample-based methods (KS, Cramér–von Mises, Anderson–Darling,
 *   Wasserstein, energy): below that an empirical CDF is uncertain by more than ±0.25 (the 95 %
 *   Dvoretzky–Kiefer–Wolfowitz band is ±1.36/√n), so only gross changes can be seen;
 * - 10 rows per bin on average for the binned distances (PSI, Jensen–Shannon, KL, Hellinger):
 *   with fewer, empty and near-empty bins inflate the distance of two samples of the same
 *   distribution (the PSI sample-size effect);
 * - an expected count of 5 in every cell for chi-square and the Z-test, below which the
 *   chi-square / normal approximation of the p-value is unreliable (Cochran 1954).
 *
 * The KS test further warns when its smallest attainable p-value, 2 / C(n + m, n), is not below
 * the threshold (n = m = 3 can never give p < 0.05), and when its p-value is asymptotic with
 * fewer than 100 rows on the smaller side.
 *
 * @example
 * ```ts
 * import { DRIFT_METHOD_INFO } from "./mod.ts";
 * const info = DRIFT_METHOD_INFO.chi_square;
 * if (info.output !== "p_value" || info.operator !== "<" || info.threshold !== 0.05) {
 *   throw new Error();
 * }
 * ```
 */
export const DRIFT_METHOD_INFO: Readonly<Record<DriftMethod, Readonly<DriftMethodInfo>>> = Object
  .freeze({
    ks: {
      label: "Kolmogorov–Smirnov",
      output: "p_value",
      operator: "<",
      threshold: 0.05,
      kinds: NUMERIC,
      minRows: 30,
    },
    cramer_von_mises: {
      label: "Cramér–von Mises",
      output: "p_value",
      operator: "<",
      threshold: 0.05,
      kinds: NUMERIC,
      minRows: 30,
    },
    anderson_darling: {
      label: "Anderson–Darling",
      output: "p_value",
      operator: "<",
      threshold: 0.05,
      kinds: NUMERIC,
      minRows: 30,
    },
    chi_square: {
      label: "chi-square",
      output: "p_value",
      operator: "<",
      threshold: 0.05,
      kinds: ANY,
      minExpectedCount: 5,
    },
    chi_square_contingency: {
      label: "chi-square (contingency table)",
      output: "p_value",
      operator: "<",
      threshold: 0.05,
      kinds: ANY,
      minExpectedCount: 5,
    },
    z_test: {
      label: "two-proportion Z-test",
      output: "p_value",
      operator: "<",
      threshold: 0.05,
      kinds: ANY,
      minExpectedCount: 5,
    },
    wasserstein: {
      label: "Wasserstein distance",
      output: "distance",
      operator: ">=",
      threshold: 0.1,
      kinds: NUMERIC,
      minRows: 30,
    },
    wasserstein_normed: {
      label: "Wasserstein distance (normed)",
      output: "distance",
      operator: ">=",
      threshold: 0.1,
      kinds: NUMERIC,
      minRows: 30,
    },
    energy_distance: {
      label: "energy distance",
      output: "distance",
      operator: ">=",
      threshold: 0.1,
      kinds: NUMERIC,
      minRows: 30,
    },
    psi: {
      label: "PSI",
      output: "distance",
      operator: ">=",
      threshold: 0.1,
      kinds: ANY,
      minRowsPerBin: 10,
    },
    jensen_shannon: {
      label: "Jensen–Shannon distance",
      output: "distance",
      operator: ">=",
      threshold: 0.1,
      kinds: ANY,
      minRowsPerBin: 10,
    },
    kl_divergence: {
      label: "KL divergence",
      output: "distance",
      operator: ">=",
      threshold: 0.1,
      kinds: ANY,
      minRowsPerBin: 10,
    },
    hellinger: {
      label: "Hellinger distance",
      output: "distance",
      operator: ">=",
      threshold: 0.1,
      kinds: ANY,
      minRowsPerBin: 10,
    },
  });

/**
 * The default threshold of every method, read from {@linkcode DRIFT_METHOD_INFO} (a view of it,
 * for code that only needs the numbers; the values are written down nowhere else).
 *
 * @example
 * ```ts
 * import { DEFAULT_DRIFT_THRESHOLDS, DRIFT_METHOD_INFO } from "./mod.ts";
 * if (DEFAULT_DRIFT_THRESHOLDS.ks !== 0.05 || DEFAULT_DRIFT_THRESHOLDS.psi !== 0.1) throw new Error();
 * if (DEFAULT_DRIFT_THRESHOLDS.hellinger !== DRIFT_METHOD_INFO.hellinger.threshold) throw new Error();
 * ```
 */
export const DEFAULT_DRIFT_THRESHOLDS: Readonly<Record<DriftMethod, number>> = Object.freeze(
  Object.fromEntries(DRIFT_METHODS.map((m) => [m, DRIFT_METHOD_INFO[m].threshold])) as Record<
    DriftMethod,
    number
  >,
);

/**
 * Whether `value` names a {@linkcode DriftMethod}. O(1).
 *
 * @param value Anything.
 * @returns `true` for one of {@linkcode DRIFT_METHODS}.
 * @example
 * ```ts
 * import { isDriftMethod } from "./mod.ts";
 * if (!isDriftMethod("psi") || isDriftMethod("t_test")) throw new Error();
 * ```
 */
export function isDriftMethod(value: unknown): value is DriftMethod {
  return typeof value === "string" && Object.hasOwn(DRIFT_METHOD_INFO, value);
}
