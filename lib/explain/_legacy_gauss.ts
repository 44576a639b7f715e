/**
 * Private: numpy's legacy normal draws.
 *
 * @module
 */

/** numpy's legacy `RandomState.standard_normal`: Marsaglia's polar method, second value cached. */
export function legacyGauss(uniform: () => number): () => number {
  let cached = NaN;
  return function next(): number {
    if (!Number.isNaN(cached)) {
      const v = cached;
      cached = NaN;
      return v;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * uniform() - 1;
      x2 = 2 * uniform() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    cached = f * x1;
    return f * x2;
  };
}
