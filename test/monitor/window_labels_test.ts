import { defineMonitor, type MonitorConfig } from "../../lib/monitor/define_monitor.ts";
import { metricValue } from "../../lib/monitor/find_metric.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { buildProfile } from "../../lib/profile/profile.ts";
import { accuracy } from "../../lib/metrics/accuracy.ts";
import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";

const iris = await loadIris();
const features = iris.featureNames;
const featureTable = tableFromColumns(
  Object.fromEntries(features.map((f) => [f, iris.table.columns[f]!])) as Record<
    string,
    Float64Array
  >,
);
/** Logged probabilities: a fixed, deterministic function of the row (class = row % 3 favoured). */
const proba = Float64Array.from({ length: 150 * 3 }, (_, i) => {
  const row = Math.floor(i / 3), c = i % 3;
  return c === iris.y[row] ? (row % 5 === 0 ? 0.2 : 0.8) : (row % 5 === 0 ? 0.4 : 0.1);
});
const model: MonitorConfig["model"] = {
  name: "logged",
  version: "1",
  classNames: iris.classNames,
  predictProba: () => {
    throw new Error("the monitor must not re-score when the batch carries proba");
  },
};

Deno.test("a window with late labels: metrics over labelled rows only, coverage reported", async () => {
  // Rows 0..89 labelled, 90..149 not yet.
  const y = Int32Array.from(iris.y, (v, i) => i < 90 ? v : -1);
  const monitor = defineMonitor({
    name: "late",
    model,
    source: () => ({ X: iris.X, y, proba }),
    checks: [{ metric: "accuracy", op: ">=", value: 0.5 }],
  });
  const s = await monitor.run();
  assertEquals(metricValue(s, "label_coverage_ratio"), 0.6);
  assertEquals(metricValue(s, "labelled_rows"), 90);
  assertEquals(metricValue(s, "window_rows"), 150);
  const pred = Array.from({ length: 90 }, (_, i) => {
    let best = 0;
    for (let c = 1; c < 3; c++) if (proba[i * 3 + c]! > proba[i * 3 + best]!) best = c;
    return best;
  });
  assertAlmostEquals(metricValue(s, "accuracy"), accuracy(y.subarray(0, 90), pred).value, 1e-12);
  assertEquals(s.checks[0]!.outcome, "pass");
  assertEquals(s.predictions.calls, 0, "logged probabilities are used, the model is not called");
  assertEquals(s.rows, 150);
});

Deno.test("below minLabelCoverage, label metrics are absent and their checks report error", async () => {
  const y = Int32Array.from(iris.y, (v, i) => i < 30 ? v : -1); // 20 %
  const config: MonitorConfig = {
    name: "late",
    model,
    source: () => ({ X: iris.X, y, proba }),
    checks: [
      { name: "acc", metric: "accuracy", op: ">=", value: 0.5 },
      { name: "coverage", metric: "label_coverage_ratio", op: ">=", value: 0.5 },
    ],
  };
  const s = await defineMonitor(config).run();
  assert(Number.isNaN(metricValue(s, "accuracy")), "accuracy absent under the default 0.5");
  assertEquals(s.checks[0]!.outcome, "error");
  assertEquals(s.checks[0]!.message, "accuracy is missing from this run");
  assertEquals(s.checks[1]!.outcome, "fail");
  const low = await defineMonitor({ ...config, minLabelCoverage: 0.2 }).run();
  assertEquals(low.checks[0]!.outcome, "pass", "at 0.2 the 20 % coverage suffices");
});

Deno.test("a fully labelled window keeps its snapshot unless minLabelCoverage is set", async () => {
  const base: MonitorConfig = {
    name: "full",
    model,
    source: () => ({ X: iris.X, y: iris.y, proba }),
    checks: [],
  };
  const plain = await defineMonitor(base).run();
  assert(!plain.metrics.some((m) => m.name === "label_coverage_ratio"));
  const explicit = await defineMonitor({ ...base, minLabelCoverage: 0.5 }).run();
  assertEquals(metricValue(explicit, "label_coverage_ratio"), 1);
});

Deno.test("drift, quality and concept detectors on a window with no label at all", async () => {
  const profile = buildProfile(featureTable, { createdAt: new Date(0) });
  const monitor = defineMonitor({
    name: "unlabelled",
    model,
    profile,
    concept: [{ method: "ddm" }],
    source: () => ({ X: iris.X, proba, table: featureTable }),
    checks: [{ metric: "dataset_drift_share", op: "<=", value: 0.5 }],
  });
  const s = await monitor.run();
  assertEquals(metricValue(s, "label_coverage_ratio"), 0);
  assert(!s.metrics.some((m) => m.name === "accuracy" || m.name === "roc_auc"));
  assertEquals(s.drift.length, features.length + 1, "drift ran on every feature");
  assert(s.quality.length > 0, "quality ran");
  assertEquals(s.checks[0]!.outcome, "pass");
  assertEquals(s.concept, [], "no labelled row, no detector update");
});

Deno.test("without logged probabilities the model is called as before", async () => {
  let calls = 0;
  const s = await defineMonitor({
    name: "scored",
    model: { ...model, predictProba: (X) => (calls++, proba.slice(0, X.length * 3)) },
    source: () => ({ X: iris.X, y: iris.y }),
    checks: [],
  }).run();
  assertEquals([calls, s.predictions.calls], [1, 1]);
});
