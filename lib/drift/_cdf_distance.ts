/**
 * The L1 and L2 distances between two empirical CDFs, by one merge walk over two sorted samples
 * (scipy's `_cdf_distance` for p = 1 and p = 2 without weights).
 *
 * @module
 */

/**
 * ∫ |F_a(x) − F_b(x)|^p dx for p = 1 or 2, where F are the ECDFs of the sorted, finite,
 * non-empty samples `a` and `b`. For p = 2 the integral is returned *without* the square root.
 * Terms are summed in blocks of 4096 (like numpy's pairwise sum) to keep the rounding error small
 * for millions of points.
 *
 * Cost: O(n1 + n2).
 */
export function cdfDistanceIntegral(a: Float64Array, b: Float64Array, p: 1 | 2): number {
  return p === 1 ? walk(a, b, false) : walk(a, b, true);
}

function walk(a: Float64Array, b: Float64Array, squared: boolean): number {
  const n1 = a.length, n2 = b.length;
  const inv1 = 1 / n1, inv2 = 1 / n2;
  let i = 0, j = 0;
  let prev = a[0]! <= b[0]! ? a[0]! : b[0]!;
  let total = 0, block = 0;
  const n = n1 + n2;
  for (let k = 0; k < n; k++) {
    // ECDF difference on [prev, v): counts consumed so far (scipy's searchsorted 'right')
    const diff = i * inv1 - j * inv2;
    let v: number;
    if (j >= n2 || (i < n1 && a[i]! <= b[j]!)) v = a[i++]!;
    else v = b[j++]!;
    block += (squared ? diff * diff : Math.abs(diff)) * (v - prev);
    prev = v;
    if ((k & 4095) === 4095) {
      total += block;
      block = 0;
    }
  }
  return total + block;
}
