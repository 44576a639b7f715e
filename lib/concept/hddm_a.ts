/**
 * HDDM_A, the drift detection method based on Hoeffding's bounds with the moving-average test
 * (Frías-Blanco et al., 2014), as River's `drift.binary.HDDM_A` (itself after MOA).
 *
 * @module
 */
import { binaryValue, confidenceOptions } from "./_input.ts";
import { DEFAULT_CONCEPT_DRIFT_OPTIONS, type DriftDetector } from "./drift_detector.ts";

/** Options of {@linkcode hddmA}; River's parameter names in brackets. */
export interface HddmAOptions {
  /**
   * Significance of the drift test (`drift_confidence`), in (0, 1).
   * @default {0.001}
   */
  driftConfidence?: number;
  /**
   * Significance of the warning test (`warning_confidence`), in (0, 1).
   * @default {0.005}
   */
  warningConfidence?: number;
  /**
   * Also detect a decrease of the error rate (`two_sided_test`).
   * @default {false}
   */
  twoSidedTest?: boolean;
}

const D = DEFAULT_CONCEPT_DRIFT_OPTIONS.hddm_a;

/**
 * Creates an HDDM_A detector for a binary error stream. It keeps the running mean z of all
 * values since the last reset and a cut point: the prefix (count, mean) at which mean + ε was
 * smallest, ε = √(ln(1/δ_drift)/(2n)) the Hoeffding bound. A drift is reported when the mean
 * since the cut exceeds the cut's mean by more than √(m/2 · ln(2/δ)), m = (n − n_cut)/(n_cut · n),
 * with δ = `driftConfidence`; a warning with δ = `warningConfidence`. The two-sided test also
 * watches the prefix with the largest mean − ε for decreases. Same arithmetic as River's `HDDM_A`.
 *
 * Reproduces River's docstring example: on `random.Random(42)`'s stream (1000 fair coin flips,
 * then 1000 with P(1) = 0.7) it warns first at 451 and fires at 1206
 * (`test/concept/hddm_test.ts`). O(1) per update.
 *
 * @param options Confidences and sidedness; see {@linkcode HddmAOptions}.
 * @returns A {@linkcode DriftDetector} with `method: "hddm_a"`.
 * @throws {RangeError} When a confidence is not in (0, 1).
 * @example
 * ```ts
 * import { detect, hddmA } from "./mod.ts";
 * const stream = Array.from({ length: 1000 }, (_, i) => (i < 500 ? Number(i % 10 === 0) : 1));
 * const { drifts } = detect(hddmA(), stream);
 * if (drifts.length === 0 || drifts[0]! < 500 || drifts[0]! > 520) throw new Error(`${drifts}`);
 * ```
 */
export function hddmA(options: HddmAOptions = {}): DriftDetector {
  const { drift, warning } = confidenceOptions("HDDM_A", options, D);
  return new HddmA(drift, warning, options.twoSidedTest ?? D.twoSidedTest);
}

class HddmA implements DriftDetector {
  readonly method = "hddm_a" as const;
  readonly input = "binary" as const;
  warning = false;
  drift = false;
  #n = 0;
  #mean = 0;
  #minN = 0;
  #minMean = 0;
  #maxN = 0;
  #maxMean = 0;
  readonly #logDrift: number;
  readonly #log2Drift: number;
  readonly #log2Warning: number;

  constructor(
    readonly driftConfidence: number,
    readonly warningConfidence: number,
    readonly twoSidedTest: boolean,
  ) {
    this.#logDrift = Math.log(1.0 / driftConfidence);
    this.#log2Drift = Math.log(2.0 / driftConfidence);
    this.#log2Warning = Math.log(2.0 / warningConfidence);
  }

  update(value: number | boolean): this {
    const x = binaryValue(value, "HDDM_A");
    if (this.drift) this.reset();
    const n = ++this.#n;
    const mean = this.#mean += (x - this.#mean) / n;
    if (this.#minN === 0) {
      this.#minN = n;
      this.#minMean = mean;
    }
    if (this.#maxN === 0) {
      this.#maxN = n;
      this.#maxMean = mean;
    }
    const epsZ = this.#bound(n);
    if (this.#minMean + this.#bound(this.#minN) >= mean + epsZ) {
      this.#minN = n;
      this.#minMean = mean;
    }
    if (this.#maxMean - this.#bound(this.#maxN) <= mean - epsZ) {
      this.#maxN = n;
      this.#maxMean = mean;
    }
    if (this.#changed(this.#minN, mean - this.#minMean, this.#log2Drift)) {
      this.warning = false;
      this.drift = true;
    } else {
      this.warning = this.#changed(this.#minN, mean - this.#minMean, this.#log2Warning);
      this.drift = false;
    }
    if (this.twoSidedTest) {
      if (this.#changed(this.#maxN, this.#maxMean - mean, this.#log2Drift)) this.drift = true;
      else if (this.#changed(this.#maxN, this.#maxMean - mean, this.#log2Warning)) {
        this.warning = true;
      }
    }
    return this;
  }

  /** River's `_hoeffding_bound`: always at the drift confidence. */
  #bound(n: number): number {
    return Math.sqrt(1.0 / (2 * n) * this.#logDrift);
  }

  /** River's `_mean_incr` / `_mean_decr` with the difference of means already signed. */
  #changed(cutN: number, difference: number, logTwoOverConfidence: number): boolean {
    const n = this.#n;
    if (cutN === n) return false;
    const m = (n - cutN) / cutN * (1.0 / n);
    return difference >= Math.sqrt(m / 2 * logTwoOverConfidence);
  }

  reset(): void {
    this.warning = false;
    this.drift = false;
    this.#n = 0;
    this.#mean = 0;
    this.#minN = 0;
    this.#minMean = 0;
    this.#maxN = 0;
    this.#maxMean = 0;
  }
}
