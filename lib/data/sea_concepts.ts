/**
 * The SEA concepts stream (Street & Kim 2001), draw for draw as River's `datasets.synth.SEA`.
 *
 * @module
 */
import { pythonRandom } from "../stats/python_random.ts";

/** SEA's four thresholds, by variant: the label is `x0 + x1 > threshold` (River's table). */
export const SEA_THRESHOLDS: readonly number[] = Object.freeze([8, 9, 7, 9.5]);

/** Options of {@linkcode seaConcepts}. */
export interface SeaConceptsOptions {
  /**
   * The variant (0–3) of every row, or a function giving row i's variant, to switch the concept
   * during the stream (concept drift proper: the inputs do not change).
   * @default {0}
   */
  variant?: number | ((row: number) => number);
  /** Probability that a row's label is flipped (River's `noise`). @default {0} */
  noise?: number;
  /** Seed of CPython's `random.Random` that River uses. @default {0} */
  seed?: number;
}

/** A labelled stream: rows in arrival order. */
export interface LabelledStream {
  /** Feature names, in column order. */
  featureNames: string[];
  /** One row per example. */
  X: number[][];
  /** Binary label per row (1 = positive). */
  y: number[];
}

/**
 * The first `n` rows of the SEA concepts stream: three features uniform on [0, 10), of which only
 * the first two matter; the label is 1 when `x0 + x1 > threshold` of the row's variant (8, 9, 7,
 * 9.5), flipped with probability `noise`. Reference: W. N. Street and Y. Kim, "A streaming
 * ensemble algorithm (SEA) for large-scale classification", KDD 2001, pp. 377–382. Equals River's
 * `synth.SEA(variant, noise, seed).take(n)` for a fixed variant — the same CPython
 * `random.Random(seed)` draws, in the same order (three `uniform(0, 10)`, then one `random()`
 * only when `noise > 0`); golden-tested in `test/data/sea_concepts_test.ts`. O(n).
 *
 * @param n Number of rows.
 * @param options Variant (or per-row variant), noise and seed.
 * @returns Features `x0`, `x1`, `x2` and labels.
 * @throws {RangeError} When `n` is not a non-negative integer, a variant is not 0–3, or `noise`
 * is outside [0, 1].
 * @example River's docstring: SEA(variant=0, seed=42) starts 6.39426, 0.25010, 2.75029 → False
 * ```ts
 * import { seaConcepts } from "./sea_concepts.ts";
 * const { X, y } = seaConcepts(2, { seed: 42 });
 * if (!String(X[0]![0]).startsWith("6.39426") || y.join() !== "0,1") throw new Error(`${X} ${y}`);
 * ```
 */
export function seaConcepts(n: number, options: SeaConceptsOptions = {}): LabelledStream {
  const { variant = 0, noise = 0, seed = 0 } = options;
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Cannot draw SEA concepts: n must be a non-negative integer, got ${n}`);
  }
  if (!(noise >= 0 && noise <= 1)) {
    throw new RangeError(`Cannot draw SEA concepts: noise must be in [0, 1], got ${noise}`);
  }
  const rng = pythonRandom(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = typeof variant === "function" ? variant(i) : variant;
    const threshold = SEA_THRESHOLDS[v];
    if (!Number.isInteger(v) || threshold === undefined) {
      throw new RangeError(`Cannot draw SEA concepts: row ${i} has variant ${v}, not 0, 1, 2 or 3`);
    }
    const x = [10 * rng.random(), 10 * rng.random(), 10 * rng.random()];
    let label = x[0]! + x[1]! > threshold;
    if (noise > 0 && rng.random() < noise) label = !label;
    X.push(x);
    y.push(label ? 1 : 0);
  }
  return { featureNames: ["x0", "x1", "x2"], X, y };
}
