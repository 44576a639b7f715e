/**
 * Simulated drift: copies of a table with one column deliberately changed, to test monitors.
 *
 * @module
 */

import { normalRandom, permutation, seededRandom } from "../stats/random.ts";
import { categoricalColumn, numericColumn, type Table } from "./table.ts";

/** The kinds of change {@linkcode simulateDrift} can make. */
export type SimulatedDriftKind = "shift" | "scale" | "noise" | "missing" | "category_mix";

/** Options for {@linkcode simulateDrift}. */
export interface SimulateDriftOptions {
  /**
   * What to change:
   * - `"shift"` (numeric): add `amount` (in `units`) to every value;
   * - `"scale"` (numeric): stretch around the mean, `x → mean + (1 + amount)(x − mean)`;
   * - `"noise"` (numeric): add Gaussian noise with standard deviation `amount` (in `units`);
   * - `"missing"` (any): make `round(amount · n)` randomly chosen rows missing (`NaN` / `null`);
   * - `"category_mix"` (categorical): move `round(amount · m)` randomly chosen rows of the m
   *   non-missing ones to `category`, or, without `category`, each to a different category drawn
   *   uniformly from the others observed in the column.
   */
  kind: SimulatedDriftKind;
  /** The column to change. */
  column: string;
  /**
   * Size of the change; 0 changes nothing. A fraction in [0, 1] for `"missing"` and
   * `"category_mix"`, > −1 for `"scale"`, any finite number for `"shift"` and `"noise"` (≥ 0).
   */
  amount: number;
  /**
   * Units of `amount` for `"shift"` and `"noise"`: `"sd"` multiplies it by the column's
   * population standard deviation (of its finite values), `"absolute"` uses it as is.
   * @default {"sd"}
   */
  units?: "sd" | "absolute";
  /** Target category for `"category_mix"` (may be new to the column). @default {undefined} */
  category?: string;
  /** Uniform source on [0, 1). @default {seededRandom(42)} */
  random?: () => number;
}

/**
 * Returns a copy of `table` in which one column has drifted in a controlled way (see
 * {@linkcode SimulateDriftOptions.kind}). The input is never mutated: the changed column is a new
 * array and the others are shared with the input. Missing values stay missing. Reproducible for
 * a seeded `random`. Cost O(n) for n rows.
 *
 * @param table The reference table.
 * @param options What to change, where, and by how much.
 * @returns A new table with the same names and row count.
 * @throws {TypeError} When the column does not exist or has the wrong type for `kind`, or `kind`
 * is unknown.
 * @throws {RangeError} When `amount` is out of range for `kind`, or a numeric `kind` meets a
 * column with no finite values.
 * @example
 * ```ts
 * import { simulateDrift } from "./mod.ts";
 * import { tableFromColumns } from "./mod.ts";
 * const ref = tableFromColumns({ x: [1, 2, 3, 4], g: ["a", "a", "b", "b"] });
 * const cur = simulateDrift(ref, { kind: "shift", column: "x", amount: 10, units: "absolute" });
 * if ((cur.columns.x as Float64Array)[0] !== 11 || (ref.columns.x as Float64Array)[0] !== 1) {
 *   throw new Error("shift failed or input mutated");
 * }
 * ```
 */
export function simulateDrift(table: Table, options: SimulateDriftOptions): Table {
  const { kind, column, amount, units = "sd", random = seededRandom(42) } = options;
  const fail = (message: string) =>
    new RangeError(`Cannot simulate "${kind}" drift on column "${column}": ${message}`);
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw fail(`amount must be a finite number, got ${amount}`);
  }
  const n = table.nRows;
  let drifted: Table["columns"][string];
  if (kind === "shift" || kind === "scale" || kind === "noise") {
    const x = numericColumn(table, column);
    const { mean, sd } = _moments(x);
    if (Number.isNaN(mean)) throw fail("it has no finite values");
    const unit = units === "absolute" ? 1 : sd;
    if (kind === "shift") {
      drifted = x.map((v) => v + amount * unit);
    } else if (kind === "scale") {
      if (!(amount > -1)) throw fail(`amount must be > -1, got ${amount}`);
      drifted = x.map((v) => mean + (1 + amount) * (v - mean));
    } else {
      if (amount < 0) throw fail(`amount must be >= 0, got ${amount}`);
      const z = normalRandom(random);
      drifted = x.map((v) => (Number.isNaN(v) ? v : v + amount * unit * z()));
    }
  } else if (kind === "missing" || kind === "category_mix") {
    if (amount < 0 || amount > 1) throw fail(`amount must be in [0, 1], got ${amount}`);
    if (kind === "missing") {
      const rows = permutation(n, random).subarray(0, Math.round(amount * n));
      // numericColumn() only runs to throw its "no such column" TypeError.
      const source = table.columns[column] ?? numericColumn(table, column);
      if (source instanceof Float64Array) {
        const x = Float64Array.from(source);
        for (const i of rows) x[i] = NaN;
        drifted = x;
      } else {
        const x = [...source];
        for (const i of rows) x[i] = null;
        drifted = x;
      }
    } else {
      const source = categoricalColumn(table, column);
      const present = source.flatMap((v, i) => (v === null ? [] : [i]));
      const order = permutation(present.length, random);
      const rows = Array.from(
        order.subarray(0, Math.round(amount * present.length)),
        (j) => present[j]!,
      );
      drifted = _mixCategories(source, rows, options.category, random);
    }
  } else {
    throw new TypeError(`Cannot simulate drift: unknown kind "${kind}"`);
  }
  return { names: [...table.names], columns: { ...table.columns, [column]: drifted }, nRows: n };
}

function _moments(x: Float64Array): { mean: number; sd: number } {
  let count = 0;
  let sum = 0;
  for (const v of x) if (Number.isFinite(v)) (count++, sum += v);
  const mean = count > 0 ? sum / count : NaN;
  let ss = 0;
  for (const v of x) if (Number.isFinite(v)) ss += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / count) };
}

function _mixCategories(
  source: (string | null)[],
  rows: number[],
  category: string | undefined,
  random: () => number,
): (string | null)[] {
  const out = [...source];
  const levels = [...new Set(source.filter((v): v is string => v !== null))].sort();
  for (const i of rows) {
    const current = out[i];
    if (category !== undefined) {
      out[i] = category;
    } else if (levels.length > 1) {
      const others = levels.filter((l) => l !== current);
      out[i] = others[Math.floor(random() * others.length)]!;
    }
  }
  return out;
}
