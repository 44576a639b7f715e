/**
 * Input checks shared by the metrics (private). Misuse throws: mismatched lengths → TypeError;
 * NaN/infinite scores, probabilities outside [0, 1] or rows not summing to 1 (± {@linkcode
 * ROW_SUM_TOLERANCE}), labels that are not integers in `0..k-1` → RangeError naming the index.
 *
 * @module
 */
import type { ClassOptions } from "./metric_result.ts";

/** Largest accepted `|Σ_j p_ij − 1|` for a probability row. */
export const ROW_SUM_TOLERANCE = 1e-6;

/** Throws a TypeError unless `a` and `b` have the same length. */
export function checkSameLength(
  metric: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  names: [string, string] = ["yTrue", "yPred"],
): void {
  if (a == null || typeof a.length !== "number" || b == null || typeof b.length !== "number") {
    throw new TypeError(`Cannot compute ${metric}: inputs must be arrays or typed arrays`);
  }
  if (a.length !== b.length) {
    throw new TypeError(
      `Cannot compute ${metric}: ${names[0]} has ${a.length} values but ${
        names[1]
      } has ${b.length}`,
    );
  }
}

function badLabel(metric: string, what: string, i: number, v: number, k: number): RangeError {
  const range = k > 0 ? `0..${k - 1}` : "0, 1, 2…";
  return new RangeError(
    `Cannot compute ${metric}: ${what}[${i}] is ${v}, expected an integer class index in ${range}`,
  );
}

/** Max label over the arrays after checking each is a non-negative integer. */
function maxLabel(metric: string, arrays: [string, ArrayLike<number>][]): number {
  let max = -1;
  for (const [what, y] of arrays) {
    for (let i = 0; i < y.length; i++) {
      const v = y[i]!;
      if (!Number.isInteger(v) || v < 0) throw badLabel(metric, what, i, v, 0);
      if (v > max) max = v;
    }
  }
  return max;
}

/**
 * Resolves k from `nClasses`, `labels`, a probability width, or the labels seen (at least 2), and
 * returns the class names.
 */
export function resolveClasses(
  metric: string,
  options: ClassOptions,
  arrays: [string, ArrayLike<number>][],
  width?: number,
): { k: number; names: string[] } {
  const { nClasses, labels } = options;
  if (nClasses !== undefined && (!Number.isInteger(nClasses) || nClasses < 1)) {
    throw new RangeError(
      `Cannot compute ${metric}: nClasses must be a positive integer, got ${nClasses}`,
    );
  }
  if (labels !== undefined && nClasses !== undefined && labels.length !== nClasses) {
    throw new RangeError(
      `Cannot compute ${metric}: ${labels.length} labels given but nClasses is ${nClasses}`,
    );
  }
  let k = nClasses ?? labels?.length ?? width;
  if (k === undefined) k = Math.max(2, maxLabel(metric, arrays) + 1);
  for (const [what, y] of arrays) checkLabels(metric, what, y, k);
  const names = labels ? [...labels] : Array.from({ length: k }, (_, i) => String(i));
  return { k, names };
}

/** Throws a RangeError naming the first value of `y` that is not an integer in `0..k-1`. */
export function checkLabels(metric: string, what: string, y: ArrayLike<number>, k: number): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!(v >= 0 && v < k && Number.isInteger(v))) throw badLabel(metric, what, i, v, k);
  }
}

/** Copies scores to a Float64Array (or reuses one), throwing a RangeError at the first non-finite. */
export function checkScores(
  metric: string,
  scores: ArrayLike<number>,
  what = "scores",
  unit = false,
): Float64Array {
  const out = scores instanceof Float64Array ? scores : Float64Array.from(scores);
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (!Number.isFinite(v)) {
      throw new RangeError(`Cannot compute ${metric}: ${what}[${i}] is ${v}`);
    }
    if (unit && (v < 0 || v > 1)) {
      throw new RangeError(`Cannot compute ${metric}: ${what}[${i}] is ${v}, outside [0, 1]`);
    }
  }
  return out;
}

/**
 * Checks a row-major n×k probability matrix: finite entries in [0, 1], rows summing to 1 within
 * {@linkcode ROW_SUM_TOLERANCE}. Writes each row's argmax (first maximum) to `argmax` if given.
 */
export function checkProba(
  metric: string,
  proba: ArrayLike<number>,
  n: number,
  k: number,
  argmax?: Int32Array,
): Float64Array {
  if (proba.length !== n * k) {
    throw new TypeError(
      `Cannot compute ${metric}: proba has ${proba.length} values, expected ${n} rows × ${k} classes`,
    );
  }
  const p = proba instanceof Float64Array ? proba : Float64Array.from(proba);
  for (let i = 0, o = 0; i < n; i++) {
    let s = 0, best = 0, top = -1;
    for (let j = 0; j < k; j++, o++) {
      const v = p[o]!;
      if (!(v >= 0 && v <= 1)) throw probaOutsideUnit(metric, i, j, v);
      s += v;
      if (v > top) (top = v, best = j);
    }
    if (argmax) argmax[i] = best;
    if (Math.abs(s - 1) > ROW_SUM_TOLERANCE) throw probaRowSum(metric, i, s);
  }
  return p;
}

/** The error for a probability outside [0, 1] at row i, class j. */
export function probaOutsideUnit(metric: string, i: number, j: number, v: number): RangeError {
  return new RangeError(
    `Cannot compute ${metric}: proba row ${i}, class ${j} is ${v}, outside [0, 1]`,
  );
}

/** The error for a probability row whose sum s is not 1. */
export function probaRowSum(metric: string, i: number, s: number): RangeError {
  return new RangeError(`Cannot compute ${metric}: proba row ${i} sums to ${s}, not 1`);
}

/**
 * Width of a score input: 1 for a 1-D binary score array (length n), k for a row-major n×k matrix.
 * Throws a TypeError when the length is neither.
 */
export function scoreWidth(
  metric: string,
  n: number,
  scores: ArrayLike<number>,
  options: ClassOptions,
): number {
  if (scores == null || typeof scores.length !== "number") {
    throw new TypeError(`Cannot compute ${metric}: scores must be an array or typed array`);
  }
  const k = options.nClasses ?? options.labels?.length;
  if (n === 0 && scores.length === 0) return k ?? 1;
  if (scores.length === n && (k === undefined || k <= 2)) return 1;
  if (k !== undefined && scores.length === n * k) return k;
  if (k === undefined && n > 0 && scores.length % n === 0 && scores.length / n >= 2) {
    return scores.length / n;
  }
  throw new TypeError(
    `Cannot compute ${metric}: scores have ${scores.length} values for ${n} labels; expected ${n}` +
      ` (binary scores) or ${n} × k (probabilities)`,
  );
}
