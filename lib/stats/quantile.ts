/**
 * Sample quantiles of **type 7** (Hyndman & Fan 1996), the default of R's `quantile`, of
 * `numpy.quantile(method="linear")` and of pandas: for a sorted sample x₀ ≤ … ≤ x_{n−1} and a level
 * p in [0, 1], with h = (n − 1)·p and j = ⌊h⌋,
 * Q(p) = x_j + (h − j)·(x_{j+1} − x_j), evaluated as numpy 1.24's `_lerp` does (from the upper
 * neighbour when h − j ≥ 0.5) so that results are bit-identical to numpy.
 *
 * @module
 */
import { sortedFinite } from "./sort.ts";

function checkLevel(p: number): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new RangeError(`Cannot compute a quantile: level must be in [0, 1], got ${p}`);
  }
}

/**
 * Type-7 quantile of an already sorted (ascending, finite) sample, equal to
 * `numpy.quantile(sorted, p)` (numpy's default `method="linear"`). The input is not checked for
 * order. Cost O(1).
 *
 * @param sorted Ascending finite values, e.g. `sortedFinite(x).sorted`.
 * @param p Level in [0, 1].
 * @returns The quantile; `NaN` for an empty sample.
 * @throws {RangeError} When `p` is outside [0, 1] or `NaN`.
 * @example
 * ```ts
 * import { quantileSorted } from "./mod.ts";
 * // numpy.quantile([1, 2, 3, 4], 0.1) == 1.3
 * if (quantileSorted([1, 2, 3, 4], 0.1) !== 1.3) throw new Error();
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  checkLevel(p);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  if (h >= n - 1) return sorted[n - 1]!;
  const j = Math.floor(h);
  const a = sorted[j]!;
  const b = sorted[j + 1]!;
  const t = h - j;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * Type-7 quantile of the finite values of an unsorted sample (non-finite values are ignored, as
 * `numpy.nanquantile` ignores `NaN`). Sorts a copy: O(n log n); sort once and use
 * {@linkcode quantileSorted} for several levels.
 *
 * @param values Numbers (array or typed array); not mutated.
 * @param p Level in [0, 1].
 * @returns The quantile; `NaN` when no value is finite.
 * @throws {RangeError} When `p` is outside [0, 1]. {TypeError} When `values` holds a non-number.
 * @example
 * ```ts
 * import { quantile } from "./mod.ts";
 * if (quantile([4, NaN, 1, 3, 2], 0.5) !== 2.5) throw new Error();
 * ```
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  checkLevel(p);
  return quantileSorted(sortedFinite(values).sorted, p);
}
