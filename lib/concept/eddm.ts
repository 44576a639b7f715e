/**
 * EDDM, the Early Drift Detection Method of Baena-García et al. (2006), as River's
 * `drift.binary.EDDM`.
 *
 * @module
 */
import { binaryValue, checkOption, warmStartOption } from "./_input.ts";
import { DEFAULT_CONCEPT_DRIFT_OPTIONS, type DriftDetector } from "./drift_detector.ts";

/** Options of {@linkcode eddm}; River's parameter names in brackets. */
export interface EddmOptions {
  /**
   * Values, and errors, to see before the detector may warn or fire (`warm_start`).
   * @default {30}
   */
  warmStart?: number;
  /**
   * Warning when (p′ + 2s′) / (p′_max + 2s′_max) < alpha (`alpha`, in (0, 1], ≥ beta).
   * @default {0.95}
   */
  alpha?: number;
  /**
   * Drift when (p′ + 2s′) / (p′_max + 2s′_max) < beta (`beta`, in (0, 1]).
   * @default {0.9}
   */
  beta?: number;
}

const D = DEFAULT_CONCEPT_DRIFT_OPTIONS.eddm;

/**
 * Creates an EDDM detector for a binary error stream. Instead of the error rate it tracks the
 * distance between consecutive errors: the running mean p′ and sample standard deviation s′
 * (Welford, ddof 1, as River's `stats.Var`) of the gaps, the maximum of p′ + 2s′ seen, and the
 * ratio of the current p′ + 2s′ to that maximum; errors coming closer together lower the ratio.
 * Only errors update the statistics. Once more than `warmStart` values and more than `warmStart`
 * errors were seen, a ratio below `beta` is a drift and one below `alpha` a warning; as in River,
 * a new maximum leaves the warning as it was, and correct predictions leave it unchanged too.
 *
 * Reproduces River's docstring example: with `alpha: 0.8, beta: 0.75` on
 * `random.Random(42)`'s stream (1000 fair coin flips, then 1000 with P(1) = 0.7) it warns first
 * at 1059 and fires at 1278 (`test/concept/eddm_test.ts`). O(1) per update.
 *
 * @param options Thresholds and warm start; see {@linkcode EddmOptions}.
 * @returns A {@linkcode DriftDetector} with `method: "eddm"`.
 * @throws {RangeError} When `warmStart` is not a non-negative integer, or not
 * 0 < beta ≤ alpha ≤ 1 (River raises `ValueError` when alpha < beta).
 * @example
 * ```ts
 * import { detect, eddm } from "./mod.ts";
 * import { pythonRandom } from "../stats/mod.ts";
 * // errors with probability 0.1, then 0.5 from index 1000
 * const rng = pythonRandom(7);
 * const stream = Array.from({ length: 2000 }, (_, i) =>
 *   Number(rng.random() < (i < 1000 ? 0.1 : 0.5))
 * );
 * // River's example thresholds: the defaults (0.95, 0.9) also fire on this stream's noise
 * const { drifts } = detect(eddm({ alpha: 0.8, beta: 0.75 }), stream);
 * if (drifts.join() !== "1106") throw new Error(`${drifts}`);
 * ```
 */
export function eddm(options: EddmOptions = {}): DriftDetector {
  const name = "EDDM";
  const warmStart = warmStartOption(name, options.warmStart ?? D.warmStart);
  const beta = checkOption(
    name,
    "beta",
    options.beta ?? D.beta,
    (v) => v > 0 && v <= 1,
    "in (0, 1]",
  );
  const alpha = checkOption(
    name,
    "alpha",
    options.alpha ?? D.alpha,
    (v) => v >= beta && v <= 1,
    `in [beta, 1] = [${beta}, 1]`,
  );
  return new Eddm(warmStart, alpha, beta);
}

class Eddm implements DriftDetector {
  readonly method = "eddm" as const;
  readonly input = "binary" as const;
  warning = false;
  drift = false;
  #n = 0;
  #lastError = 0;
  #errors = 0;
  #mean = 0;
  #variance = 0;
  #max = -1;

  constructor(readonly warmStart: number, readonly alpha: number, readonly beta: number) {}

  update(value: number | boolean): this {
    const x = binaryValue(value, "EDDM");
    if (this.drift) this.reset();
    const n = ++this.#n;
    if (x === 1) {
      const errors = ++this.#errors;
      // River's stats.Var (ddof = 1): sigma += ((d − mean_old)(d − mean_new) − sigma) / (k − 1)
      const d = n - this.#lastError;
      const old = this.#mean;
      this.#mean += (d - old) / errors;
      if (errors > 1) {
        this.#variance += ((d - old) * (d - this.#mean) - this.#variance) / (errors - 1);
      }
      if (n > this.warmStart) {
        const p2s = this.#mean + 2 * this.#variance ** 0.5;
        if (p2s > this.#max) this.#max = p2s;
        else if (errors > this.warmStart) {
          const level = p2s / this.#max;
          if (level < this.beta) this.drift = true;
          else this.warning = level < this.alpha;
        }
      }
      this.#lastError = n;
    }
    return this;
  }

  reset(): void {
    this.warning = false;
    this.drift = false;
    this.#n = 0;
    this.#lastError = 0;
    this.#errors = 0;
    this.#mean = 0;
    this.#variance = 0;
    this.#max = -1;
  }
}
