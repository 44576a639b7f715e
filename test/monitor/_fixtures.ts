/**
 * Shared test fixtures for the monitor and its Prometheus face: a complete, hand-written
 * {@linkcode Snapshot} with every kind of value (labelled, NaN, each check outcome).
 *
 * @module
 */
import type { Snapshot } from "../../lib/monitor/types.ts";

/** Iris class names, as the model declares them. */
export const CLASSES = ["setosa", "versicolor", "virginica"] as const;

/** A full snapshot; pass overrides to change fields. */
export function sampleSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    version: 1,
    monitor: "iris",
    model: { name: "iris_logreg", version: "1.0.0" },
    run: 3,
    startedAt: "2026-12-01T06:00:00.000Z",
    finishedAt: "2026-12-01T06:00:01.500Z",
    durationSeconds: 1.5,
    rows: 30,
    metrics: [
      { name: "accuracy", value: 0.9 },
      { name: "balanced_accuracy", value: 0.8888888888888888 },
      { name: "precision", value: 1, labels: { class: "setosa" } },
      { name: "precision", value: 0.8, labels: { class: "versicolor" } },
      { name: "precision", value: 0.9, labels: { class: "virginica" } },
      { name: "recall", value: 1, labels: { class: "setosa" } },
      { name: "recall", value: 0.75, labels: { class: "versicolor" } },
      { name: "recall", value: 0.9166666666666666, labels: { class: "virginica" } },
      { name: "f1", value: 1, labels: { class: "setosa" } },
      { name: "f1", value: 0.7741935483870968, labels: { class: "versicolor" } },
      { name: "f1", value: 0.908256880733945, labels: { class: "virginica" } },
      { name: "macro_f1", value: 0.8941501430403473 },
      { name: "roc_auc", value: NaN, reason: "only one class present" },
      { name: "log_loss", value: 0.3125 },
    ],
    checks: [
      {
        name: "accuracy_floor",
        metric: "accuracy",
        value: 0.9,
        threshold: 0.85,
        operator: ">=",
        warnThreshold: 0.95,
        outcome: "warn",
        message: "accuracy 0.9000 < 0.9500 warning level (fails < 0.8500)",
      },
      {
        name: "accuracy_vs_baseline",
        metric: "accuracy",
        value: 0.9,
        threshold: 0.9166999999999998,
        operator: ">=",
        baseline: 0.9667,
        outcome: "fail",
        message: "accuracy 0.9000 < 0.9167 (baseline 0.9667 − 0.05)",
      },
      {
        name: "recall_setosa",
        metric: "recall",
        labels: { class: "setosa" },
        value: 1,
        threshold: 0.9,
        operator: ">=",
        outcome: "pass",
        message: 'recall{class="setosa"} 1.0000 >= 0.9000',
      },
      {
        name: "roc_auc",
        metric: "roc_auc",
        value: NaN,
        threshold: 0.9,
        operator: ">=",
        outcome: "error",
        message: "roc_auc is NaN in this run (only one class present)",
      },
    ],
    drift: [],
    quality: [],
    predictions: { calls: 1, rows: 30, latenciesSeconds: [0.002] },
    timings: { source: 0.001, predict: 0.002, metrics: 0.003, checks: 0.0001 },
    ...overrides,
  };
}
