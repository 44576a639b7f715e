/**
 * Seeded pseudo-random sources. Vigil never uses `Math.random` in library code: randomness is
 * passed in (`random?: () => number`) so that every result is reproducible.
 *
 * @module
 */

/**
 * Creates a seeded uniform generator on [0, 1) using the mulberry32 algorithm (32-bit state,
 * period 2^32). Fast and good enough for sampling, shuffling and simulation; not cryptographic.
 *
 * @param seed Any number; it is truncated to an unsigned 32-bit integer.
 * @returns A function returning the next uniform number in [0, 1).
 * @throws {TypeError} When `seed` is not a finite number.
 * @example
 * ```ts
 * import { seededRandom } from "./mod.ts";
 * const a = seededRandom(42), b = seededRandom(42);
 * const x = a();
 * if (x !== b() || x < 0 || x >= 1) throw new Error("not reproducible");
 * ```
 */
export function seededRandom(seed: number): () => number {
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new TypeError(`Cannot create a random source: seed must be a finite number, got ${seed}`);
  }
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Creates a standard normal generator (mean 0, sd 1) from a uniform source, by the Box–Muller
 * transform (both variates of each pair are used).
 *
 * @param random Uniform source on [0, 1), e.g. {@linkcode seededRandom}.
 * @returns A function returning the next standard normal variate.
 * @example
 * ```ts
 * import { normalRandom, seededRandom } from "./mod.ts";
 * const z = normalRandom(seededRandom(1));
 * let s = 0;
 * for (let i = 0; i < 10000; i++) s += z();
 * if (Math.abs(s / 10000) > 0.05) throw new Error("mean should be near 0");
 * ```
 */
export function normalRandom(random: () => number): () => number {
  let spare = NaN;
  return function next(): number {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = NaN;
      return v;
    }
    let u = 0;
    while (u === 0) u = random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/**
 * Shuffles indices 0..n-1 with the Fisher–Yates algorithm, O(n).
 *
 * @param n Number of indices.
 * @param random Uniform source on [0, 1).
 * @returns A new `Uint32Array` holding a permutation of 0..n-1.
 * @throws {RangeError} When `n` is not a non-negative integer.
 * @example
 * ```ts
 * import { permutation, seededRandom } from "./mod.ts";
 * const p = permutation(5, seededRandom(7));
 * if ([...p].sort().join() !== "0,1,2,3,4") throw new Error("not a permutation");
 * ```
 */
export function permutation(n: number, random: () => number): Uint32Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Cannot permute: n must be a non-negative integer, got ${n}`);
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
