/**
 * Claims notebook 07 (explainability) makes in its prose, checked on the values it computes: which
 * flower is explained and why it was called versicolor, what the model relies on, where exact,
 * KernelSHAP and LIME agree and disagree, permutation importance, attribution drift under each
 * drift scenario, and the monitor's attribution-drift check.
 */
import { importNotebook } from "../../lib/notebook_source/source.ts";
import type { ParameterValue } from "../../lib/notebook_source/mod.ts";
import type {
  Attribution,
  AttributionDriftResult,
  LocalSurrogate,
  PermutationImportanceResult,
} from "../../lib/explain/mod.ts";
import type { LogisticRegressionModel } from "../../lib/model/mod.ts";
import type { Snapshot } from "../../lib/monitor/mod.ts";
import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";

const NOTEBOOK = new URL("../../notebooks/07_explainability.ipynb", import.meta.url).pathname;

type Namespace = Record<string, unknown>;
const loaded = new Map<string, Promise<Namespace>>();

/** Imports the notebook once per parameter set (its display output goes to stdout). */
function notebook(parameters: Record<string, ParameterValue> = {}): Promise<Namespace> {
  const key = JSON.stringify(parameters);
  if (!loaded.has(key)) loaded.set(key, importNotebook(NOTEBOOK, { check: false, parameters }));
  return loaded.get(key)!;
}

interface Drift {
  scenario: string;
  rows: number;
  result: AttributionDriftResult;
  accuracy: number;
}

function driftOf(ns: Namespace, scenario: string): Drift {
  return (ns.drifts as Drift[]).find((d) => d.scenario === scenario)!;
}

function share(d: Drift, feature: string, side: "referenceShare" | "currentShare"): number {
  return d.result.features.find((f) => f.feature === feature)![side];
}

Deno.test("notebook 07: test flower 15 is a versicolor called versicolor by the narrowest margin", async () => {
  const ns = await notebook();
  assertEquals(ns.flowerIndex, 15);
  assertEquals(ns.flower, [6.3, 3.3, 4.7, 1.6]);
  const model = ns.model as LogisticRegressionModel;
  assertEquals(model.classNames[(ns.yTest as Int32Array)[15]!], "versicolor");
  const p = model.predictProba([ns.flower as number[]]);
  assertAlmostEquals(p[1]!, 0.570, 5e-4);
  assertAlmostEquals(p[2]!, 0.417, 5e-4);
  const proba = ns.probaTest as Float64Array;
  for (const i of ns.calledVersicolor as number[]) {
    assert(proba[3 * i + 1]! - proba[3 * i + 2]! >= p[1]! - p[2]!, `flower ${i} is narrower`);
  }
});

Deno.test("notebook 07: the waterfall's numbers — petals pull towards virginica, the average flower is versicolor", async () => {
  const ns = await notebook();
  const exact = ns.exact as Attribution;
  // The average training flower scores highest for versicolor.
  assertEquals(exact.baseValues.indexOf(Math.max(...exact.baseValues)), 1);
  const rounded = (v: number[]) => v.map((x) => Math.round(x * 100) / 100);
  assertEquals(exact.values[1]!.map((x) => Math.round(x * 1000) / 1000), [
    0.088,
    -0.717,
    0.795,
    -0.856,
  ]);
  assertEquals(rounded(exact.values[2]!).slice(2), [2.45, 2.95]);
  const vs = ns.versicolorVsVirginica as Attribution;
  assertEquals(rounded(vs.baseValues), [5.54]);
  assertEquals(rounded(vs.values[0]!), [0.34, -0.05, -1.65, -3.81]);
  assertEquals(rounded(vs.output), [0.36]);
  // Additive: the waterfall ends at the model's log-odds of versicolor against virginica.
  const sum = vs.baseValues[0]! + vs.values[0]!.reduce((a, b) => a + b, 0);
  assertAlmostEquals(sum, vs.output[0]!, 1e-12);
  // "A petal 0.1 cm wider would have flipped it."
  const model = ns.model as LogisticRegressionModel;
  const [, , , w] = ns.flower as number[];
  assertEquals(model.predict([[6.3, 3.3, 4.7, w! + 0.1]])[0], 2);
  const perCm = -vs.values[0]![3]! /
    (w! - (ns.XTrain as Float64Array[]).reduce((s, r) => s + r[3]!, 0) / 120);
  assertAlmostEquals(perCm, 9.1, 0.05);
});

Deno.test("notebook 07: the model relies on the petals for three quarters of its attributions", async () => {
  const ns = await notebook();
  const reliance = ns.reliance as number[];
  const total = reliance.reduce((a, b) => a + b, 0);
  assertEquals(reliance.map((r) => Math.round((100 * r) / total)), [8, 18, 36, 38]);
  assert((reliance[2]! + reliance[3]!) / total > 0.74);
});

Deno.test("notebook 07: exact = KernelSHAP on the log-odds; the k-means background, probabilities and LIME differ as stated", async () => {
  const ns = await notebook();
  assert((ns.exactVsShapFull as number) < 1e-13, String(ns.exactVsShapFull));
  assertAlmostEquals(ns.exactVsShapKmeans as number, 0.041, 5e-4);
  const proba = (ns.shapProba as Attribution).values[1]!;
  assertEquals(proba.map((v) => Math.round(v * 100) / 100), [0.05, -0.03, 0.15, -0.03]);
  const lime = (ns.lime as LocalSurrogate).outputs[1]!;
  assertAlmostEquals(lime.fidelity, 0.57, 5e-3);
  assertAlmostEquals(lime.localPrediction, 0.43, 5e-3);
  assertEquals(lime.contributions.map((v) => Math.round(v * 100) / 100), [0.06, -0.1, 0.07, -0.1]);
  assert(Math.abs(lime.contributions[1]!) > lime.contributions[2]!);
  assert(Math.abs(lime.contributions[3]!) > lime.contributions[2]!);
  // "Versicolor is the middle class": its probability rises, then falls, as the petals grow.
  const model = ns.model as LogisticRegressionModel;
  const grid = Array.from(
    { length: 41 },
    (_, i) => [6.3, 3.3, 1 + (6 * i) / 40, 0.1 + (2.4 * i) / 40],
  );
  const p = model.predictProba(grid);
  const versicolor = grid.map((_, i) => p[3 * i + 1]!);
  const peak = versicolor.indexOf(Math.max(...versicolor));
  assert(peak > 0 && peak < 40, `peak at ${peak}`);
  assert(versicolor[0]! < 0.5 * versicolor[peak]! && versicolor[40]! < 0.5 * versicolor[peak]!);
});

Deno.test("notebook 07: permutation importance — petals cost 35 points, sepal length nothing, same order as the attributions", async () => {
  const ns = await notebook();
  const acc = ns.byAccuracy as PermutationImportanceResult;
  assertEquals(acc.baselineScore, 1);
  assertEquals([acc.features[0]!.mean, acc.features[0]!.std], [0, 0]);
  assertAlmostEquals(acc.features[1]!.mean, 0.047, 5e-4);
  assertAlmostEquals(acc.features[1]!.std, 0.043, 5e-4);
  for (const j of [2, 3]) assertAlmostEquals(acc.features[j]!.mean, 0.35, 0.005);
  const loss = ns.byLogLoss as PermutationImportanceResult;
  assertAlmostEquals(loss.features[3]!.mean, 1.38, 0.005);
  assertAlmostEquals(loss.features[2]!.mean, 0.61, 0.005);
  const order = (v: number[]) => v.map((_, j) => j).sort((a, b) => v[a]! - v[b]!);
  assertEquals(order(loss.features.map((f) => f.mean)), order(ns.reliance as number[]));
});

Deno.test("notebook 07: attribution drift of each scenario is as the table and prose state", async () => {
  const ns = await notebook();
  const expected: [string, number, string, number, boolean, number, number][] = [
    // scenario, rows, KS-drifted, shift, detected, Spearman, accuracy
    ["none", 150, "", 0.007, false, 1, 0.96],
    ["petal_length shifted", 150, "petal_length", 0.075, false, 0.8, 0.853],
    ["petal_width spread", 150, "petal_width", 0.175, true, 1, 0.9],
    ["sepal_length shifted", 150, "sepal_length", 0.026, false, 1, 0.967],
    ["sepal_width noisy", 150, "", 0.049, false, 1, 0.933],
    ["petal_width 30 % missing", 105, "", 0.012, false, 1, 0.962],
  ];
  for (const [scenario, rows, drifted, shift, detected, rho, accuracy] of expected) {
    const d = driftOf(ns, scenario);
    assertEquals(d.rows, rows, scenario);
    assertEquals(
      d.result.features.filter((f) => f.drift?.detected).map((f) => f.feature).join(),
      drifted,
      scenario,
    );
    assertAlmostEquals(d.result.statistic, shift, 5e-4, scenario);
    assertEquals(d.result.detected, detected, scenario);
    assertAlmostEquals(d.result.spearman, rho, 1e-12, scenario);
    assertAlmostEquals(d.accuracy, accuracy, 5e-4, scenario);
  }
  const pl = driftOf(ns, "petal_length shifted");
  assertEquals(
    [share(pl, "petal_length", "referenceShare"), share(pl, "petal_length", "currentShare")].map((
      v,
    ) => Math.round(100 * v)),
    [36, 44],
  );
  assertEquals(pl.result.ranking[0], "petal_length");
  const sl = driftOf(ns, "sepal_length shifted");
  assertEquals(Math.round(100 * share(sl, "sepal_length", "currentShare")), 10);
  const priority = (d: Drift) => Math.max(...d.result.features.map((f) => f.priority));
  assertAlmostEquals(priority(pl), 0.44, 0.005);
  assertAlmostEquals(priority(sl), 0.10, 0.005);
  const sw = driftOf(ns, "sepal_width noisy");
  assertEquals(Math.round(100 * share(sw, "sepal_width", "currentShare")), 23);
  const spread = driftOf(ns, "petal_width spread");
  assertEquals(Math.round(100 * share(spread, "petal_width", "currentShare")), 56);
  assertAlmostEquals(ns.testFlowersShift as number, 0.03, 0.005);
});

Deno.test("notebook 07: the monitor's attribution-drift check fails on the spread window and points at petal width", async () => {
  const ns = await notebook();
  const snapshot = ns.snapshot as Snapshot;
  assertEquals(snapshot.checks[0]!.outcome, "fail");
  const check = snapshot.explain![0] as AttributionDriftResult;
  assertAlmostEquals(check.statistic, driftOf(ns, "petal_width spread").result.statistic, 1e-12);
  assertEquals(check.ranking[0], "petal_width");
  const pw = snapshot.metrics.find((m) =>
    m.name === "feature_attribution_mean_abs" && m.labels?.feature === "petal_width" &&
    m.labels?.class === "virginica"
  )!;
  assertAlmostEquals(pw.value, 9.35, 0.005);
  assertEquals(
    snapshot.metrics.filter((m) => m.name === "feature_attribution_mean_abs").length,
    12,
  );
});

Deno.test("notebook 07 with driftAmount 0: every numeric scenario is the unchanged window", async () => {
  const ns = await notebook({ driftAmount: 0 });
  const none = driftOf(ns, "none").result.statistic;
  for (const d of (ns.drifts as Drift[]).slice(1, 5)) {
    assertEquals(d.result.statistic, none, d.scenario);
    assertEquals(d.result.detected, false, d.scenario);
  }
});
