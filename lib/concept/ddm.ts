/**
 * DDM, the Drift Detection Method of Gama et al. (2004), as River's `drift.binary.DDM`.
 *
 * @module
 */
import { binaryValue, checkOption, warmStartOption } from "./_input.ts";
import { DEFAULT_CONCEPT_DRIFT_OPTIONS, type DriftDetector } from "./drift_detector.ts";

/** Options of {@linkcode ddm}; River's parameter names in brackets. */
export interface DdmOptions {
  /**
   * Values to see before the detector may warn or fire (`warm_start`).
   * @default {30}
   */
  warmStart?: number;
  /**
   * Warning when p + s > p_min + warningThreshold · s_min (`warning_threshold`; about 95 %).
   * @default {2}
   */
  warningThreshold?: number;
  /**
   * Drift when p + s > p_min + driftThreshold · s_min (`drift_threshold`; about 99 %).
   * @default {3}
   */
  driftThreshold?: number;
}

const D = DEFAULT_CONCEPT_DRIFT_OPTIONS.ddm;

/**
 * Creates a DDM detector for a binary error stream. It tracks the error rate p_i (running mean of
 * the 0/1 errors) and its binomial standard deviation s_i = √(p_i(1 − p_i)/i); after the warm
 * start it remembers p_min and s_min where p_i + s_i was smallest, and reports a warning when
 * p_i + s_i > p_min + 2·s_min and a drift when p_i + s_i > p_min + 3·s_min. Same arithmetic and
 * comparisons as River's `DDM` (0.21+): the minimum is updated when p_i + s_i ≤ p_min + s_min, a
 * drift clears the warning, and the next update starts from nothing.
 *
 * Reproduces River's docstring example: on `random.Random(42)`'s stream of 1000 fair coin flips
 * then 1000 with P(1) = 0.7, it warns first at index 1084, fires at 1334 and warns again from
 * 1492 (`test/concept/ddm_test.ts`). O(1) per update, no allocation.
 *
 * @param options Thresholds and warm start; see {@linkcode DdmOptions}.
 * @returns A {@linkcode DriftDetector} with `method: "ddm"`.
 * @throws {RangeError} When `warmStart` is not a non-negative integer or a threshold is not a
 * positive number with warningThreshold ≤ driftThreshold.
 * @example
 * ```ts
 * import { ddm, detect } from "./mod.ts";
 * // 10 % errors, then every prediction wrong
 * const stream = Array.from({ length: 600 }, (_, i) => (i < 500 ? Number(i % 10 === 0) : 1));
 * const { warnings, drifts } = detect(ddm(), stream);
 * if (drifts.length !== 1 || drifts[0]! < 500 || drifts[0]! > 520) throw new Error(`${drifts}`);
 * if (!(warnings[0]! >= 500 && warnings[0]! < drifts[0]!)) throw new Error("warns first");
 * ```
 */
export function ddm(options: DdmOptions = {}): DriftDetector {
  const name = "DDM";
  const warmStart = warmStartOption(name, options.warmStart ?? D.warmStart);
  const warning = checkOption(
    name,
    "warningThreshold",
    options.warningThreshold ?? D.warningThreshold,
    (v) => v > 0 && Number.isFinite(v),
    "a positive finite number",
  );
  const drift = checkOption(
    name,
    "driftThreshold",
    options.driftThreshold ?? D.driftThreshold,
    (v) => v >= warning && Number.isFinite(v),
    `a finite number ≥ warningThreshold (${warning})`,
  );
  return new Ddm(warmStart, warning, drift);
}

class Ddm implements DriftDetector {
  readonly method = "ddm" as const;
  readonly input = "binary" as const;
  warning = false;
  drift = false;
  #n = 0;
  #p = 0;
  #pMin = Infinity;
  #sMin = Infinity;
  #psMin = Infinity;

  constructor(
    readonly warmStart: number,
    readonly warningThreshold: number,
    readonly driftThreshold: number,
  ) {}

  update(value: number | boolean): this {
    const x = binaryValue(value, "DDM");
    if (this.drift) this.reset();
    const n = ++this.#n;
    const p = this.#p += (x - this.#p) / n;
    const s = Math.sqrt(p * (1 - p) / n);
    if (n > this.warmStart) {
      const ps = p + s;
      if (ps <= this.#psMin) {
        this.#pMin = p;
        this.#sMin = s;
        this.#psMin = p + s;
      }
      this.warning = ps > this.#pMin + this.warningThreshold * this.#sMin;
      if (ps > this.#pMin + this.driftThreshold * this.#sMin) {
        this.drift = true;
        this.warning = false;
      }
    }
    return this;
  }

  reset(): void {
    this.warning = false;
    this.drift = false;
    this.#n = 0;
    this.#p = 0;
    this.#pMin = Infinity;
    this.#sMin = Infinity;
    this.#psMin = Infinity;
  }
}
