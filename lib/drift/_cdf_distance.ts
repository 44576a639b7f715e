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
  if (p === 1 && a.length * b.length <= Number.MAX_SAFE_INTEGER) return quantileWalk(a, b);
  return p === 1 ? walk(a, b, false) : walk(a, b, true);
}

/**
 * For p = 1, ∫ |F_a − F_b| dx = ∫₀¹ |Q_a(t) − Q_b(t)| dt (both are the area between the two
 * staircases), and the quantile functions are constant between the breakpoints i/n1 and j/n2.
 * Walking those on the integer grid i·n2, j·n1 needs no comparison of data values, so the merge
 * branches follow the regular pattern of n1/n2 instead of the data (a value-merge mispredicts
 * about every other step): with n1 = n2 it is Σ|a_i − b_i| / n, one pass. Agrees with the
 * ECDF walk (scipy's form) to rounding, ~1e-15 relative.
 */
function quantileWalk(a: Float64Array, b: Float64Array): number {
  const n1 = a.length, n2 = b.length;
  let total = 0, block = 0;
  if (n1 === n2) {
    for (let i = 0; i < n1; i++) {
      block += Math.abs(a[i]! - b[i]!);
      if ((i & 4095) === 4095) {
        total += block;
        block = 0;
      }
    }
    return (total + block) / n1;
  }
  // ta = (i + 1)·n2 and tb = (j + 1)·n1: the next breakpoints of each sample on the grid
  // 0..n1·n2, exact integers (n1·n2 ≤ 2^53)
  let i = 0, j = 0, t = 0, k = 0, ta = n2, tb = n1;
  while (i < n1 && j < n2) {
    const gap = Math.abs(a[i]! - b[j]!);
    if (ta < tb) {
      block += (ta - t) * gap;
      t = ta;
      ta += n2;
      i++;
    } else {
      block += (tb - t) * gap;
      t = tb;
      tb += n1;
      j++;
      if (t === ta) {
        ta += n2;
        i++;
      }
    }
    if ((++k & 4095) === 0) {
      total += block;
      block = 0;
    }
  }
  return (total + block) / n1 / n2;
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
