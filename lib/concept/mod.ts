/**
 * Concept drift: streaming detectors that watch a model's error stream (or any real-valued
 * stream) one value at a time and say when it changed, matched to River's `drift` module
 * (defaults, warm starts, warning zones, reset after a detection, and the indices River's own
 * examples print).
 *
 * - On binary error streams (1 = wrong): {@linkcode ddm}, {@linkcode eddm}, {@linkcode hddmA},
 *   {@linkcode hddmW} — each has a warning zone.
 * - On real-valued streams: {@linkcode adwin}, {@linkcode pageHinkley}, {@linkcode kswin}.
 * - Every detector is a {@linkcode DriftDetector} (`update(value)` → `{ warning, drift }`,
 *   `reset()`); {@linkcode detect} runs one over a whole stream and returns the indices;
 *   {@linkcode conceptDriftDetector} creates one by name; every default is in
 *   {@linkcode DEFAULT_CONCEPT_DRIFT_OPTIONS}.
 * - {@linkcode evaluateDetectors} scores detectors on streams with known change points
 *   ({@linkcode errorStreams}): detection delay, false alarms per 10,000 points, missed changes;
 * - {@linkcode compareRetraining} compares never retraining, retraining after a confirmed alarm,
 *   retraining on a schedule and online learning on one labelled stream.
 *
 * Departures from River, none of which changes an index River prints:
 * - inputs are checked: binary detectors take only 0/1/booleans (River reads anything, EDDM
 *   counting every value other than 1 as correct), real-valued ones only finite numbers;
 * - options are checked when the detector is created (KSWIN's statSize ≤ windowSize / 2, which
 *   River's `sample` only rejects at the first full window);
 * - KSWIN's seed defaults to 0 instead of River's `None` (operating-system entropy), and a uniform
 *   source can be injected instead; `reset()` does not restore its initial `window`, as River's
 *   automatic reset does not;
 * - HDDM_W keeps its decrease statistics only for the two-sided test, the only one that reads them.
 *
 * @example
 * ```ts
 * import { CONCEPT_DRIFT_METHODS, conceptDriftDetector, ddm, detect } from "./mod.ts";
 * // a model right 90 % of the time, then wrong half of the time
 * const errors = Array.from({ length: 2000 }, (_, i) => Number(i % (i < 1000 ? 10 : 2) === 0));
 * const found = detect(ddm(), errors);
 * if (found.drifts.length === 0 || found.drifts[0]! < 1000) throw new Error(`${found.drifts}`);
 * // every detector has the same interface
 * for (const method of CONCEPT_DRIFT_METHODS) {
 *   const d = conceptDriftDetector(method);
 *   if (d.update(0).drift || d.method !== method) throw new Error(method);
 * }
 * ```
 *
 * @module
 */
export {
  CONCEPT_DRIFT_INPUT,
  CONCEPT_DRIFT_METHODS,
  type ConceptDriftMethod,
  DEFAULT_CONCEPT_DRIFT_OPTIONS,
  type DetectorInput,
  type DriftDetector,
  type PageHinkleyMode,
} from "./drift_detector.ts";
export { detect, type Detections } from "./detect.ts";
export { conceptDriftDetector, type ConceptDriftOptions } from "./concept_drift_detector.ts";
export { ddm, type DdmOptions } from "./ddm.ts";
export { eddm, type EddmOptions } from "./eddm.ts";
export { hddmA, type HddmAOptions } from "./hddm_a.ts";
export { hddmW, type HddmWOptions } from "./hddm_w.ts";
export { adwin, type AdwinOptions } from "./adwin.ts";
export { pageHinkley, type PageHinkleyOptions } from "./page_hinkley.ts";
export { kswin, type KswinOptions } from "./kswin.ts";
export {
  type ChangeStream,
  type DetectorEvaluation,
  errorStreams,
  type ErrorStreamsOptions,
  evaluateDetectors,
  type EvaluateDetectorsOptions,
} from "./evaluate_detectors.ts";
export {
  compareRetraining,
  type CompareRetrainingOptions,
  type PolicyOutcome,
  type PolicyWindow,
  RETRAINING_POLICIES,
  type RetrainingComparison,
  type RetrainingPolicy,
} from "./compare_retraining.ts";
