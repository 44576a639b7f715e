/**
 * Attribution drift: whether the model leans on different features in the current window than
 * in the reference, and which drifted columns matter because the model relies on them.
 *
 * @module
 */
import type { CheckResult } from "../types.ts";
import type { DriftResult } from "../drift/drift_result.ts";
import type { Attribution, AttributionBatch } from "./attribution.ts";
import { averageRanks, kendallTauB, spearman } from "./_rank_correlation.ts";

/** Attributions of many rows: a batch, or one {@linkcode Attribution} per row. */
export type AttributionRows = AttributionBatch | readonly Attribution[];

/** Options of {@linkcode meanAbsoluteAttribution}. */
export interface MeanAbsoluteAttributionOptions {
  /** Output (class) index to summarise; `"all"` averages |φ| over outputs too. @default "all" */
  output?: number | "all";
}

/** Options of {@linkcode attributionDrift}. */
export interface AttributionDriftOptions extends MeanAbsoluteAttributionOptions {
  /** Detection threshold on the importance shift (total variation of shares). @default 0.1 */
  threshold?: number;
  /** Column drift results (`columnDrift`, `datasetDrift` columns), matched by `column` name. @default none */
  columnDrift?: readonly DriftResult[];
}

/** One feature's importance in both windows and its column drift. */
export interface FeatureAttributionDrift {
  /** Feature name. */
  feature: string;
  /** Mean |attribution| on the reference. */
  referenceImportance: number;
  /** Mean |attribution| on the current window. */
  currentImportance: number;
  /** Share of the reference's total importance (0–1). */
  referenceShare: number;
  /** Share of the current window's total importance (0–1). */
  currentShare: number;
  /** Rank by reference importance, 1 = most important (ties: average rank). */
  referenceRank: number;
  /** Rank by current importance. */
  currentRank: number;
  /** `referenceRank − currentRank`: positive when the feature moved up. */
  rankChange: number;
  /** The column's drift result, when one was given for this feature. */
  drift?: { method: string; statistic: number; pValue?: number; detected: boolean };
  /**
   * How much this feature's drift matters: `max(referenceShare, currentShare)` when its column
   * drift was detected, else 0. A drifted feature the model ignores scores near 0.
   */
  priority: number;
}

/** The result of {@linkcode attributionDrift}: a check result with per-feature details. */
export interface AttributionDriftResult
  extends CheckResult<"attribution_drift", "importance_shift"> {
  /** Spearman's ρ between reference and current importances (NaN when one side is constant). */
  spearman: number;
  /** Kendall's τ-b between them. */
  kendall: number;
  /** Per feature, in column order. */
  features: FeatureAttributionDrift[];
  /** Feature names by descending `priority`, then reference share: what to look at first. */
  ranking: string[];
}

/**
 * Global importance per feature: the mean of |φ_cj| over rows (and outputs, with `"all"`), the
 * usual SHAP summary-bar value. O(n·k·p).
 *
 * @param rows An {@linkcode AttributionBatch} or an array of {@linkcode Attribution}.
 * @param options `output`.
 * @returns One value per feature, in column order (empty input gives NaN).
 * @throws {RangeError} When `output` is not an output index.
 * @example
 * ```ts
 * import { meanAbsoluteAttribution } from "./mod.ts";
 * const batch = { kind: "attribution_batch" as const, method: "exact_linear" as const,
 *   featureNames: ["a", "b"], outputNames: ["y"], baseValues: [0], nRows: 2,
 *   values: Float64Array.of(1, -2, -3, 0) };
 * if (meanAbsoluteAttribution(batch).join() !== "2,1") throw new Error();
 * ```
 */
export function meanAbsoluteAttribution(
  rows: AttributionRows,
  options: MeanAbsoluteAttributionOptions = {},
): number[] {
  const { output = "all" } = options;
  const { values, n, k, p } = flatten(rows);
  if (output !== "all" && !(Number.isInteger(output) && output >= 0 && output < k)) {
    throw new RangeError(`Cannot summarise attributions: output ${output} is not in 0..${k - 1}`);
  }
  const sums = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      if (output !== "all" && c !== output) continue;
      for (let j = 0; j < p; j++) sums[j]! += Math.abs(values[(i * k + c) * p + j]!);
    }
  }
  const count = n * (output === "all" ? k : 1);
  return sums.map((s) => s / count);
}

/**
 * Compares global importance (mean |attribution|) between a reference and a current window.
 * The statistic is the importance shift: the total variation distance between the two
 * importance shares, `½ Σ_j |share_ref,j − share_cur,j|` in [0, 1] (the share of importance that
 * moved between features); `detected` is `statistic > threshold`. The result also carries
 * Spearman's ρ and Kendall's τ-b between the importance vectors, each feature's rank change,
 * and, given column drift results, a `priority` that ranks drifted features by how much the
 * model relies on them. An empty window or all-zero attributions give `status: "error"`.
 * O(n·k·p + p²).
 *
 * @param reference Attributions of reference rows.
 * @param current Attributions of current rows (same features).
 * @param options `output`, `threshold`, `columnDrift`.
 * @returns An {@linkcode AttributionDriftResult}.
 * @throws {TypeError} When the two windows have different features.
 * @throws {RangeError} When `threshold` is not finite or `output` is out of range.
 * @example
 * ```ts
 * import { attributionDrift } from "./mod.ts";
 * function batch(values: number[]) {
 *   return { kind: "attribution_batch" as const, method: "exact_linear" as const,
 *     featureNames: ["a", "b"], outputNames: ["y"], baseValues: [0], nRows: 1,
 *     values: Float64Array.from(values) };
 * }
 * const r = attributionDrift(batch([3, 1]), batch([1, 3]));
 * // shares 0.75/0.25 became 0.25/0.75: half of the importance moved
 * if (r.statistic !== 0.5 || !r.detected || r.features[0]!.rankChange !== -1) throw new Error();
 * ```
 */
export function attributionDrift(
  reference: AttributionRows,
  current: AttributionRows,
  options: AttributionDriftOptions = {},
): AttributionDriftResult {
  const { threshold = 0.1, columnDrift = [] } = options;
  if (!Number.isFinite(threshold)) {
    throw new RangeError(
      `Cannot compute attribution drift: threshold must be finite, got ${threshold}`,
    );
  }
  const ref = flatten(reference);
  const cur = flatten(current);
  const featureNames = ref.n > 0 ? ref.featureNames : cur.featureNames;
  const comparable = ref.n === 0 || cur.n === 0 ||
    ref.featureNames.join("\u0000") === cur.featureNames.join("\u0000");
  if (!comparable) {
    throw new TypeError(
      `Cannot compute attribution drift: reference features [${ref.featureNames}] differ from current [${cur.featureNames}]`,
    );
  }
  const refImp = ref.n > 0
    ? meanAbsoluteAttribution(reference, options)
    : featureNames.map(() => NaN);
  const curImp = cur.n > 0
    ? meanAbsoluteAttribution(current, options)
    : featureNames.map(() => NaN);
  const refTotal = refImp.reduce((a, b) => a + b, 0);
  const curTotal = curImp.reduce((a, b) => a + b, 0);
  const refRanks = averageRanks(refImp.map((v) => -v));
  const curRanks = averageRanks(curImp.map((v) => -v));
  const byColumn = new Map(columnDrift.map((d) => [d.column, d]));
  const features = featureNames.map((feature, j): FeatureAttributionDrift => {
    const referenceShare = refImp[j]! / refTotal;
    const currentShare = curImp[j]! / curTotal;
    const d = byColumn.get(feature);
    const out: FeatureAttributionDrift = {
      feature,
      referenceImportance: refImp[j]!,
      currentImportance: curImp[j]!,
      referenceShare,
      currentShare,
      referenceRank: refRanks[j]!,
      currentRank: curRanks[j]!,
      rankChange: refRanks[j]! - curRanks[j]!,
      priority: d?.detected ? Math.max(referenceShare, currentShare) : 0,
    };
    if (d !== undefined) {
      out.drift = {
        method: d.method,
        statistic: d.statistic,
        ...(d.pValue === undefined ? {} : { pValue: d.pValue }),
        detected: d.detected,
      };
    }
    return out;
  });
  const ranking = [...features]
    .sort((a, b) => b.priority - a.priority || b.referenceShare - a.referenceShare)
    .map((f) => f.feature);
  const base = {
    kind: "attribution_drift" as const,
    method: "importance_shift" as const,
    threshold,
    operator: ">" as const,
    nReference: ref.n,
    nCurrent: cur.n,
    spearman: spearman(refImp, curImp),
    kendall: kendallTauB(refImp, curImp),
    features,
    ranking,
    details: { output: options.output ?? "all", statistic: "total_variation_of_shares" },
  };
  if (!(refTotal > 0 && curTotal > 0)) {
    return {
      ...base,
      status: "error",
      reason: ref.n === 0 || cur.n === 0
        ? `No rows in the ${ref.n === 0 ? "reference" : "current"} window`
        : `Every attribution is 0 in the ${refTotal > 0 ? "current" : "reference"} window`,
      statistic: NaN,
      detected: false,
    };
  }
  let tv = 0;
  for (const f of features) tv += Math.abs(f.referenceShare - f.currentShare);
  const statistic = tv / 2;
  return { ...base, status: "ok", statistic, detected: statistic > threshold };
}

function flatten(rows: AttributionRows) {
  if (!Array.isArray(rows)) {
    const b = rows as AttributionBatch;
    return {
      values: b.values,
      n: b.nRows,
      k: b.outputNames.length,
      p: b.featureNames.length,
      featureNames: b.featureNames,
    };
  }
  const list = rows as readonly Attribution[];
  const first = list[0];
  const k = first?.outputNames.length ?? 0;
  const p = first?.featureNames.length ?? 0;
  const values = new Float64Array(list.length * k * p);
  list.forEach((a, i) => a.values.forEach((v, c) => values.set(v, (i * k + c) * p)));
  return { values, n: list.length, k, p, featureNames: first?.featureNames ?? [] };
}
