import { Registry } from "prom-client";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { DRIFT_FAMILIES } from "../../lib/prometheus/drift_families.ts";
import { SNAPSHOT_FAMILIES } from "../../lib/prometheus/snapshot_families.ts";
import { FEATURES, sampleDrift, sampleSnapshot } from "../monitor/_fixtures.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { exposition, M, MODEL } from "./_families_setup.ts";

Deno.test("drift families are part of the default snapshot families", () => {
  for (const family of DRIFT_FAMILIES) assert(SNAPSHOT_FAMILIES.includes(family), family.name);
});

Deno.test("p-values and distances go to separate families, each with its own threshold", async () => {
  const lines = await exposition();
  const drift = lines.filter((l) => l.startsWith("vigil_feature_drift_"));
  for (
    const line of [
      `vigil_feature_drift_p_value{${M},feature="sepal_length",method="ks"} 0.3`,
      `vigil_feature_drift_p_value{${M},feature="petal_length",method="ks"} 0.001`,
      `vigil_feature_drift_p_value{${M},feature="species",method="chi_square"} 0.8`,
      `vigil_feature_drift_p_value_threshold{${M},feature="species",method="chi_square"} 0.05`,
      `vigil_feature_drift_distance{${M},feature="petal_width",method="wasserstein_normed"} 0.25`,
      `vigil_feature_drift_distance_threshold{${M},feature="petal_width",method="wasserstein_normed"} 0.1`,
      `vigil_feature_drift_detected{${M},feature="petal_length"} 1`,
      `vigil_feature_drift_detected{${M},feature="sepal_length"} 0`,
    ]
  ) assert(drift.includes(line), `missing: ${line}\n${drift.join("\n")}`);
  // No test's p-value among the distances, no distance among the p-values.
  assert(!drift.some((l) => l.startsWith("vigil_feature_drift_distance{") && /"ks"|chi/.test(l)));
  assert(!drift.some((l) => l.startsWith("vigil_feature_drift_p_value{") && /wasserstein/.test(l)));
  // The feature whose drift could not be computed is absent, not 0.
  assert(!drift.some((l) => l.includes('"sepal_width"')), "error result exported");
});

Deno.test("the dataset drift share, its threshold and the detection are exported", async () => {
  const lines = await exposition();
  for (
    const line of [
      `vigil_dataset_drift_share_ratio{${M}} 0.5`,
      `vigil_dataset_drift_share_threshold_ratio{${M}} 0.5`,
      `vigil_dataset_drift_detected{${M}} 1`,
      `vigil_feature_bin_rows{${M},feature="petal_length",bin="1"} 10`,
    ]
  ) assert(lines.includes(line), `missing: ${line}`);
});

Deno.test("a snapshot without drift results exports no drift series", async () => {
  const lines = await exposition(sampleSnapshot({ drift: [], quality: [] }));
  assertEquals(lines.filter((l) => /^vigil_(feature|dataset)_drift/.test(l)), []);
});

Deno.test("undeclared features and unknown methods are rejected and change nothing", async () => {
  const registry = new Registry();
  const metrics = createSnapshotMetrics(registry, { model: MODEL, features: FEATURES });
  metrics.update(sampleSnapshot());
  const before = await registry.metrics();
  const drift = sampleDrift();
  drift[0]!.column = "colour";
  assertThrows(
    () => metrics.update(sampleSnapshot({ drift })),
    RangeError,
    '"colour" is not one of the declared',
  );
  const unknown = sampleDrift();
  unknown[0]!.method = "t_test";
  assertThrows(() => metrics.update(sampleSnapshot({ drift: unknown })), RangeError, "t_test");
  assertEquals(await registry.metrics(), before);
});
