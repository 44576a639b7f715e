/**
 * Precision, recall and F-beta from the confusion matrix (private), following scikit-learn 1.2.1's
 * `precision_recall_fscore_support`: per-class ratios with `zero_division` substituted for 0/0, then
 * `F = (1+β²)PR / (β²P + R)` (0 when the denominator is 0), then the average.
 *
 * @module
 */
import type { Average, ZeroDivision } from "./metric_result.ts";

/** Per-class and averaged precision, recall and F-beta. */
export interface PrfCore {
  precision: number;
  recall: number;
  fscore: number;
  perClass: { precision: number[]; recall: number[]; fscore: number[]; support: number[] };
  warnings: string[];
}

function divide(
  num: number,
  den: number,
  zd: ZeroDivision,
): number {
  if (den !== 0) return num / den;
  return zd === "warn" ? 0 : zd;
}

function fbeta(p: number, r: number, beta2: number): number {
  if (Number.isNaN(p) || Number.isNaN(r)) return NaN;
  if (beta2 === Infinity) return r;
  const den = beta2 * p + r;
  return den === 0 ? 0 : ((1 + beta2) * p * r) / den;
}

/** Mean of `v` weighted by `w` (uniform when absent), skipping NaN values; NaN when all are NaN. */
function nanAverage(v: number[], w?: number[]): number {
  let s = 0, ws = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) continue;
    const wi = w ? w[i]! : 1;
    s += wi * x;
    ws += wi;
  }
  return ws === 0 ? NaN : s / ws;
}

function warn(names: string[], what: string, zd: ZeroDivision, why: string): string[] {
  if (zd !== "warn" || names.length === 0) return [];
  return [
    `${what} ill-defined and set to 0 for classes with no ${why} samples: ${names.join(", ")}`,
  ];
}

/** Computes the per-class values and the requested average. O(k²). */
export function prfFromCounts(
  c: Float64Array,
  k: number,
  names: readonly string[],
  average: Average,
  beta: number,
  zd: ZeroDivision,
  posLabel: number,
): PrfCore {
  const beta2 = beta * beta;
  const tp: number[] = [], predSum: number[] = [], trueSum: number[] = [];
  for (let i = 0; i < k; i++) {
    let row = 0, col = 0;
    for (let j = 0; j < k; j++) {
      row += c[i * k + j]!;
      col += c[j * k + i]!;
    }
    tp.push(c[i * k + i]!);
    trueSum.push(row);
    predSum.push(col);
  }
  const precision = tp.map((t, i) => divide(t, predSum[i]!, zd));
  const recall = tp.map((t, i) => divide(t, trueSum[i]!, zd));
  const fscore = precision.map((p, i) => fbeta(p, recall[i]!, beta2));
  const perClass = { precision, recall, fscore, support: trueSum };
  const noPred = names.filter((_, i) =>
    predSum[i] === 0 && (average !== "binary" || i === posLabel)
  );
  const noTrue = names.filter((_, i) =>
    trueSum[i] === 0 && (average !== "binary" || i === posLabel)
  );
  if (average === "micro") {
    const t = tp.reduce((a, b) => a + b, 0);
    const ps = predSum.reduce((a, b) => a + b, 0), ts = trueSum.reduce((a, b) => a + b, 0);
    const p = divide(t, ps, zd), r = divide(t, ts, zd);
    const warnings = [
      ...warn(ps === 0 ? ["all"] : [], "Precision is", zd, "predicted"),
      ...warn(ts === 0 ? ["all"] : [], "Recall is", zd, "true"),
    ];
    return { precision: p, recall: r, fscore: fbeta(p, r, beta2), perClass, warnings };
  }
  const warnings = [
    ...warn(noPred, "Precision is", zd, "predicted"),
    ...warn(noTrue, "Recall is", zd, "true"),
  ];
  if (average === "binary") {
    return {
      precision: precision[posLabel]!,
      recall: recall[posLabel]!,
      fscore: fscore[posLabel]!,
      perClass,
      warnings,
    };
  }
  const w = average === "weighted" ? trueSum : undefined;
  return {
    precision: nanAverage(precision, w),
    recall: nanAverage(recall, w),
    fscore: nanAverage(fscore, w),
    perClass,
    warnings,
  };
}
