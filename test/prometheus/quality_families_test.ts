import { Registry } from "prom-client";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { QUALITY_FAMILIES } from "../../lib/prometheus/quality_families.ts";
import { SNAPSHOT_FAMILIES } from "../../lib/prometheus/snapshot_families.ts";
import { FEATURES, sampleQuality, sampleSnapshot } from "../monitor/_fixtures.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { exposition, M, MODEL } from "./_families_setup.ts";

Deno.test("quality families are part of the default snapshot families", () => {
  for (const family of QUALITY_FAMILIES) assert(SNAPSHOT_FAMILIES.includes(family), family.name);
});

Deno.test("missing shares are exported per feature with their thresholds", async () => {
  const lines = await exposition();
  for (
    const line of [
      `vigil_feature_missing_share_ratio{${M},feature="petal_length"} 0.2`,
      `vigil_feature_missing_share_ratio{${M},feature="sepal_length"} 0`,
      `vigil_feature_missing_share_threshold_ratio{${M},feature="petal_length"} 0.05`,
      `vigil_feature_quality_detected{${M},feature="petal_length",method="missing_share"} 1`,
      `vigil_feature_quality_detected{${M},feature="petal_length",method="schema"} 0`,
    ]
  ) assert(lines.includes(line), `missing: ${line}`);
});

Deno.test("table-level and unexpected-column results only count in the dataset family", async () => {
  const lines = await exposition();
  assert(!lines.some((l) => l.includes('feature="notes"')), "unexpected column became a feature");
  assertEquals(
    lines.filter((l) => l.startsWith("vigil_dataset_quality_detected{")).sort(),
    [
      `vigil_dataset_quality_detected{${M},method="missing_share"} 1`,
      `vigil_dataset_quality_detected{${M},method="row_count_change"} 1`,
      `vigil_dataset_quality_detected{${M},method="schema"} 1`,
    ],
  );
});

Deno.test("an unknown quality method is rejected", () => {
  const quality = sampleQuality();
  quality[0]!.method = "vibes";
  const metrics = createSnapshotMetrics(new Registry(), { model: MODEL, features: FEATURES });
  assertThrows(() => metrics.update(sampleSnapshot({ quality })), RangeError, '"vibes"');
});
