/**
 * Exact interventional Shapley values by enumerating every coalition: the reference the other
 * explainers are tested against.
 *
 * @module
 */
import type { Attribution, ProbabilisticModel } from "./attribution.ts";
import type { BackgroundSet } from "./background.ts";
import { coalitionValues } from "./_coalition_values.ts";
import { binomial } from "./_binomial.ts";
import { names, toBlock, weightedBackground } from "./_rows.ts";

/** Most features {@linkcode exactShapley} enumerates (2^12 coalitions × background rows). */
export const EXACT_SHAPLEY_MAX_FEATURES = 12;

/** Options of {@linkcode exactShapley}. */
export interface ExactShapleyOptions {
  /** Weights of plain background rows (a {@linkcode BackgroundSet} carries its own). @default uniform */
  backgroundWeights?: ArrayLike<number>;
  /** Feature names. @default `["x0", "x1", …]` */
  featureNames?: readonly string[];
  /** Output names. @default `["0", "1", …]` */
  outputNames?: readonly string[];
}

/**
 * Exact Shapley values of one row under the interventional (feature-independence) value
 * function `v(S) = Σ_b w_b f(x_S, b_S̄)` over a weighted background:
 * `φ_i = Σ_{S ⊆ N∖{i}} |S|!(M−|S|−1)!/M! · (v(S ∪ {i}) − v(S))`, per output. This is the
 * quantity KernelSHAP estimates (Lundberg & Lee 2017) and the one shap's `ExactExplainer` computes
 * with an independent masker. Cost O(2^M · nBackground) model rows plus O(M · 2^M).
 *
 * @param model Any {@linkcode ProbabilisticModel}.
 * @param x The row to explain.
 * @param background Rows or a {@linkcode BackgroundSet}.
 * @param options Background weights, names.
 * @returns An {@linkcode Attribution} with `method: "exact_shapley"`.
 * @throws {RangeError} When the model has more than {@linkcode EXACT_SHAPLEY_MAX_FEATURES}
 * features, or a value is not finite.
 * @throws {TypeError} When a row's width differs from `model.nFeatures`.
 * @example
 * ```ts
 * import { exactShapley } from "./mod.ts";
 * // f(x) = x0 · x1 against the background row [0, 0]: the product is split equally.
 * const model = { nFeatures: 2, predictProba: (X: ArrayLike<ArrayLike<number>>) =>
 *   Float64Array.from(Array.from(X, (r) => r[0]! * r[1]!)) };
 * const a = exactShapley(model, [2, 3], [[0, 0]]);
 * if (a.values[0]!.join() !== "3,3" || a.baseValues[0] !== 0) throw new Error();
 * ```
 */
export function exactShapley(
  model: ProbabilisticModel,
  x: ArrayLike<number>,
  background: ArrayLike<ArrayLike<number>> | BackgroundSet,
  options: ExactShapleyOptions = {},
): Attribution {
  const M = model.nFeatures;
  if (!Number.isInteger(M) || M < 1 || M > EXACT_SHAPLEY_MAX_FEATURES) {
    throw new RangeError(
      `Cannot compute exact Shapley values: ${M} features, expected 1 to ${EXACT_SHAPLEY_MAX_FEATURES} (use kernelShap)`,
    );
  }
  const row = toBlock([x], M, "compute exact Shapley values").data;
  const bg = weightedBackground(
    background,
    M,
    "compute exact Shapley values",
    options.backgroundWeights,
  );
  const nCoalitions = 1 << M;
  const masks = new Uint8Array(nCoalitions * M);
  for (let s = 0; s < nCoalitions; s++) for (let j = 0; j < M; j++) masks[s * M + j] = (s >> j) & 1;
  const { values: v, nOutputs: k } = coalitionValues(model, row, bg, masks, nCoalitions);
  const weightBySize = Array.from({ length: M }, (_, s) => 1 / (M * binomial(M - 1, s)));
  const values = Array.from({ length: k }, () => new Array<number>(M).fill(0));
  for (let s = 0; s < nCoalitions; s++) {
    const size = popcount(s);
    for (let i = 0; i < M; i++) {
      if ((s >> i) & 1) continue;
      const w = weightBySize[size]!;
      const t = s | (1 << i);
      for (let c = 0; c < k; c++) values[c]![i]! += w * (v[t * k + c]! - v[s * k + c]!);
    }
  }
  return {
    kind: "attribution",
    method: "exact_shapley",
    space: "model_output",
    featureNames: names(options.featureNames, M, "x"),
    outputNames: names(options.outputNames, k, ""),
    baseValues: Array.from(v.subarray(0, k)),
    output: Array.from(v.subarray((nCoalitions - 1) * k, nCoalitions * k)),
    values,
    row: Array.from(row),
    details: { coalitions: nCoalitions, nBackground: bg.n },
  };
}

function popcount(s: number): number {
  let c = 0;
  for (let v = s; v; v &= v - 1) c++;
  return c;
}
