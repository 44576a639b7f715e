/**
 * Attribution drift of a monitor's window: whether the model leans on different features than it
 * did on the reference rows (`lib/explain` `attributionDrift`), and each feature's mean
 * |attribution| per class for the exporter.
 *
 * @module
 */
import type { Attribution, ProbabilisticModel } from "../explain/attribution.ts";
import {
  attributionDrift,
  type AttributionDriftResult,
  type AttributionRows,
  meanAbsoluteAttribution,
} from "../explain/attribution_drift.ts";
import { type BackgroundSet, kmeansBackground } from "../explain/background.ts";
import { kernelShap } from "../explain/kernel_shap.ts";
import { linearAttributionBatch } from "../explain/linear_attributions.ts";
import { LogisticRegressionModel } from "../model/logistic_regression_model.ts";
import type { MetricValue } from "./types.ts";
import type { WindowCheckOutput } from "./window_checks.ts";

/**
 * A model the monitor can explain: Vigil's `LogisticRegressionModel` (exact log-odds
 * attributions) or any {@linkcode ProbabilisticModel} (KernelSHAP on its class probabilities),
 * optionally naming its features.
 */
export type ExplainedModel =
  | LogisticRegressionModel
  | (ProbabilisticModel & { readonly featureNames?: readonly string[] });

/** The `explain` entry of a monitor config: attribution drift against reference rows. */
export interface MonitorExplainOptions {
  /** The model to explain; its outputs must be the monitored model's classes, in order. */
  model: ExplainedModel;
  /**
   * Reference rows (e.g. the training or validation features): their mean |attribution| is the
   * importance each window is compared with. Computed once, when the monitor is defined.
   */
  reference: ArrayLike<ArrayLike<number>>;
  /**
   * What "absent" means for a feature: rows, or a summary (`kmeansBackground`). For the exact
   * linear attributions only its (weighted) mean is used.
   * @default the reference rows; for KernelSHAP, `kmeansBackground(reference, 10)`
   */
  background?: ArrayLike<ArrayLike<number>> | BackgroundSet;
  /**
   * Detection threshold on the importance shift (total variation between the two windows'
   * importance shares, 0–1): detected when the shift is above it.
   * @default 0.1
   */
  threshold?: number;
  /**
   * Rows explained per window (and of the reference): evenly spaced rows when there are more.
   * @default Infinity for a `LogisticRegressionModel`, 200 for KernelSHAP
   */
  maxRows?: number;
  /** KernelSHAP's coalition budget (`kernelShap`'s `nSamples`). @default kernelShap's */
  nSamples?: number;
  /** KernelSHAP's seed. @default 0 */
  seed?: number;
}

/** A validated `explain` entry with its reference attributions computed. */
export interface PreparedExplain {
  /** The explained features, in column order (the `feature` label values). */
  features: readonly string[];
  /** Attributions of the window's rows, all finite. */
  explain(rows: ArrayLike<ArrayLike<number>>): AttributionRows;
  /** Attributions of the reference rows. */
  reference: AttributionRows;
  /** The detection threshold. */
  threshold: number;
  /** Rows explained per window at most. */
  maxRows: number;
}

const WHERE = "Cannot define the monitor's attribution-drift check";

/** Evenly spaced rows (the first and every n/max-th) when there are more than `max`. */
function spaced<T>(rows: ArrayLike<T>, max: number): T[] {
  const n = rows.length;
  const m = Math.min(n, max);
  return Array.from({ length: m }, (_, i) => rows[Math.floor((i * n) / m)]!);
}

function finiteRow(row: ArrayLike<number>): boolean {
  for (let j = 0; j < row.length; j++) if (!Number.isFinite(row[j])) return false;
  return true;
}

/**
 * Validates a monitor's `explain` entry against the monitored classes and computes the reference
 * attributions, so that a misconfigured check fails when the monitor is defined. Exact linear
 * attributions (log-odds, against the background mean) for a `LogisticRegressionModel`, else
 * KernelSHAP on the class probabilities. Cost: one attribution pass over the reference (at most
 * `maxRows` rows).
 *
 * @param options The `explain` entry.
 * @param classNames The monitored model's classes.
 * @returns The prepared check.
 * @throws {TypeError} When the model has no `predictProba`, its classes differ from the monitored
 *   ones, or the reference rows are empty or malformed.
 * @throws {RangeError} When `threshold` is not in [0, 1] or `maxRows` is not a positive integer.
 * @example
 * ```ts
 * import { prepareExplain } from "./window_explain.ts";
 * import { LogisticRegressionModel } from "../model/logistic_regression_model.ts";
 * const model = new LogisticRegressionModel({
 *   kind: "vigil.logistic_regression", version: 1, featureNames: ["a", "b"],
 *   classNames: ["no", "yes"], standardize: false, means: [0, 0], scales: [1, 1],
 *   weights: [[0, -1, 0], [0, 1, 0]], numSteps: 1, learningRate: 1,
 * });
 * const prepared = prepareExplain({ model, reference: [[0, 0], [2, 1]] }, ["no", "yes"]);
 * if (prepared.features.join() !== "a,b" || prepared.threshold !== 0.1) throw new Error();
 * ```
 */
export function prepareExplain(
  options: MonitorExplainOptions,
  classNames: readonly string[],
): PreparedExplain {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${WHERE}: explain must be an object`);
  }
  const { model, reference, threshold = 0.1 } = options;
  if (typeof model !== "object" || model === null || typeof model.predictProba !== "function") {
    throw new TypeError(`${WHERE}: explain.model must have a predictProba(X) method`);
  }
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(`${WHERE}: threshold must be in [0, 1], got ${threshold}`);
  }
  const linear = model instanceof LogisticRegressionModel;
  const maxRows = options.maxRows ?? (linear ? Infinity : 200);
  if (!(maxRows >= 1 && (Number.isInteger(maxRows) || maxRows === Infinity))) {
    throw new RangeError(`${WHERE}: maxRows must be a positive integer, got ${maxRows}`);
  }
  if (linear && model.classNames.join("\u0000") !== classNames.join("\u0000")) {
    throw new TypeError(
      `${WHERE}: the explained model's classes [${model.classNames}] differ from the monitored [${classNames}]`,
    );
  }
  if (reference === null || typeof reference !== "object" || !(reference.length > 0)) {
    throw new TypeError(`${WHERE}: explain.reference must be a non-empty array of rows`);
  }
  const p = model.nFeatures;
  const features = [...(model.featureNames ?? Array.from({ length: p }, (_, j) => `x${j}`))];
  if (features.length !== p) {
    throw new TypeError(`${WHERE}: ${features.length} feature names for ${p} features`);
  }
  const refRows = spaced(reference, maxRows);
  let explain: (rows: ArrayLike<ArrayLike<number>>) => AttributionRows;
  if (linear) {
    const background = options.background ?? reference;
    explain = (rows) => linearAttributionBatch(model, rows, { background });
  } else {
    const background = options.background ?? kmeansBackground(reference, 10, { seed: 0 });
    const shap = {
      featureNames: features,
      outputNames: classNames,
      seed: options.seed ?? 0,
      ...(options.nSamples === undefined ? {} : { nSamples: options.nSamples }),
    };
    explain = (rows) => {
      const out: Attribution[] = [];
      for (let i = 0; i < rows.length; i++) out.push(kernelShap(model, rows[i]!, background, shap));
      return out;
    };
  }
  const nOutputs = model.predictProba([refRows[0]!]).length;
  if (nOutputs !== classNames.length) {
    throw new TypeError(
      `${WHERE}: the explained model has ${nOutputs} outputs for ${classNames.length} classes`,
    );
  }
  return { features, explain, threshold, maxRows, reference: explain(refRows) };
}

/**
 * The attribution-drift check of one window: attributions of (at most `maxRows` evenly spaced)
 * window rows whose features are all finite, compared with the reference by `attributionDrift`
 * (mean |attribution| over classes; the statistic is the importance shift, detected when above
 * the threshold). Rows with a missing or non-finite feature are skipped (counted in
 * `details.nSkipped`); a window with none left gives an error result, never a failed run.
 *
 * Results: one `kind: "attribution_drift"` result. Values: `attribution_importance_shift` (the
 * statistic; NaN with a reason when not computed) and `feature_attribution_mean_abs{feature,
 * class}`, the window's mean |attribution| of each feature to each class.
 * Cost: one attribution pass over the explained rows.
 *
 * @param rows The window's rows (`batchRows(batch)`).
 * @param prepared From {@linkcode prepareExplain}.
 * @param classNames The monitored classes (the `class` label values).
 * @returns The result and values.
 * @example
 * ```ts
 * import { prepareExplain, windowExplain } from "./window_explain.ts";
 * import { LogisticRegressionModel } from "../model/logistic_regression_model.ts";
 * const model = new LogisticRegressionModel({
 *   kind: "vigil.logistic_regression", version: 1, featureNames: ["a", "b"],
 *   classNames: ["no", "yes"], standardize: false, means: [0, 0], scales: [1, 1],
 *   weights: [[0, -1, -1], [0, 1, 1]], numSteps: 1, learningRate: 1,
 * });
 * const prepared = prepareExplain({ model, reference: [[-1, -1], [1, 1]] }, ["no", "yes"]);
 * // The window varies only along a: all of the importance moved to it.
 * const { results, metrics } = windowExplain([[-1, 0], [1, 0]], prepared, ["no", "yes"]);
 * if (results[0]!.statistic !== 0.5 || !results[0]!.detected) throw new Error();
 * if (metrics.find((m) => m.labels?.feature === "b")?.value !== 0) throw new Error();
 * ```
 */
export function windowExplain(
  rows: ArrayLike<ArrayLike<number>>,
  prepared: PreparedExplain,
  classNames: readonly string[],
): WindowCheckOutput {
  const all = Array.from(rows);
  const usable = all.filter(finiteRow);
  const nSkipped = all.length - usable.length;
  const current = usable.length > 0 ? prepared.explain(spaced(usable, prepared.maxRows)) : [];
  const result: AttributionDriftResult = attributionDrift(prepared.reference, current, {
    threshold: prepared.threshold,
  });
  result.details = { ...result.details, nSkipped, maxRows: prepared.maxRows };
  const shift: MetricValue = { name: "attribution_importance_shift", value: result.statistic };
  if (result.reason !== undefined) shift.reason = result.reason;
  const metrics: MetricValue[] = [shift];
  if (usable.length > 0) {
    classNames.forEach((className, c) => {
      const means = meanAbsoluteAttribution(current, { output: c });
      prepared.features.forEach((feature, j) =>
        metrics.push({
          name: "feature_attribution_mean_abs",
          value: means[j]!,
          labels: { feature, class: className },
        })
      );
    });
  }
  return { results: [result], metrics };
}
