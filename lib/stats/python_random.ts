/**
 * CPython's `random.Random` (Python 3.11): the Mersenne Twister seeded from an integer as CPython
 * seeds it, and its `random`, `getrandbits`, `randrange`, `sample` and `choices`, draw for draw —
 * so that Vigil reproduces what a Python script (or River's KSWIN) did with a given seed.
 *
 * @module
 */
import { initByArray, type MersenneState, nextDouble, nextUint32 } from "./_mersenne_twister.ts";

const TWO_32 = 4294967296;

/**
 * A seeded CPython `random.Random`. Its methods are closures (no `this`), so
 * `pythonRandom(1).random` can be passed where a `() => number` source is expected. Every method
 * advances the one shared state, as CPython's do.
 */
export interface PythonRandom {
  /** A uniform number in [0, 1) with 53 random bits; equals `random.Random(seed).random()`. */
  random(): number;
  /**
   * An integer with `k` random bits; equals `Random.getrandbits(k)` (32-bit words, least
   * significant first, the last word's surplus low bits dropped).
   *
   * @throws {RangeError} When `k` is not a non-negative integer.
   */
  getrandbits(k: number): bigint;
  /**
   * A uniform integer in [0, n); equals CPython's `Random._randbelow(n)` (draw `n.bit_length()`
   * bits, retry while ≥ n).
   *
   * @throws {RangeError} When `n` is not an integer in [1, 2^53].
   */
  randbelow(n: number): number;
  /**
   * `Random.randrange(stop)` when called with one argument, `randrange(start, stop, step)`
   * otherwise (step 1 by default); integers only.
   *
   * @throws {RangeError} When the range is empty, the step is 0 or a bound is not an integer.
   */
  randrange(start: number, stop?: number, step?: number): number;
  /**
   * `k` distinct elements of `population` in selection order; equals `Random.sample(population,
   * k)` of Python 3.11, both branches: a pool of the first unselected elements when `population`
   * is small compared with the set a rejection loop would need, rejection by a set of chosen
   * indices otherwise. Pass a number `n` for `range(n)` (nothing is allocated for the population
   * then). O(k) draws; the pool branch copies the population.
   *
   * @throws {RangeError} When `k` is not an integer in [0, len(population)].
   */
  sample<T>(population: ArrayLike<T>, k: number): T[];
  /** As {@linkcode PythonRandom.sample} over `range(n)`. */
  sample(population: number, k: number): number[];
  /**
   * `k` elements drawn with replacement; equals `Random.choices(population, weights, k=k)`:
   * `population[floor(random() · n)]` without weights, a right bisection of `random() · total`
   * into the cumulative weights with them.
   *
   * @throws {RangeError} When the population is empty, the weights do not match it, or their
   * total is not a positive finite number.
   */
  choices<T>(population: ArrayLike<T>, k: number, weights?: ArrayLike<number>): T[];
}

/**
 * Creates CPython's Mersenne Twister for an integer seed, as `random.Random(seed)` does: the
 * absolute value of the seed is split into 32-bit words, least significant first (one zero word
 * for 0), and fed to the reference `init_by_array`. Draws use the MT19937 core shared with
 * {@linkcode mt19937}. Not cryptographic. Seeding is O(624), draws O(1).
 *
 * Golden-tested against Python 3.11 (`test/golden/concept_golden.py`): `random()`,
 * `getrandbits(32/64/100)`, `randrange`, `sample` (both branches) and `choices` for seeds 0, 1,
 * 42, 12345 and 2^40 + 7.
 *
 * @param seed An integer (a `number` that is a safe integer, or a `bigint` of any size); negative
 * seeds act as their absolute value, as in CPython.
 * @returns A {@linkcode PythonRandom} generator.
 * @throws {RangeError} When `seed` is a number that is not a safe integer.
 * @example
 * ```ts
 * import { pythonRandom } from "./mod.ts";
 * // python3 -c "import random; r = random.Random(42); print(r.random(), r.sample(range(10), 3))"
 * // 0.6394267984578837 [0, 4, 3]
 * const rng = pythonRandom(42);
 * if (rng.random() !== 0.6394267984578837) throw new Error("not CPython's random()");
 * if (rng.sample(10, 3).join() !== "0,4,3") throw new Error("not CPython's sample()");
 * ```
 */
export function pythonRandom(seed: number | bigint): PythonRandom {
  const state = initByArray(seedWords(seed));

  function random(): number {
    return nextDouble(state);
  }

  function getrandbits(k: number): bigint {
    if (!Number.isInteger(k) || k < 0) {
      throw new RangeError(`Cannot draw random bits: k must be a non-negative integer, got ${k}`);
    }
    if (k <= 32) return BigInt(k === 0 ? 0 : nextUint32(state) >>> (32 - k));
    let out = 0n;
    for (let shift = 0n, left = k; left > 0; shift += 32n, left -= 32) {
      let r = nextUint32(state);
      if (left < 32) r >>>= 32 - left;
      out |= BigInt(r) << shift;
    }
    return out;
  }

  function randbelow(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 53) {
      throw new RangeError(`Cannot draw below n: n must be an integer in [1, 2^53], got ${n}`);
    }
    return belowUnchecked(state, n);
  }

  function randrange(start: number, stop?: number, step = 1): number {
    if (stop === undefined) {
      if (!Number.isInteger(start) || start <= 0) {
        throw new RangeError(`Cannot draw from randrange(${start}): empty range or non-integer`);
      }
      return randbelow(start);
    }
    if (!Number.isInteger(start) || !Number.isInteger(stop) || !Number.isInteger(step)) {
      throw new RangeError(
        `Cannot draw from randrange(${start}, ${stop}, ${step}): bounds must be integers`,
      );
    }
    if (step === 0) throw new RangeError(`Cannot draw from randrange: step must not be 0`);
    const width = stop - start;
    const n = step > 0
      ? Math.floor((width + step - 1) / step)
      : Math.floor((width + step + 1) / step);
    if (n <= 0) {
      throw new RangeError(`Cannot draw from randrange(${start}, ${stop}, ${step}): empty range`);
    }
    return step === 1 ? start + randbelow(width) : start + step * randbelow(n);
  }

  function sample<T>(population: ArrayLike<T> | number, k: number): (T | number)[] {
    const n = typeof population === "number" ? population : population.length;
    if (typeof population === "number" && (!Number.isInteger(n) || n < 0)) {
      throw new RangeError(`Cannot sample from range(${n}): n must be a non-negative integer`);
    }
    if (!Number.isInteger(k) || k < 0 || k > n) {
      throw new RangeError(
        `Cannot sample: k must be an integer in [0, ${n}] (the population size), got ${k}`,
      );
    }
    const at = typeof population === "number" ? (i: number) => i : (i: number) => population[i]!;
    const result = new Array<T | number>(k);
    if (n <= poolLimit(k)) {
      const pool: (T | number)[] = new Array(n);
      for (let i = 0; i < n; i++) pool[i] = typeof population === "number" ? i : population[i]!;
      for (let i = 0; i < k; i++) {
        const j = belowUnchecked(state, n - i);
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
      return result;
    }
    const selected = new Set<number>();
    for (let i = 0; i < k; i++) {
      let j = belowUnchecked(state, n);
      while (selected.has(j)) j = belowUnchecked(state, n);
      selected.add(j);
      result[i] = at(j);
    }
    return result;
  }

  function choices<T>(population: ArrayLike<T>, k: number, weights?: ArrayLike<number>): T[] {
    const n = population.length;
    if (!Number.isInteger(k) || k < 0) {
      throw new RangeError(`Cannot draw choices: k must be a non-negative integer, got ${k}`);
    }
    if (weights === undefined) {
      if (n === 0 && k > 0) throw new RangeError(`Cannot draw choices from an empty population`);
      return Array.from({ length: k }, () => population[Math.floor(nextDouble(state) * n)]!);
    }
    if (weights.length !== n) {
      throw new RangeError(
        `Cannot draw choices: ${weights.length} weights for a population of ${n}`,
      );
    }
    const cum = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) cum[i] = total += weights[i]!;
    if (!(total > 0) || !Number.isFinite(total)) {
      throw new RangeError(
        `Cannot draw choices: the total of the weights must be positive and finite, got ${total}`,
      );
    }
    const hi = n - 1;
    return Array.from(
      { length: k },
      () => population[bisectRight(cum, nextDouble(state) * total, hi)]!,
    );
  }

  return { random, getrandbits, randbelow, randrange, sample, choices } as PythonRandom;
}

/** The 32-bit words of |seed|, least significant first, as CPython's `random_seed`. */
function seedWords(seed: number | bigint): number[] {
  if (typeof seed === "number" && !Number.isSafeInteger(seed)) {
    throw new RangeError(`Cannot seed Python's random: seed must be a safe integer, got ${seed}`);
  }
  if (typeof seed !== "number" && typeof seed !== "bigint") {
    throw new RangeError(
      `Cannot seed Python's random: seed must be an integer, got ${String(seed)}`,
    );
  }
  let s = typeof seed === "bigint" ? (seed < 0n ? -seed : seed) : BigInt(Math.abs(seed));
  const words: number[] = [];
  while (s > 0n) {
    words.push(Number(s & 0xffffffffn));
    s >>= 32n;
  }
  return words.length === 0 ? [0] : words;
}

/** CPython's `_randbelow_with_getrandbits` for 1 ≤ n ≤ 2^53, without BigInt. */
function belowUnchecked(state: MersenneState, n: number): number {
  const k = bitLength(n);
  let r: number;
  if (k <= 32) {
    do r = nextUint32(state) >>> (32 - k); while (r >= n);
  } else {
    do {
      const lo = nextUint32(state);
      r = (nextUint32(state) >>> (64 - k)) * TWO_32 + lo;
    } while (r >= n);
  }
  return r;
}

function bitLength(n: number): number {
  return n < TWO_32 ? 32 - Math.clz32(n) : 32 + (32 - Math.clz32(Math.floor(n / TWO_32)));
}

/**
 * Python 3.11's `sample` takes the pool branch when n ≤ 21 + (k > 5 ? 4^ceil(log_4(3k)) : 0):
 * the size of a set that would hold the selection.
 */
function poolLimit(k: number): number {
  return k > 5 ? 21 + 4 ** Math.ceil(Math.log(k * 3) / Math.log(4)) : 21;
}

/** `bisect.bisect_right(a, x, 0, hi)`. */
function bisectRight(a: Float64Array, x: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < a[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
