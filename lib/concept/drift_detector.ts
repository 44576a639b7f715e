/**
 * The common shape of Vigil's streaming concept-drift detectors, their names, what input each
 * expects, and every default in one table (River's defaults).
 *
 * @module
 */

/**
 * A streaming concept-drift detector, by name (River's class in brackets):
 * - on a binary error stream (1 = the model was wrong, 0 = right): `"ddm"` (`DDM`), `"eddm"`
 *   (`EDDM`), `"hddm_a"` (`HDDM_A`), `"hddm_w"` (`HDDM_W`);
 * - on a real-valued stream (an error, a loss, a score, a feature): `"adwin"` (`ADWIN`),
 *   `"page_hinkley"` (`PageHinkley`), `"kswin"` (`KSWIN`).
 */
export type ConceptDriftMethod =
  | "ddm"
  | "eddm"
  | "hddm_a"
  | "hddm_w"
  | "adwin"
  | "page_hinkley"
  | "kswin";

/** What a detector reads: `"binary"` 0/1 errors (or booleans), `"real"` any finite number. */
export type DetectorInput = "binary" | "real";

/** Every {@linkcode ConceptDriftMethod}, binary-input detectors first. */
export const CONCEPT_DRIFT_METHODS: readonly ConceptDriftMethod[] = Object.freeze(
  ["ddm", "eddm", "hddm_a", "hddm_w", "adwin", "page_hinkley", "kswin"] as const,
);

/** The input each {@linkcode ConceptDriftMethod} expects. */
export const CONCEPT_DRIFT_INPUT: Readonly<Record<ConceptDriftMethod, DetectorInput>> = Object
  .freeze({
    ddm: "binary",
    eddm: "binary",
    hddm_a: "binary",
    hddm_w: "binary",
    adwin: "real",
    page_hinkley: "real",
    kswin: "real",
  });

/** Which side of the mean Page-Hinkley watches: increases, decreases or both (River's `mode`). */
export type PageHinkleyMode = "up" | "down" | "both";

/**
 * Every detector's default options, equal to River's constructor defaults (River 0.21+; the
 * per-detector files document each one). KSWIN's `seed` is the one departure: River's default
 * `None` seeds from the operating system, Vigil's 0 keeps every run reproducible.
 */
export const DEFAULT_CONCEPT_DRIFT_OPTIONS: {
  readonly ddm: {
    readonly warmStart: 30;
    readonly warningThreshold: 2;
    readonly driftThreshold: 3;
  };
  readonly eddm: { readonly warmStart: 30; readonly alpha: 0.95; readonly beta: 0.9 };
  readonly hddm_a: {
    readonly driftConfidence: 0.001;
    readonly warningConfidence: 0.005;
    readonly twoSidedTest: false;
  };
  readonly hddm_w: {
    readonly driftConfidence: 0.001;
    readonly warningConfidence: 0.005;
    readonly lambda: 0.05;
    readonly twoSidedTest: false;
  };
  readonly adwin: {
    readonly delta: 0.002;
    readonly clock: 32;
    readonly maxBuckets: 5;
    readonly minWindowLength: 5;
    readonly gracePeriod: 10;
  };
  readonly page_hinkley: {
    readonly minInstances: 30;
    readonly delta: 0.005;
    readonly threshold: 50;
    readonly alpha: number;
    readonly mode: "both";
  };
  readonly kswin: {
    readonly alpha: 0.005;
    readonly windowSize: 100;
    readonly statSize: 30;
    readonly seed: 0;
  };
} = Object.freeze({
  ddm: Object.freeze({ warmStart: 30, warningThreshold: 2, driftThreshold: 3 } as const),
  eddm: Object.freeze({ warmStart: 30, alpha: 0.95, beta: 0.9 } as const),
  hddm_a: Object.freeze(
    { driftConfidence: 0.001, warningConfidence: 0.005, twoSidedTest: false } as const,
  ),
  hddm_w: Object.freeze(
    {
      driftConfidence: 0.001,
      warningConfidence: 0.005,
      lambda: 0.05,
      twoSidedTest: false,
    } as const,
  ),
  adwin: Object.freeze(
    { delta: 0.002, clock: 32, maxBuckets: 5, minWindowLength: 5, gracePeriod: 10 } as const,
  ),
  page_hinkley: Object.freeze(
    { minInstances: 30, delta: 0.005, threshold: 50, alpha: 1 - 0.0001, mode: "both" } as const,
  ),
  kswin: Object.freeze({ alpha: 0.005, windowSize: 100, statSize: 30, seed: 0 } as const),
});

/**
 * A streaming drift detector: feed it one value at a time with `update`, read `warning` and
 * `drift` after each. Every detector follows River's semantics:
 * - a warm start (grace period) during which it never fires;
 * - `warning`: the statistic is in the warning zone (only DDM, EDDM, HDDM_A and HDDM_W have one;
 *   the others always report `false`);
 * - `drift`: a change was detected by this update; the detector then forgets everything at the
 *   start of the next `update` (River resets after a detection), so `drift` is true for exactly
 *   one update per detection.
 *
 * Each `update` is amortised O(1) (ADWIN: O(log W) for a window of W values; KSWIN:
 * O(window_size + stat_size log stat_size)). Detectors hold their own state and nothing global;
 * create one per stream.
 */
export interface DriftDetector {
  /** Which detector this is. */
  readonly method: ConceptDriftMethod;
  /** What `update` expects: 0/1 errors or any finite number. */
  readonly input: DetectorInput;
  /** True when the last update put the detector in its warning zone. */
  readonly warning: boolean;
  /** True when the last update detected a drift (River's `drift_detected`). */
  readonly drift: boolean;
  /**
   * Reads one value and updates `warning` and `drift`.
   *
   * @param value For binary detectors 0, 1, `false` or `true` (1 = error); for real-valued ones
   * any finite number (a boolean counts as 0/1).
   * @returns The detector itself (no allocation per update), so
   * `if (detector.update(x).drift) ...` reads naturally.
   * @throws {RangeError} When the value is not 0/1/boolean (binary) or not finite (real).
   */
  update(value: number | boolean): DriftDetector;
  /** Forgets every value seen, as the automatic reset after a drift does. */
  reset(): void;
}
