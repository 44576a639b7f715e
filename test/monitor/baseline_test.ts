import {
  type Baseline,
  createBaseline,
  loadBaseline,
  saveBaseline,
} from "../../lib/monitor/baseline.ts";
import { sampleSnapshot } from "./_fixtures.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";

const BASELINE: Baseline = {
  version: 1,
  model: { name: "iris", version: "2" },
  createdAt: "2026-12-01T06:00:00.000Z",
  metrics: [
    { name: "accuracy", value: 0.9667 },
    { name: "recall", value: 1, labels: { class: "setosa" } },
    { name: "roc_auc", value: NaN, reason: "only one class present" },
  ],
  model_json: { coefficients: [[1, 2], [3, 4]], intercept: [0.5, -0.5] },
};

async function withTemp(fn: (path: string) => Promise<void>): Promise<void> {
  const path = await Deno.makeTempFile({ prefix: "vigil_baseline_", suffix: ".json" });
  try {
    await fn(path);
  } finally {
    await Deno.remove(path);
  }
}

Deno.test("saveBaseline() then loadBaseline() round-trip values, labels, NaN, model", async () => {
  await withTemp(async (path) => {
    await saveBaseline(path, BASELINE);
    const text = await Deno.readTextFile(path);
    assert(text.includes('"value": null'), "NaN must be written as null");
    assertEquals(await loadBaseline(path), BASELINE);
  });
});

Deno.test("loadBaseline() throws a SyntaxError naming the file for bad JSON", async () => {
  await withTemp(async (path) => {
    await Deno.writeTextFile(path, '{"version": 1,');
    await assertRejects(() => loadBaseline(path), SyntaxError, `Cannot read baseline "${path}"`);
  });
});

Deno.test("loadBaseline() throws a TypeError naming the field for a wrong shape", async () => {
  const cases: [unknown, string][] = [
    [[], "the top level must be an object"],
    [{ ...BASELINE, version: 2 }, "version must be 1, got 2"],
    [{ ...BASELINE, model: { name: "iris" } }, "model.version must be a string"],
    [{ ...BASELINE, createdAt: 5 }, "createdAt"],
    [{ ...BASELINE, metrics: {} }, "metrics must be an array"],
    [{ ...BASELINE, metrics: [{ name: "a", value: "0.9" }] }, "metrics[0].value"],
    [{ ...BASELINE, metrics: [{ name: "a", value: 1, labels: { c: 1 } }] }, "metrics[0].labels"],
  ];
  for (const [data, message] of cases) {
    await withTemp(async (path) => {
      await Deno.writeTextFile(path, JSON.stringify(data));
      const e = await assertRejects(() => loadBaseline(path), TypeError, message);
      assert(e.message.includes(path), e.message);
    });
  }
});

Deno.test("loadBaseline() rejects a missing file with NotFound", async () => {
  await assertRejects(() => loadBaseline("/nonexistent/vigil_baseline.json"), Deno.errors.NotFound);
});

Deno.test("saveBaseline() refuses to write a malformed baseline", async () => {
  await withTemp(async (path) => {
    await Deno.writeTextFile(path, "untouched");
    const bad = { ...BASELINE, metrics: [{ name: "", value: 1 }] };
    await assertRejects(() => saveBaseline(path, bad), TypeError, "metrics[0].name");
    assertEquals(await Deno.readTextFile(path), "untouched");
  });
});

Deno.test("createBaseline() copies the snapshot's metrics and model", () => {
  const snapshot = sampleSnapshot({
    model: { name: "iris", version: "2" },
    finishedAt: "2026-12-01T06:00:00.000Z",
    metrics: [{ name: "recall", value: 1, labels: { class: "setosa" } }],
  });
  const b = createBaseline(snapshot, { modelJson: { w: [1] } });
  assertEquals(b, {
    version: 1,
    model: { name: "iris", version: "2" },
    createdAt: "2026-12-01T06:00:00.000Z",
    metrics: [{ name: "recall", value: 1, labels: { class: "setosa" } }],
    model_json: { w: [1] },
  });
  snapshot.metrics[0]!.labels!.class = "changed";
  assertEquals(b.metrics[0]!.labels, { class: "setosa" });
  const at = new Date("2027-01-01T00:00:00Z");
  assertEquals(createBaseline(snapshot, { createdAt: at }).createdAt, at.toISOString());
  assert(!("model_json" in createBaseline(snapshot)));
});
