/**
 * What to do after concept drift, compared on one stream: never retrain, retrain after a
 * confirmed alarm, retrain on a fixed schedule, or learn online.
 *
 * @module
 */
import { OnlineLogisticRegression } from "../model/online_logistic_regression.ts";
import { conceptDriftDetector, type ConceptDriftOptions } from "./concept_drift_detector.ts";
import type { ConceptDriftMethod } from "./drift_detector.ts";

/**
 * A retraining policy:
 * - `"never"`: the model trained on the first rows serves the whole stream;
 * - `"on_alarm"`: a detector reads the model's error stream; a drift it reports is confirmed with
 *   labels (the error rate of the last `confirmRows` rows must exceed the rate the model had just
 *   after it was trained), and once `retrainRows` labelled rows have arrived since the change
 *   began (the detector's first warning of the episode, else the drift), the model is retrained
 *   on those most recent rows;
 * - `"scheduled"`: retrained on the last `retrainRows` rows every `every` rows, drift or not;
 * - `"online"`: an {@linkcode OnlineLogisticRegression} learns every row after predicting it.
 */
export type RetrainingPolicy = "never" | "on_alarm" | "scheduled" | "online";

/** Every {@linkcode RetrainingPolicy}, in the order the comparison reports them. */
export const RETRAINING_POLICIES: readonly RetrainingPolicy[] = Object.freeze(
  ["never", "on_alarm", "scheduled", "online"] as const,
);

/** Options of {@linkcode compareRetraining}. */
export interface CompareRetrainingOptions {
  /** The policies to run. @default {RETRAINING_POLICIES} */
  policies?: readonly RetrainingPolicy[];
  /** Rows the first model is trained on (not scored). @default {1000} */
  trainRows?: number;
  /** Most recent labelled rows a retrain uses. @default {500} */
  retrainRows?: number;
  /** Rows between scheduled retrains. @default {2000} */
  every?: number;
  /** The detector of `"on_alarm"`. @default {"ddm"} */
  detector?: ConceptDriftMethod;
  /** Its options. @default {{}} (River's defaults) */
  detectorOptions?: ConceptDriftOptions[ConceptDriftMethod];
  /** The last rows before an alarm whose error rate confirms it. @default {200} */
  confirmRows?: number;
  /**
   * An alarm is confirmed when the error rate of its last `confirmRows` rows exceeds the rate of
   * every earlier row since the model was deployed by at least this much.
   * @default {0.03}
   */
  minErrorRise?: number;
  /** Rows per accuracy window of the timeline. @default {500} */
  windowRows?: number;
  /**
   * Options of each (re)trained model: a fresh `OnlineLogisticRegression` (its `featureNames`
   * come from the stream) fitted with 20 seeded passes over its rows, then frozen.
   * @default {{ learningRate: 0.1, decay: 0.001 }} (L2 1e-4, seed 0)
   */
  model?: { learningRate?: number; decay?: number; l2?: number; seed?: number };
  /**
   * Options of the `"online"` learner, fitted the same way on the first rows, then updated by
   * every row.
   * @default {{ learningRate: 0.05, decay: 0 }} (L2 1e-4, seed 0)
   */
  online?: { learningRate?: number; decay?: number; l2?: number; seed?: number };
}

/** One policy's outcome over the scored rows. */
export interface PolicyOutcome {
  /** The policy. */
  policy: RetrainingPolicy;
  /** Accuracy over every scored row (prequential: each row predicted before its label is used). */
  accuracy: number;
  /** Number of retrains after the first training (0 for `"never"` and `"online"`). */
  retrains: number;
  /** Row indices (in the stream) at which a retrained model took over. */
  retrainedAt: number[];
  /** Row indices at which the detector reported a drift (`"on_alarm"` only). */
  alarms: number[];
  /** Alarms that the labels did not confirm (no retrain followed). */
  unconfirmedAlarms: number;
  /**
   * Training work in SGD row updates: 20 per row of each (re)training fit (the first one
   * included), plus one per scored row for `"online"`.
   */
  trainingRowUpdates: number;
  /** Wall-clock seconds spent training (machine-dependent). */
  trainingSeconds: number;
}

/** Accuracy of one policy in one window of the stream. */
export interface PolicyWindow {
  /** The policy. */
  policy: RetrainingPolicy;
  /** First row of the window (a stream index). */
  start: number;
  /** Share of the window's rows predicted correctly. */
  accuracy: number;
}

/** What {@linkcode compareRetraining} returns. */
export interface RetrainingComparison {
  /** One outcome per policy. */
  policies: PolicyOutcome[];
  /** Accuracy over time: one row per policy and window. */
  timeline: PolicyWindow[];
}

/** Passes over its rows of a (re)training fit. */
const BATCH_EPOCHS = 20;
/** A (re)training fit: a decaying step, so that 20 passes settle near the batch optimum. */
const BATCH_MODEL = { learningRate: 0.1, decay: 0.001 };
/** The online learner: a constant step, so that it keeps tracking. */
const ONLINE_MODEL = { learningRate: 0.05, decay: 0 };

/**
 * Runs each policy over the same labelled stream, prequentially (predict a row, then learn its
 * label; labels arrive at once), starting from the same model fitted on the first `trainRows`
 * rows (an {@linkcode OnlineLogisticRegression}, 20 seeded SGD passes), and reports each one's
 * accuracy, accuracy per window, retrains and training work. Binary labels (0/1). Cost:
 * O(n · p) per policy plus O(20 · retrainRows · p) per retrain.
 *
 * @param stream Rows in arrival order with their labels (`seaConcepts`, a scenario, a log).
 * @param options Policies, window sizes, detector.
 * @returns The comparison.
 * @throws {RangeError} When the stream is not longer than `trainRows`, a size is not a positive
 * integer, or a label is not 0/1 (both classes must occur in every training window).
 * @example SEA concepts switching from threshold 8 to 7 halfway
 * ```ts
 * import { compareRetraining } from "./compare_retraining.ts";
 * import { seaConcepts } from "../data/sea_concepts.ts";
 * const stream = seaConcepts(6000, { variant: (i) => (i < 3000 ? 0 : 2), seed: 1 });
 * const { policies } = compareRetraining(stream, { policies: ["never", "online"] });
 * const [never, online] = policies;
 * if (!(online!.accuracy > never!.accuracy)) throw new Error(JSON.stringify(policies));
 * ```
 */
export function compareRetraining(
  stream: { X: readonly number[][]; y: readonly number[]; featureNames?: readonly string[] },
  options: CompareRetrainingOptions = {},
): RetrainingComparison {
  const {
    policies = RETRAINING_POLICIES,
    trainRows = 1000,
    retrainRows = 500,
    every = 2000,
    detector = "ddm",
    confirmRows = 200,
    minErrorRise = 0.03,
    windowRows = 500,
  } = options;
  const { X, y } = stream;
  for (
    const [name, v] of Object.entries({ trainRows, retrainRows, every, confirmRows, windowRows })
  ) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(
        `Cannot compare retraining: ${name} must be a positive integer, got ${v}`,
      );
    }
  }
  if (X.length !== y.length || X.length <= trainRows) {
    throw new RangeError(
      `Cannot compare retraining: need more than trainRows (${trainRows}) rows with one label each, got ${X.length} rows and ${y.length} labels`,
    );
  }
  const featureNames = stream.featureNames ?? X[0]!.map((_, j) => `x${j}`);
  const outcomes: PolicyOutcome[] = [];
  const timeline: PolicyWindow[] = [];
  for (const policy of policies) {
    const outcome: PolicyOutcome = {
      policy,
      accuracy: 0,
      retrains: 0,
      retrainedAt: [],
      alarms: [],
      unconfirmedAlarms: 0,
      trainingRowUpdates: 0,
      trainingSeconds: 0,
    };
    const fit = (from: number, to: number): OnlineLogisticRegression => {
      const t0 = performance.now();
      const settings = policy === "online"
        ? { ...ONLINE_MODEL, ...options.online }
        : { ...BATCH_MODEL, ...options.model };
      const fresh = new OnlineLogisticRegression({ featureNames, ...settings })
        .fit(X.slice(from, to), y.slice(from, to), BATCH_EPOCHS);
      outcome.trainingSeconds += (performance.now() - t0) / 1000;
      outcome.trainingRowUpdates += BATCH_EPOCHS * (to - from);
      return fresh;
    };
    let model = fit(0, trainRows);
    const online = policy === "online" ? model : undefined;
    const watch = policy === "on_alarm"
      ? conceptDriftDetector(detector, options.detectorOptions ?? {})
      : undefined;
    const errors = new Uint8Array(X.length);
    let deployedAt = trainRows;
    let warningStart = -1;
    let changeStart = -1;
    let correct = 0;
    for (let i = trainRows; i < X.length; i++) {
      const label = y[i]!;
      if (label !== 0 && label !== 1) {
        throw new RangeError(
          `Cannot compare retraining: label of row ${i} must be 0 or 1, got ${label}`,
        );
      }
      const wrong = (model.predictProbaOne(X[i]!) > 0.5 ? 1 : 0) !== label ? 1 : 0;
      errors[i] = wrong;
      correct += 1 - wrong;
      if (online !== undefined) {
        const t0 = performance.now();
        online.learnOne(X[i]!, label);
        outcome.trainingSeconds += (performance.now() - t0) / 1000;
        outcome.trainingRowUpdates++;
      }
      let retrain = false;
      if (watch !== undefined) {
        watch.update(wrong);
        if (watch.warning && warningStart < 0) warningStart = i;
        if (!watch.warning && !watch.drift) warningStart = -1;
        if (watch.drift && changeStart < 0) {
          outcome.alarms.push(i);
          const cut = Math.max(deployedAt, i + 1 - confirmRows);
          const recent = rate(errors, cut, i + 1);
          const before = cut > deployedAt ? rate(errors, deployedAt, cut) : recent;
          if (recent - before >= minErrorRise) changeStart = warningStart >= 0 ? warningStart : i;
          else outcome.unconfirmedAlarms++;
          warningStart = -1;
        }
        retrain = changeStart >= 0 && i + 1 - changeStart >= retrainRows;
      } else if (policy === "scheduled") {
        retrain = (i + 1 - trainRows) % every === 0;
      }
      if (retrain) {
        model = fit(i + 1 - retrainRows, i + 1);
        outcome.retrains++;
        outcome.retrainedAt.push(i + 1);
        deployedAt = i + 1;
        changeStart = -1;
        watch?.reset();
      }
    }
    outcome.accuracy = correct / (X.length - trainRows);
    for (let start = trainRows; start < X.length; start += windowRows) {
      timeline.push({
        policy,
        start,
        accuracy: 1 - rate(errors, start, Math.min(X.length, start + windowRows)),
      });
    }
    outcomes.push(outcome);
  }
  return { policies: outcomes, timeline };
}

function rate(errors: Uint8Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += errors[i]!;
  return to > from ? s / (to - from) : 0;
}
