/**
 * `defineMonitor`: the one object a notebook defines and both faces run — the notebook shows its
 * {@linkcode Snapshot}, the exporter publishes it as Prometheus metrics (DESIGN.md, "One flow,
 * three faces").
 *
 * @module
 */
import type { Snapshot } from "./types.ts";
import type { Baseline } from "./baseline.ts";
import { checkName, type CheckSpec, isRelativeCheck, validateCheck } from "./check_spec.ts";
import { evaluateCheck } from "./evaluate_check.ts";
import { classificationMetrics } from "./_classification_metrics.ts";
import { type Batch, validateBatch } from "./batch.ts";
import { predictInChunks } from "./_predict_in_chunks.ts";

/** The model a monitor watches: any classifier that returns class probabilities. */
export interface MonitoredModel {
  /** Model name; becomes the `model` label. */
  name: string;
  /** Model version; exported in `vigil_model_info`. */
  version: string;
  /** Class names, index i naming class i (labels in `batch.y` are indices into it). */
  classNames: readonly string[];
  /**
   * Row-major n×k class probabilities for the n rows of `X` (a `LogisticRegressionModel`'s
   * `predictProba` fits as is).
   */
  predictProba(X: ArrayLike<ArrayLike<number>>): Float64Array | Promise<Float64Array>;
  /**
   * The same for a row-major n×nFeatures matrix; used instead of `predictProba` when the batch's
   * `X` is flat, which saves building one row view per row (~0.3 s per million rows).
   */
  predictProbaRowMajor?(X: Float64Array, nFeatures: number): Float64Array | Promise<Float64Array>;
}

/** What {@linkcode defineMonitor} takes. */
export interface MonitorConfig {
  /** Monitor name, e.g. `"iris"`. */
  name: string;
  /** The model under watch. */
  model: MonitoredModel;
  /** Returns the current window (called once per run). */
  source: () => Batch | Promise<Batch>;
  /**
   * Reference values for relative checks.
   * @default undefined (relative checks are then rejected)
   */
  baseline?: Baseline;
  /** The conditions to evaluate on each run; names must be unique. */
  checks: readonly CheckSpec[];
  /**
   * Rows per `predictProba` call; each call's latency is recorded.
   * @default Infinity (the whole window in one call)
   */
  predictBatchRows?: number;
  /**
   * Wall clock, for the snapshot's timestamps.
   * @default () => new Date()
   */
  now?: () => Date;
  /**
   * Monotonic clock in milliseconds, for durations.
   * @default performance.now
   */
  clock?: () => number;
}

/** A defined monitor. */
export interface Monitor {
  /** The monitor's name. */
  readonly name: string;
  /** The model's name, version and classes (the bounded label sets for exported metrics). */
  readonly model: { name: string; version: string; classNames: readonly string[] };
  /** The checks' names, in order (the bounded `check` label set). */
  readonly checks: readonly string[];
  /** Whether a run is in progress. */
  readonly running: boolean;
  /**
   * Pulls the window, predicts, measures and evaluates the checks.
   * @throws {MonitorBusyError} When called while a run is in progress (runs never overlap).
   */
  run(): Promise<Snapshot>;
}

/**
 * Rejection of {@linkcode Monitor.run} while a run is in progress. Runs never overlap; the caller
 * (a scheduler, a re-executed notebook cell) decides whether to skip or retry.
 */
export class MonitorBusyError extends Error {
  override name = "MonitorBusyError";
}

/**
 * Defines a monitor. `run()` calls `source()`, validates the batch, calls `model.predictProba` (or
 * `predictProbaRowMajor` for a flat `X`) in chunks of `predictBatchRows` rows (timing each call), computes accuracy, balanced accuracy,
 * per-class precision/recall/F1 (label `class`), macro F1, ROC AUC (one-vs-rest, macro) and log
 * loss through `lib/metrics`, evaluates the checks and returns a {@linkcode Snapshot}. Cost: one
 * prediction pass plus O(n·k + n log n) for the metrics.
 *
 * A run that cannot complete (bad batch, model error) rejects with an error of the same class whose
 * message names the monitor, the run number and the phase (`source`, `predict`, `metrics`,
 * `checks`), with the original as `cause`. A second `run()` while one is in progress rejects at
 * once with a {@linkcode MonitorBusyError} (it does not wait): the exporter counts it as a failure
 * and a notebook user sees why. `snapshot.run` counts attempts, so failed runs leave gaps.
 *
 * @param config See {@linkcode MonitorConfig}.
 * @returns The monitor.
 * @throws {TypeError} When the name, model, source or checks are malformed, two checks share a
 *   name, or a relative check has no baseline.
 * @throws {RangeError} When a check's numbers are invalid (see `validateCheck`).
 * @example
 * ```ts
 * import { defineMonitor } from "./define_monitor.ts";
 * const monitor = defineMonitor({
 *   name: "demo",
 *   model: {
 *     name: "coin", version: "1", classNames: ["heads", "tails"],
 *     predictProba: (X) => Float64Array.from({ length: 2 * X.length }, (_, i) => i % 2 ? .2 : .8),
 *   },
 *   source: () => ({ X: [[1], [2], [3], [4]], y: [0, 0, 0, 1] }),
 *   checks: [{ metric: "accuracy", op: ">=", value: 0.7 }],
 * });
 * const snapshot = await monitor.run();
 * if (snapshot.checks[0]?.outcome !== "pass") throw new Error(snapshot.checks[0]?.message);
 * ```
 */
export function defineMonitor(config: MonitorConfig): Monitor {
  const { name, model, source, baseline, checks } = validateConfig(config);
  const now = config.now ?? (() => new Date());
  const clock = config.clock ?? (() => performance.now());
  const chunkRows = config.predictBatchRows ?? Infinity;
  const classNames = Object.freeze([...model.classNames]);
  let running = false;
  let attempts = 0;

  async function runOnce(run: number): Promise<Snapshot> {
    const startedAt = now();
    const t0 = clock();
    const timings: Record<string, number> = {};
    let phase = "source";
    let t = t0;
    const lap = (): void => {
      const c = clock();
      timings[phase] = (c - t) / 1000;
      t = c;
    };
    try {
      const batch = validateBatch(await source(), classNames.length);
      lap();
      phase = "predict";
      const { n } = batch;
      const { proba, latenciesSeconds } = await predictInChunks(model, batch, {
        nClasses: classNames.length,
        chunkRows,
        clock,
      });
      lap();
      phase = "metrics";
      const metrics = classificationMetrics(batch.y, proba, classNames);
      lap();
      phase = "checks";
      const outcomes = checks.map((spec) =>
        evaluateCheck(spec, metrics, baseline ? { baseline: baseline.metrics } : {})
      );
      lap();
      return {
        version: 1,
        monitor: name,
        model: { name: model.name, version: model.version },
        run,
        startedAt: startedAt.toISOString(),
        finishedAt: now().toISOString(),
        durationSeconds: (clock() - t0) / 1000,
        rows: n,
        metrics,
        checks: outcomes,
        drift: [],
        quality: [],
        predictions: { calls: latenciesSeconds.length, rows: n, latenciesSeconds },
        timings,
      };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const Ctor = err instanceof TypeError
        ? TypeError
        : err instanceof RangeError
        ? RangeError
        : err instanceof SyntaxError
        ? SyntaxError
        : Error;
      throw new Ctor(`Monitor "${name}" run ${run} failed in ${phase}: ${err.message}`, {
        cause: err,
      });
    }
  }

  return {
    name,
    model: { name: model.name, version: model.version, classNames },
    checks: Object.freeze(checks.map(checkName)),
    get running() {
      return running;
    },
    async run(): Promise<Snapshot> {
      if (running) {
        throw new MonitorBusyError(
          `Monitor "${name}" is already running (run ${attempts}); runs never overlap`,
        );
      }
      running = true;
      try {
        return await runOnce(++attempts);
      } finally {
        running = false;
      }
    },
  };
}

function validateConfig(config: MonitorConfig): MonitorConfig {
  if (typeof config !== "object" || config === null) {
    throw new TypeError("Cannot define a monitor: config must be an object");
  }
  const { name, model, source, baseline, checks } = config;
  const where = `Cannot define monitor "${String(name)}"`;
  if (typeof name !== "string" || name === "") {
    throw new TypeError("Cannot define a monitor: name must be a non-empty string");
  }
  if (typeof model !== "object" || model === null || typeof model.predictProba !== "function") {
    throw new TypeError(`${where}: model must have a predictProba(X) method`);
  }
  const rowMajor = model.predictProbaRowMajor;
  if (rowMajor !== undefined && typeof rowMajor !== "function") {
    throw new TypeError(`${where}: model.predictProbaRowMajor must be a method when present`);
  }
  if (typeof model.name !== "string" || model.name === "" || typeof model.version !== "string") {
    throw new TypeError(`${where}: model.name and model.version must be strings`);
  }
  const classes = model.classNames;
  if (
    !Array.isArray(classes) || classes.length < 2 || !classes.every((c) => typeof c === "string")
  ) {
    throw new TypeError(`${where}: model.classNames must be an array of at least 2 strings`);
  }
  if (new Set(classes).size !== classes.length) {
    throw new TypeError(`${where}: model.classNames has duplicates`);
  }
  if (typeof source !== "function") throw new TypeError(`${where}: source must be a function`);
  const rows = config.predictBatchRows;
  if (rows !== undefined && !(rows >= 1 && (Number.isInteger(rows) || rows === Infinity))) {
    throw new RangeError(`${where}: predictBatchRows must be a positive integer, got ${rows}`);
  }
  if (!Array.isArray(checks)) throw new TypeError(`${where}: checks must be an array`);
  const seen = new Set<string>();
  for (const spec of checks) {
    validateCheck(spec);
    const id = checkName(spec);
    if (seen.has(id)) throw new TypeError(`${where}: two checks are named "${id}"`);
    seen.add(id);
    if (isRelativeCheck(spec) && baseline === undefined) {
      throw new TypeError(`${where}: check "${id}" is relative to the baseline but none is given`);
    }
  }
  return config;
}
