/**
 * numpy's legacy `RandomState` generator (the Mersenne Twister MT19937), seeded and drawn
 * exactly as numpy does, so that Vigil can reproduce what a Python script did with a given
 * `random_state` (scikit-learn's `train_test_split`, `np.random.seed(42)` scripts).
 *
 * @module
 */

import {
  initByArray,
  initGenrand,
  nextDouble,
  nextUint32 as nextMtUint32,
} from "./_mersenne_twister.ts";

const MAX_UINT32 = 0xffffffff;

/**
 * A seeded MT19937 generator with numpy's legacy `RandomState` draws. Its methods are closures
 * (no `this`), so `const u = mt19937(1).randomSample` can be passed where a `() => number` random
 * source is expected. Every method advances the one shared state, as numpy's do.
 */
export interface Mt19937 {
  /**
   * The next raw 32-bit output (an integer in [0, 2^32)); equals numpy's
   * `RandomState(seed).randint(0, 2**32, dtype=np.uint64)`, one draw at a time.
   */
  nextUint32(): number;
  /**
   * A uniform number in [0, 1) built from two outputs (27 + 26 bits); equals numpy's
   * `RandomState.random_sample()`.
   */
  randomSample(): number;
  /**
   * A uniform integer in [0, max] by masked rejection (numpy's `random_interval`: draw 32 bits,
   * keep the bits of the smallest mask >= max, retry while above max).
   *
   * @throws {RangeError} When `max` is not an integer in [0, 2^32 − 1] (numpy would switch to
   * 64-bit draws above that; Vigil does not need them).
   */
  randomInterval(max: number): number;
  /**
   * A random permutation of 0..n−1; equals numpy's `RandomState.permutation(n)` (Fisher–Yates
   * from the last position down, each swap partner drawn by `randomInterval(i)`). O(n).
   *
   * @throws {RangeError} When `n` is not an integer in [0, 2^32].
   */
  permutation(n: number): Uint32Array;
}

/**
 * Creates numpy's legacy MT19937 generator for a seed, as `numpy.random.RandomState(seed)` does:
 * an integer seed goes through `init_genrand` (the reference MT19937 seeding; numpy 1.24 uses it
 * for `RandomState(int)`), an array of integers through `init_by_array` (as
 * `RandomState([1, 2, 3])`). Not cryptographic; period 2^19937 − 1. Seeding is O(624 + key
 * length), each draw O(1) amortised.
 *
 * Golden-tested against Debian's numpy 1.24 (`test/golden/sklearn_split_golden.py`).
 *
 * @param seed An integer in [0, 2^32 − 1], or a non-empty array of such integers.
 * @returns A {@linkcode Mt19937} generator.
 * @throws {RangeError} When the seed (or a key entry) is not an integer in [0, 2^32 − 1], or the
 * key is empty (numpy raises `ValueError` for these).
 * @example
 * ```ts
 * import { mt19937 } from "./mod.ts";
 * // np.random.RandomState(5489).randint(0, 2**32, dtype=np.uint64) == 3499211612, the reference
 * // implementation's first output for its default seed.
 * if (mt19937(5489).nextUint32() !== 3499211612) throw new Error("not MT19937");
 * // np.random.RandomState(0).permutation(5) == [2, 0, 1, 3, 4]
 * if (mt19937(0).permutation(5).join() !== "2,0,1,3,4") throw new Error("not numpy's permutation");
 * ```
 */
export function mt19937(seed: number | ArrayLike<number>): Mt19937 {
  const state = typeof seed === "number"
    ? initGenrand(_uint32(seed, "seed"))
    : initByArray(_checkedKey(seed));

  function nextUint32(): number {
    return nextMtUint32(state);
  }

  function randomSample(): number {
    return nextDouble(state);
  }

  function randomInterval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > MAX_UINT32) {
      throw new RangeError(
        `Cannot draw a random integer: max must be an integer in [0, 2^32 - 1], got ${max}`,
      );
    }
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let value: number;
    do value = (nextMtUint32(state) & mask) >>> 0; while (value > max);
    return value;
  }

  function permutation(n: number): Uint32Array {
    if (!Number.isInteger(n) || n < 0 || n > MAX_UINT32 + 1) {
      throw new RangeError(`Cannot permute: n must be an integer in [0, 2^32], got ${n}`);
    }
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = randomInterval(i);
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }

  return { nextUint32, randomSample, randomInterval, permutation };
}

function _uint32(value: number, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_UINT32) {
    throw new RangeError(
      `Cannot seed MT19937: ${what} must be an integer in [0, 2^32 - 1], got ${value}`,
    );
  }
  return value;
}

function _checkedKey(key: ArrayLike<number>): number[] {
  if (key === null || typeof key !== "object" || typeof key.length !== "number") {
    throw new RangeError(`Cannot seed MT19937: seed must be an integer or an array of integers`);
  }
  if (key.length === 0) throw new RangeError(`Cannot seed MT19937: the seed array is empty`);
  return Array.from(key, (v, j) => _uint32(v, `seed[${j}]`));
}
