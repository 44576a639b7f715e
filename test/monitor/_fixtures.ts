/**
 * Shared test fixtures for the monitor and its Prometheus face: a complete, hand-written
 * {@linkcode Snapshot} with every kind of value (labelled, NaN, each check outcome).
 *
 * @module
 */
import type { Snapshot } from "../../lib/monitor/types.ts";
import type { CheckResult } from "../../lib/types.ts";

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
      { name: "dataset_drift_share", value: 0.5 },
      { name: "feature_bin_rows", value: 20, labels: { feature: "petal_length", bin: "0" } },
      { name: "feature_bin_rows", value: 10, labels: { feature: "petal_length", bin: "1" } },
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
    drift: sampleDrift(),
    quality: sampleQuality(),
    predictions: { calls: 1, rows: 30, latenciesSeconds: [0.002] },
    timings: { source: 0.001, predict: 0.002, metrics: 0.003, checks: 0.0001 },
    ...overrides,
  };
}

/** The declared features of the sample snapshot's drift and quality results. */
export const FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"];

/** Drift results of each kind: a test, a distance, an error, a dataset share of 2/4. */
export function sampleDrift(): CheckResult[] {
  const base = { kind: "drift", status: "ok" as const, nReference: 120, nCurrent: 30 };
  return [
    {
      ...base,
      method: "ks",
      column: "sepal_length",
      statistic: 0.1,
      pValue: 0.3,
      threshold: 0.05,
      operator: "<",
      detected: false,
    },
    {
      ...base,
      method: "auto",
      column: "sepal_width",
      status: "error",
      reason: 'Column "sepal_width" is missing from the window',
      statistic: NaN,
      threshold: NaN,
      operator: "<",
      detected: false,
    },
    {
      ...base,
      method: "ks",
      column: "petal_length",
      statistic: 0.6,
      pValue: 0.001,
      threshold: 0.05,
      operator: "<",
      detected: true,
    },
    {
      ...base,
      method: "wasserstein_normed",
      column: "petal_width",
      statistic: 0.25,
      threshold: 0.1,
      operator: ">=",
      detected: true,
    },
    {
      ...base,
      method: "chi_square",
      column: "species",
      statistic: 0.4,
      pValue: 0.8,
      threshold: 0.05,
      operator: "<",
      detected: false,
    },
    {
      ...base,
      kind: "dataset_drift",
      method: "drift_share",
      statistic: 0.5,
      threshold: 0.5,
      operator: ">=",
      detected: true,
      details: { nColumns: 4, nDrifted: 2, nErrors: 1 },
    },
  ];
}

/** Quality results: a missing share over its threshold, an unexpected column, a volume check. */
export function sampleQuality(): CheckResult[] {
  const base = {
    kind: "quality",
    status: "ok" as const,
    operator: ">" as const,
    nReference: 120,
    nCurrent: 30,
  };
  return [
    { ...base, method: "row_count_change", statistic: 0.75, threshold: 0.5, detected: true },
    {
      ...base,
      method: "schema",
      column: "notes",
      statistic: 1,
      threshold: 0,
      detected: true,
      details: { problem: "unexpected" },
    },
    {
      ...base,
      method: "schema",
      column: "petal_length",
      statistic: 0,
      threshold: 0,
      detected: false,
      details: { problem: null },
    },
    {
      ...base,
      method: "missing_share",
      column: "petal_length",
      statistic: 0.2,
      threshold: 0.05,
      detected: true,
    },
    {
      ...base,
      method: "missing_share",
      column: "sepal_length",
      statistic: 0,
      threshold: 0.05,
      detected: false,
    },
  ];
}
