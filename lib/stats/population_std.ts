/**
 * Population standard deviation that does not overflow on large values.
 *
 * @module
 */

/**
 * Population standard deviation (ddof = 0, `numpy.std`'s default) of finite values,
 * √(Σ(x − mean)² / n), by two passes (mean, then squared deviations) over the values divided by a
 * power of two near their largest magnitude. Dividing by a power of two is exact, so the result is
 * the plain two-pass value to the last bit wherever that one is finite — and stays finite where
 * squaring overflows: `numpy.std([1e160, 3e160])` is `inf`, this is `1e160`. Cost O(n), three
 * passes.
 *
 * @param values Finite values (a caller drops missing values first).
 * @returns The standard deviation; `NaN` for an empty sample or one holding a non-finite value.
 * @example
 * ```ts
 * import { populationStd } from "./mod.ts";
 * if (populationStd([2, 4, 4, 4, 5, 5, 7, 9]) !== 2) throw new Error();
 * // squaring 1e160 overflows a float64; the scaled sum does not
 * if (populationStd([1e160, 3e160]) !== 1e160) throw new Error();
 * if (!Number.isNaN(populationStd([]))) throw new Error();
 * ```
 */
export function populationStd(values: ArrayLike<number>): number {
  const n = values.length;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(values[i]!));
  if (n === 0 || !Number.isFinite(largest)) return NaN;
  if (largest === 0) return 0;
  // log2 rounds to 1024 near Number.MAX_VALUE; 2^1023 keeps the scale finite
  const scale = 2 ** Math.min(1023, Math.floor(Math.log2(largest)));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]! / scale;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! / scale - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / n) * scale;
}
