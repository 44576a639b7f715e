/**
 * Background sets for interventional Shapley values: a sample of rows (shap's `shap.sample`) or
 * a weighted k-means summary (shap's `shap.kmeans`).
 *
 * @module
 */
import { mt19937 } from "../stats/mt19937.ts";
import { toBlock } from "./_rows.ts";

/** A summarised background: rows with weights summing to 1. Plain JSON. */
export interface BackgroundSet {
  /** Always `"background"`. */
  kind: "background";
  /** How the rows were chosen. */
  method: "sample" | "kmeans";
  /** The background rows. */
  rows: number[][];
  /** One weight per row, summing to 1. */
  weights: number[];
  /** Rows summarised. */
  nSource: number;
  /** Seed used. */
  seed: number;
}

/** Options of {@linkcode sampleBackground} and {@linkcode kmeansBackground}. */
export interface BackgroundOptions {
  /** Seed of numpy's MT19937 (`random_state`). @default 0 */
  seed?: number;
}

/** Options of {@linkcode kmeansBackground}. */
export interface KmeansBackgroundOptions extends BackgroundOptions {
  /** Lloyd iterations at most. @default 100 */
  maxIterations?: number;
  /** Snap each centre's value to the nearest value of that feature in the data (shap's `round_values`). @default true */
  roundValues?: boolean;
}

/**
 * `k` rows drawn without replacement, equally weighted. Equals shap's `shap.sample(X, k,
 * random_state=seed)` (scikit-learn's `resample(replace=False)`: the first k entries of numpy's
 * `RandomState(seed)` shuffle of 0..n−1); all rows when k ≥ n. O(n).
 *
 * @param X Rows (n × p).
 * @param k Rows to keep.
 * @param options `seed`.
 * @returns A {@linkcode BackgroundSet} with `method: "sample"`.
 * @throws {TypeError} For ragged or empty rows.
 * @throws {RangeError} When k is not a positive integer or a value is not finite.
 * @example
 * ```ts
 * import { sampleBackground } from "./mod.ts";
 * const bg = sampleBackground([[1], [2], [3], [4]], 2);
 * if (bg.rows.length !== 2 || bg.weights[0] !== 0.5) throw new Error();
 * ```
 */
export function sampleBackground(
  X: ArrayLike<ArrayLike<number>>,
  k: number,
  options: BackgroundOptions = {},
): BackgroundSet {
  const { seed = 0 } = options;
  checkK(k);
  const p = X[0]?.length ?? 0;
  const { data, n } = toBlock(X, p, "sample a background");
  const order = mt19937(seed).permutation(n).subarray(0, Math.min(k, n));
  const rows = Array.from(order, (i) => Array.from(data.subarray(i * p, (i + 1) * p)));
  return {
    kind: "background",
    method: "sample",
    rows,
    weights: rows.map(() => 1 / rows.length),
    nSource: n,
    seed,
  };
}

/**
 * A weighted k-means summary: k centres with weights equal to the share of rows nearest each
 * (shap's `shap.kmeans`, which also snaps centres to observed values). Vigil runs seeded
 * k-means++ initialisation then Lloyd iterations on numpy's MT19937, not scikit-learn's
 * `KMeans(n_init=10)`, so the centres are a comparable summary, not the same numbers.
 * O(n · k · p · iterations). Empty clusters are dropped.
 *
 * @param X Rows (n × p).
 * @param k Number of centres (all distinct rows when k ≥ n).
 * @param options `seed`, `maxIterations`, `roundValues`.
 * @returns A {@linkcode BackgroundSet} with `method: "kmeans"`.
 * @throws {TypeError} For ragged or empty rows.
 * @throws {RangeError} When k is not a positive integer or a value is not finite.
 * @example
 * ```ts
 * import { kmeansBackground } from "./mod.ts";
 * const bg = kmeansBackground([[0], [0.1], [10], [10.1]], 2);
 * const sorted = bg.rows.map((r) => r[0]!).sort((a, b) => a - b);
 * if (sorted[0]! > 0.1 || sorted[1]! < 10 || bg.weights[0] !== 0.5) throw new Error();
 * ```
 */
export function kmeansBackground(
  X: ArrayLike<ArrayLike<number>>,
  k: number,
  options: KmeansBackgroundOptions = {},
): BackgroundSet {
  const { seed = 0, maxIterations = 100, roundValues = true } = options;
  checkK(k);
  const p = X[0]?.length ?? 0;
  const { data, n } = toBlock(X, p, "summarise a background");
  const rng = mt19937(seed);
  const kk = Math.min(k, n);
  const centres = new Float64Array(kk * p);
  const d2 = new Float64Array(n).fill(Infinity);
  let chosen = rng.randomInterval(n - 1);
  for (let c = 0; c < kk; c++) {
    centres.set(data.subarray(chosen * p, (chosen + 1) * p), c * p);
    let total = 0;
    for (let i = 0; i < n; i++) {
      d2[i] = Math.min(d2[i]!, dist2(data, i, centres, c, p));
      total += d2[i]!;
    }
    if (total === 0) break;
    chosen = pickByWeight(d2, rng.randomSample() * total);
  }
  const labels = new Int32Array(n).fill(-1);
  for (let it = 0; it < maxIterations; it++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < kk; c++) {
        if (dist2(data, i, centres, c, p) < dist2(data, i, centres, best, p)) best = c;
      }
      if (labels[i] !== best) changed = true;
      labels[i] = best;
    }
    if (!changed) break;
    centres.fill(0);
    const counts = new Float64Array(kk);
    for (let i = 0; i < n; i++) {
      counts[labels[i]!]!++;
      for (let j = 0; j < p; j++) centres[labels[i]! * p + j]! += data[i * p + j]!;
    }
    for (let c = 0; c < kk; c++) for (let j = 0; j < p; j++) centres[c * p + j]! /= counts[c]!;
  }
  const counts = new Float64Array(kk);
  for (let i = 0; i < n; i++) counts[labels[i]!]!++;
  const rows: number[][] = [];
  const weights: number[] = [];
  for (let c = 0; c < kk; c++) {
    if (counts[c] === 0) continue;
    const centre = Array.from(centres.subarray(c * p, (c + 1) * p));
    rows.push(roundValues ? centre.map((v, j) => nearestValue(data, n, p, j, v)) : centre);
    weights.push(counts[c]! / n);
  }
  return { kind: "background", method: "kmeans", rows, weights, nSource: n, seed };
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`Cannot summarise a background: k must be a positive integer, got ${k}`);
  }
}

function pickByWeight(w: Float64Array, u: number): number {
  for (let i = 0; i < w.length; i++) if ((u -= w[i]!) < 0) return i;
  let last = w.length - 1;
  while (last > 0 && w[last] === 0) last--;
  return last;
}

function dist2(data: Float64Array, i: number, centres: Float64Array, c: number, p: number): number {
  let s = 0;
  for (let j = 0; j < p; j++) {
    const d = data[i * p + j]! - centres[c * p + j]!;
    s += d * d;
  }
  return s;
}

function nearestValue(data: Float64Array, n: number, p: number, j: number, v: number): number {
  let best = data[j]!;
  for (let i = 1; i < n; i++) {
    if (Math.abs(data[i * p + j]! - v) < Math.abs(best - v)) best = data[i * p + j]!;
  }
  return best;
}
