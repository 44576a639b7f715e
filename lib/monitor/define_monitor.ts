/**
 * `defineMonitor`: the one object a notebook defines and both faces run — the notebook shows its
 * {@linkcode Snapshot}, the exporter publishes it as Prometheus metrics (DESIGN.md, "One flow,
 * three faces").
 *
 * @module
 */
import type { Snapshot } from "./types.ts";
import type { Baseline } from "./baseline.ts";
import { checkName, type CheckSpec } from "./check_spec.ts";
import { validateConfig } from "./_validate_config.ts";
import { evaluateCheck } from "./evaluate_check.ts";
import { DEFAULT_MIN_LABEL_COVERAGE, labelledMetrics, labelledRowErrors } from "./window_labels.ts";
import { type MonitorEstimateOptions, prepareEstimate } from "./window_estimate.ts";
import { type Batch, batchRows, validateBatch } from "./batch.ts";
import { predictInChunks } from "./_predict_in_chunks.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import type { CheckResult } from "../types.ts";
import {
  type MonitorDriftOptions,
  type MonitorQualityOptions,
  validateWindowChecks,
} from "./window_checks.ts";
import { windowDrift } from "./window_drift.ts";
import { windowQuality } from "./window_quality.ts";
import { type MonitorExplainOptions, prepareExplain, windowExplain } from "./window_explain.ts";
import {
  type ConceptDetectorSpec,
  type ConceptDetectorState,
  conceptMetrics,
  conceptWatch,
} from "./window_concept.ts";
import {
  type FairnessLabels,
  type MonitorFairnessOptions,
  validateFairnessOptions,
} from "./fairness_checks.ts";
import { favourablePredictions, windowFairness } from "./window_fairness.ts";
import { labelledRows } from "./_labelled_rows.ts";

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
   * The reference profile (`lib/drift` `buildProfile`, saved with `profileToJSON`): what the
   * training data looked like, frozen. With it, every run also checks the window's drift and data
   * quality against it (see `drift` and `quality`); the window must then come with a `table`.
   * @default undefined (no drift or quality checks)
   */
  profile?: ReferenceProfile;
  /**
   * Drift checks against the profile (`windowDrift`): columns, methods, thresholds, drift share,
   * p-value correction; `false` turns them off.
   * @default {} when a profile is given (every profile column, automatic method, share 0.5)
   */
  drift?: MonitorDriftOptions | false;
  /**
   * Data-quality checks against the profile (`windowQuality`, i.e. `qualityReport`); `false`
   * turns them off.
   * @default {} when a profile is given (every check, every profile column)
   */
  quality?: MonitorQualityOptions | false;
  /**
   * Attribution drift against reference rows (`windowExplain`): whether the model leans on
   * different features in the window (`snapshot.explain`, values `attribution_importance_shift`
   * and `feature_attribution_mean_abs{feature,class}`). Needs no profile.
   * @default undefined (no attribution-drift check)
   */
  explain?: MonitorExplainOptions;
  /**
   * Concept-drift detectors run over each window's per-row errors (1 = the top class is wrong),
   * in row order, with their state kept from run to run (see `conceptWatch`), e.g.
   * `[{ method: "ddm" }, { method: "adwin" }]`. Their states are in `snapshot.concept` and as
   * metric values `concept_drift_warning{detector}`, `concept_drift_detected{detector}` and
   * `concept_drift_detections{detector}` that checks can read.
   * @default [] (no detectors)
   */
  concept?: readonly ConceptDetectorSpec[];
  /**
   * Fairness checks (`windowFairness`): sensitive attributes read from the window's `table`, each
   * with its groups declared up front (other values fold into `"other"`), the favourable class,
   * measures and thresholds. Results in `snapshot.fairness`; values (`demographic_parity_difference
   * {attribute}`, `group_selection_rate{attribute, group}`…) that checks, absolute or relative to
   * the baseline, can read. Needs no profile. Computed over the rows whose labels have arrived,
   * and only when their share reaches `minLabelCoverage` (else the values are absent).
   * @default undefined (no fairness checks)
   */
  fairness?: MonitorFairnessOptions;
  /**
   * Minimum share of a window's rows whose label has arrived (`y[i] >= 0`) before the label-based
   * metrics (accuracy, precision, recall, F1, ROC AUC, log loss, concept detectors) are computed,
   * over the labelled rows only. Below it they are absent and checks on them report `"error"`
   * ("is missing from this run"). The values `label_coverage_ratio`, `labelled_rows` and
   * `window_rows` are in every snapshot of a window with an unlabelled row, or of every window
   * when this option is given.
   * @default 0.5 (DEFAULT_MIN_LABEL_COVERAGE)
   */
  minLabelCoverage?: number;
  /**
   * Performance estimated before labels arrive (CBPE, `lib/estimate`): fitted once on the
   * reference's probabilities and labels, then run on every window, labelled or not; adds
   * `estimated_accuracy`, `estimated_accuracy_lower`, `estimated_accuracy_upper`,
   * `estimated_accuracy_sampling_error` (and so on for each metric) to the snapshot's values.
   * @default undefined (no estimate)
   */
  estimate?: MonitorEstimateOptions;
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
  /**
   * The profile columns the drift and quality checks read, in profile order, then the explained
   * model's features not among them (the bounded `feature` label set); empty without a profile
   * or `explain`. Optional for hand-made monitors; always set by
   * {@linkcode defineMonitor}.
   */
  readonly features?: readonly string[];
  /**
   * The concept-drift detectors' names, in config order (the bounded `detector` label set).
   * Optional for hand-made monitors; always set by {@linkcode defineMonitor}.
   */
  readonly detectors?: readonly string[];
  /**
   * The sensitive attributes and each one's declared groups plus `"other"` (the bounded
   * `attribute` and `group` label sets); absent without `fairness`.
   */
  readonly fairness?: Pick<FairnessLabels, "attributes" | "groups">;
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
 *
 * @example A second run() while the first is pulling its window is rejected
 * ```ts
 * import { defineMonitor, MonitorBusyError } from "./define_monitor.ts";
 * let release = (): void => {};
 * const pulled = new Promise<void>((resolve) => (release = resolve));
 * const monitor = defineMonitor({
 *   name: "demo",
 *   model: {
 *     name: "coin", version: "1", classNames: ["heads", "tails"],
 *     predictProba: (X) => Float64Array.from({ length: 2 * X.length }, () => 0.5),
 *   },
 *   source: async () => {
 *     await pulled;
 *     return { X: [[1], [2]], y: [0, 1] };
 *   },
 *   checks: [{ metric: "accuracy", op: ">=", value: 0 }],
 * });
 * const first = monitor.run();
 * const second = await monitor.run().catch((e: unknown) => e);
 * if (!(second instanceof MonitorBusyError) || second.name !== "MonitorBusyError") {
 *   throw new Error("expected MonitorBusyError");
 * }
 * release();
 * await first; // the first run completes normally
 * if (monitor.running) throw new Error("not running any more");
 * ```
 */
export class MonitorBusyError extends Error {
  /** Always `"MonitorBusyError"`, so the error can be told apart after serialisation. */
  override name = "MonitorBusyError";
}

/**
 * Defines a monitor. `run()` calls `source()`, validates the batch, calls `model.predictProba` (or
 * `predictProbaRowMajor` for a flat `X`) in chunks of `predictBatchRows` rows (timing each call), computes accuracy, balanced accuracy,
 * per-class precision/recall/F1 (label `class`), macro F1, ROC AUC (one-vs-rest, macro) and log
 * loss through `lib/metrics`; with a `profile`, checks the batch's `table` for drift
 * (`snapshot.drift`, see `windowDrift`) and data quality (`snapshot.quality`, see
 * `windowQuality`), whose values (`dataset_drift_share`, `feature_drift_detected{feature}`,
 * `missing_share{feature}`…) join the metrics; with `explain`, the attribution drift against
 * reference rows (`snapshot.explain`, see `windowExplain`); with `concept` detectors, feeds the
 * window's per-row errors to them (`snapshot.concept`, state kept between runs); with `fairness`,
 * rates per declared group and parity measures per sensitive attribute (`snapshot.fairness`, see
 * `windowFairness`); then evaluates the checks (which can read any of
 * these values) and returns a {@linkcode Snapshot}. `snapshot.timings` has one entry per phase.
 * Cost: one prediction pass plus O(n·k + n log n) for the metrics, plus one sort per numeric
 * feature for drift and O(n · features) for quality.
 *
 * Late labels and logged predictions: when the batch carries `proba` (a prediction log's window,
 * see `logWindowSource`) the model is not called (`predictions.calls` is 0); rows with `y` −1 (or
 * a batch without `y`) have no label yet, so the label-based metrics (and the concept detectors)
 * use the labelled rows only, and only when they are at least `minLabelCoverage` of the window,
 * with `label_coverage_ratio`, `labelled_rows` and `window_rows` reported (see `labelledMetrics`);
 * drift, quality, explain and `estimate` (CBPE, phase `estimate`, values `estimated_accuracy`,
 * `estimated_accuracy_lower`…) run on every window.
 *
 * A run that cannot complete (bad batch, model error) rejects with an error of the same class whose
 * message names the monitor, the run number and the phase (`source`, `predict`, `metrics`,
 * `estimate`, `drift`, `quality`, `explain`, `concept`, `fairness`, `checks`), with the original as `cause` — a batch without `table` when
 * drift or quality checks are configured is such an error (a `TypeError`). One bad column is not:
 * it gets an error result and the run goes on. A second `run()` while one is in progress rejects at
 * once with a {@linkcode MonitorBusyError} (it does not wait): the exporter counts it as a failure
 * and a notebook user sees why. `snapshot.run` counts attempts, so failed runs leave gaps.
 *
 * @param config See {@linkcode MonitorConfig}.
 * @returns The monitor.
 * @throws {TypeError} When the name, model, source or checks are malformed, two checks share a
 *   name, a relative check has no baseline, `drift` or `quality` options come without a
 *   `profile`, or they name columns or methods that do not fit it (see `validateWindowChecks`),
 *   a concept detector's name is not snake_case or repeated, the fairness options are malformed
 *   (see `validateFairnessOptions`), or the `estimate` reference's classes are not the model's.
 * @throws {RangeError} When a check's numbers or the drift share are invalid, a concept
 *   detector's method or options are, `minLabelCoverage` is not in [0, 1], or the `estimate`
 *   reference is malformed (see `fitCbpe`).
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
  const { name, model, source, baseline, checks, profile } = validateConfig(config);
  const drift = profile === undefined ? false : config.drift ?? {};
  const quality = profile === undefined ? false : config.quality ?? {};
  const checked = profile === undefined ? [] : validateWindowChecks(profile, drift, quality);
  const classNames = Object.freeze([...model.classNames]);
  const explain = config.explain === undefined
    ? undefined
    : prepareExplain(config.explain, classNames);
  const features = [...checked, ...(explain?.features ?? []).filter((f) => !checked.includes(f))];
  const watch = conceptWatch(config.concept ?? []);
  const now = config.now ?? (() => new Date());
  const clock = config.clock ?? (() => performance.now());
  const chunkRows = config.predictBatchRows ?? Infinity;
  const fairness = config.fairness === undefined
    ? undefined
    : validateFairnessOptions(config.fairness, classNames, checks);
  const minLabelCoverage = config.minLabelCoverage ?? DEFAULT_MIN_LABEL_COVERAGE;
  if (!(minLabelCoverage >= 0 && minLabelCoverage <= 1)) {
    throw new RangeError(
      `Invalid minLabelCoverage: expected a number in [0, 1], got ${config.minLabelCoverage}`,
    );
  }
  const estimate = config.estimate === undefined
    ? undefined
    : prepareEstimate(config.estimate, classNames);
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
      const raw = await source();
      const batch = { ...validateBatch(raw, classNames.length), table: raw.table };
      lap();
      phase = "predict";
      const { n } = batch;
      const { proba, latenciesSeconds } = batch.proba !== undefined
        ? { proba: batch.proba, latenciesSeconds: [] as number[] }
        : await predictInChunks(model, batch, { nClasses: classNames.length, chunkRows, clock });
      lap();
      phase = "metrics";
      const metrics = labelledMetrics(batch, proba, classNames, minLabelCoverage, {
        coverage: config.minLabelCoverage !== undefined,
      });
      const labelsCount = metrics.some((m) => m.name === "accuracy");
      lap();
      if (estimate !== undefined) {
        phase = "estimate";
        metrics.push(...estimate(proba));
        lap();
      }
      let driftResults: CheckResult[] = [], qualityResults: CheckResult[] = [];
      if (drift !== false) {
        phase = "drift";
        const out = windowDrift(batch.table, profile!, drift);
        driftResults = out.results;
        metrics.push(...out.metrics);
        lap();
      }
      if (quality !== false) {
        phase = "quality";
        const out = windowQuality(batch.table, profile!, quality);
        qualityResults = out.results;
        metrics.push(...out.metrics);
        lap();
      }
      let explainResults: CheckResult[] | undefined;
      if (explain !== undefined) {
        phase = "explain";
        const out = windowExplain(batchRows(batch), explain, classNames);
        explainResults = out.results;
        metrics.push(...out.metrics);
        lap();
      }
      let concept: ConceptDetectorState[] = [];
      if (watch.names.length > 0 && labelsCount) {
        phase = "concept";
        concept = watch.update(labelledRowErrors(batch.y, proba, classNames.length));
        metrics.push(...conceptMetrics(concept));
        lap();
      }
      let fairnessResults: CheckResult[] | undefined;
      // Fairness compares predictions with labels: over the labelled rows, and only when the
      // label metrics themselves run (coverage at least minLabelCoverage).
      if (fairness !== undefined && labelsCount) {
        phase = "fairness";
        const k = classNames.length;
        const rows = labelledRows(batch.y, proba, k, batch.table);
        const favourable = favourablePredictions(rows.y, rows.proba, {
          k,
          favourable: fairness.favourable,
        });
        const out = windowFairness(rows.table, favourable, config.fairness!);
        fairnessResults = out.results;
        metrics.push(...out.metrics);
        lap();
      }
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
        drift: driftResults,
        quality: qualityResults,
        ...(explainResults === undefined ? {} : { explain: explainResults }),
        ...(watch.names.length > 0 ? { concept } : {}),
        ...(fairnessResults === undefined ? {} : { fairness: fairnessResults }),
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
    features: Object.freeze(features),
    detectors: watch.names,
    ...(fairness === undefined
      ? {}
      : { fairness: { attributes: fairness.attributes, groups: fairness.groups } }),
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
