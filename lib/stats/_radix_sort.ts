/**
 * LSD radix sort of doubles by their IEEE-754 bit patterns (private). Typed-array `sort()` costs
 * ~120-150 ms per million doubles on the CI machines; five 13-bit counting passes over
 * order-preserving integer keys take about a third of that. Used by the ranking metrics (they
 * sort once per class: the hot path of `classificationReport`) and by `sortedFinite` (one sort per
 * drift window). (Measured: 13-bit × 5 passes beat 11 × 6 and 16 × 4.)
 *
 * Keys are stored interleaved in a Uint32Array as (lo, hi) pairs, i.e. the little-endian layout of
 * a Float64Array over the same buffer. {@linkcode toKeys} maps the bit pattern to an unsigned order
 * (flip every bit of negatives, the sign bit of the rest); `-0` is first made `+0` so that it ties
 * with `0`, as in numpy's comparisons. {@linkcode radixSortFinite} (used by `sortedFinite`) sorts
 * the raw bit patterns instead and keeps `-0`, so that its result is bit for bit that of
 * `Float64Array.prototype.sort`.
 *
 * @module
 */

/** Buckets per digit; a histogram for {@linkcode sortKeys} has `5 * RADIX` entries. */
export const RADIX = 1 << 13;
const MASK = RADIX - 1;

/** Adds the five 13-bit digit histograms of one key to `counts`. */
export function countKey(counts: Uint32Array, lo: number, hi: number): void {
  counts[lo & MASK]!++;
  counts[RADIX + ((lo >>> 13) & MASK)]!++;
  counts[2 * RADIX + (((lo >>> 26) | (hi << 6)) & MASK)]!++;
  counts[3 * RADIX + ((hi >>> 7) & MASK)]!++;
  counts[4 * RADIX + (hi >>> 20)]!++;
}

/** Maps pairs [start, start + count) of `keys` (holding doubles) to order-preserving keys, in place. */
export function toKeys(keys: Uint32Array, start: number, count: number): void {
  for (let i = 2 * start + 1, end = 2 * (start + count); i < end; i += 2) {
    const hi = keys[i]!;
    if (hi & 0x80000000) {
      if (hi === 0x80000000 && keys[i - 1] === 0) keys[i] = 0x80000000; // -0 → +0
      else {
        keys[i] = ~hi >>> 0;
        keys[i - 1] = ~keys[i - 1]! >>> 0;
      }
    } else keys[i] = (hi | 0x80000000) >>> 0;
  }
}

/** Inverse of {@linkcode toKeys} for one key. */
export function keyToNumber(
  lo: number,
  hi: number,
  view: { u: Uint32Array; f: Float64Array },
): number {
  if (hi & 0x80000000) {
    view.u[0] = lo;
    view.u[1] = (hi & 0x7fffffff) >>> 0;
  } else {
    view.u[0] = ~lo >>> 0;
    view.u[1] = ~hi >>> 0;
  }
  return view.f[0]!;
}

/** A scratch view for {@linkcode keyToNumber}. */
export function numberView(): { u: Uint32Array; f: Float64Array } {
  const f = new Float64Array(1);
  return { u: new Uint32Array(f.buffer), f };
}

/**
 * Sorts key pairs [start, start + count) of `keys` ascending, in place, using `scratch` (at least as
 * long as `keys`). `counts` may hold the keys' histograms already (see {@linkcode countKey}); it is
 * consumed. O(count) time, 5 passes (fewer when a digit is constant). Each pass has its own loop
 * so that the digit extraction is a constant expression.
 */
export function sortKeys(
  keys: Uint32Array,
  scratch: Uint32Array,
  start: number,
  count: number,
  counts?: Uint32Array,
): void {
  if (count < 2) return;
  const lo0 = 2 * start, end = 2 * (start + count);
  if (counts === undefined) {
    counts = new Uint32Array(5 * RADIX);
    for (let i = lo0; i < end; i += 2) countKey(counts, keys[i]!, keys[i + 1]!);
  }
  let src = keys, dst = scratch;
  for (let pass = 0; pass < 5; pass++) {
    const b = pass * RADIX;
    let trivial = false, sum = lo0 / 2;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[b + d]!;
      if (c === count) trivial = true;
      counts[b + d] = sum;
      sum += c;
    }
    if (trivial) continue;
    if (pass === 0) {
      for (let i = lo0; i < end; i += 2) {
        const l = src[i]!, h = src[i + 1]!, p = 2 * counts[b + (l & MASK)]!++;
        dst[p] = l;
        dst[p + 1] = h;
      }
    } else if (pass === 1) {
      for (let i = lo0; i < end; i += 2) {
        const l = src[i]!, h = src[i + 1]!, p = 2 * counts[b + ((l >>> 13) & MASK)]!++;
        dst[p] = l;
        dst[p + 1] = h;
      }
    } else if (pass === 2) {
      for (let i = lo0; i < end; i += 2) {
        const l = src[i]!, h = src[i + 1]!;
        const p = 2 * counts[b + (((l >>> 26) | (h << 6)) & MASK)]!++;
        dst[p] = l;
        dst[p + 1] = h;
      }
    } else if (pass === 3) {
      for (let i = lo0; i < end; i += 2) {
        const l = src[i]!, h = src[i + 1]!, p = 2 * counts[b + ((h >>> 7) & MASK)]!++;
        dst[p] = l;
        dst[p + 1] = h;
      }
    } else {
      for (let i = lo0; i < end; i += 2) {
        const l = src[i]!, h = src[i + 1]!, p = 2 * counts[b + (h >>> 20)]!++;
        dst[p] = l;
        dst[p + 1] = h;
      }
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== keys) keys.set(src.subarray(lo0, end), lo0);
}

/** Returns a new ascending copy of `values` (NaN-free; `-0` becomes `+0`). O(n). */
export function sortFloat64(values: Float64Array): Float64Array {
  const out = new Float64Array(values);
  const keys = new Uint32Array(out.buffer);
  toKeys(keys, 0, out.length);
  sortKeys(keys, new Uint32Array(keys.length), 0, out.length);
  const view = numberView();
  for (let i = 0; i < out.length; i++) out[i] = keyToNumber(keys[2 * i]!, keys[2 * i + 1]!, view);
  return out;
}

/** Below this length {@linkcode radixSortFinite} uses `Float64Array.prototype.sort`. */
export const RADIX_MIN_LENGTH = 4096;

/**
 * The finite values of `values` (`NaN` and `±Infinity` dropped and counted), sorted ascending into
 * a new array, with the same result, bit for bit, as `Float64Array.prototype.sort` (`-0` kept,
 * before `+0`). O(n), and `values` is never mutated.
 *
 * Unlike {@linkcode sortKeys} this sorts the raw bit patterns, not order-preserving keys: a first
 * pass drops the non-finite values and counts the five digits, the first scatter pass reads the
 * input (no separate copy), doubles move as doubles (finite, so no NaN canonicalisation can alter
 * them), and the last pass, on the top digit (sign and exponent), puts the negative buckets first
 * in reverse order and fills each from its end: raw order is value order for positives and its
 * reverse for negatives. Memory: the result plus one scratch array of the same size. Below
 * {@linkcode RADIX_MIN_LENGTH} values, a filtered copy and `Float64Array.prototype.sort`.
 */
export function radixSortFinite(values: Float64Array): { sorted: Float64Array; nMissing: number } {
  const n = values.length;
  if (n < RADIX_MIN_LENGTH) {
    const out = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v - v === 0) out[m++] = v;
    }
    const sorted = m === n ? out : out.slice(0, m);
    return { sorted: sorted.sort(), nMissing: n - m };
  }
  const src = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const counts = new Uint32Array(5 * RADIX);
  let m = 0;
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = src[i + 1]!;
    if ((hi & 0x7ff00000) === 0x7ff00000) continue; // NaN or ±Infinity
    countKey(counts, src[i]!, hi);
    m++;
  }
  let a = new Float64Array(m), b = new Float64Array(m);
  let au = new Uint32Array(a.buffer), bu = new Uint32Array(b.buffer);
  // pass 0 always runs: it copies the finite values out of the input
  prefixSums(counts, 0);
  for (let i = 0; i < n; i++) {
    const lo = src[2 * i]!, hi = src[2 * i + 1]!;
    if ((hi & 0x7ff00000) === 0x7ff00000) continue;
    a[counts[lo & MASK]!++] = values[i]!;
  }
  for (let pass = 1; pass < 4; pass++) {
    if (prefixSums(counts, pass * RADIX) === m) continue; // one digit value: order unchanged
    const c = counts.subarray(pass * RADIX, (pass + 1) * RADIX);
    if (pass === 1) {
      for (let i = 0; i < m; i++) b[c[(au[2 * i]! >>> 13) & MASK]!++] = a[i]!;
    } else if (pass === 2) {
      for (let i = 0; i < m; i++) {
        b[c[((au[2 * i]! >>> 26) | (au[2 * i + 1]! << 6)) & MASK]!++] = a[i]!;
      }
    } else {
      for (let i = 0; i < m; i++) b[c[(au[2 * i + 1]! >>> 7) & MASK]!++] = a[i]!;
    }
    [a, b, au, bu] = [b, a, bu, au];
  }
  // top digit: negatives (digit ≥ 2048) first, largest digit first, each bucket filled backwards
  const c = counts.subarray(4 * RADIX, 5 * RADIX);
  let start = 0;
  for (let d = 4095; d >= 2048; d--) {
    start += c[d]!;
    c[d] = start; // one past the bucket's end
  }
  for (let d = 0; d < 2048; d++) {
    const k = c[d]!;
    c[d] = start;
    start += k;
  }
  for (let i = 0; i < m; i++) {
    const d = au[2 * i + 1]! >>> 20;
    if (d < 2048) b[c[d]!++] = a[i]!;
    else b[--c[d]!] = a[i]!;
  }
  return { sorted: b, nMissing: n - m };
}

/**
 * Turns the digit histogram at `counts[offset .. offset + RADIX)` into bucket starts, in place,
 * and returns the largest bucket's size (equal to the total when the digit is constant).
 */
function prefixSums(counts: Uint32Array, offset: number): number {
  let sum = 0, largest = 0;
  for (let d = offset; d < offset + RADIX; d++) {
    const k = counts[d]!;
    if (k > largest) largest = k;
    counts[d] = sum;
    sum += k;
  }
  return largest;
}
