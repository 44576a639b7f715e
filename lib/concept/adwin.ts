/**
 * ADWIN, adaptive windowing (Bifet and Gavaldà, 2007), as River's `drift.ADWIN`.
 *
 * @module
 */
import { checkOption, isIntegerAtLeast, isOpenUnit, realValue } from "./_input.ts";
import { DEFAULT_CONCEPT_DRIFT_OPTIONS, type DriftDetector } from "./drift_detector.ts";

/** Options of {@linkcode adwin}; River's parameter names in brackets. */
export interface AdwinOptions {
  /**
   * Confidence of the cut test (`delta`), in (0, 1): smaller fires less often.
   * @default {0.002}
   */
  delta?: number;
  /**
   * Test for a cut every `clock` values (`clock`); 1 tests after every value.
   * @default {32}
   */
  clock?: number;
  /**
   * Buckets of each size kept before two are merged (`max_buckets`, M).
   * @default {5}
   */
  maxBuckets?: number;
  /**
   * Smallest length of either sub-window at a cut (`min_window_length`).
   * @default {5}
   */
  minWindowLength?: number;
  /**
   * No test until the window holds more than this many values (`grace_period`).
   * @default {10}
   */
  gracePeriod?: number;
}

const D = DEFAULT_CONCEPT_DRIFT_OPTIONS.adwin;
/** Rows of buckets: row r holds buckets of 2^r values, so 64 rows outlast any stream. */
const ROWS = 64;

/**
 * Creates an ADWIN detector. It keeps the stream's recent window as an exponential histogram:
 * row r holds up to M buckets (sum and variance) of 2^r values each, merging the two oldest of a
 * row into the next when it would hold M + 1, so a window of W values takes O(M log W) numbers.
 * Every `clock` values (once the window exceeds `gracePeriod`) it tries each bucket boundary as a
 * cut into an older W0 and a newer W1 (both ≥ `minWindowLength`) and reports a drift when
 * |μ0 − μ1| > √(2·m·σ²_W·δ′) + (2/3)·δ′·m, with δ′ = ln(2·ln(W)/δ), m = 1/(n0 − L + 1) +
 * 1/(n1 − L + 1), L = `minWindowLength`, σ²_W the window's variance; the oldest bucket is then
 * dropped and the cuts tried again. After a drift the next update starts from an empty window,
 * as River's `ADWIN` does. Same bucket arithmetic and cut order as River's current ADWIN (the
 * Cython `adwin_c.pyx` that tries every bucket as a cut, and its Rust port `rust_src/adwin.rs`);
 * older River versions skipped the last bucket of each row as a cut, which moves some detections
 * on other streams (both versions print 1023 on the docstring's). Buckets live in typed arrays.
 *
 * Reproduces River's docstring example: on `random.Random(12345)`'s stream (1000 values from
 * {0, 1} then 1000 from {4, …, 7}) it fires at index 1023 (`test/concept/adwin_test.ts`).
 * Cost: O(1) amortised per value to insert, plus O(M log W) every `clock` values to test.
 *
 * @param options δ, clock, buckets, minimal sub-window and grace period; see
 * {@linkcode AdwinOptions}.
 * @returns A {@linkcode DriftDetector} with `method: "adwin"` (never a warning).
 * @throws {RangeError} When `delta` is not in (0, 1), `clock` or `maxBuckets` is not a positive
 * integer, or `minWindowLength` or `gracePeriod` is not a non-negative integer.
 * @example
 * ```ts
 * import { adwin, detect } from "./mod.ts";
 * const stream = Array.from({ length: 2000 }, (_, i) => (i < 1000 ? i % 2 : 5 + (i % 2)));
 * const { drifts } = detect(adwin(), stream);
 * // tested every 32 values: the first test after the change finds it
 * if (drifts[0] !== 1023) throw new Error(`${drifts}`);
 * ```
 */
export function adwin(options: AdwinOptions = {}): DriftDetector {
  const name = "ADWIN";
  const delta = checkOption(name, "delta", options.delta ?? D.delta, isOpenUnit, "in (0, 1)");
  const positive = isIntegerAtLeast(1), natural = isIntegerAtLeast(0);
  const clock = checkOption(name, "clock", options.clock ?? D.clock, positive, "an integer ≥ 1");
  const maxBuckets = checkOption(
    name,
    "maxBuckets",
    options.maxBuckets ?? D.maxBuckets,
    positive,
    "an integer ≥ 1",
  );
  const minWindowLength = checkOption(
    name,
    "minWindowLength",
    options.minWindowLength ?? D.minWindowLength,
    natural,
    "a non-negative integer",
  );
  const gracePeriod = checkOption(
    name,
    "gracePeriod",
    options.gracePeriod ?? D.gracePeriod,
    natural,
    "a non-negative integer",
  );
  return new Adwin(delta, clock, maxBuckets, minWindowLength, gracePeriod);
}

class Adwin implements DriftDetector {
  readonly method = "adwin" as const;
  readonly input = "real" as const;
  readonly warning = false;
  drift = false;
  /** Bucket sums and variances, row-major: row r at [r·C, r·C + counts[r]), oldest first. */
  readonly #totals: Float64Array;
  readonly #variances: Float64Array;
  readonly #counts = new Int32Array(ROWS);
  readonly #capacity: number;
  #rows = 1;
  #width = 0;
  #total = 0;
  #variance = 0;
  #tick = 0;

  constructor(
    readonly delta: number,
    readonly clock: number,
    readonly maxBuckets: number,
    readonly minWindowLength: number,
    readonly gracePeriod: number,
  ) {
    this.#capacity = maxBuckets + 1;
    this.#totals = new Float64Array(ROWS * this.#capacity);
    this.#variances = new Float64Array(ROWS * this.#capacity);
  }

  update(value: number | boolean): this {
    const x = realValue(value, "ADWIN");
    if (this.drift) this.reset();
    this.#insert(x);
    this.drift = ++this.#tick % this.clock === 0 && this.#width > this.gracePeriod &&
      this.#detect();
    return this;
  }

  #insert(x: number): void {
    const c = this.#counts[0]!;
    this.#totals[c] = x;
    this.#variances[c] = 0;
    this.#counts[0] = c + 1;
    const w = ++this.#width;
    if (w > 1) {
      const d = x - this.#total / (w - 1);
      this.#variance += (w - 1) * d * d / w;
    }
    this.#total += x;
    this.#compress();
  }

  /** Merges the two oldest buckets of each full row into the next row, carrying upward. */
  #compress(): void {
    const cap = this.#capacity, totals = this.#totals, variances = this.#variances;
    const counts = this.#counts;
    for (let row = 0; counts[row] === cap; row++) {
      const base = row * cap;
      const size = 2 ** row;
      const t0 = totals[base]!, t1 = totals[base + 1]!;
      const mu1 = t0 / size, mu2 = t1 / size;
      const v12 = variances[base]! + variances[base + 1]! +
        size * size * (mu1 - mu2) * (mu1 - mu2) / (size + size);
      if (row + 1 === this.#rows) this.#rows++;
      const next = (row + 1) * cap + counts[row + 1]!;
      totals[next] = t0 + t1;
      variances[next] = v12;
      counts[row + 1]!++;
      this.#shift(row, 2);
      if (counts[row + 1]! <= this.maxBuckets) break;
    }
  }

  /** Drops the `k` oldest buckets of a row. */
  #shift(row: number, k: number): void {
    const base = row * this.#capacity, n = this.#counts[row]!;
    this.#totals.copyWithin(base, base + k, base + n);
    this.#variances.copyWithin(base, base + k, base + n);
    this.#counts[row] = n - k;
  }

  /** Drops the oldest bucket of the window (River's `_delete_element`). */
  #deleteOldest(): void {
    const row = this.#rows - 1, base = row * this.#capacity;
    const n = 2 ** row, u = this.#totals[base]!, v = this.#variances[base]!;
    const mu = u / n;
    this.#width -= n;
    this.#total -= u;
    const muWindow = this.#total / this.#width;
    this.#variance -= v + n * this.#width * (mu - muWindow) * (mu - muWindow) / (n + this.#width);
    this.#shift(row, 1);
    if (this.#counts[row] === 0 && row > 0) this.#rows--;
  }

  /** River's `_detect_change`: every cut from the oldest bucket on; drop and retry on a cut. */
  #detect(): boolean {
    let changed = false;
    let again = true;
    const cap = this.#capacity, counts = this.#counts, totals = this.#totals;
    const minLength = this.minWindowLength;
    while (again) {
      again = false;
      let n0 = 0, n1 = this.#width, u0 = 0, u1 = this.#total;
      const deltaPrime = Math.log(2 * Math.log(this.#width) / this.delta);
      const varianceInWindow = this.#variance / this.#width;
      scan: for (let row = this.#rows - 1; row >= 0; row--) {
        const size = 2 ** row, count = counts[row]!, base = row * cap;
        for (let k = 0; k < count; k++) {
          n0 += size;
          n1 -= size;
          const t = totals[base + k]!;
          u0 += t;
          u1 -= t;
          if (row === 0 && k === count - 1) break scan;
          if (n1 < minLength || n0 < minLength) continue;
          const m = 1 / (n0 - minLength + 1) + 1 / (n1 - minLength + 1);
          const epsilon = Math.sqrt(2 * m * varianceInWindow * deltaPrime) +
            2 / 3 * deltaPrime * m;
          if (Math.abs(u0 / n0 - u1 / n1) > epsilon) {
            again = true;
            changed = true;
            if (this.#width > 0) {
              this.#deleteOldest();
              break scan;
            }
          }
        }
      }
    }
    return changed;
  }

  reset(): void {
    this.drift = false;
    this.#counts.fill(0);
    this.#rows = 1;
    this.#width = 0;
    this.#total = 0;
    this.#variance = 0;
    this.#tick = 0;
  }
}
