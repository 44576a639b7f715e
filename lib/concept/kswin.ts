/**
 * KSWIN, Kolmogorov–Smirnov windowing (Raab, Heusinger and Schleif, 2020), as River's
 * `drift.KSWIN`.
 *
 * @module
 */
import { ksTwoSampleExactSf, kstwoSf } from "../stats/kolmogorov_distribution.ts";
import { pythonRandom } from "../stats/python_random.ts";
import { checkOption, isIntegerAtLeast, realValue } from "./_input.ts";
import { DEFAULT_CONCEPT_DRIFT_OPTIONS, type DriftDetector } from "./drift_detector.ts";

/** Options of {@linkcode kswin}; River's parameter names in brackets. */
export interface KswinOptions {
  /**
   * Significance of the KS test (`alpha`), in (0, 1); River advises below 0.01.
   * @default {0.005}
   */
  alpha?: number;
  /**
   * Length of the sliding window (`window_size`).
   * @default {100}
   */
  windowSize?: number;
  /**
   * Length of the newest part of the window that is tested (`stat_size`), at most windowSize / 2.
   * @default {30}
   */
  statSize?: number;
  /**
   * Seed of the `random.Random(seed)` that draws the reference sample, re-created after each
   * drift (`seed`). River's default `None` seeds from the operating system; Vigil's 0 keeps runs
   * reproducible. Ignored when `random` is given.
   * @default {0}
   */
  seed?: number | bigint;
  /**
   * A uniform source on [0, 1) to draw the reference sample from instead of CPython's generator
   * (a partial Fisher–Yates shuffle). It is not re-seeded after a drift. Not in River.
   * @default undefined (CPython's generator seeded with `seed`)
   */
  random?: () => number;
  /**
   * Values that fill the window before the first update, oldest first, to avoid a cold start
   * (`window`; only the newest `windowSize` are kept, and a reset does not restore them).
   * @default undefined (an empty window)
   */
  window?: ArrayLike<number>;
}

const D = DEFAULT_CONCEPT_DRIFT_OPTIONS.kswin;
/** scipy's `ks_2samp(method="auto")` counts exactly up to this sample size. */
const MAX_EXACT = 10000;

/**
 * Creates a KSWIN detector. It keeps the last `windowSize` values; once the window is full, each
 * update draws `statSize` distinct positions among the oldest windowSize − statSize values
 * (`random.Random(seed).sample(range(windowSize − statSize), statSize)`), and compares that
 * sample with the newest `statSize` values by the two-sample Kolmogorov–Smirnov test (scipy's
 * `ks_2samp(method="auto")`: exact p-value at these sizes). A drift is reported when p ≤ alpha
 * and the statistic D > 0.1; the next update then empties the window and re-creates the
 * generator from `seed`, as River's `KSWIN` does. No warning zone.
 *
 * Reproduces River's docstring example: with `alpha: 0.0001, seed: 42` on
 * `random.Random(12345)`'s stream (1000 values from {0, 1} then 1000 from {4, …, 7}) it fires at
 * index 1016 (`test/concept/kswin_test.ts`), which needs CPython's generator draw for draw
 * ({@linkcode pythonRandom}). Cost per update: O(windowSize) to draw the sample plus
 * O(statSize log statSize) for the test (exact p-value O(statSize) more).
 *
 * @param options Significance, window sizes, randomness and initial window; see
 * {@linkcode KswinOptions}.
 * @returns A {@linkcode DriftDetector} with `method: "kswin"` (never a warning).
 * @throws {RangeError} When `alpha` is not in [0, 1], the sizes are not integers with
 * 1 ≤ statSize ≤ windowSize / 2 (River's `sample` raises `ValueError` beyond), or the seed is not a
 * safe integer.
 * @example
 * ```ts
 * import { detect, kswin } from "./mod.ts";
 * const stream = Array.from({ length: 400 }, (_, i) => (i < 200 ? i % 7 : 10 + (i % 7)));
 * const { drifts } = detect(kswin({ seed: 1 }), stream);
 * if (drifts.length === 0 || drifts[0]! < 200 || drifts[0]! > 215) throw new Error(`${drifts}`);
 * ```
 */
export function kswin(options: KswinOptions = {}): DriftDetector {
  const name = "KSWIN";
  const alpha = checkOption(
    name,
    "alpha",
    options.alpha ?? D.alpha,
    (v) => v >= 0 && v <= 1,
    "in [0, 1]",
  );
  const windowSize = checkOption(
    name,
    "windowSize",
    options.windowSize ?? D.windowSize,
    isIntegerAtLeast(2),
    "an integer ≥ 2",
  );
  const statSize = checkOption(
    name,
    "statSize",
    options.statSize ?? D.statSize,
    (v) => Number.isInteger(v) && v >= 1 && 2 * v <= windowSize,
    `an integer in [1, windowSize / 2] = [1, ${Math.floor(windowSize / 2)}]`,
  );
  const seed = options.seed ?? D.seed;
  pythonRandom(seed); // validates the seed now rather than at the first reset
  const detector = new Kswin(alpha, windowSize, statSize, seed, options.random);
  if (options.window !== undefined) {
    const w = options.window;
    for (let i = Math.max(0, w.length - windowSize); i < w.length; i++) {
      detector.push(realValue(w[i]!, "KSWIN"));
    }
  }
  return detector;
}

class Kswin implements DriftDetector {
  readonly method = "kswin" as const;
  readonly input = "real" as const;
  readonly warning = false;
  drift = false;
  /** Ring buffer of the window: the oldest value at `#start`. */
  readonly #ring: Float64Array;
  #start = 0;
  #length = 0;
  #sampler: (n: number, k: number) => ArrayLike<number>;
  readonly #reference: Float64Array;
  readonly #recent: Float64Array;

  constructor(
    readonly alpha: number,
    readonly windowSize: number,
    readonly statSize: number,
    readonly seed: number | bigint,
    readonly random: (() => number) | undefined,
  ) {
    this.#ring = new Float64Array(windowSize);
    this.#reference = new Float64Array(statSize);
    this.#recent = new Float64Array(statSize);
    this.#sampler = this.#newSampler();
  }

  #newSampler(): (n: number, k: number) => ArrayLike<number> {
    const random = this.random;
    if (random === undefined) {
      const rng = pythonRandom(this.seed);
      return (n, k) => rng.sample(n, k);
    }
    return (n, k) => fisherYatesSample(random, n, k);
  }

  /** Appends to the window, dropping the oldest value when it is full (a bounded deque). */
  push(x: number): void {
    const size = this.windowSize;
    if (this.#length < size) this.#ring[(this.#start + this.#length++) % size] = x;
    else {
      this.#ring[this.#start] = x;
      this.#start = (this.#start + 1) % size;
    }
  }

  update(value: number | boolean): this {
    const x = realValue(value, "KSWIN");
    if (this.drift) this.reset();
    this.push(x);
    if (this.#length < this.windowSize) return this;
    const size = this.windowSize, r = this.statSize, old = size - r;
    const picks = this.#sampler(old, r);
    const ring = this.#ring, start = this.#start, reference = this.#reference;
    const recent = this.#recent;
    for (let i = 0; i < r; i++) {
      const at = start + picks[i]!;
      reference[i] = ring[at < size ? at : at - size]!;
    }
    for (let i = 0; i < r; i++) {
      const at = start + old + i;
      recent[i] = ring[at < size ? at : at - size]!;
    }
    const { statistic, pValue } = ksEqualSizes(sortSmall(reference), sortSmall(recent));
    this.drift = pValue <= this.alpha && statistic > 0.1;
    return this;
  }

  reset(): void {
    this.drift = false;
    this.#start = 0;
    this.#length = 0;
    this.#sampler = this.#newSampler();
  }
}

/**
 * scipy's `ks_2samp(a, b, method="auto")` for two sorted samples of the same size n: D = h/n with
 * h = max |i − j| over the merge walk (i, j the counts of each sample ≤ a value, ties passed
 * together), the exact p-value up to n = 10 000 (the asymptotic one when counting fails or
 * beyond), clipped to [0, 1]. A plain walk: `ksStatistic`'s locations and pruning cost more than
 * the 60-value merge they would save.
 */
function ksEqualSizes(a: Float64Array, b: Float64Array): { statistic: number; pValue: number } {
  const n = a.length;
  let i = 0, j = 0, h = 0;
  while (i < n && j < n) {
    const v = a[i]! <= b[j]! ? a[i]! : b[j]!;
    while (i < n && a[i] === v) i++;
    while (j < n && b[j] === v) j++;
    const d = i > j ? i - j : j - i;
    if (d > h) h = d;
  }
  const statistic = h / n;
  let p = n <= MAX_EXACT ? ksTwoSampleExactSf(n, n, h) : NaN;
  if (!(p >= 0 && p <= 1)) {
    // scipy's np.round(n·n / (n + n)): half to even
    const half = n / 2, even = half % 1 === 0.5 ? 2 * Math.round(half / 2) : Math.round(half);
    p = kstwoSf(statistic, even);
  }
  return { statistic, pValue: Math.min(Math.max(p, 0), 1) };
}

/** Sorts in place: insertion sort below 64 values, where it beats the built-in sort. */
function sortSmall(x: Float64Array): Float64Array {
  const n = x.length;
  if (n > 64) return x.sort();
  for (let i = 1; i < n; i++) {
    const v = x[i]!;
    let j = i - 1;
    while (j >= 0 && x[j]! > v) {
      x[j + 1] = x[j]!;
      j--;
    }
    x[j + 1] = v;
  }
  return x;
}

/** `k` distinct integers of [0, n) by a partial Fisher–Yates shuffle driven by `random`. */
function fisherYatesSample(random: () => number, n: number, k: number): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.subarray(0, k);
}
