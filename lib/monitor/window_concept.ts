/**
 * Concept-drift detectors inside a monitor: each run feeds the window's per-row errors to
 * streaming detectors (`lib/concept`) whose state is kept between runs, so a slow rise of the
 * error rate over many windows is seen even when no single window's accuracy check fails.
 *
 * @module
 */
import {
  conceptDriftDetector,
  type ConceptDriftOptions,
} from "../concept/concept_drift_detector.ts";
import {
  CONCEPT_DRIFT_METHODS,
  type ConceptDriftMethod,
  type DriftDetector,
} from "../concept/drift_detector.ts";
import type { MetricValue } from "./types.ts";

/**
 * One detector a monitor runs over its error stream (1 = the model's top class is wrong).
 * Binary detectors (DDM, EDDM, HDDM_A, HDDM_W) read it as errors; real-valued ones (ADWIN,
 * Page-Hinkley, KSWIN) read the same 0/1 values as numbers.
 */
export interface ConceptDetectorSpec {
  /** The detector. */
  method: ConceptDriftMethod;
  /**
   * Its name, the `detector` label of the exported metrics (snake_case, unique in the monitor).
   * @default {method}
   */
  name?: string;
  /** Its options. @default {{}} (River's defaults) */
  options?: ConceptDriftOptions[ConceptDriftMethod];
}

/** One detector's state after a run (`Snapshot.concept`). */
export interface ConceptDetectorState {
  /** The detector's name (the `detector` label). */
  name: string;
  /** The detector. */
  method: ConceptDriftMethod;
  /** Whether the last row of the run left it in its warning zone. */
  warning: boolean;
  /** Whether it detected a drift during the run. */
  drift: boolean;
  /** Drifts detected since the monitor was defined (a counter). */
  detections: number;
  /** Rows of this run's window at which it detected a drift (0-based, in window order). */
  driftRows: number[];
  /** Rows of this run's window at which it was in its warning zone. */
  warningRows: number;
  /** Error values read since the monitor was defined. */
  rowsSeen: number;
}

/** The detectors of one monitor, with their state across runs. */
export interface ConceptWatch {
  /** The detectors' names, in spec order (the bounded `detector` label set). */
  readonly names: readonly string[];
  /** Feeds one window's errors to every detector and returns their states. O(rows · detectors). */
  update(errors: Uint8Array): ConceptDetectorState[];
}

/**
 * Validates detector specs and creates their detectors, once per monitor (their state is what
 * makes a slow drift visible across runs). O(detectors).
 *
 * @param specs The specs (`MonitorConfig.concept`).
 * @returns The watch.
 * @throws {TypeError} When `specs` is not an array, a name is not snake_case or is repeated.
 * @throws {RangeError} When a method is unknown or an option out of range.
 * @example
 * ```ts
 * import { conceptWatch } from "./window_concept.ts";
 * const watch = conceptWatch([{ method: "ddm" }, { method: "adwin", name: "adwin_errors" }]);
 * const calm = watch.update(new Uint8Array(500).map((_, i) => Number(i % 10 === 0)));
 * const bad = watch.update(new Uint8Array(500).map((_, i) => Number(i % 2 === 0)));
 * if (calm[0]!.drift || !bad[0]!.drift || bad[0]!.detections !== 1) throw new Error();
 * if (watch.names.join() !== "ddm,adwin_errors") throw new Error();
 * ```
 */
export function conceptWatch(specs: readonly ConceptDetectorSpec[]): ConceptWatch {
  if (!Array.isArray(specs)) {
    throw new TypeError(`Invalid concept detectors: expected an array, got ${typeof specs}`);
  }
  const names: string[] = [];
  const detectors: DriftDetector[] = specs.map((spec, i) => {
    if (!CONCEPT_DRIFT_METHODS.includes(spec?.method)) {
      throw new RangeError(
        `Invalid concept detector ${i}: unknown method "${String(spec?.method)}" (one of ${
          CONCEPT_DRIFT_METHODS.join(", ")
        })`,
      );
    }
    const name = spec.name ?? spec.method;
    if (typeof name !== "string" || !/^[a-z][a-z0-9_]*$/.test(name)) {
      throw new TypeError(`Invalid concept detector ${i}: name must be snake_case, got "${name}"`);
    }
    if (names.includes(name)) {
      throw new TypeError(`Invalid concept detector ${i}: name "${name}" is used twice`);
    }
    names.push(name);
    return conceptDriftDetector(spec.method, spec.options ?? {});
  });
  const detections = new Array<number>(detectors.length).fill(0);
  let rowsSeen = 0;
  return {
    names: Object.freeze([...names]),
    update(errors: Uint8Array): ConceptDetectorState[] {
      rowsSeen += errors.length;
      return detectors.map((d, k) => {
        const driftRows: number[] = [];
        let warningRows = 0;
        let warning = d.warning;
        for (let i = 0; i < errors.length; i++) {
          d.update(errors[i]!);
          if (d.drift) driftRows.push(i);
          if (d.warning) warningRows++;
          warning = d.warning;
        }
        detections[k]! += driftRows.length;
        return {
          name: names[k]!,
          method: d.method,
          warning,
          drift: driftRows.length > 0,
          detections: detections[k]!,
          driftRows,
          warningRows,
          rowsSeen,
        };
      });
    },
  };
}

/**
 * Per-row errors of a window: 1 where the class with the highest probability (the first on a
 * tie) is not the true label. O(n · k).
 *
 * @param y True class indices.
 * @param proba Row-major n × k probabilities.
 * @param k Number of classes.
 * @returns One 0/1 value per row.
 * @example
 * ```ts
 * import { rowErrors } from "./window_concept.ts";
 * const e = rowErrors([0, 1], Float64Array.of(0.9, 0.1, 0.8, 0.2), 2);
 * if (e.join() !== "0,1") throw new Error();
 * ```
 */
export function rowErrors(y: ArrayLike<number>, proba: Float64Array, k: number): Uint8Array {
  const out = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
    out[i] = best === y[i] ? 0 : 1;
  }
  return out;
}

/**
 * The detectors' states as metric values that checks can read: `concept_drift_warning`,
 * `concept_drift_detected` (0/1) and `concept_drift_detections` (running count), each labelled
 * `detector`. O(detectors).
 *
 * @param states The states of one run.
 * @returns Three values per detector.
 * @example
 * ```ts
 * import { conceptMetrics } from "./window_concept.ts";
 * const m = conceptMetrics([{ name: "ddm", method: "ddm", warning: true, drift: false,
 *   detections: 2, driftRows: [], warningRows: 5, rowsSeen: 900 }]);
 * if (m.map((v) => v.value).join() !== "1,0,2") throw new Error();
 * ```
 */
export function conceptMetrics(states: readonly ConceptDetectorState[]): MetricValue[] {
  return states.flatMap((s) => [
    { name: "concept_drift_warning", value: s.warning ? 1 : 0, labels: { detector: s.name } },
    { name: "concept_drift_detected", value: s.drift ? 1 : 0, labels: { detector: s.name } },
    { name: "concept_drift_detections", value: s.detections, labels: { detector: s.name } },
  ]);
}
