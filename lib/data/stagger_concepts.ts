/**
 * The STAGGER concepts stream (Schlimmer & Granger 1986), draw for draw as River's
 * `datasets.synth.STAGGER`.
 *
 * @module
 */
import { mt19937 } from "../stats/mt19937.ts";
import type { LabelledStream } from "./sea_concepts.ts";

/** The category names of STAGGER's three features, in code order (River's labels). */
export const STAGGER_LEVELS: {
  readonly size: readonly string[];
  readonly color: readonly string[];
  readonly shape: readonly string[];
} = Object.freeze({
  size: Object.freeze(["small", "medium", "large"]),
  color: Object.freeze(["red", "blue", "green"]),
  shape: Object.freeze(["circle", "square", "triangle"]),
});

/** Options of {@linkcode staggerConcepts}. */
export interface StaggerConceptsOptions {
  /**
   * The classification function (0–2) of every row, or a function giving row i's:
   * 0 = small and red, 1 = green or circle, 2 = medium or large.
   * @default {0}
   */
  classificationFunction?: number | ((row: number) => number);
  /** Seed of numpy's `RandomState` that River uses. @default {0} */
  seed?: number;
  /** Alternate the classes 1, 0, 1, … by rejection (River's `balance_classes`). @default {false} */
  balanceClasses?: boolean;
}

const RULES: readonly ((size: number, color: number, shape: number) => number)[] = [
  (size, color) => (size === 0 && color === 0 ? 1 : 0),
  (_size, color, shape) => (color === 2 || shape === 0 ? 1 : 0),
  (size) => (size === 1 || size === 2 ? 1 : 0),
];

/**
 * The first `n` rows of the STAGGER concepts stream: size, color and shape drawn uniformly from
 * three codes each (see {@linkcode STAGGER_LEVELS}), labelled by one of three boolean concepts.
 * Reference: J. C. Schlimmer and R. H. Granger, "Incremental learning from noisy data", Machine
 * Learning 1(3), 1986, pp. 317–354. Equals River's `synth.STAGGER(classification_function, seed,
 * balance_classes).take(n)`: numpy's `RandomState(seed).randint(3)` three times per row (masked
 * 32-bit rejection), redrawn until the wanted class when balancing; golden-tested in
 * `test/data/sea_concepts_test.ts`. O(n) (about twice that with balancing).
 *
 * @param n Number of rows.
 * @param options Classification function (or per-row function), seed, balancing.
 * @returns Features `size`, `color`, `shape` as codes 0–2, and labels.
 * @throws {RangeError} When `n` is not a non-negative integer or a function index is not 0–2.
 * @example River's docstring: STAGGER(classification_function=2, seed=112) starts
 * `{size: 0, color: 0, shape: 2} 0`, `{size: 1, color: 0, shape: 1} 1`
 * ```ts
 * import { staggerConcepts } from "./stagger_concepts.ts";
 * const { X, y } = staggerConcepts(2, { classificationFunction: 2, seed: 112 });
 * if (X.map(String).join(";") !== "0,0,2;1,0,1" || y.join() !== "0,1") throw new Error(`${X}`);
 * ```
 */
export function staggerConcepts(n: number, options: StaggerConceptsOptions = {}): LabelledStream {
  const { classificationFunction = 0, seed = 0, balanceClasses = false } = options;
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(
      `Cannot draw STAGGER concepts: n must be a non-negative integer, got ${n}`,
    );
  }
  const rng = mt19937(seed);
  const X: number[][] = [];
  const y: number[] = [];
  let nextZero = false;
  for (let i = 0; i < n; i++) {
    const f = typeof classificationFunction === "function"
      ? classificationFunction(i)
      : classificationFunction;
    const rule = RULES[f];
    if (!Number.isInteger(f) || rule === undefined) {
      throw new RangeError(
        `Cannot draw STAGGER concepts: row ${i} has function ${f}, not 0, 1 or 2`,
      );
    }
    for (;;) {
      const size = rng.randomInterval(2);
      const color = rng.randomInterval(2);
      const shape = rng.randomInterval(2);
      const label = rule(size, color, shape);
      if (!balanceClasses || (nextZero ? label === 0 : label === 1)) {
        if (balanceClasses) nextZero = !nextZero;
        X.push([size, color, shape]);
        y.push(label);
        break;
      }
    }
  }
  return { featureNames: ["size", "color", "shape"], X, y };
}
