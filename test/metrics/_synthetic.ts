/**
 * Seeded synthetic classifier output for tests, the bench and scripts/compare_metrics.ts.
 *
 * @module
 */
import { normalRandom, seededRandom } from "../../lib/stats/random.ts";

/**
 * n labels uniform over k classes and row-major n×k softmax probabilities of noisy logits
 * (`N(0, 1) + signal·[j = y]`). With `decimals`, logits are rounded so that scores tie.
 */
export function syntheticPredictions(
  n: number,
  k: number,
  seed: number,
  options: { signal?: number; decimals?: number } = {},
): { yTrue: Int32Array; proba: Float64Array } {
  const { signal = 1.5, decimals } = options;
  const rand = seededRandom(seed);
  const z = normalRandom(rand);
  const scale = decimals === undefined ? 0 : 10 ** decimals;
  const yTrue = new Int32Array(n), proba = new Float64Array(n * k);
  for (let i = 0, o = 0; i < n; i++, o += k) {
    const y = Math.floor(rand() * k);
    yTrue[i] = y;
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      let v = z() + (j === y ? signal : 0);
      if (scale) v = Math.round(v * scale) / scale;
      proba[o + j] = v;
      if (v > max) max = v;
    }
    let s = 0;
    for (let j = 0; j < k; j++) s += proba[o + j] = Math.exp(proba[o + j]! - max);
    for (let j = 0; j < k; j++) proba[o + j]! /= s;
  }
  return { yTrue, proba };
}
