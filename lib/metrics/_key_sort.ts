/**
 * Private: the sort behind the ranking metrics. Scores are held as order-preserving 64-bit keys,
 * interleaved (lo, hi) in a Uint32Array — the little-endian layout of a Float64Array — with every
 * bit of a negative number flipped and the sign bit of the others set, so that unsigned key order
 * is numeric order (`-0` is made `+0` first so that it ties with `0`, as numpy compares). When
 * every score is ≥ 0 (probabilities), the sign bit is free and may carry a label instead: the
 * sort then orders by the low 63 bits only (`labelled`).
 *
 * The sort is an LSD radix sort on the high word only — three 11-bit counting passes instead of
 * the five 13-bit passes a full 64-bit key needs — followed by one scan that orders the runs of
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
