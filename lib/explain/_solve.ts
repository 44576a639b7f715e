/**
 * Private: small dense linear solves for the explainers' least-squares fits.
 *
 * @module
 */

/**
 * Solves `A z = b` for a symmetric positive semi-definite `q × q` matrix (row-major) by Gaussian
 * elimination with partial pivoting; a pivot below 1e-12 of the largest diagonal entry marks a
 * degenerate direction whose component is set to 0. Neither input is modified. O(q³).
 */
export function solveSymmetric(A: Float64Array, b: Float64Array, q: number): Float64Array {
  const m = Float64Array.from(A);
  const z = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < q; i++) scale = Math.max(scale, Math.abs(m[i * q + i]!));
  const tiny = 1e-12 * (scale || 1);
  const dead = new Uint8Array(q);
  for (let col = 0; col < q; col++) {
    let piv = col;
    for (let r = col + 1; r < q; r++) {
      if (Math.abs(m[r * q + col]!) > Math.abs(m[piv * q + col]!)) piv = r;
    }
    if (Math.abs(m[piv * q + col]!) <= tiny) {
      dead[col] = 1;
      continue;
    }
    if (piv !== col) {
      for (let j = 0; j < q; j++) {
        const t = m[col * q + j]!;
        m[col * q + j] = m[piv * q + j]!;
        m[piv * q + j] = t;
      }
      const t = z[col]!;
      z[col] = z[piv]!;
      z[piv] = t;
    }
    for (let r = col + 1; r < q; r++) {
      const f = m[r * q + col]! / m[col * q + col]!;
      if (f === 0) continue;
      for (let j = col; j < q; j++) m[r * q + j]! -= f * m[col * q + j]!;
      z[r]! -= f * z[col]!;
    }
  }
  const x = new Float64Array(q);
  for (let i = q - 1; i >= 0; i--) {
    if (dead[i]) continue;
    let s = z[i]!;
    for (let j = i + 1; j < q; j++) s -= m[i * q + j]! * x[j]!;
    x[i] = s / m[i * q + i]!;
  }
  return x;
}
