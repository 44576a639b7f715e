/**
 * Private: the interventional value of feature coalitions, v(S) = Σ_b w_b f(x_S, b_S̄), by
 * evaluating the model on the background with the coalition's features set to the row's values.
 *
 * @module
 */
import type { ProbabilisticModel } from "./attribution.ts";
import { rowViews } from "./_rows.ts";

/** A weighted background in one block. */
export interface WeightedBlock {
  /** Row-major background rows, `n × p`. */
  data: Float64Array;
  /** Number of background rows. */
  n: number;
  /** Weights summing to 1. */
  weights: Float64Array;
}

/** Rows per `predictProba` call: bounds memory while keeping calls batched. */
const CHUNK_ROWS = 1 << 16;

/**
 * `masks` is row-major `nCoalitions × p` of 0/1; returns row-major `nCoalitions × nOutputs`
 * values and the number of outputs. Cost O(nCoalitions · nBackground) model rows.
 */
export function coalitionValues(
  model: ProbabilisticModel,
  x: Float64Array,
  background: WeightedBlock,
  masks: Uint8Array,
  nCoalitions: number,
): { values: Float64Array; nOutputs: number } {
  const p = x.length;
  const { data, n, weights } = background;
  const perChunk = Math.max(1, Math.floor(CHUNK_ROWS / n));
  let values = new Float64Array(0);
  let k = 0;
  for (let start = 0; start < nCoalitions; start += perChunk) {
    const count = Math.min(perChunk, nCoalitions - start);
    const synth = new Float64Array(count * n * p);
    for (let s = 0; s < count; s++) {
      const m = (start + s) * p;
      const base = s * n * p;
      synth.set(data, base);
      for (let j = 0; j < p; j++) {
        if (masks[m + j] !== 1) continue;
        const xj = x[j]!;
        for (let b = 0; b < n; b++) synth[base + b * p + j] = xj;
      }
    }
    const out = model.predictProba(rowViews(synth, count * n, p));
    if (k === 0) {
      k = out.length / (count * n);
      if (!Number.isInteger(k) || k < 1) {
        throw new TypeError(
          `Cannot explain: predictProba returned ${out.length} values for ${count * n} rows`,
        );
      }
      values = new Float64Array(nCoalitions * k);
    }
    for (let s = 0; s < count; s++) {
      for (let b = 0; b < n; b++) {
        const w = weights[b]!;
        const o = (s * n + b) * k;
        for (let c = 0; c < k; c++) values[(start + s) * k + c]! += w * out[o + c]!;
      }
    }
  }
  return { values, nOutputs: k };
}
