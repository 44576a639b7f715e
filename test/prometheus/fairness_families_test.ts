import { Registry } from "prom-client";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { FAIRNESS_FAMILIES } from "../../lib/prometheus/fairness_families.ts";
import { SNAPSHOT_FAMILIES } from "../../lib/prometheus/snapshot_families.ts";
import { windowFairness } from "../../lib/monitor/window_fairness.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { fairnessScenario } from "../../lib/data/fairness_scenario.ts";
import type { Snapshot } from "../../lib/monitor/types.ts";
import { sampleSnapshot } from "../monitor/_fixtures.ts";
import { assert, assertEquals } from "../_assert.ts";
import { M, MODEL, promtoolCheck } from "./_families_setup.ts";

/** A snapshot whose fairness phase ran on the proxy scenario (colour: a, b, and "c" undeclared). */
function fairSnapshot(n = 2000, strength = 0.8): Snapshot {
  const s = fairnessScenario("proxy", { n, strength, seed: 5 });
  const colour = s.group.map((g, i) => (i % 50 === 0 ? "c" : g));
  const yPred = Uint8Array.from(s.X, (x) => +(x[0]! - 0.5 * x[2]! > 0));
  const out = windowFairness(tableFromColumns({ colour }), { yTrue: s.y, yPred }, {
    attributes: { colour: { groups: ["a", "b"], privileged: "a" } },
  });
  const base = sampleSnapshot();
  return { ...base, metrics: [...base.metrics, ...out.metrics], fairness: out.results };
}

async function lines(snapshot: Snapshot): Promise<{ text: string; samples: string[] }> {
  const registry = new Registry();
  createSnapshotMetrics(registry, { model: MODEL }).update(snapshot);
  const text = await registry.metrics();
  return { text, samples: text.split("\n").filter((l) => l !== "" && !l.startsWith("#")) };
}

Deno.test("fairness families are part of the default snapshot families", () => {
  for (const family of FAIRNESS_FAMILIES) assert(SNAPSHOT_FAMILIES.includes(family), family.name);
});

Deno.test("fairness is exported per attribute and declared group, the measures with thresholds", async () => {
  const snapshot = fairSnapshot();
  const { samples } = await lines(snapshot);
  const value = (measure: string) =>
    snapshot.fairness!.find((r) => r.method === measure)!.statistic;
  for (
    const line of [
      `vigil_fairness_demographic_parity_difference{${M},attribute="colour"} ${
        value("demographic_parity_difference")
      }`,
      `vigil_fairness_demographic_parity_ratio{${M},attribute="colour"} ${
        value("demographic_parity_ratio")
      }`,
      `vigil_fairness_demographic_parity_threshold_ratio{${M},attribute="colour"} 0.8`,
      `vigil_fairness_demographic_parity_difference_threshold{${M},attribute="colour"} 0.1`,
      `vigil_fairness_disparate_impact{${M},attribute="colour"} ${value("disparate_impact")}`,
      `vigil_fairness_disparate_impact_threshold{${M},attribute="colour"} 0.8`,
      `vigil_fairness_statistical_parity_difference_threshold{${M},attribute="colour"} 0.1`,
      `vigil_fairness_detected{${M},attribute="colour",measure="demographic_parity_difference"} 1`,
      `vigil_fairness_group_rows{${M},attribute="colour",group="other"} 40`,
    ]
  ) assert(samples.includes(line), `missing: ${line}`);
  const groups = new Set(
    samples.filter((l) => l.startsWith("vigil_fairness_group_")).map((l) =>
      l.match(/group="([^"]*)"/)![1]
    ),
  );
  assertEquals([...groups].sort(), ["a", "b", "other"]);
  const rates = samples.filter((l) => l.startsWith("vigil_fairness_group_selection_rate_ratio{"));
  assertEquals(rates.length, 3);
  for (const l of rates) {
    const v = Number(l.split(" ").at(-1));
    assert(v >= 0 && v <= 1, l);
  }
});

Deno.test("a measure with a too-small group has no sample; its group rows remain", async () => {
  const { samples } = await lines(fairSnapshot(300));
  // "c" is 6 rows of 300: "other" is under 30 rows, so fairlearn's measures (across all groups)
  // are errors; AIF360's pool every non-privileged row into one side, which is large enough
  assertEquals(samples.filter((l) => l.startsWith("vigil_fairness_demographic_parity")), []);
  assertEquals(
    samples.filter((l) => l.startsWith("vigil_fairness_detected")).map((l) =>
      l.match(/measure="([^"]*)"/)![1]
    ),
    ["disparate_impact", "statistical_parity_difference"],
  );
  assert(samples.includes(`vigil_fairness_group_rows{${M},attribute="colour",group="other"} 6`));
  assert(!samples.some((l) => l.includes("group_selection_rate_ratio{") && l.includes('"other"')));
});

Deno.test("a snapshot without fairness exports no fairness series", async () => {
  const { samples } = await lines(sampleSnapshot());
  assertEquals(samples.filter((l) => l.startsWith("vigil_fairness_")), []);
});

Deno.test("promtool check metrics accepts the fairness exposition", async () => {
  const { text } = await lines(fairSnapshot());
  const result = await promtoolCheck(text);
  assertEquals(result.code, 0, result.output);
  assertEquals(result.output.trim(), "", result.output);
});
