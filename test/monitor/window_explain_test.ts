import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { defineMonitor } from "../../lib/monitor/define_monitor.ts";
import type { Batch } from "../../lib/monitor/batch.ts";
import type { MonitorExplainOptions } from "../../lib/monitor/window_explain.ts";
import {
  attributionDrift,
  type AttributionDriftResult,
  kernelShap,
  kmeansBackground,
  linearAttributionBatch,
  meanAbsoluteAttribution,
} from "../../lib/explain/mod.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { heavyLightModel } from "../explain/_heavy_light_model.ts";

const model = heavyLightModel();
const random = seededRandom(8);
const reference = Array.from(
  { length: 200 },
  () => [random() - 0.5, random() - 0.5, random() - 0.5],
);
// The window where "light" varies 8 times as much and "heavy" barely: reliance moves to light.
const shifted = reference.map(([h, l, i]) => [h! * 0.1, l! * 8, i!]);

// The monitored service imputes missing values with 0 before predicting; the explainer skips them.
const imputed = (x: ArrayLike<ArrayLike<number>>) =>
  model.predictProba(Array.from(x, (r) => Array.from(r, (v) => (Number.isFinite(v) ? v : 0))));

function toyMonitor(batch: Batch, explain?: MonitorExplainOptions, classNames = model.classNames) {
  return defineMonitor({
    name: "toy",
    model: { name: "toy", version: "1", classNames, predictProba: imputed },
    source: () => batch,
    checks: [{ name: "reliance", metric: "attribution_importance_shift", op: "<=", value: 0.1 }],
    ...(explain === undefined ? {} : { explain }),
  });
}

function monitorOf(X: number[][], explain: Partial<MonitorExplainOptions> = {}) {
  const y = X.map((r) => (4 * r[0]! + r[1]! > 0 ? 1 : 0));
  return toyMonitor({ X, y }, { model, reference, ...explain });
}

Deno.test("defineMonitor() explain: the run's attribution drift equals attributionDrift() on exact linear attributions", async () => {
  const monitor = monitorOf(shifted);
  assertEquals(monitor.features, ["heavy", "light", "ignored"]);
  const snapshot = await monitor.run();
  const result = snapshot.explain![0]! as AttributionDriftResult;
  const expected = attributionDrift(
    linearAttributionBatch(model, reference, { background: reference }),
    linearAttributionBatch(model, shifted, { background: reference }),
  );
  assertEquals(result.kind, "attribution_drift");
  assertAlmostEquals(result.statistic, expected.statistic, 1e-12);
  assert(result.detected && result.statistic > 0.3, String(result.statistic));
  assertEquals(result.ranking, expected.ranking);
  assertEquals(result.details?.nSkipped, 0);
  assertEquals(typeof snapshot.timings.explain, "number");
  // The check reads the shift like any other metric: it fails.
  assertEquals(snapshot.checks[0]!.outcome, "fail");
  assertAlmostEquals(snapshot.checks[0]!.value, expected.statistic, 1e-12);
  // Per-feature, per-class mean |attribution| of the window.
  const batch = linearAttributionBatch(model, shifted, { background: reference });
  for (const [c, className] of model.classNames.entries()) {
    const means = meanAbsoluteAttribution(batch, { output: c });
    for (const [j, feature] of model.featureNames.entries()) {
      const m = snapshot.metrics.find((v) =>
        v.name === "feature_attribution_mean_abs" && v.labels?.feature === feature &&
        v.labels?.class === className
      );
      assertAlmostEquals(m!.value, means[j]!, 1e-12);
    }
  }
});

Deno.test("defineMonitor() explain: a window like the reference passes and a monitor without explain has no snapshot.explain", async () => {
  const snapshot = await monitorOf(reference).run();
  assertEquals(snapshot.explain![0]!.statistic, 0);
  assertEquals(snapshot.checks[0]!.outcome, "pass");
  const plain = toyMonitor({ X: reference, y: reference.map(() => 0) });
  const s = await plain.run();
  assert(!("explain" in s) && !("explain" in s.timings));
  assertEquals(plain.features, []);
});

Deno.test("defineMonitor() explain: rows with missing features are skipped, an all-missing window is an error result", async () => {
  const holes = shifted.map((r, i) => (i % 4 === 0 ? [NaN, r[1]!, r[2]!] : r));
  const result = (await monitorOf(holes).run()).explain![0]!;
  assertEquals(result.details?.nSkipped, 50);
  assertEquals(result.nCurrent, 150);
  const missing = reference.map(() => [NaN, 0, 0]);
  const snapshot = await monitorOf(missing).run();
  const error = snapshot.explain![0]!;
  assert(error.status === "error" && Number.isNaN(error.statistic) && !error.detected);
  const shift = snapshot.metrics.find((m) => m.name === "attribution_importance_shift")!;
  assert(Number.isNaN(shift.value) && shift.reason!.includes("No rows"), shift.reason);
  assertEquals(snapshot.checks[0]!.outcome, "error");
  assert(!snapshot.metrics.some((m) => m.name === "feature_attribution_mean_abs"));
});

Deno.test("defineMonitor() explain: a flat row-major window is explained like its rows", async () => {
  const flat = toyMonitor(
    { X: Float64Array.from(shifted.flat()), nFeatures: 3, y: shifted.map(() => 0) },
    { model, reference },
  );
  const [a, b] = [(await flat.run()).explain![0]!, (await monitorOf(shifted).run()).explain![0]!];
  assertAlmostEquals(a.statistic, b.statistic, 1e-15);
});

Deno.test("defineMonitor() explain: any predictProba model is explained by KernelSHAP on at most maxRows evenly spaced rows", async () => {
  const blackBox = {
    nFeatures: 3,
    featureNames: ["heavy", "light", "ignored"],
    predictProba: (x: ArrayLike<ArrayLike<number>>) => model.predictProba(x),
  };
  const monitor = monitorOf(shifted, { model: blackBox, maxRows: 20, nSamples: 100 });
  const result = (await monitor.run()).explain![0]!;
  assertEquals([result.nReference, result.nCurrent], [20, 20]);
  const background = kmeansBackground(reference, 10, { seed: 0 });
  const every10th = (rows: number[][]) => rows.filter((_, i) => i % 10 === 0);
  const explain = (rows: number[][]) =>
    rows.map((r) =>
      kernelShap(blackBox, r, background, { nSamples: 100, featureNames: blackBox.featureNames })
    );
  const expected = attributionDrift(explain(every10th(reference)), explain(every10th(shifted)));
  assertAlmostEquals(result.statistic, expected.statistic, 1e-12);
  assert(result.detected);
});

Deno.test("defineMonitor() explain: a misconfigured entry fails when the monitor is defined", () => {
  assertThrows(() => monitorOf(shifted, { threshold: 2 }), RangeError, "threshold");
  assertThrows(() => monitorOf(shifted, { maxRows: 0 }), RangeError, "maxRows");
  assertThrows(() => monitorOf(shifted, { reference: [] }), TypeError, "reference");
  assertThrows(
    () =>
      monitorOf(shifted, {
        model: { nFeatures: 3, predictProba: (x) => new Float64Array(3 * x.length) },
      }),
    TypeError,
    "3 outputs for 2 classes",
  );
  assertThrows(
    () => toyMonitor({ X: [], y: [] }, { model, reference }, ["yes", "no"]),
    TypeError,
    "classes [no,yes] differ from the monitored [yes,no]",
  );
});
