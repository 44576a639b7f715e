/**
 * Performance estimated before labels arrive, in a monitor run: CBPE (`lib/estimate`) on every
 * window, as metric values `estimated_<metric>` with their bands.
 *
 * @module
 */
import {
  type CbpeMetric,
  type CbpeOptions,
  type CbpeReference,
  fitCbpe,
} from "../estimate/cbpe.ts";
import type { MetricValue } from "./types.ts";

/** The monitor's `estimate` option: the reference CBPE is fitted on, and what to estimate. */
export interface MonitorEstimateOptions {
  /**
   * The model's probabilities and the true labels on reference data (e.g. a held-out test set);
   * `classNames` must be the model's.
   */
  reference: Omit<CbpeReference, "classNames"> & { classNames?: readonly string[] };
  /**
   * The metrics to estimate.
   * @default every CBPE metric (accuracy, precision, recall, f1, roc_auc)
   */
  metrics?: readonly CbpeMetric[];
  /**
   * Isotonic calibration on the reference (see `CbpeOptions.calibrate`).
   * @default true
   */
  calibrate?: CbpeOptions["calibrate"];
}

/**
 * Fits CBPE once and returns what each run calls on its window's probabilities: per metric m,
 * `estimated_<m>` (the estimate), `estimated_<m>_lower` and `estimated_<m>_upper` (± 3 sampling
 * errors, within [0, 1]) and `estimated_<m>_sampling_error`. O(reference) once, then O(n·k +
 * n log n) per window.
 *
 * @param options See {@linkcode MonitorEstimateOptions}.
 * @param classNames The model's classes.
 * @returns The per-window estimator.
 * @throws {TypeError} When the reference's class names differ from the model's, or a metric is
 *   unknown.
 * @throws {RangeError} When the reference is malformed (see `fitCbpe`).
 * @example
 * ```ts
 * import { prepareEstimate } from "./window_estimate.ts";
 * const proba = new Float64Array([0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0.3, 0.7]);
 * const estimate = prepareEstimate(
 *   { reference: { proba, y: [0, 1, 1, 1] }, metrics: ["accuracy"] },
 *   ["a", "b"],
 * );
 * const values = estimate(proba);
 * if (values.map((v) => v.name).join() !== "estimated_accuracy,estimated_accuracy_lower," +
 *   "estimated_accuracy_upper,estimated_accuracy_sampling_error") throw new Error();
 * ```
 */
export function prepareEstimate(
  options: MonitorEstimateOptions,
  classNames: readonly string[],
): (proba: Float64Array) => MetricValue[] {
  const given = options?.reference?.classNames;
  if (given !== undefined && given.join("\u0000") !== classNames.join("\u0000")) {
    throw new TypeError(
      `Invalid estimate: the reference's classes [${given.join(", ")}] are not the model's [${
        classNames.join(", ")
      }]`,
    );
  }
  const cbpe = fitCbpe(
    { proba: options.reference.proba, y: options.reference.y, classNames },
    {
      ...(options.metrics !== undefined ? { metrics: options.metrics } : {}),
      ...(options.calibrate !== undefined ? { calibrate: options.calibrate } : {}),
    },
  );
  return (proba) =>
    cbpe.estimate(proba).flatMap((e) => [
      { name: `estimated_${e.metric}`, value: e.value },
      { name: `estimated_${e.metric}_lower`, value: e.lower },
      { name: `estimated_${e.metric}_upper`, value: e.upper },
      { name: `estimated_${e.metric}_sampling_error`, value: e.samplingError },
    ]);
}
