/**
 * Claims notebook 05 (the production loop) makes in its prose, checked on the values it computes
 * from its own run (a service on loopback, seeded traffic, late labels): the service answered
 * everything fast, the log shows the drift, labels fill in to the share that arrives, CBPE tracks
 * the healthy windows and falls below the floor without labels, fails under swapped labels, the
 * window-length trade, and the alert states. Then the exporter's case: with `log` the notebook
 * binds `monitor` over a DuckDB log, read-only, and publishes label coverage and the estimate.
 *
 * The traffic runs on the wall clock, so which rows land in which second varies a little between
 * runs; the claims are the ones the prose makes, with its margins.
 */
import { importNotebook } from "../../lib/notebook_source/source.ts";
import type { Monitor, Snapshot } from "../../lib/monitor/mod.ts";
import { metricValue } from "../../lib/monitor/mod.ts";
import type { TrafficReport } from "../../lib/serve/traffic.ts";
import type { PredictionStore } from "../../lib/store/prediction_store.ts";
import { openDuckDbStore } from "../../lib/store/duckdb_store.ts";
import { loadServedModel } from "../../lib/serve/load_model.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const NOTEBOOK = `${ROOT}notebooks/05_production_loop.ipynb`;
// every cell, the notebook-only ones (all the analysis after the monitor) included
const ns = await importNotebook(NOTEBOOK, { check: false, exclude: [] });

type Row = Record<string, number | string>;
const rows = (name: string) => ns[name] as Row[];
const num = (r: Row, key: string) => r[key] as number;
const HEALTHY = [0, 1, 2, 3];
const DRIFTED = [4, 5, 6, 7];

Deno.test("notebook 05: the service answered every request over loopback, a fifth of labels withheld", () => {
  assertEquals(ns.transport, "loopback HTTP");
  const report = ns.trafficReport as TrafficReport;
  assertEquals(report.predictStatus, { "200": 800 });
  assertEquals(report.labelsSent + report.labelsWithheld, 800);
  const withheld = report.labelsWithheld / 800;
  assert(withheld > 0.15 && withheld < 0.25, `withheld ${withheld}`);
  const p50 = (ns.timings as { route: string; ms: number }[])
    .filter((t) => t.route === "/predict").map((t) => t.ms).sort((a, b) => a - b)[400]!;
  assert(p50 < 5, `median /predict ${p50} ms: "well under a millisecond" on an idle machine`);
});

Deno.test("notebook 05: the log shows accuracy near 0.95 before the shift, about 0.6 after, confidence falling", () => {
  const w = rows("logWindows");
  assertEquals(w.length, 8);
  for (const j of HEALTHY) assert(num(w[j]!, "accuracy") >= 0.88, `window ${j}`);
  for (const j of DRIFTED) assert(num(w[j]!, "accuracy") < 0.8, `window ${j}`);
  const mean = (js: number[], key: string) =>
    js.reduce((s, j) => s + num(w[j]!, key), 0) / js.length;
  assert(mean(HEALTHY, "confidence") > 0.78 && mean(DRIFTED, "confidence") < 0.62);
  assert(mean(DRIFTED, "mean petal_length") - mean(HEALTHY, "mean petal_length") > 3);
});

Deno.test("notebook 05: label coverage climbs from 0 to about 0.8 after the label delay", () => {
  const coverage = ns.coverageRows as { x: number; series: string; y: number }[];
  const at = (series: string, x: number) =>
    coverage.find((c) => c.series === series && c.x === x)!.y;
  assertEquals(at("as of 2 s", 1), 0, "window 1 ends at 2 s, its labels come 1.5 s later");
  for (let j = 0; j < 8; j++) {
    const final = at("as of 10 s", j);
    assert(final > 0.7 && final < 0.9, `window ${j}: ${final}`);
  }
  assert(at("as of 2 s", 0) < at("as of 4 s", 0));
});

Deno.test("notebook 05: CBPE sits on the healthy windows and falls below 0.9 without labels", () => {
  const e = rows("estimates");
  for (const j of HEALTHY) {
    const r = e[j]!;
    assert(Math.abs(num(r, "estimated") - num(r, "realized")) < 0.05, `window ${j}`);
    assert(num(r, "lower") <= num(r, "realized") && num(r, "realized") <= num(r, "upper"));
    assertEquals(r.failing, "");
  }
  for (const j of DRIFTED) {
    const est = num(e[j]!, "estimated");
    assert(est > 0.65 && est < 0.8, `window ${j}: estimate ${est}`);
    assert(String(e[j]!.failing).includes("estimated_accuracy_floor"));
  }
  assert(
    DRIFTED.some((j) => num(e[j]!, "realized") < num(e[j]!, "lower")),
    "the realized accuracy leaves the band in some drifted window",
  );
});

Deno.test("notebook 05: under swapped labels CBPE keeps estimating about 0.95 while accuracy is about a third", () => {
  for (const r of rows("swapped")) {
    assert(num(r, "estimated") > 0.9, JSON.stringify(r));
    const swapped = num(r, "realized, labels swapped");
    assert(swapped > 0.25 && swapped < 0.45, JSON.stringify(r));
  }
});

Deno.test("notebook 05: the log grows with traffic, the metrics do not, and only the log says who was misread", () => {
  const sizes = rows("misread");
  assertEquals(sizes[0]!["true → predicted"], "versicolor → virginica");
  assert(
    (ns.logBytes as number) > 10 * new TextEncoder().encode(ns.serviceMetrics as string).length,
  );
});

Deno.test("notebook 05: longer windows are quieter (1/√n), see smaller drops and stop false alarms at 0.9", () => {
  const t = rows("windowTrade");
  assertEquals(t.map((r) => r["window (predictions)"]), [10, 20, 50, 100, 200]);
  const sd = t.map((r) => num(r, "noise (sd)"));
  assert(sd[0]! > 0.06 && sd[0]! < 0.1 && sd[4]! < 0.025, sd.join());
  for (let i = 1; i < sd.length; i++) assert(sd[i]! < sd[i - 1]! * 1.1, sd.join());
  const alarms = t.map((r) => Number(String(r["false alarms at 0.90"]).split(" / ")[0]));
  const windows = Number(String(t[0]!["false alarms at 0.90"]).split(" / ")[1]);
  assert(
    alarms[0]! / windows > 0.25,
    "more than a quarter of the 10-prediction windows page for nothing",
  );
  assertEquals(alarms[4], 0);
  // "within a few dozen drifted predictions"
  for (const r of t) assert(num(r, "delay (predictions)") <= 60, JSON.stringify(r));
});

Deno.test("notebook 05: the alerts go pending at the first drifted window, firing two later; the estimate at window end 1.5 s sooner", () => {
  const states = rows("alertTimeline").map((r) => r.VigilAccuracyBelowThreshold);
  // Healthy windows sit near 0.95, a few hundredths above the floor: none can have fired.
  assert(!states.slice(0, 4).includes("firing"), states.join());
  assertEquals(states.slice(4), ["pending", "pending", "firing", "firing"]);
  assertEquals((ns.estimateRule as string[]).slice(4), states.slice(4));
  assertEquals(
    rows("alertTimeline")[6]!["estimate < 0.9, read at the window's end"],
    "firing at 7 s",
  );
  assertEquals(rows("alertTimeline")[6]!["evaluated at (s)"], 8.5);
});

Deno.test("notebook 05 with a log: binds monitor over the DuckDB log, read-only, with label coverage and the estimate", async () => {
  const dir = await Deno.makeTempDir({ prefix: "vigil_nb05_" });
  const path = `${dir}/log.duckdb`;
  try {
    const { model } = await loadServedModel(`${ROOT}data/baseline.json`);
    const iris = await loadIris();
    const schema = { featureNames: model.featureNames, classNames: model.classNames };
    const writer = await openDuckDbStore(path, schema);
    const now = Date.now();
    // 150 predictions over the 75 s before the 30 s label delay; every fifth label never came.
    const proba = model.predictProba(iris.X);
    await writer.append(iris.X.map((features, i) => ({
      id: `p${i}`,
      timestamp: now - 105_000 + i * 500,
      modelVersion: "1",
      features,
      probabilities: proba.subarray(i * 3, i * 3 + 3),
      predicted: model.predict([features])[0]!,
    })));
    await writer.appendLabels(
      Array.from(iris.y).flatMap((label, i) =>
        i % 5 === 4 ? [] : [{ id: `p${i}`, label, timestamp: now - 1 }]
      ),
    );
    await writer.close();
    const logged = await importNotebook(NOTEBOOK, { check: false, parameters: { log: path } });
    assertEquals(logged.transport, "none: watching a log");
    await assertRejects(
      () => (logged.store as PredictionStore).appendLabels([]),
      TypeError,
      "only reads",
    );
    const snapshot: Snapshot = await (logged.monitor as Monitor).run();
    assertEquals(metricValue(snapshot, "window_rows"), 60, "30 s of predictions, one per 0.5 s");
    assertEquals(metricValue(snapshot, "label_coverage_ratio"), 0.8);
    const estimated = metricValue(snapshot, "estimated_accuracy");
    assert(estimated > 0.85 && estimated <= 1, String(estimated));
    assert(metricValue(snapshot, "accuracy") > 0.85);
    // the reader left the file as it was: a writer can open it again
    const again = await openDuckDbStore(path, schema);
    assertEquals((await again.count()).predictions, 150);
    await again.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
