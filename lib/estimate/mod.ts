/**
 * Performance estimated before labels arrive: NannyML's confidence-based performance estimation
 * (CBPE) for classifiers — expected accuracy, precision, recall, F1 and ROC AUC of a window from
 * the model's probabilities, calibrated on a labelled reference, with NannyML's sampling-error
 * bands. A monitor runs it on every window with its `estimate` option.
 *
 * @example Estimate a window's accuracy before its labels arrive
 * ```ts
 * import { fitCbpe } from "./mod.ts";
 * // Reference: probabilities of class "yes" and the true labels.
 * const p = [0.1, 0.2, 0.35, 0.4, 0.6, 0.7, 0.8, 0.9];
 * const proba = new Float64Array(p.flatMap((q) => [1 - q, q]));
 * const cbpe = fitCbpe({ proba, y: [0, 0, 1, 0, 0, 1, 1, 1], classNames: ["no", "yes"] });
 * // A window of confident predictions is expected to be more accurate than an unsure one.
 * const sure = cbpe.estimate(new Float64Array([0.95, 0.05, 0.05, 0.95]))[0]!;
 * const unsure = cbpe.estimate(new Float64Array([0.6, 0.4, 0.4, 0.6]))[0]!;
 * if (!(sure.value > unsure.value)) throw new Error(`${sure.value} ${unsure.value}`);
 * ```
 *
 * @module
 */
export {
  CBPE_BAND_WIDTH,
  CBPE_METRICS,
  type CbpeEstimate,
  type CbpeEstimator,
  type CbpeMetric,
  type CbpeOptions,
  type CbpeReference,
  expectedRocAuc,
  fitCbpe,
} from "./cbpe.ts";
export { fitIsotonic, type IsotonicFit, type IsotonicOptions } from "../stats/isotonic.ts";
