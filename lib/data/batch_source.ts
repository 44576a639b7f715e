/**
 * Simulated production batches: windows sampled with replacement from a labelled reference set,
 * reproducible per run number, optionally degrading over the runs (growing measurement noise and a
 * shift of chosen columns), so that a monitor's checks can be watched passing and then failing.
 *
 * @module
 */
import { normalRandom, seededRandom } from "../stats/random.ts";
import { type Column, type Table, tableFromColumns } from "./table.ts";

/** Labelled reference rows to sample from (e.g. `loadIris()`). */
export interface LabelledRows {
  /** One row of features per example. */
  X: ArrayLike<ArrayLike<number>>;
  /** Class index of each row. */
  y: ArrayLike<number>;
  /** Names of the feature columns. @default ["x0", "x1", …] */
  featureNames?: readonly string[];
  /** Class names for the `label` column of the batch table. @default ["0", "1", …] */
  classNames?: readonly string[];
}

/** Whether batches stay like the reference (`"none"`) or degrade over the runs. */
export type BatchScenario = "none" | "degradation";

/** Options of {@linkcode sampleBatch} and {@linkcode sampledBatchSource}. */
export interface SampleBatchOptions {
  /** Rows per batch (drawn with replacement). @default 150 */
  batchSize?: number;
  /** Base seed; run r draws from `seededRandom(seed * 7919 + r)`. @default 42 */
  seed?: number;
  /** `"none"` keeps every batch like the reference; `"degradation"` degrades it. @default "none" */
  scenario?: BatchScenario;
  /** Degradation: runs 1..healthyRuns are not degraded. @default 2 */
  healthyRuns?: number;
  /** Degradation: runs over which the severity grows linearly from 0 to 1. @default 8 */
  degradeRuns?: number;
  /**
   * Degradation: standard deviation of the Gaussian noise added to every feature at full
   * severity, in units of that feature's standard deviation in the reference. @default 1
   */
  noise?: number;
  /**
   * Degradation: shift added to the `shiftColumns` at full severity, in units of each column's
   * standard deviation in the reference. @default 0
   */
  shift?: number;
  /** Degradation: indices of the columns that shift. @default all columns */
  shiftColumns?: readonly number[];
}

/** One sampled window; fits `lib/monitor`'s `Batch`. */
export interface SampledBatch {
  /** Feature rows. */
  X: Float64Array[];
  /** Class indices. */
  y: Int32Array;
  /** The same window as a table: the feature columns and a string `label` column. */
  table: Table;
  /** The run number the batch was drawn for. */
  run: number;
  /** Degradation severity in [0, 1] applied to this batch (0 for `"none"`). */
  severity: number;
}

/**
 * The degradation severity of a run: 0 for runs 1..healthyRuns, then growing linearly by
 * `1 / degradeRuns` per run up to 1 (`min(1, max(0, run − healthyRuns) / degradeRuns)`). O(1).
 *
 * @param run Run number (1 for the first run).
 * @param options `healthyRuns` and `degradeRuns` (see {@linkcode SampleBatchOptions}).
 * @returns The severity in [0, 1].
 * @throws {RangeError} When `run` is not an integer ≥ 1, `healthyRuns` not an integer ≥ 0 or
 *   `degradeRuns` not an integer ≥ 1.
 * @example
 * ```ts
 * import { degradationSeverity } from "./mod.ts";
 * const s = [1, 2, 3, 6, 10, 11].map((r) => degradationSeverity(r, { healthyRuns: 2, degradeRuns: 8 }));
 * if (s.join() !== "0,0,0.125,0.5,1,1") throw new Error(s.join());
 * ```
 */
export function degradationSeverity(
  run: number,
  options: Pick<SampleBatchOptions, "healthyRuns" | "degradeRuns"> = {},
): number {
  const { healthyRuns = 2, degradeRuns = 8 } = options;
  requireInteger("run", run, 1);
  requireInteger("healthyRuns", healthyRuns, 0);
  requireInteger("degradeRuns", degradeRuns, 1);
  return Math.min(1, Math.max(0, run - healthyRuns) / degradeRuns);
}

function requireInteger(name: string, value: unknown, min: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Cannot sample a batch: ${name} must be an integer >= ${min}, got ${value}`,
    );
  }
}

function requireNonNegative(name: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Cannot sample a batch: ${name} must be a finite number >= 0, got ${value}`,
    );
  }
}

/** Population standard deviation of each column (finite values). */
function columnSds(X: ArrayLike<ArrayLike<number>>, p: number): Float64Array {
  const mean = new Float64Array(p);
  const m2 = new Float64Array(p);
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    for (let j = 0; j < p; j++) {
      // Welford's update keeps the variance exact enough for any magnitude.
      const d = row[j]! - mean[j]!;
      mean[j] = mean[j]! + d / (i + 1);
      m2[j] = m2[j]! + d * (row[j]! - mean[j]!);
    }
  }
  return m2.map((s) => Math.sqrt(s / X.length));
}

function validateRows(data: LabelledRows): number {
  if (typeof data !== "object" || data === null || data.X == null || data.y == null) {
    throw new TypeError("Cannot sample a batch: data must be an object {X, y}");
  }
  const n = data.X.length;
  if (n === 0) throw new RangeError("Cannot sample a batch: the reference data has no rows");
  if (data.y.length !== n) {
    throw new TypeError(`Cannot sample a batch: X has ${n} rows but y has ${data.y.length} labels`);
  }
  const p = data.X[0]!.length;
  for (let i = 0; i < n; i++) {
    if (data.X[i]!.length !== p) {
      throw new TypeError(
        `Cannot sample a batch: row ${i} has ${data.X[i]!.length} values, expected ${p}`,
      );
    }
  }
  if (data.featureNames !== undefined && data.featureNames.length !== p) {
    throw new TypeError(
      `Cannot sample a batch: ${data.featureNames.length} feature names for ${p} columns`,
    );
  }
  return p;
}

/**
 * Draws the batch of run `run`: `batchSize` rows sampled uniformly with replacement from `data`
 * with a generator seeded by `seed` and `run` (so run r is the same batch on every machine and in
 * every process), then, in the `"degradation"` scenario with severity s =
 * {@linkcode degradationSeverity}`(run)`, adds to feature j Gaussian noise of standard deviation
 * `s · noise · sd_j` and, for the `shiftColumns`, the constant `s · shift · sd_j`, where sd_j is
 * the reference column's population standard deviation. The input is never mutated.
 * Cost O(batchSize · p) plus O(n · p) for the standard deviations when degrading.
 *
 * @param data The labelled reference rows.
 * @param run Run number (1 for the first run).
 * @param options Size, seed, scenario and degradation (see {@linkcode SampleBatchOptions}).
 * @returns The batch, its table (features + `label`), run number and severity.
 * @throws {TypeError} When `data` is malformed (rows of different lengths, X and y lengths differ).
 * @throws {RangeError} When `data` is empty, a count is not a positive integer, `noise` or
 *   `shift` is negative or not finite, a shift column is out of range, or the scenario is unknown.
 * @example
 * ```ts
 * import { sampleBatch } from "./mod.ts";
 * const data = { X: [[0], [1], [2], [3]], y: [0, 0, 1, 1], featureNames: ["x"] };
 * const a = sampleBatch(data, 3, { batchSize: 5, seed: 1 });
 * const b = sampleBatch(data, 3, { batchSize: 5, seed: 1 });
 * if (a.X.length !== 5 || a.X.map(String).join() !== b.X.map(String).join()) throw new Error();
 * if (a.table.names.join() !== "x,label" || a.severity !== 0) throw new Error();
 * const bad = sampleBatch(data, 10, { scenario: "degradation", noise: 2 });
 * if (bad.severity !== 1 || bad.X.every((row, i) => data.X.some((r) => r[0] === row[0]))) {
 *   throw new Error("not degraded");
 * }
 * ```
 */
export function sampleBatch(
  data: LabelledRows,
  run: number,
  options: SampleBatchOptions = {},
): SampledBatch {
  const {
    batchSize = 150,
    seed = 42,
    scenario = "none",
    noise = 1,
    shift = 0,
  } = options;
  const p = validateRows(data);
  requireInteger("batchSize", batchSize, 1);
  requireNonNegative("noise", noise);
  requireNonNegative("shift", shift);
  if (scenario !== "none" && scenario !== "degradation") {
    throw new RangeError(
      `Cannot sample a batch: scenario must be "none" or "degradation", got "${scenario}"`,
    );
  }
  const shiftColumns = options.shiftColumns ?? Array.from({ length: p }, (_, j) => j);
  for (const j of shiftColumns) {
    if (!Number.isInteger(j) || j < 0 || j >= p) {
      throw new RangeError(`Cannot sample a batch: shift column ${j} is not in 0..${p - 1}`);
    }
  }
  const schedule = degradationSeverity(run, options); // validates the run and the schedule
  const severity = scenario === "degradation" ? schedule : 0;
  const random = seededRandom(seed * 7919 + run);
  const gauss = normalRandom(random);
  const n = data.X.length;
  const X: Float64Array[] = [];
  const y = new Int32Array(batchSize);
  for (let i = 0; i < batchSize; i++) {
    const k = Math.floor(random() * n);
    X.push(Float64Array.from(data.X[k]!));
    y[i] = data.y[k]!;
  }
  if (severity > 0) {
    const sd = columnSds(data.X, p);
    const offset = new Float64Array(p);
    for (const j of shiftColumns) offset[j] = severity * shift * sd[j]!;
    for (const row of X) {
      for (let j = 0; j < p; j++) {
        row[j] = row[j]! + offset[j]! + gauss() * severity * noise * sd[j]!;
      }
    }
  }
  const names = data.featureNames ?? Array.from({ length: p }, (_, j) => `x${j}`);
  const columns: Record<string, Column> = {};
  names.forEach((name, j) => columns[name] = Float64Array.from(X, (row) => row[j]!));
  columns.label = Array.from(y, (c) => data.classNames?.[c] ?? String(c));
  return { X, y, table: tableFromColumns(columns), run, severity };
}

/** Options of {@linkcode sampledBatchSource}. */
export interface SampledBatchSourceOptions extends SampleBatchOptions {
  /** Run number of the first call (e.g. 8 to start in the degraded phase). @default 1 */
  firstRun?: number;
}

/**
 * A monitor `source`: each call returns {@linkcode sampleBatch} for the next run number
 * (`firstRun`, `firstRun + 1`, …). The options are validated now, so a bad option fails when the
 * source is made, not on the first scheduled run. O(1) to make; each call as `sampleBatch`.
 *
 * @param data The labelled reference rows (kept by reference: do not mutate it afterwards).
 * @param options As {@linkcode sampleBatch}, plus `firstRun`.
 * @returns A function returning the next batch.
 * @throws {TypeError | RangeError} As {@linkcode sampleBatch}.
 * @example
 * ```ts
 * import { sampledBatchSource } from "./mod.ts";
 * const next = sampledBatchSource({ X: [[0], [1]], y: [0, 1] }, { batchSize: 4, firstRun: 5 });
 * if (next().run !== 5 || next().run !== 6) throw new Error();
 * ```
 */
export function sampledBatchSource(
  data: LabelledRows,
  options: SampledBatchSourceOptions = {},
): () => SampledBatch {
  const { firstRun = 1, ...sampling } = options;
  requireInteger("firstRun", firstRun, 1);
  requireInteger("batchSize", sampling.batchSize ?? 150, 1);
  sampleBatch(data, firstRun, { ...sampling, batchSize: 1 });
  let run = firstRun;
  return () => sampleBatch(data, run++, sampling);
}
