import { type OpenMetricsContentType, Registry } from "prom-client";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { SNAPSHOT_FAMILIES, type SnapshotFamily } from "../../lib/prometheus/snapshot_families.ts";
import { CLASSES, sampleSnapshot } from "../monitor/_fixtures.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { promtoolCheck } from "./_families_setup.ts";

const MODEL = { name: "iris_logreg", version: "1.0.0", classNames: CLASSES };
const CHECKS = ["accuracy_floor", "accuracy_vs_baseline", "recall_setosa", "roc_auc"];

function setup(): { registry: Registry; metrics: ReturnType<typeof createSnapshotMetrics> } {
  const registry = new Registry();
  const metrics = createSnapshotMetrics(registry, { model: MODEL, checks: CHECKS });
  return { registry, metrics };
}

/** Sample lines (no comments) of an exposition, as a set. */
function sampleLines(text: string): Set<string> {
  return new Set(text.split("\n").filter((l) => l !== "" && !l.startsWith("#")));
}

Deno.test("update() sets every family from the snapshot", async () => {
  const { registry, metrics } = setup();
  metrics.update(sampleSnapshot());
  const lines = sampleLines(await registry.metrics());
  const m = 'model="iris_logreg"';
  const expected = [
    `vigil_model_accuracy_ratio{${m}} 0.9`,
    `vigil_model_balanced_accuracy_ratio{${m}} 0.8888888888888888`,
    `vigil_model_precision_ratio{${m},class="versicolor"} 0.8`,
    `vigil_model_recall_ratio{${m},class="virginica"} 0.9166666666666666`,
    `vigil_model_f1_ratio{${m},class="setosa"} 1`,
    `vigil_model_macro_f1_ratio{${m}} 0.8941501430403473`,
    `vigil_model_log_loss{${m}} 0.3125`,
    `vigil_window_rows{${m}} 30`,
    `vigil_check_status{${m},check="accuracy_floor",outcome="warn"} 1`,
    `vigil_check_status{${m},check="accuracy_floor",outcome="pass"} 0`,
    `vigil_check_status{${m},check="accuracy_floor",outcome="fail"} 0`,
    `vigil_check_status{${m},check="accuracy_floor",outcome="error"} 0`,
    `vigil_check_status{${m},check="accuracy_vs_baseline",outcome="fail"} 1`,
    `vigil_check_status{${m},check="roc_auc",outcome="error"} 1`,
    `vigil_check_value{${m},check="recall_setosa"} 1`,
    `vigil_check_threshold{${m},check="accuracy_vs_baseline"} 0.9166999999999998`,
    `vigil_model_info{${m},version="1.0.0"} 1`,
    `vigil_snapshot_timestamp_seconds{${m}} 1796104801.5`,
  ];
  for (const line of expected) assert(lines.has(line), `missing line: ${line}`);
  const status = [...lines].filter((l) => l.startsWith("vigil_check_status{"));
  assertEquals(status.length, 4 * 4);
  assertEquals(status.filter((l) => l.endsWith(" 1")).length, 4, "one outcome per check");
});

Deno.test("update() leaves NaN values out instead of exporting NaN", async () => {
  const { registry, metrics } = setup();
  metrics.update(sampleSnapshot());
  const text = await registry.metrics();
  assert(!text.includes("NaN"), text);
  assert(!/^vigil_model_roc_auc_ratio\{/m.test(text), "roc_auc is NaN in the snapshot");
  assert(!/^vigil_check_value\{.*check="roc_auc"/m.test(text));
  assert(/^vigil_check_threshold\{.*check="roc_auc"\} 0.9$/m.test(text));
});

Deno.test("update() replaces every value: what a later snapshot lacks disappears", async () => {
  const { registry, metrics } = setup();
  metrics.update(sampleSnapshot());
  const later = sampleSnapshot({
    rows: 12,
    metrics: [{ name: "accuracy", value: 0.5 }, { name: "roc_auc", value: 0.75 }],
    checks: [],
  });
  metrics.update(later);
  const lines = sampleLines(await registry.metrics());
  assert(lines.has('vigil_model_accuracy_ratio{model="iris_logreg"} 0.5'));
  assert(lines.has('vigil_model_roc_auc_ratio{model="iris_logreg"} 0.75'));
  assert(lines.has('vigil_window_rows{model="iris_logreg"} 12'));
  const stale = [...lines].filter((l) => /^vigil_(check_|model_(precision|f1|log))/.test(l));
  assertEquals(stale, []);
});

Deno.test("update() rejects undeclared label values and changes nothing", async () => {
  const { registry, metrics } = setup();
  metrics.update(sampleSnapshot());
  const before = await registry.metrics();
  const badClass = sampleSnapshot({
    metrics: [{ name: "recall", value: 1, labels: { class: "rose" } }],
  });
  assertThrows(() => metrics.update(badClass), RangeError, '"rose" is not one of the declared');
  const badCheck = sampleSnapshot();
  badCheck.checks[0]!.name = "made_up";
  assertThrows(() => metrics.update(badCheck), RangeError, '"made_up"');
  const otherModel = sampleSnapshot({ model: { name: "other", version: "1" } });
  assertThrows(() => metrics.update(otherModel), RangeError, 'model "other"');
  const extraLabel = sampleSnapshot({
    metrics: [{ name: "accuracy", value: 1, labels: { class: "setosa" } }],
  });
  assertThrows(() => metrics.update(extraLabel), RangeError, "do not match");
  assertEquals(await registry.metrics(), before);
});

Deno.test("every family has a HELP line and a policy-conforming name", async () => {
  const { registry, metrics } = setup();
  metrics.update(sampleSnapshot());
  const text = await registry.metrics();
  for (const name of metrics.names) {
    const help = new RegExp(`^# HELP ${name} (.+)$`, "m").exec(text);
    assert(help && help[1]!.length > 40, `HELP of ${name} too short`);
    const type = name.endsWith("_total") ? "counter" : "gauge";
    assert(text.includes(`# TYPE ${name} ${type}`), `TYPE of ${name}`);
  }
  assertEquals(metrics.names.length, SNAPSHOT_FAMILIES.length);
});

Deno.test("promtool check metrics accepts the exposition, drift and quality included (text and OpenMetrics)", async () => {
  const { registry, metrics } = setup();
  metrics.update(sampleSnapshot());
  const text = await registry.metrics();
  // The sample snapshot has drift and quality results: their families are linted too.
  for (const family of ["vigil_feature_drift_p_value", "vigil_feature_missing_share_ratio"]) {
    assert(text.includes(`\n${family}{`), `${family} not in the exposition`);
  }
  const result = await promtoolCheck(text);
  assertEquals(result.output.trim(), "", "promtool lint output");
  assertEquals(result.code, 0);
  const openRegistry = new Registry<OpenMetricsContentType>();
  openRegistry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  createSnapshotMetrics(openRegistry, { model: MODEL, checks: CHECKS }).update(sampleSnapshot());
  const open = await openRegistry.metrics();
  assert(open.trimEnd().endsWith("# EOF"), "OpenMetrics ends with # EOF");
  assertEquals((await promtoolCheck(open)).code, 0);
});

Deno.test("promtool check metrics flags a non-conforming exposition (it can fail)", async () => {
  const bad = "# TYPE vigil_runs counter\nvigil_runs 3\n";
  const result = await promtoolCheck(bad);
  assert(result.code !== 0, "promtool must exit non-zero");
  assert(result.output.includes('should have "_total" suffix'), result.output);
  assert(result.output.includes("no help text"), result.output);
});

Deno.test("createSnapshotMetrics() takes extra families and validates their names", async () => {
  const drift: SnapshotFamily = {
    name: "vigil_feature_psi",
    help: "Population stability index of each feature between reference and current window",
    labelNames: ["feature"],
    samples: () => [{ labels: { feature: "petal_width" }, value: 0.12 }],
  };
  const registry = new Registry();
  const metrics = createSnapshotMetrics(registry, {
    model: MODEL,
    families: [...SNAPSHOT_FAMILIES, drift],
  });
  metrics.update(sampleSnapshot());
  assert((await registry.metrics()).includes('vigil_feature_psi{model="iris_logreg",feature='));
  const bad = { ...drift, name: "vigil_feature_psi_percent" };
  assertThrows(
    () => createSnapshotMetrics(new Registry(), { model: MODEL, families: [bad] }),
    RangeError,
    "percent",
  );
  const dup = { ...drift, labelNames: ["model"] };
  assertThrows(
    () => createSnapshotMetrics(new Registry(), { model: MODEL, families: [dup] }),
    RangeError,
    '"model" is added',
  );
  assertThrows(
    () =>
      createSnapshotMetrics(new Registry(), { model: MODEL, families: [{ ...drift, help: "" }] }),
    RangeError,
    "HELP",
  );
});
