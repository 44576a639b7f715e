/**
 * The Page-Hinkley test (Page, 1954) for a change in the mean of a real-valued stream, as River's
 * `drift.PageHinkley`.
 *
 * @module
 */
import { checkOption, isIntegerAtLeast, realValue } from "./_input.ts";
import {
  DEFAULT_CONCEPT_DRIFT_OPTIONS,
  type DriftDetector,
  type PageHinkleyMode,
} from "./drift_detector.ts";

/** Options of {@linkcode pageHinkley}; River's parameter names in brackets. */
export interface PageHinkleyOptions {
  /**
   * Values to see before the detector may fire (`min_instances`).
   * @default {30}
   */
  minInstances?: number;
  /**
   * Magnitude of change tolerated, subtracted from (added to) each deviation (`delta`).
   * @default {0.005}
   */
  delta?: number;
  /**
   * Drift when a cumulative sum departs from its extreme by more than this (`threshold`, λ).
   * @default {50}
   */
  threshold?: number;
  /**
   * Forgetting factor of the cumulative sums (`alpha`), in (0, 1].
   * @default {0.9999}
   */
  alpha?: number;
  /**
   * Watch increases of the mean (`"up"`), decreases (`"down"`) or both (`mode`).
   * @default {"both"}
   */
  mode?: PageHinkleyMode;
}

const D = DEFAULT_CONCEPT_DRIFT_OPTIONS.page_hinkley;
const MODES: readonly PageHinkleyMode[] = ["up", "down", "both"];

/**
 * Creates a Page-Hinkley detector. With x̄ the running mean, it keeps two faded cumulative sums
 * of deviations, U ← α·U + (x − x̄ − δ) and L ← α·L + (x − x̄ + δ), with U's running minimum and
 * L's running maximum (River starts the latter at −1, and so does Vigil); after `minInstances`
 * values it reports a drift when U − min U > λ (`"up"`), max L − L > λ (`"down"`), or either
 * (`"both"`). No warning zone. Same arithmetic as River's `PageHinkley` (0.21+, with `mode`).
 *
 * Reproduces River's docstring example: on `random.Random(12345)`'s stream (1000 values from
 * {0, 1} then 1000 from {4, …, 7}) it fires at index 1006 (`test/concept/page_hinkley_test.ts`).
 * O(1) per update, no allocation.
 *
 * @param options Threshold, tolerance, forgetting, warm start and mode; see
 * {@linkcode PageHinkleyOptions}.
 * @returns A {@linkcode DriftDetector} with `method: "page_hinkley"`.
 * @throws {RangeError} When an option is out of range or `mode` is not "up", "down" or "both".
 * @example
 * ```ts
 * import { detect, pageHinkley } from "./mod.ts";
 * const falling = [...Array(200).fill(10), ...Array(200).fill(0)];
 * if (detect(pageHinkley({ mode: "up" }), falling).drifts.length !== 0) throw new Error();
 * if (detect(pageHinkley({ mode: "down" }), falling).drifts.length === 0) throw new Error();
 * ```
 */
export function pageHinkley(options: PageHinkleyOptions = {}): DriftDetector {
  const name = "Page-Hinkley";
  const minInstances = checkOption(
    name,
    "minInstances",
    options.minInstances ?? D.minInstances,
    isIntegerAtLeast(0),
    "a non-negative integer",
  );
  const delta = checkOption(
    name,
    "delta",
    options.delta ?? D.delta,
    (v) => v >= 0 && Number.isFinite(v),
    "a non-negative finite number",
  );
  const threshold = checkOption(
    name,
    "threshold",
    options.threshold ?? D.threshold,
    (v) => v > 0,
    "positive",
  );
  const alpha = checkOption(
    name,
    "alpha",
    options.alpha ?? D.alpha,
    (v) => v > 0 && v <= 1,
    "in (0, 1]",
  );
  const mode = options.mode ?? D.mode;
  if (!MODES.includes(mode)) {
    throw new RangeError(
      `Cannot create Page-Hinkley: mode must be "up", "down" or "both", got "${String(mode)}"`,
    );
  }
  return new PageHinkley(minInstances, delta, threshold, alpha, mode);
}

class PageHinkley implements DriftDetector {
  readonly method = "page_hinkley" as const;
  readonly input = "real" as const;
  readonly warning = false;
  drift = false;
  #n = 0;
  #mean = 0;
  #sumIncrease = 0;
  #sumDecrease = 0;
  #minIncrease = Infinity;
  #maxDecrease = -1;
  readonly #up: boolean;
  readonly #down: boolean;

  constructor(
    readonly minInstances: number,
    readonly delta: number,
    readonly threshold: number,
    readonly alpha: number,
    readonly mode: PageHinkleyMode,
  ) {
    this.#up = mode !== "down";
    this.#down = mode !== "up";
  }

  update(value: number | boolean): this {
    const x = realValue(value, "Page-Hinkley");
    if (this.drift) this.reset();
    const n = ++this.#n;
    this.#mean += (x - this.#mean) / n;
    const dev = x - this.#mean;
    const up = this.#sumIncrease = this.alpha * this.#sumIncrease + dev - this.delta;
    const down = this.#sumDecrease = this.alpha * this.#sumDecrease + dev + this.delta;
    if (up < this.#minIncrease) this.#minIncrease = up;
    if (down > this.#maxDecrease) this.#maxDecrease = down;
    if (n >= this.minInstances) {
      this.drift = (this.#up && up - this.#minIncrease > this.threshold) ||
        (this.#down && this.#maxDecrease - down > this.threshold);
    }
    return this;
  }

  reset(): void {
    this.drift = false;
    this.#n = 0;
    this.#mean = 0;
    this.#sumIncrease = 0;
    this.#sumDecrease = 0;
    this.#minIncrease = Infinity;
    this.#maxDecrease = -1;
  }
}
