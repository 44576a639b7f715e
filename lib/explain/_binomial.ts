/**
 * Private: binomial coefficients for coalition weights.
 *
 * @module
 */

/** C(n, r) as a double (exact for the small n used here). */
export function binomial(n: number, r: number): number {
  let out = 1;
  for (let i = 1; i <= r; i++) out = (out * (n - r + i)) / i;
  return out;
}
