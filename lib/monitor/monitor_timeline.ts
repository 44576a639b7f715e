/**
 * Performance over time: a monitor run window after window, and every value it measured as a
 * time series beside its checks and its concept-drift detectors' warnings and alarms.
 *
 * @module
 */
import type { Monitor } from "./define_monitor.ts";
import type { Outcome, Snapshot } from "./types.ts";

/** One measured value of one run. */
export interface TimelineValue {
  /** The run (1 for the first run of this timeline). */
  run: number;
  /** The metric, e.g. `"accuracy"`. */
  metric: string;
  /** Its labels (class, feature, detector…), empty when none. */
  labels: Record<string, string>;
  /** The value (NaN when it could not be computed). */
  value: number;
}

/** One check's outcome in one run. */
export interface TimelineCheck {
  /** The run. */
  run: number;
  /** The check's name. */
  name: string;
  /** Its outcome. */
  outcome: Outcome;
  /** The value it compared. */
  value: number;
  /** Its effective threshold. */
  threshold: number;
}

/** One detector's state after one run. */
export interface TimelineDetector {
  /** The run. */
  run: number;
  /** The detector's name. */
  name: string;
  /** Whether the run ended in its warning zone. */
  warning: boolean;
  /** Whether it detected a drift during the run. */
  drift: boolean;
  /** Detections so far. */
  detections: number;
}

/** What {@linkcode monitorTimeline} returns: the series of every result, run by run. */
export interface MonitorTimeline {
  /** Every snapshot, in run order. */
  snapshots: Snapshot[];
  /** Every metric value of every run. */
  values: TimelineValue[];
  /** Every check outcome of every run. */
  checks: TimelineCheck[];
  /** Every concept-drift detector's state after every run. */
  detectors: TimelineDetector[];
}

/**
 * Runs `monitor` `runs` times in a row (its source steps through a scenario, one window per run)
 * and collects the series of every metric value, check outcome and detector state. `onRun` sees
 * each snapshot as it comes (to retrain, log or stop feeding). O(runs · cost of a run).
 *
 * @param monitor A monitor (`defineMonitor`).
 * @param runs Number of runs.
 * @param onRun Called after each run with its snapshot and 1-based index. @default none
 * @returns The timeline.
 * @throws {RangeError} When `runs` is not a non-negative integer.
 * @throws {Error} Whatever a run throws (the timeline stops there).
 * @example
 * ```ts
 * import { defineMonitor } from "./define_monitor.ts";
 * import { monitorTimeline, seriesOf } from "./monitor_timeline.ts";
 * let r = 0;
 * const monitor = defineMonitor({
 *   name: "demo",
 *   model: { name: "m", version: "1", classNames: ["a", "b"],
 *     predictProba: (X) => Float64Array.from({ length: 2 * X.length }, (_, i) => (i % 2 ? 0.1 : 0.9)) },
 *   source: () => ({ X: [[0], [0], [0], [0]], y: [0, 0, 0, ++r > 2 ? 1 : 0] }),
 *   checks: [{ metric: "accuracy", op: ">=", value: 0.9 }],
 * });
 * const timeline = await monitorTimeline(monitor, 3);
 * const accuracy = seriesOf(timeline, "accuracy");
 * if (accuracy.map((p) => p.value).join() !== "1,1,0.75") throw new Error();
 * if (timeline.checks[2]!.outcome !== "fail") throw new Error();
 * ```
 */
export async function monitorTimeline(
  monitor: Monitor,
  runs: number,
  onRun?: (snapshot: Snapshot, run: number) => void | Promise<void>,
): Promise<MonitorTimeline> {
  if (!Number.isInteger(runs) || runs < 0) {
    throw new RangeError(
      `Cannot build a monitor timeline: runs must be an integer >= 0, got ${runs}`,
    );
  }
  const out: MonitorTimeline = { snapshots: [], values: [], checks: [], detectors: [] };
  for (let run = 1; run <= runs; run++) {
    const s = await monitor.run();
    out.snapshots.push(s);
    for (const m of s.metrics) {
      out.values.push({ run, metric: m.name, labels: { ...m.labels }, value: m.value });
    }
    for (const c of s.checks) {
      out.checks.push({
        run,
        name: c.name,
        outcome: c.outcome,
        value: c.value,
        threshold: c.threshold,
      });
    }
    for (const d of s.concept ?? []) {
      out.detectors.push({
        run,
        name: d.name,
        warning: d.warning,
        drift: d.drift,
        detections: d.detections,
      });
    }
    await onRun?.(s, run);
  }
  return out;
}

/** Options of {@linkcode seriesOf}. */
export interface SeriesOptions {
  /** Labels the value must carry exactly. @default {} (the unlabelled value) */
  labels?: Record<string, string>;
  /** A detector whose warnings and drifts mark the points. @default none */
  detector?: string;
}

/** One point of a series, in the shape `metricTimelineChart` (lib/charts) draws. */
export interface SeriesPoint {
  /** The run. */
  time: number;
  /** The value. */
  value: number;
  /** Whether the detector was in its warning zone after this run. */
  warning: boolean;
  /** Whether the detector detected a drift during this run. */
  detected: boolean;
}

/**
 * One metric's series from a timeline, each point marked with a detector's warning and drift, in
 * the shape `metricTimelineChart` takes. O(values).
 *
 * @param timeline From {@linkcode monitorTimeline}.
 * @param metric The metric's name.
 * @param options Labels and the detector that marks the points.
 * @returns One point per run that measured the value.
 * @example
 * ```ts
 * import { seriesOf } from "./monitor_timeline.ts";
 * const timeline = {
 *   snapshots: [], checks: [],
 *   values: [{ run: 1, metric: "accuracy", labels: {}, value: 0.9 }],
 *   detectors: [{ run: 1, name: "ddm", warning: true, drift: false, detections: 0 }],
 * };
 * const [p] = seriesOf(timeline, "accuracy", { detector: "ddm" });
 * if (!p!.warning || p!.detected || p!.value !== 0.9) throw new Error();
 * ```
 */
export function seriesOf(
  timeline: MonitorTimeline,
  metric: string,
  options: SeriesOptions = {},
): SeriesPoint[] {
  const want = options.labels ?? {};
  const keys = Object.keys(want);
  const same = (l: Record<string, string>) =>
    Object.keys(l).length === keys.length && keys.every((k) => l[k] === want[k]);
  return timeline.values
    .filter((v) => v.metric === metric && same(v.labels))
    .map((v) => {
      const d = options.detector === undefined
        ? undefined
        : timeline.detectors.find((x) => x.run === v.run && x.name === options.detector);
      return {
        time: v.run,
        value: v.value,
        warning: d?.warning ?? false,
        detected: d?.drift ?? false,
      };
    });
}
