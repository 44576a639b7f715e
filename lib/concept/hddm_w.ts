/**
 * HDDM_W, the drift detection method based on McDiarmid's bounds with the weighted moving-average
 * test (Frías-Blanco et al., 2014), as River's `drift.binary.HDDM_W` (itself after MOA).
 *
 * @module
 */
import { binaryValue, checkOption, confidenceOptions, isOpenUnit } from "./_input.ts";
import type { HddmAOptions } from "./hddm_a.ts";
import { DEFAULT_CONCEPT_DRIFT_OPTIONS, type DriftDetector } from "./drift_detector.ts";

/** Options of {@linkcode hddmW}: those of HDDM_A plus λ; River's parameter names in brackets. */
export interface HddmWOptions extends HddmAOptions {
  /**
   * Weight of the newest value in the exponentially weighted means (`lambda_val`), in (0, 1).
   * @default {0.05}
   */
  lambda?: number;
}

const D = DEFAULT_CONCEPT_DRIFT_OPTIONS.hddm_w;

/**
 * One exponentially weighted sample: the EWMA (River's current `stats.EWMean`, in Rust, takes the
 * first value as is; its older Python version restarted from the value whenever the mean was
 * exactly 0 — both print the docstring's indices), whether it saw a value, and its independent
 * bound condition ibc ← λ² + (1 − λ)² · ibc.
 */
interface Sample {
  ewma: number;
  init: boolean;
  ibc: number;
}

function freshSample(): Sample {
  return { ewma: 0, init: false, ibc: 1 };
}

/**
 * Creates an HDDM_W detector for a binary error stream. It keeps an EWMA of all values and, for
 * increases, the sample where EWMA + ε was smallest (ε = √(ibc · ln(1/δ_drift)/2), McDiarmid's
 * bound) and a second EWMA of the values since then; a drift is reported when the second EWMA
 * exceeds the first by more than the bound on their summed ibc at δ = `driftConfidence`, a warning
 * at δ = `warningConfidence`. The two-sided test mirrors this for decreases. Same arithmetic as
 * River's `HDDM_W`; the decrease statistics are only kept when `twoSidedTest` is on (River updates
 * them always but reads them only then, so the results are the same).
 *
 * Reproduces River's docstring example: on `random.Random(42)`'s stream (1000 fair coin flips,
 * then 1000 with P(1) = 0.7) it warns first at 451 and fires at 1077
 * (`test/concept/hddm_test.ts`). O(1) per update, no allocation.
 *
 * @param options Confidences, λ and sidedness; see {@linkcode HddmWOptions}.
 * @returns A {@linkcode DriftDetector} with `method: "hddm_w"`.
 * @throws {RangeError} When a confidence or `lambda` is not in (0, 1).
 * @example
 * ```ts
 * import { detect, hddmW } from "./mod.ts";
 * const stream = Array.from({ length: 1000 }, (_, i) => (i < 500 ? Number(i % 10 === 0) : 1));
 * const { drifts } = detect(hddmW(), stream);
 * if (drifts.length === 0 || drifts[0]! < 500 || drifts[0]! > 520) throw new Error(`${drifts}`);
 * ```
 */
export function hddmW(options: HddmWOptions = {}): DriftDetector {
  const name = "HDDM_W";
  const { drift, warning } = confidenceOptions(name, options, D);
  const lambda = checkOption(name, "lambda", options.lambda ?? D.lambda, isOpenUnit, "in (0, 1)");
  return new HddmW(drift, warning, lambda, options.twoSidedTest ?? D.twoSidedTest);
}

class HddmW implements DriftDetector {
  readonly method = "hddm_w" as const;
  readonly input = "binary" as const;
  warning = false;
  drift = false;
  #total = freshSample();
  #s1Incr = freshSample();
  #s2Incr = freshSample();
  #s1Decr = freshSample();
  #s2Decr = freshSample();
  #incrCut = Infinity;
  #decrCut = -Infinity;
  readonly #lambdaSq: number;
  readonly #oneMinusLambdaSq: number;
  readonly #logDrift: number;
  readonly #logWarning: number;

  constructor(
    readonly driftConfidence: number,
    readonly warningConfidence: number,
    readonly lambda: number,
    readonly twoSidedTest: boolean,
  ) {
    this.#lambdaSq = lambda * lambda;
    this.#oneMinusLambdaSq = (1 - lambda) ** 2;
    this.#logDrift = Math.log(1 / driftConfidence);
    this.#logWarning = Math.log(1 / warningConfidence);
  }

  update(value: number | boolean): this {
    const x = binaryValue(value, "HDDM_W");
    if (this.drift) this.reset();
    const total = this.#total;
    this.#add(total, x);
    let eps = Math.sqrt(total.ibc * this.#logDrift / 2);
    if (total.ewma + eps < this.#incrCut) {
      this.#incrCut = total.ewma + eps;
      copySample(total, this.#s1Incr);
      resetSample(this.#s2Incr);
    } else this.#add(this.#s2Incr, x);
    if (this.#changed(this.#s1Incr, this.#s2Incr, this.#logDrift)) {
      this.warning = false;
      this.drift = true;
    } else {
      this.warning = this.#changed(this.#s1Incr, this.#s2Incr, this.#logWarning);
      this.drift = false;
    }
    if (this.twoSidedTest) {
      eps = Math.sqrt(total.ibc * this.#logDrift / 2);
      if (total.ewma - eps > this.#decrCut) {
        this.#decrCut = total.ewma - eps;
        copySample(total, this.#s1Decr);
        resetSample(this.#s2Decr);
      } else this.#add(this.#s2Decr, x);
      if (this.#changed(this.#s2Decr, this.#s1Decr, this.#logDrift)) this.drift = true;
      else if (this.#changed(this.#s2Decr, this.#s1Decr, this.#logWarning)) this.warning = true;
    }
    return this;
  }

  #add(s: Sample, x: number): void {
    s.ewma = s.init ? this.lambda * x + (1.0 - this.lambda) * s.ewma : x;
    s.init = true;
    s.ibc = this.#lambdaSq + this.#oneMinusLambdaSq * s.ibc;
  }

  /** River's `_has_mean_changed(sample1, sample2)`: ewma2 − ewma1 above McDiarmid's bound. */
  #changed(s1: Sample, s2: Sample, logOneOverConfidence: number): boolean {
    if (!(s1.init && s2.init)) return false;
    const bound = Math.sqrt((s1.ibc + s2.ibc) * logOneOverConfidence / 2);
    return s2.ewma - s1.ewma > bound;
  }

  reset(): void {
    this.warning = false;
    this.drift = false;
    for (const s of [this.#total, this.#s1Incr, this.#s2Incr, this.#s1Decr, this.#s2Decr]) {
      resetSample(s);
    }
    this.#incrCut = Infinity;
    this.#decrCut = -Infinity;
  }
}

function copySample(from: Sample, to: Sample): void {
  to.ewma = from.ewma;
  to.init = from.init;
  to.ibc = from.ibc;
}

function resetSample(s: Sample): void {
  s.ewma = 0;
  s.init = false;
  s.ibc = 1;
}
