/**
 * Claims the Iris notebooks make beyond "they run": notebook 01 writes exactly the committed
 * baseline, and notebook 04's monitor shows the degradation the exporter demo relies on.
 */
import { importNotebook, runNotebookModule } from "../../lib/notebook_source/source.ts";
import type { Monitor, Snapshot } from "../../lib/monitor/mod.ts";
import type { AttributionDriftResult } from "../../lib/explain/mod.ts";
import { profileFromJSON } from "../../lib/profile/mod.ts";
import { assert, assertEquals } from "../_assert.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const BASELINE_NOTEBOOK = `${ROOT}notebooks/01_iris_baseline.ipynb`;
const MONITORING_NOTEBOOK = `${ROOT}notebooks/04_iris_monitoring.ipynb`;

function accuracyOf(snapshot: Snapshot): number {
  return snapshot.metrics.find((m) => m.name === "accuracy" && m.labels === undefined)!.value;
}

function failing(snapshot: Snapshot): string[] {
  return snapshot.checks.filter((c) => c.outcome === "fail").map((c) => c.name);
}

async function monitorOf(parameters: Record<string, string | number>): Promise<Monitor> {
  const ns = await importNotebook(MONITORING_NOTEBOOK, { check: false, parameters });
  return ns.monitor as Monitor;
}

Deno.test("notebook 01 writes the committed baseline and reference profile byte for byte", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const run = await runNotebookModule(BASELINE_NOTEBOOK, {
      check: false,
      parameters: {
        baselinePath: `${dir}/baseline.json`,
        profilePath: `${dir}/reference_profile.json`,
      },
    });
    assert(run.success, run.stderr);
    for (const file of ["baseline.json", "reference_profile.json"]) {
      const written = await Deno.readTextFile(`${dir}/${file}`);
      assertEquals(written, await Deno.readTextFile(`${ROOT}data/${file}`), file);
    }
    const profile = profileFromJSON(await Deno.readTextFile(`${dir}/reference_profile.json`));
    assertEquals(profile.nRows, 120, "the training split, not all of Iris");
    assertEquals(profile.columns.species?.kind, "categorical");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("notebook 04's monitor passes on healthy batches and fails once degraded", async () => {
  const monitor = await monitorOf({});
  const runs: Snapshot[] = [];
  for (let i = 0; i < 6; i++) runs.push(await monitor.run());
  // Batches 1-2 are healthy: nothing fails and accuracy is near the baseline (30/30 on the
  // article's test flowers).
  for (const s of runs.slice(0, 2)) {
    assertEquals(failing(s), []);
    assert(accuracyOf(s) >= 0.95, `batch ${s.run}: accuracy ${accuracyOf(s)}`);
  }
  // From batch 4 the accuracy floor and the baseline-relative checks fail, and keep failing.
  for (const s of runs.slice(3)) {
    assert(accuracyOf(s) < 0.9, `batch ${s.run}: accuracy ${accuracyOf(s)}`);
    for (const name of ["accuracy_floor", "accuracy_vs_baseline", "log_loss_vs_baseline"]) {
      assert(failing(s).includes(name), `batch ${s.run}: ${name} did not fail`);
    }
  }
  assert(accuracyOf(runs[5]!) < accuracyOf(runs[1]!) - 0.15, "accuracy did not fall");
});

Deno.test("notebook 04's drift checks flag the petal columns once degraded, nothing before", async () => {
  const monitor = await monitorOf({});
  for (let run = 1; run <= 5; run++) {
    const s = await monitor.run();
    const drifted = s.drift.filter((r) => r.kind === "drift" && r.detected).map((r) => r.column);
    const dataset = s.drift.find((r) => r.kind === "dataset_drift")!;
    if (run <= 2) {
      assertEquals(drifted, [], `healthy batch ${run}`);
      assertEquals(dataset.detected, false);
    } else {
      assertEquals(drifted, ["petal_length", "petal_width"], `batch ${run}`);
      assertEquals([dataset.statistic, dataset.detected], [0.5, true], `batch ${run}`);
    }
    assertEquals(s.quality.filter((r) => r.method === "missing_share" && r.detected), []);
  }
});

Deno.test("notebook 04's attribution drift stays quiet while the answers grow more extreme, as its prose says", async () => {
  const monitor = await monitorOf({});
  const virginicaPetalWidth = (s: Snapshot) =>
    s.metrics.find((m) =>
      m.name === "feature_attribution_mean_abs" && m.labels?.feature === "petal_width" &&
      m.labels?.class === "virginica"
    )!.value;
  const runs: Snapshot[] = [];
  for (let i = 0; i < 12; i++) runs.push(await monitor.run());
  for (const s of runs) {
    const result = s.explain![0]!;
    assert(result.status === "ok" && result.statistic < 0.07 && !result.detected, `batch ${s.run}`);
    const petals = (result as AttributionDriftResult).features.filter((f) =>
      f.feature.startsWith("petal")
    );
    for (const f of petals) {
      assert(f.currentShare > 0.355 && f.currentShare < 0.415, `${f.feature} ${s.run}`);
    }
  }
  assertEquals(virginicaPetalWidth(runs[0]!).toFixed(1), "4.6");
  assertEquals(virginicaPetalWidth(runs[11]!).toFixed(1), "6.3");
  const rise = virginicaPetalWidth(runs[11]!) / virginicaPetalWidth(runs[0]!);
  assert(rise > 1.28 && rise < 1.4, `risen by ${rise}, the prose says a third`);
  assertEquals(monitor.features, [
    "sepal_length",
    "sepal_width",
    "petal_length",
    "petal_width",
    "species",
  ]);
});

Deno.test("notebook 04's monitor stays healthy in the scenario without degradation", async () => {
  const monitor = await monitorOf({ scenario: "none", firstRun: 8 });
  for (let i = 0; i < 3; i++) {
    const s = await monitor.run();
    assertEquals(failing(s), [], `batch ${i + 8}`);
  }
});

Deno.test("notebook 04's accuracy checks pass 200 healthy batches, as its prose says", async () => {
  // The prose quotes this range to justify the 0.10 margin below a perfect 30/30 baseline.
  const monitor = await monitorOf({ scenario: "none" });
  const accuracies: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = await monitor.run();
    accuracies.push(accuracyOf(s));
    const failed = failing(s).filter((name) => name.startsWith("accuracy"));
    assertEquals(failed, [], `healthy batch ${s.run} (accuracy ${accuracyOf(s)})`);
  }
  const min = Math.min(...accuracies), max = Math.max(...accuracies);
  assert(min >= 0.905 && min < 0.915, `lowest healthy accuracy ${min}, the prose says 0.91`);
  assert(max > 0.985, `highest healthy accuracy ${max}, the prose says 0.99`);
});

Deno.test("notebook 04's monitor reads the sample CSV batches in order", async () => {
  const monitor = await monitorOf({ source: "data/batches" });
  const first = await monitor.run();
  for (let i = 0; i < 4; i++) await monitor.run();
  const sixth = await monitor.run();
  assertEquals(first.rows, 150);
  assertEquals(failing(first), []);
  assert(accuracyOf(sixth) < 0.9, `batch_06.csv: accuracy ${accuracyOf(sixth)}`);
});
