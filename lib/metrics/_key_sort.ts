/**
 * Private: the sort behind the ranking metrics. Scores are held as order-preserving 64-bit keys,
 * interleaved (lo, hi) in a Uint32Array — the little-endian layout of a Float64Array — with every
 * bit of a negative number flipped and the sign bit of the others set, so that unsigned key order
 * is numeric order (`-0` is made `+0` first so that it ties with `0`, as numpy compares). When
 * every score is ≥ 0 (probabilities), the sign bit is free and may carry a label instead: the
 * sort then orders by the low 63 bits only (`labelled`).
 *
 * The sort is an LSD radix sort on the high word only — three 11-bit counting passes instead of
 * the five 13-bit passes a full 64-bit key needs (two, for labelled keys spanning fewer than 2^26
 * high words: {@linkcode sortLabelledKeys}) — followed by one scan that orders the runs of
 * equal high words by their low word. The high word holds the exponent and 20 bits of mantissa,
 * so a million probabilities share high words only in runs of a few keys (insertion sort); long
 * runs (values within a millionth of each other, or ties) use the typed-array sort, O(m log m).
 *
 * @module
 */

/** Buckets per digit; histograms for {@linkcode sortHighKeys} have `3 * DIGIT` entries. */
export const DIGIT = 1 << 11;
const MASK = DIGIT - 1;
/** Runs of equal high words up to this long are insertion-sorted by low word. */
const INSERTION_MAX = 16;

/** Adds the digit histograms of high word `hi` to `counts` (labelled: bit 31 ignored). */
export function countHigh(counts: Uint32Array, hi: number, labelled: boolean): void {
  counts[hi & MASK]!++;
  counts[DIGIT + ((hi >>> 11) & MASK)]!++;
  counts[2 * DIGIT + (labelled ? (hi >>> 22) & 0x1ff : hi >>> 22)]!++;
}

/**
 * Sorts key pairs [start, start + count) of `keys` ascending, using `scratch` (as long as `keys`).
 * `counts` holds their digit histograms (see {@linkcode countHigh}) and is consumed. Returns the
 * array that holds the sorted pairs, at the same positions: `keys` itself, except with
 * `labelled` (bit 31 of the high word is a label, not part of the key), where the result may be
 * left in `scratch` rather than copied back. O(count) plus the runs of equal high words.
 */
export function sortHighKeys(
  keys: Uint32Array,
  scratch: Uint32Array,
  start: number,
  count: number,
  counts: Uint32Array,
  labelled = false,
): Uint32Array {
  if (count < 2) return keys;
  const lo0 = 2 * start, end = 2 * (start + count);
  const top = labelled ? 0x1ff : MASK;
  let src = keys, dst = scratch;
  for (let pass = 0; pass < 3; pass++) {
    const b = pass * DIGIT;
    let trivial = false, sum = start;
    for (let d = 0; d < DIGIT; d++) {
      const c = counts[b + d]!;
      if (c === count) trivial = true;
      counts[b + d] = sum;
      sum += c;
    }
    if (trivial) continue;
    const shift = 11 * pass, mask = pass === 2 ? top : MASK;
    for (let i = lo0; i < end; i += 2) {
      const l = src[i]!, h = src[i + 1]!, p = 2 * counts[b + ((h >>> shift) & mask)]!++;
      dst[p] = l;
      dst[p + 1] = h;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (!labelled && src !== keys) {
    keys.set(src.subarray(lo0, end), lo0);
    src = keys;
  }
  const valueMask = labelled ? 0x7fffffff : -1;
  for (let r = lo0; r < end;) r = sortRun(src, r, end, valueMask);
  return src;
}

/**
 * Sorts the n labelled key pairs of `keys` (bit 31 of each high word is a label, not part of the
 * key) ascending, using `scratch` (as long as `keys`); returns the array that holds them.
 * `bounds` are a lower and an upper bound of the high words (bit 31 cleared). When they span fewer
 * than 2^26 values — probabilities down to about 10⁻¹⁰ do — it sorts the high words by their
 * offset from the lower bound in two counting passes of at most 13 bits instead of three: the
 * same order, a third fewer scatters. O(n) plus the runs of equal high words.
 */
export function sortLabelledKeys(
  keys: Uint32Array,
  scratch: Uint32Array,
  n: number,
  bounds: readonly [number, number],
): Uint32Array {
  if (n < 2) return keys;
  const end = 2 * n, [min, max] = bounds;
  const bits = 32 - Math.clz32(max - min);
  if (bits > 26) {
    const counts = new Uint32Array(3 * DIGIT);
    for (let i = 1; i < end; i += 2) countHigh(counts, keys[i]!, true);
    return sortHighKeys(keys, scratch, 0, n, counts, true);
  }
  const w0 = (bits + 1) >> 1, m0 = (1 << w0) - 1, m1 = (1 << (bits - w0)) - 1;
  const c0 = new Uint32Array(m0 + 1), c1 = new Uint32Array(m1 + 1);
  for (let i = 1; i < end; i += 2) {
    const d = (keys[i]! & 0x7fffffff) - min;
    c0[d & m0]!++;
    c1[d >>> w0]!++;
  }
  // a labelled key is the bit pattern of a double that is not NaN (±score, score ≥ 0): it moves
  // as one exact 8-byte double
  const wholeKeys = new Float64Array(keys.buffer, keys.byteOffset, n);
  const wholeScratch = new Float64Array(scratch.buffer, scratch.byteOffset, n);
  let src = keys, dst = scratch, from = wholeKeys, to = wholeScratch;
  for (let pass = 0; pass < 2; pass++) {
    const counts = pass === 0 ? c0 : c1, shift = pass === 0 ? 0 : w0, mask = pass === 0 ? m0 : m1;
    let trivial = false, sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d]!;
      if (c === n) trivial = true;
      counts[d] = sum;
      sum += c;
    }
    if (trivial) continue;
    for (let i = 0; i < n; i++) {
      to[counts[(((src[2 * i + 1]! & 0x7fffffff) - min) >>> shift) & mask]!++] = from[i]!;
    }
    [src, dst, from, to] = [dst, src, to, from];
  }
  // most high words are unique: look for a run's second key, then order the run from its first
  for (let i = 2; i < end;) {
    i = (src[i + 1]! & 0x7fffffff) === (src[i - 1]! & 0x7fffffff)
      ? sortRun(src, i - 2, end, 0x7fffffff) + 2
      : i + 2;
  }
  return src;
}

/**
 * Orders the run of equal high words (under `valueMask`) starting at array offset `r` (and
 * ending before `end`) by low word, carrying bit 31; returns the offset after the run.
 */
function sortRun(keys: Uint32Array, r: number, end: number, valueMask: number): number {
  const h = keys[r + 1]! & valueMask;
  let e = r + 2;
  while (e < end && (keys[e + 1]! & valueMask) === h) e += 2;
  const m = (e - r) >> 1;
  if (m > INSERTION_MAX) {
    // lo · 2 + bit 31 is exact in a double and sorts by lo
    const packed = new Float64Array(m);
    for (let i = 0; i < m; i++) packed[i] = keys[r + 2 * i]! * 2 + (keys[r + 2 * i + 1]! >>> 31);
    packed.sort();
    for (let i = 0; i < m; i++) {
      const x = packed[i]!, bit = x % 2;
      keys[r + 2 * i] = (x - bit) / 2;
      keys[r + 2 * i + 1] = (h | (bit << 31)) >>> 0;
    }
  } else if (m > 1) {
    for (let i = r + 2; i < e; i += 2) {
      const l = keys[i]!, hi = keys[i + 1]!;
      let j = i - 2;
      while (j >= r && keys[j]! > l) {
        keys[j + 2] = keys[j]!;
        keys[j + 3] = keys[j + 1]!;
        j -= 2;
      }
      keys[j + 2] = l;
      keys[j + 3] = hi;
    }
  }
  return e;
}
