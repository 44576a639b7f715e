import { Registry } from "prom-client";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { ESTIMATE_FAMILIES } from "../../lib/prometheus/estimate_families.ts";
import { SNAPSHOT_FAMILIES } from "../../lib/prometheus/snapshot_families.ts";
import { sampleSnapshot } from "../monitor/_fixtures.ts";
import type { MetricValue } from "../../lib/monitor/types.ts";
import { assert, assertEquals } from "../_assert.ts";
import { exposition, M, MODEL, promtoolCheck } from "./_families_setup.ts";

const late: MetricValue[] = [
  { name: "label_coverage_ratio", value: 0.25 },
  { name: "labelled_rows", value: 30 },
  { name: "window_rows", value: 120 },
  { name: "estimated_accuracy", value: 0.91 },
  { name: "estimated_accuracy_lower", value: 0.85 },
  { name: "estimated_accuracy_upper", value: 0.97 },
  { name: "estimated_accuracy_sampling_error", value: 0.02 },
  { name: "estimated_roc_auc", value: 0.98 },
];
const snapshot = () => {
  const s = sampleSnapshot();
  return { ...s, metrics: [...s.metrics, ...late] };
};

Deno.test("estimate families are part of the default snapshot families", () => {
  for (const family of ESTIMATE_FAMILIES) assert(SNAPSHOT_FAMILIES.includes(family), family.name);
});

Deno.test("label coverage and each estimate with its band are their own gauges", async () => {
  const lines = await exposition(snapshot());
  for (
    const line of [
      `vigil_model_label_coverage_ratio{${M}} 0.25`,
      `vigil_window_labelled_rows{${M}} 30`,
      `vigil_model_estimated_accuracy_ratio{${M}} 0.91`,
      `vigil_model_estimated_accuracy_lower_ratio{${M}} 0.85`,
      `vigil_model_estimated_accuracy_upper_ratio{${M}} 0.97`,
      `vigil_model_estimated_accuracy_sampling_error_ratio{${M}} 0.02`,
      `vigil_model_estimated_roc_auc_ratio{${M}} 0.98`,
    ]
  ) assert(lines.includes(line), `missing: ${line}`);
  const plain = await exposition();
  assert(!plain.some((l) => l.startsWith("vigil_model_estimated_") || l.includes("coverage")));
});

Deno.test("promtool check metrics accepts the estimate families", async () => {
  const registry = new Registry();
  createSnapshotMetrics(registry, { model: MODEL }).update(snapshot());
  const { code, output } = await promtoolCheck(await registry.metrics());
  assertEquals(code, 0, output);
  assertEquals(output.trim(), "");
});
