import {
  defineMonitor,
  MonitorBusyError,
  type MonitorConfig,
  type MonitoredModel,
} from "../../lib/monitor/define_monitor.ts";
import type { Baseline } from "../../lib/monitor/baseline.ts";
import type { Batch } from "../../lib/monitor/batch.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { trainLogisticRegression } from "../../lib/model/logistic_regression.ts";
import { buildProfile, type ReferenceProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertRejects,
  assertRelativeEquals,
  assertThrows,
} from "../_assert.ts";

interface Golden {
  versions: Record<string, string>;
  classNames: string[];
  X: number[][];
  y: number[];
  proba: number[][];
  metrics: { name: string; value: number; labels?: Record<string, string> }[];
}
const GOLDEN: Golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/monitor.json", import.meta.url)),
);

/** A stub model returning the golden probabilities of each row (row id in feature 0). */
function stubModel(calls: number[] = []): MonitoredModel {
  return {
    name: "iris_stub",
    version: "0.1.0",
    classNames: GOLDEN.classNames,
    predictProba(X) {
      calls.push(X.length);
      const out = new Float64Array(X.length * 3);
      for (let i = 0; i < X.length; i++) out.set(GOLDEN.proba[X[i]![0]!]!, i * 3);
      return out;
    },
  };
}

function goldenBatch(): Batch {
  return { X: GOLDEN.X, y: Int32Array.from(GOLDEN.y) };
}

/** A clock that advances 10 ms per reading and a wall clock that advances 1 s per reading. */
function fakeClocks(): Pick<MonitorConfig, "clock" | "now"> {
  let ms = 1000, s = Date.parse("2026-12-01T06:00:00Z");
  return { clock: () => (ms += 10), now: () => new Date(s += 1000) };
}

const BASELINE: Baseline = {
  version: 1,
  model: { name: "iris_stub", version: "0.0.9" },
  createdAt: "2026-11-30T00:00:00.000Z",
  metrics: [{ name: "accuracy", value: 0.9667 }, { name: "log_loss", value: 0.3 }],
};

Deno.test("run() reports the metrics scikit-learn computes for the window", async () => {
  const monitor = defineMonitor({
    name: "iris",
    model: stubModel(),
    source: goldenBatch,
    checks: [],
  });
  const snapshot = await monitor.run();
  assertEquals(snapshot.metrics.length, GOLDEN.metrics.length);
  for (const expected of GOLDEN.metrics) {
    const got = snapshot.metrics.find((m) =>
      m.name === expected.name && m.labels?.class === expected.labels?.class
    );
    assert(got !== undefined, `missing ${expected.name} ${JSON.stringify(expected.labels)}`);
    assertRelativeEquals(got.value, expected.value, 1e-9, `${expected.name} ${got.labels?.class}`);
  }
});

Deno.test("run() fills the snapshot's identity, timestamps, durations and timings", async () => {
  const calls: number[] = [];
  const monitor = defineMonitor({
    name: "iris",
    model: stubModel(calls),
    source: goldenBatch,
    checks: [],
    predictBatchRows: 5,
    ...fakeClocks(),
  });
  const s = await monitor.run();
  assertEquals([s.version, s.monitor, s.run, s.rows], [1, "iris", 1, 12]);
  assertEquals(s.model, { name: "iris_stub", version: "0.1.0" });
  assertEquals(s.startedAt, "2026-12-01T06:00:01.000Z");
  assertEquals(s.finishedAt, "2026-12-01T06:00:02.000Z");
  assertEquals(calls, [5, 5, 2]);
  assertEquals(s.predictions.calls, 3);
  assertEquals(s.predictions.rows, 12);
  // Each predict call spans two clock readings 10 ms apart.
  assertEquals(s.predictions.latenciesSeconds, [0.01, 0.01, 0.01]);
  assertEquals(Object.keys(s.timings), ["source", "predict", "metrics", "checks"]);
  for (const v of Object.values(s.timings)) assert(v > 0, "each phase is timed");
  const phases = Object.values(s.timings).reduce((a, b) => a + b, 0);
  assert(s.durationSeconds >= phases, "duration covers the phases");
  assertEquals((await monitor.run()).run, 2);
  assertEquals([s.drift, s.quality], [[], []]);
});

Deno.test("run() with the real clock records positive timings", async () => {
  const monitor = defineMonitor({ name: "m", model: stubModel(), source: goldenBatch, checks: [] });
  const s = await monitor.run();
  assertEquals(s.predictions.latenciesSeconds.length, 1);
  assert(s.predictions.latenciesSeconds[0]! >= 0 && s.durationSeconds > 0);
  assert(Date.parse(s.finishedAt) >= Date.parse(s.startedAt));
});

Deno.test("run() evaluates absolute and baseline-relative checks", async () => {
  const monitor = defineMonitor({
    name: "iris",
    model: stubModel(),
    source: goldenBatch,
    baseline: BASELINE,
    checks: [
      { name: "accuracy_floor", metric: "accuracy", op: ">=", value: 0.7, warn: 0.8 },
      { metric: "accuracy", relativeTo: "baseline", maxDrop: 0.05 },
      { metric: "log_loss", relativeTo: "baseline", maxRise: 0.25 },
      { metric: "recall", labels: { class: "setosa" }, op: ">=", value: 0.7 },
    ],
  });
  assertEquals(monitor.checks, [
    "accuracy_floor",
    "accuracy_vs_baseline",
    "log_loss_vs_baseline",
    "recall_setosa",
  ]);
  const { checks } = await monitor.run();
  assertEquals(checks.map((c) => c.outcome), ["warn", "fail", "pass", "pass"]);
  assertEquals(checks[1]!.message, "accuracy 0.7500 < 0.9167 (baseline 0.9667 − 0.05)");
  assertAlmostEquals(checks[2]!.threshold, 0.55, 1e-12);
  assertEquals(checks[3]!.value, 0.75);
});

Deno.test("run() reports an undefined ROC AUC as an error outcome with the reason", async () => {
  const monitor = defineMonitor({
    name: "iris",
    model: stubModel(),
    source: () => ({ X: GOLDEN.X.slice(0, 8), y: GOLDEN.y.slice(0, 8) }),
    checks: [{ metric: "roc_auc", op: ">=", value: 0.9 }],
  });
  const s = await monitor.run();
  const auc = s.metrics.find((m) => m.name === "roc_auc")!;
  assert(Number.isNaN(auc.value));
  assert(auc.reason?.includes("virginica"), auc.reason);
  assertEquals(s.checks[0]!.outcome, "error");
  assert(s.checks[0]!.message.startsWith("roc_auc is NaN in this run ("), s.checks[0]!.message);
});

Deno.test("run() accepts a flat row-major X with nFeatures", async () => {
  const monitor = defineMonitor({
    name: "iris",
    model: stubModel(),
    source: () => ({ X: Float64Array.from(GOLDEN.X.flat()), nFeatures: 2, y: GOLDEN.y }),
    checks: [],
  });
  const s = await monitor.run();
  assertEquals(s.metrics.find((m) => m.name === "accuracy")!.value, 0.75);
});

Deno.test("run() hands a flat X to predictProbaRowMajor when the model has it", async () => {
  const seen: number[] = [];
  const model: MonitoredModel = {
    ...stubModel(),
    predictProba() {
      throw new Error("the row path must not be used");
    },
    predictProbaRowMajor(X, nFeatures) {
      seen.push(X.length / nFeatures);
      const rows = Array.from({ length: X.length / nFeatures }, (_, i) => [X[i * nFeatures]!]);
      return stubModel().predictProba(rows) as Float64Array;
    },
  };
  const monitor = defineMonitor({
    name: "iris",
    model,
    source: () => ({ X: Float64Array.from(GOLDEN.X.flat()), nFeatures: 2, y: GOLDEN.y }),
    checks: [],
    predictBatchRows: 8,
  });
  const s = await monitor.run();
  assertEquals(seen, [8, 4]);
  assertEquals(s.predictions.calls, 2);
  assertEquals(s.metrics.find((m) => m.name === "accuracy")!.value, 0.75);
});

Deno.test("run() rejects a second call while one is in progress, then runs again", async () => {
  const gate = Promise.withResolvers<Batch>();
  let first = true;
  const monitor = defineMonitor({
    name: "slow",
    model: stubModel(),
    source: () => first ? (first = false, gate.promise) : goldenBatch(),
    checks: [],
  });
  const a = monitor.run();
  assert(monitor.running);
  await assertRejects(() => monitor.run(), MonitorBusyError, 'Monitor "slow" is already running');
  gate.resolve(goldenBatch());
  assertEquals((await a).run, 1);
  assert(!monitor.running);
  assertEquals((await monitor.run()).run, 2);
});

Deno.test("run() rejects with the phase and cause when the window or model is bad", async () => {
  const cases: [string, Partial<MonitorConfig>, ErrorConstructor, string][] = [
    [
      "source throws",
      {
        source: () => {
          throw new Error("database down");
        },
      },
      Error,
      'Monitor "bad" run 1 failed in source: database down',
    ],
    [
      "label out of range",
      { source: () => ({ X: [[0, 0]], y: [3] }) },
      RangeError,
      "failed in source: Invalid batch: y[0] is 3, expected a class index in 0..2",
    ],
    [
      "rows and labels disagree",
      { source: () => ({ X: [[0, 0]], y: [0, 1] }) },
      TypeError,
      "X has 1 rows but y has 2 labels",
    ],
    [
      "empty window",
      { source: () => ({ X: [], y: [] }) },
      RangeError,
      "the window has no rows",
    ],
    [
      "model returns the wrong shape",
      { model: { ...stubModel(), predictProba: () => new Float64Array(2) } },
      TypeError,
      "failed in predict: model.predictProba returned 2 values for 12 rows × 3 classes",
    ],
    [
      "model returns NaN",
      { model: { ...stubModel(), predictProba: (X) => new Float64Array(X.length * 3).fill(NaN) } },
      RangeError,
      "failed in metrics",
    ],
  ];
  for (const [what, override, ErrorClass, message] of cases) {
    const monitor = defineMonitor({
      name: "bad",
      model: stubModel(),
      source: goldenBatch,
      checks: [],
      ...override,
    });
    const e = await assertRejects(() => monitor.run(), ErrorClass, message);
    assert(e.cause instanceof Error, `${what}: cause`);
    assert(!monitor.running, `${what}: the guard is released`);
  }
});

Deno.test("defineMonitor() rejects a malformed config at definition time", () => {
  const base: MonitorConfig = { name: "m", model: stubModel(), source: goldenBatch, checks: [] };
  assertThrows(() => defineMonitor({ ...base, name: "" }), TypeError, "name");
  assertThrows(
    () => defineMonitor({ ...base, model: { ...stubModel(), classNames: ["a", "a"] } }),
    TypeError,
    "duplicates",
  );
  assertThrows(
    () => defineMonitor({ ...base, model: { ...stubModel(), classNames: ["a"] } }),
    TypeError,
    "at least 2",
  );
  assertThrows(
    () =>
      defineMonitor({
        ...base,
        checks: [{ metric: "accuracy", op: ">=", value: 0.9 }, {
          metric: "accuracy",
          op: ">=",
          value: 0.8,
        }],
      }),
    TypeError,
    'two checks are named "accuracy"',
  );
  assertThrows(
    () =>
      defineMonitor({
        ...base,
        checks: [{ metric: "accuracy", relativeTo: "baseline", maxDrop: 0.1 }],
      }),
    TypeError,
    "none is given",
  );
  assertThrows(() => defineMonitor({ ...base, predictBatchRows: 0 }), RangeError);
  assertThrows(
    () => defineMonitor({ ...base, checks: [{ metric: "accuracy", op: ">=", value: NaN }] }),
    RangeError,
  );
});

Deno.test("a trained LogisticRegressionModel plugs into the monitor as is", async () => {
  const iris = await loadIris();
  const lr = trainLogisticRegression(iris.X, iris.y, {
    classNames: iris.classNames,
    numSteps: 200,
  });
  const monitor = defineMonitor({
    name: "iris",
    model: {
      name: "iris_logreg",
      version: "1",
      classNames: lr.classNames,
      predictProba: (X) => lr.predictProba(X),
    },
    source: () => ({ X: iris.X, y: iris.y, table: iris.table }),
    checks: [{ metric: "accuracy", op: ">=", value: 0.8 }],
  });
  const s = await monitor.run();
  assertEquals(s.rows, 150);
  assertEquals(s.checks[0]!.outcome, "pass", s.checks[0]!.message);
});

/** An Iris monitor with a reference profile; the window is Iris with the petals shifted by `delta`. */
async function irisDriftMonitor(
  delta: number,
  extra: Partial<MonitorConfig> = {},
): Promise<{ monitor: ReturnType<typeof defineMonitor>; profile: ReferenceProfile }> {
  const iris = await loadIris();
  const profile = buildProfile(iris.table, { createdAt: new Date(0) });
  const { columns } = iris.table;
  const table = tableFromColumns({
    ...columns,
    petal_length: (columns.petal_length as Float64Array).map((v) => v + delta),
    petal_width: (columns.petal_width as Float64Array).map((v) => v + delta),
  });
  const model: MonitoredModel = {
    name: "iris_const",
    version: "1",
    classNames: iris.classNames,
    predictProba: (X) => new Float64Array(X.length * 3).fill(1 / 3),
  };
  const monitor = defineMonitor({
    name: "iris",
    model,
    source: () => ({ X: iris.X, y: iris.y, table }),
    checks: [
      { name: "drift_share", metric: "dataset_drift_share", op: "<", value: 0.3 },
      {
        name: "petal_missing",
        metric: "missing_share",
        labels: { feature: "petal_length" },
        op: "<=",
        value: 0.05,
      },
    ],
    profile,
    ...fakeClocks(),
    ...extra,
  });
  return { monitor, profile };
}

Deno.test("run() with a profile fills drift and quality, times them, and checks read them", async () => {
  const { monitor, profile } = await irisDriftMonitor(1, { drift: { correction: "bonferroni" } });
  assertEquals(monitor.features, Object.keys(profile.columns));
  const s = await monitor.run();
  assertEquals(Object.keys(s.timings), [
    "source",
    "predict",
    "metrics",
    "drift",
    "quality",
    "checks",
  ]);
  const drifted = s.drift.filter((r) => r.kind === "drift" && r.detected).map((r) => r.column);
  assertEquals(drifted, ["petal_length", "petal_width"]);
  const dataset = s.drift.at(-1)!;
  assertEquals([dataset.kind, dataset.statistic, dataset.details?.correction], [
    "dataset_drift",
    0.4,
    "bonferroni",
  ]);
  assert(s.quality.length > 0 && s.quality.every((r) => r.kind === "quality"));
  assertEquals(s.checks.map((c) => [c.name, c.value, c.outcome]), [
    ["drift_share", 0.4, "fail"],
    ["petal_missing", 0, "pass"],
  ]);
});

Deno.test("run() with drift: false or quality: false skips that phase", async () => {
  const { monitor } = await irisDriftMonitor(0, { drift: false });
  const s = await monitor.run();
  assertEquals(s.drift, []);
  assert(!("drift" in s.timings) && "quality" in s.timings);
  assertEquals(s.checks[0]!.outcome, "error", "dataset_drift_share is absent");
  const q = await (await irisDriftMonitor(0, { quality: false })).monitor.run();
  assertEquals(q.quality, []);
  assertEquals(q.drift.at(-1)!.statistic, 0);
});

Deno.test("run() with a profile and a batch without table fails in drift with a TypeError", async () => {
  const { monitor } = await irisDriftMonitor(0, { source: goldenBatch, model: stubModel() });
  await assertRejects(() => monitor.run(), TypeError, "failed in drift: The batch has no table");
});

Deno.test("defineMonitor() rejects drift or quality options without a profile, or that misfit it", async () => {
  const base: MonitorConfig = { name: "m", model: stubModel(), source: goldenBatch, checks: [] };
  assertThrows(() => defineMonitor({ ...base, drift: {} }), TypeError, "need a reference profile");
  assertThrows(
    () => defineMonitor({ ...base, quality: {} }),
    TypeError,
    "need a reference profile",
  );
  assertEquals(defineMonitor({ ...base, drift: false }).features, []);
  await assertRejects(
    async () => (await irisDriftMonitor(0, { drift: { columns: ["colour"] } })).monitor,
    TypeError,
    'drift column "colour"',
  );
});
