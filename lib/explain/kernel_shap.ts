/**
 * KernelSHAP (Lundberg & Lee 2017) for any model with a batch `predictProba`.
 *
 * @module
 */
import { mt19937 } from "../stats/mt19937.ts";
import type { Attribution, ProbabilisticModel } from "./attribution.ts";
import type { BackgroundSet } from "./background.ts";
import { coalitionValues } from "./_coalition_values.ts";
import { binomial } from "./_binomial.ts";
import { names, toBlock, weightedBackground } from "./_rows.ts";
import { solveSymmetric } from "./_solve.ts";

/** Options of {@linkcode kernelShap}. */
export interface KernelShapOptions {
  /**
   * Coalitions to evaluate (shap's `nsamples`), capped at 2^M − 2; when the budget covers them
   * all, every coalition is enumerated and the result is exact. @default 2·M + 2048 (shap's "auto")
   */
  nSamples?: number;
  /** Seed of numpy's MT19937 for coalition sampling. @default 0 */
  seed?: number;
  /** Weights of plain background rows (a {@linkcode BackgroundSet} carries its own). @default uniform */
  backgroundWeights?: ArrayLike<number>;
  /** Feature names. @default `["x0", "x1", …]` */
  featureNames?: readonly string[];
  /** Output names. @default `["0", "1", …]` */
  outputNames?: readonly string[];
}

/**
 * KernelSHAP attributions of one row, per output, following shap's `KernelExplainer` (identity
 * link): the Shapley kernel weight `(M−1) / (C(M,s)·s·(M−s))` per coalition size s; subset sizes
 * enumerated fully, smallest and largest first, while the budget allows (paired with their
 * complements); the rest drawn by size from the remaining kernel mass, each draw paired with its
 * complement, repeats adding weight; then the weighted least squares with the efficiency
 * constraint enforced by eliminating the last feature, so `Σ φ = f(x) − E[f]` exactly. The value
 * of a coalition is interventional: f averaged over the weighted background with the coalition's
 * features set to x. With the whole budget enumerated it equals {@linkcode exactShapley}.
 *
 * Where Vigil differs from shap 0.4x: no L1 feature selection (shap's `l1_reg="auto"` runs
 * LassoLarsIC when under 20 % of coalitions are evaluated; Vigil always solves the full
 * regression); every feature is treated as varying (shap gives 0 to features equal to every
 * background value and leaves them out of the regression — their exact value is 0 as well); the
 * random draws come from a seeded MT19937 passed in, not numpy's global state; and a singular
 * system drops the degenerate direction instead of using a pseudo-inverse. Cost O(nSamples ·
 * nBackground) model rows plus O(nSamples · M²).
 *
 * @param model Any {@linkcode ProbabilisticModel}.
 * @param x The row to explain.
 * @param background Rows or a {@linkcode BackgroundSet} (100 or fewer rows keep it fast).
 * @param options `nSamples`, `seed`, weights, names.
 * @returns An {@linkcode Attribution} with `method: "kernel_shap"`; `details` records
 * `nSamples` (coalitions evaluated), `exact` (all enumerated), `seed` and `nBackground`.
 * @throws {TypeError} When a row's width differs from `model.nFeatures`.
 * @throws {RangeError} When `nSamples` is not a positive integer or a value is not finite.
 * @example
 * ```ts
 * import { exactShapley, kernelShap } from "./mod.ts";
 * const model = { nFeatures: 3, predictProba: (X: ArrayLike<ArrayLike<number>>) =>
 *   Float64Array.from(Array.from(X, (r) => r[0]! * r[1]! + Math.sin(r[2]!))) };
 * const background = [[0, 1, 0], [1, 0, 2], [2, 2, 1]];
 * const k = kernelShap(model, [1, 2, 3], background);
 * const e = exactShapley(model, [1, 2, 3], background);
 * if (!k.details.exact) throw new Error("2^3 - 2 coalitions fit the default budget");
 * if (k.values[0]!.some((v, j) => Math.abs(v - e.values[0]![j]!) > 1e-12)) throw new Error();
 * ```
 */
export function kernelShap(
  model: ProbabilisticModel,
  x: ArrayLike<number>,
  background: ArrayLike<ArrayLike<number>> | BackgroundSet,
  options: KernelShapOptions = {},
): Attribution {
  const M = model.nFeatures;
  const action = "compute KernelSHAP";
  const { nSamples: requested = 2 * M + 2048, seed = 0 } = options;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new RangeError(`Cannot ${action}: nSamples must be a positive integer, got ${requested}`);
  }
  const row = toBlock([x], M, action).data;
  const bg = weightedBackground(background, M, action, options.backgroundWeights);
  // Row 0: the empty coalition (E[f]); row 1: the full one (f(x)).
  const ends = new Uint8Array(2 * M);
  ends.fill(1, M);
  const { values: fv, nOutputs: k } = coalitionValues(model, row, bg, ends, 2);
  const fnull = fv.subarray(0, k);
  const fx = fv.subarray(k, 2 * k);
  const maxSamples = M > 30 ? 2 ** 30 : 2 ** M - 2;
  const nSamples = Math.min(requested, maxSamples);
  const values = Array.from({ length: k }, () => new Array<number>(M).fill(0));
  if (M === 1) { for (let c = 0; c < k; c++) values[c]![0] = fx[c]! - fnull[c]!; }
  if (M > 1) {
    const { masks, weights, count } = sampleCoalitions(M, nSamples, seed);
    const { values: ey } = coalitionValues(model, row, bg, masks, count);
    solve(masks, weights, count, M, ey, k, fx, fnull, values);
  }
  return {
    kind: "attribution",
    method: "kernel_shap",
    space: "model_output",
    featureNames: names(options.featureNames, M, "x"),
    outputNames: names(options.outputNames, k, ""),
    baseValues: Array.from(fnull),
    output: Array.from(fx),
    values,
    row: Array.from(row),
    details: { nSamples, exact: nSamples === maxSamples, seed, nBackground: bg.n },
  };
}

/** shap's coalition schedule: full sizes while the budget allows, then paired weighted draws. */
function sampleCoalitions(M: number, nSamples: number, seed: number) {
  const masks = new Uint8Array(nSamples * M);
  const weights = new Float64Array(nSamples);
  let count = 0;
  function add(mask: Uint8Array, w: number): void {
    masks.set(mask, count * M);
    weights[count++] = w;
  }
  const nSizes = Math.ceil((M - 1) / 2);
  const nPaired = Math.floor((M - 1) / 2);
  const weightVector = Array.from({ length: nSizes }, (_, i) => (M - 1) / ((i + 1) * (M - i - 1)));
  if (nPaired !== nSizes) weightVector[nSizes - 1]! /= 2;
  const total = weightVector.reduce((a, b) => a + b, 0);
  for (let i = 0; i < nSizes; i++) weightVector[i]! /= total;
  let full = 0;
  let left = nSamples;
  const remaining = [...weightVector];
  const mask = new Uint8Array(M);
  for (let size = 1; size <= nSizes; size++) {
    const paired = size <= nPaired;
    const nSubsets = binomial(M, size) * (paired ? 2 : 1);
    if (!((left * remaining[size - 1]!) / nSubsets >= 1 - 1e-8)) break;
    full++;
    left -= nSubsets;
    if (remaining[size - 1]! < 1) {
      const scale = 1 - remaining[size - 1]!;
      for (let i = 0; i < nSizes; i++) remaining[i]! /= scale;
    }
    const w = weightVector[size - 1]! / binomial(M, size) / (paired ? 2 : 1);
    for (const inds of combinations(M, size)) {
      mask.fill(0);
      for (const j of inds) mask[j] = 1;
      add(mask, w);
      if (paired) {
        for (let j = 0; j < M; j++) mask[j] = 1 - mask[j]!;
        add(mask, w);
      }
    }
  }
  const nFixed = count;
  left = nSamples - count;
  if (full !== nSizes && left > 0) {
    const rng = mt19937(seed);
    const rest = weightVector.map((w, i) => (i < nPaired ? w / 2 : w)).slice(full);
    const cdf: number[] = [];
    let acc = 0;
    for (const w of rest) cdf.push(acc += w);
    const used = new Map<string, number>();
    for (let draw = 0; draw < 4 * (nSamples - nFixed) && left > 0; draw++) {
      const u = rng.randomSample() * acc;
      let ind = 0;
      while (ind < cdf.length - 1 && cdf[ind]! <= u) ind++;
      const size = ind + full + 1;
      mask.fill(0);
      const perm = rng.permutation(M);
      for (let t = 0; t < size; t++) mask[perm[t]!] = 1;
      const key = mask.join("");
      const seen = used.get(key);
      if (seen === undefined) {
        used.set(key, count);
        left--;
        add(mask, 1);
      } else weights[seen]!++;
      if (left > 0 && size <= nPaired) {
        for (let j = 0; j < M; j++) mask[j] = 1 - mask[j]!;
        if (seen === undefined) {
          left--;
          add(mask, 1);
        } else weights[seen + 1]!++;
      }
    }
    const weightLeft = weightVector.slice(full).reduce((a, b) => a + b, 0);
    let sampled = 0;
    for (let s = nFixed; s < count; s++) sampled += weights[s]!;
    for (let s = nFixed; s < count; s++) weights[s]! *= weightLeft / sampled;
  }
  return { masks, weights, count };
}

function* combinations(M: number, size: number): Generator<number[]> {
  const idx = Array.from({ length: size }, (_, i) => i);
  while (true) {
    yield idx;
    let i = size - 1;
    while (i >= 0 && idx[i] === M - size + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < size; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/** Constrained WLS: eliminate the last feature so the attributions sum to f(x) − E[f]. */
function solve(
  masks: Uint8Array,
  weights: Float64Array,
  count: number,
  M: number,
  ey: Float64Array,
  k: number,
  fx: Float64Array,
  fnull: Float64Array,
  out: number[][],
): void {
  const q = M - 1;
  const A = new Float64Array(q * q);
  const e = new Float64Array(q);
  for (let s = 0; s < count; s++) {
    const last = masks[s * M + q]!;
    for (let a = 0; a < q; a++) e[a] = masks[s * M + a]! - last;
    const w = weights[s]!;
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) A[a * q + b]! += w * e[a]! * e[b]!;
  }
  for (let c = 0; c < k; c++) {
    const total = fx[c]! - fnull[c]!;
    const rhs = new Float64Array(q);
    for (let s = 0; s < count; s++) {
      const last = masks[s * M + q]!;
      const y = ey[s * k + c]! - fnull[c]! - last * total;
      const w = weights[s]!;
      for (let a = 0; a < q; a++) rhs[a]! += w * (masks[s * M + a]! - last) * y;
    }
    const phi = solveSymmetric(A, rhs, q);
    let sum = 0;
    for (let a = 0; a < q; a++) sum += out[c]![a] = phi[a]!;
    out[c]![q] = total - sum;
  }
}
