import { Registry } from "prom-client";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { EXPLAIN_FAMILIES } from "../../lib/prometheus/explain_families.ts";
import { SNAPSHOT_FAMILIES } from "../../lib/prometheus/snapshot_families.ts";
import { defineMonitor, type Monitor } from "../../lib/monitor/define_monitor.ts";
import type { Snapshot } from "../../lib/monitor/types.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { heavyLightModel } from "../explain/_heavy_light_model.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { promtoolCheck } from "./_families_setup.ts";

const model = heavyLightModel();
const random = seededRandom(13);
const reference = Array.from(
  { length: 120 },
  () => [random() - 0.5, random() - 0.5, random() - 0.5],
);

function toyMonitor(X: number[][]): Monitor {
  return defineMonitor({
    name: "toy",
    model: {
      name: "toy",
      version: "1",
      classNames: ["no", "yes"],
      predictProba: (x) => model.predictProba(x),
    },
    source: () => ({ X, y: X.map(() => 1) }),
    checks: [],
    explain: { model, reference, threshold: 0.2 },
  });
}

async function publish(monitor: Monitor, snapshot?: Snapshot): Promise<string> {
  const registry = new Registry();
  createSnapshotMetrics(registry, { model: monitor.model, features: monitor.features! })
    .update(snapshot ?? await monitor.run());
  return await registry.metrics();
}

function sample(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(name + " ") || l.startsWith(name + "{"));
  assert(line !== undefined, `${name} not exported`);
  return Number(line.slice(line.lastIndexOf(" ") + 1));
}

Deno.test("explain families are part of the default snapshot families", () => {
  for (const family of EXPLAIN_FAMILIES) assert(SNAPSHOT_FAMILIES.includes(family), family.name);
});

Deno.test("a monitor run's attribution drift is exported: mean |attribution| per feature and class, the shift, its threshold, the detection", async () => {
  const X = reference.map(([h, l, i]) => [h! * 0.1, l! * 8, i!]);
  const monitor = toyMonitor(X);
  const snapshot = await monitor.run();
  const text = await publish(monitor, snapshot);
  const result = snapshot.explain![0]!;
  assertAlmostEquals(
    sample(text, 'vigil_attribution_shift_ratio{model="toy"}'),
    result.statistic,
    1e-12,
  );
  assertEquals(sample(text, 'vigil_attribution_shift_threshold_ratio{model="toy"}'), 0.2);
  assertEquals(sample(text, 'vigil_attribution_drift_detected{model="toy"}'), 1);
  const lines = text.split("\n").filter((l) => l.startsWith("vigil_feature_attribution_mean_abs{"));
  // Bounded: one series per declared feature and class.
  assertEquals(lines.length, 3 * 2);
  for (const m of snapshot.metrics.filter((v) => v.name === "feature_attribution_mean_abs")) {
    const name = `vigil_feature_attribution_mean_abs{model="toy",feature="${
      m.labels!.feature
    }",class="${m.labels!.class}"}`;
    assertAlmostEquals(sample(text, name), m.value, 1e-12);
  }
  // The ignored feature has weight 0: no reliance at all.
  assertEquals(
    sample(text, 'vigil_feature_attribution_mean_abs{model="toy",feature="ignored",class="yes"}'),
    0,
  );
});

Deno.test("promtool check metrics accepts the exposition with the explain families", async () => {
  const text = await publish(toyMonitor(reference));
  assert(text.includes("\nvigil_attribution_shift_ratio{"), "shift exported");
  const result = await promtoolCheck(text);
  assertEquals(result.output.trim(), "", "promtool lint output");
  assertEquals(result.code, 0);
});

Deno.test("an attribution-drift error leaves the shift out, and an undeclared feature is rejected", async () => {
  const monitor = toyMonitor(reference);
  const registry = new Registry();
  const metrics = createSnapshotMetrics(registry, {
    model: monitor.model,
    features: monitor.features!,
  });
  // A run whose window had no explainable row (see test/monitor/window_explain_test.ts).
  const good = await monitor.run();
  const error = { ...good.explain![0]!, status: "error" as const, statistic: NaN, detected: false };
  metrics.update({
    ...good,
    explain: [error],
    metrics: good.metrics.filter((m) => m.name !== "feature_attribution_mean_abs"),
  });
  const text = await registry.metrics();
  for (
    const name of [
      "vigil_attribution_shift_ratio{",
      "vigil_attribution_drift_detected{",
      "vigil_feature_attribution_mean_abs{",
    ]
  ) {
    assert(!text.includes(`\n${name}`), `${name} exported for an error result`);
  }
  const stray = {
    ...good,
    metrics: [...good.metrics, {
      name: "feature_attribution_mean_abs",
      value: 1,
      labels: { feature: "zip_code", class: "yes" },
    }],
  };
  assertThrows(() => metrics.update(stray), RangeError, "zip_code");
});
