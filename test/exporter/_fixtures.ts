/**
 * Shared fakes for the exporter tests: a snapshot factory and a scripted monitor.
 *
 * @module
 */
import type { Monitor, Snapshot } from "../../lib/monitor/mod.ts";

/** A snapshot of model "stub" with the given accuracy and an `accuracy_floor >= 0.8` check. */
export function makeSnapshot(accuracy: number, run = 1): Snapshot {
  const finishedAt = new Date(Date.UTC(2026, 0, 1, 0, run)).toISOString();
  return {
    version: 1,
    monitor: "stub",
    model: { name: "stub", version: "1.0.0" },
    run,
    startedAt: finishedAt,
    finishedAt,
    durationSeconds: 0.01,
    rows: 20,
    metrics: [
      { name: "accuracy", value: accuracy },
      { name: "precision", value: 0.75, labels: { class: "no" } },
      { name: "recall", value: 0.5, labels: { class: "no" } },
      { name: "f1", value: 0.6, labels: { class: "no" } },
    ],
    checks: [{
      name: "accuracy_floor",
      metric: "accuracy",
      value: accuracy,
      threshold: 0.8,
      operator: ">=",
      outcome: accuracy >= 0.8 ? "pass" : "fail",
      message: `accuracy ${accuracy} ${accuracy >= 0.8 ? ">=" : "<"} 0.8`,
    }],
    drift: [],
    quality: [],
    predictions: { calls: 2, rows: 20, latenciesSeconds: [0.002, 0.004] },
    timings: {},
  };
}

/** One scripted run: a snapshot, or an error to throw; `gate` delays the run until it resolves. */
export type Step = { snapshot: Snapshot; gate?: Promise<void> } | {
  error: Error;
  gate?: Promise<void>;
};

/** A monitor that plays `steps` in order (the last step repeats) and counts its runs. */
export function scriptedMonitor(steps: readonly Step[]): Monitor & { calls: number } {
  let i = 0;
  let running = false;
  const monitor = {
    name: "stub",
    model: { name: "stub", version: "1.0.0", classNames: ["no", "yes"] as const },
    checks: ["accuracy_floor"],
    calls: 0,
    get running() {
      return running;
    },
    async run(): Promise<Snapshot> {
      const step = steps[Math.min(i++, steps.length - 1)];
      monitor.calls++;
      running = true;
      try {
        if (step === undefined) throw new Error("No step scripted");
        await step.gate;
        if ("error" in step) throw step.error;
        return step.snapshot;
      } finally {
        running = false;
      }
    },
  };
  return monitor;
}

/** The value of one sample line of a Prometheus text exposition. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
