/**
 * The MT19937 core shared by numpy's legacy `RandomState` ({@linkcode mt19937}) and CPython's
 * `random.Random` (`pythonRandom`): the reference seeding routines, the state refill and the
 * tempered 32-bit output. Inputs are trusted; the public generators validate their seeds.
 *
 * @module
 */

const N = 624;
const M = 397;

/** A generator state: 624 words and the position of the next word to temper. */
export interface MersenneState {
  /** The 624 state words. */
  mt: Uint32Array;
  /** Index of the next word; 624 means "refill before the next draw". */
  pos: number;
}

/** The reference `init_genrand`: mt[i] = 1812433253 · (mt[i−1] ⊕ (mt[i−1] >> 30)) + i. */
export function initGenrand(seed: number): MersenneState {
  const mt = new Uint32Array(N);
  mt[0] = seed;
  for (let i = 1; i < N; i++) {
    const s = mt[i - 1]!;
    mt[i] = Math.imul(1812433253, s ^ (s >>> 30)) + i;
  }
  return { mt, pos: N };
}

/**
 * The reference `init_by_array` over 32-bit key words (numpy's `mt19937_init_by_array`, CPython's
 * `init_by_array`: both follow Matsumoto and Nishimura's 2002 code).
 */
export function initByArray(key: ArrayLike<number>): MersenneState {
  const state = initGenrand(19650218);
  const mt = state.mt;
  const len = key.length;
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, len); k > 0; k--) {
    const s = mt[i - 1]!;
    mt[i] = (mt[i]! ^ Math.imul(s ^ (s >>> 30), 1664525)) + key[j]! + j;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const s = mt[i - 1]!;
    mt[i] = (mt[i]! ^ Math.imul(s ^ (s >>> 30), 1566083941)) - i;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  return state;
}

/** The next tempered 32-bit output (the reference `genrand_int32`), an integer in [0, 2^32). */
export function nextUint32(state: MersenneState): number {
  const mt = state.mt;
  if (state.pos >= N) {
    twist(mt);
    state.pos = 0;
  }
  let y = mt[state.pos++]!;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/** A uniform double in [0, 1) from two outputs (27 + 26 bits), as numpy and CPython draw it. */
export function nextDouble(state: MersenneState): number {
  const a = nextUint32(state) >>> 5;
  const b = nextUint32(state) >>> 6;
  return (a * 67108864 + b) / 9007199254740992;
}

/** Regenerates the 624 words of state (the reference `genrand_int32` refill). */
function twist(mt: Uint32Array): void {
  for (let kk = 0; kk < N; kk++) {
    const y = (mt[kk]! & 0x80000000) | (mt[(kk + 1) % N]! & 0x7fffffff);
    mt[kk] = mt[(kk + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
  }
}
