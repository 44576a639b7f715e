import { type OpenMetricsContentType, Registry } from "prom-client";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { CONCEPT_FAMILIES } from "../../lib/prometheus/concept_families.ts";
import { SNAPSHOT_FAMILIES } from "../../lib/prometheus/snapshot_families.ts";
import type { ConceptDetectorState } from "../../lib/monitor/window_concept.ts";
import { sampleSnapshot } from "../monitor/_fixtures.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { exposition, M, MODEL, promtoolCheck } from "./_families_setup.ts";

function state(name: string, over: Partial<ConceptDetectorState> = {}): ConceptDetectorState {
  return {
    name,
    method: "ddm",
    warning: false,
    drift: false,
    detections: 0,
    driftRows: [],
    warningRows: 0,
    rowsSeen: 300,
    ...over,
  };
}
const concept = [
  state("ddm", { warning: true, detections: 2 }),
  state("adwin", { method: "adwin", drift: true, detections: 3, driftRows: [40] }),
];

Deno.test("concept families are part of the default snapshot families", () => {
  for (const family of CONCEPT_FAMILIES) assert(SNAPSHOT_FAMILIES.includes(family), family.name);
});

Deno.test("each detector's warning and drift are 0/1 gauges and its detections a counter", async () => {
  const lines = await exposition(sampleSnapshot({ concept }));
  for (
    const line of [
      `vigil_concept_drift_warning{${M},detector="ddm"} 1`,
      `vigil_concept_drift_warning{${M},detector="adwin"} 0`,
      `vigil_concept_drift_detected{${M},detector="ddm"} 0`,
      `vigil_concept_drift_detected{${M},detector="adwin"} 1`,
      `vigil_concept_drift_detections_total{${M},detector="ddm"} 2`,
      `vigil_concept_drift_detections_total{${M},detector="adwin"} 3`,
    ]
  ) assert(lines.includes(line), `missing: ${line}`);
  // no detectors, no samples
  assert(!(await exposition()).some((l) => l.startsWith("vigil_concept_")));
});

Deno.test("promtool check metrics accepts the concept families, counter included; OpenMetrics names it", async () => {
  const registry = new Registry();
  createSnapshotMetrics(registry, { model: MODEL }).update(sampleSnapshot({ concept }));
  const text = await registry.metrics();
  assert(text.includes("# TYPE vigil_concept_drift_detections_total counter"));
  const { code, output } = await promtoolCheck(text);
  assertEquals(code, 0, output);
  assertEquals(output.trim(), "");
  const openRegistry = new Registry<OpenMetricsContentType>();
  openRegistry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  createSnapshotMetrics(openRegistry, { model: MODEL }).update(sampleSnapshot({ concept }));
  const open = await openRegistry.metrics();
  // OpenMetrics names a counter family without _total (promtool lints only the text format)
  assert(open.includes("# TYPE vigil_concept_drift_detections counter"), open);
  assert(open.includes(`vigil_concept_drift_detections_total{${M},detector="adwin"} 3`), open);
});

Deno.test("the detector label is bounded by the declared detectors; counters reject negatives", () => {
  const metrics = createSnapshotMetrics(new Registry(), { model: MODEL, detectors: ["ddm"] });
  assertThrows(() => metrics.update(sampleSnapshot({ concept })), RangeError, "adwin");
  const open = createSnapshotMetrics(new Registry(), { model: MODEL });
  const bad = [state("ddm", { detections: -1 })];
  assertThrows(() => open.update(sampleSnapshot({ concept: bad })), RangeError, "counter");
});
