/**
 * Claims notebook 06 (concept drift) makes in its prose, checked on the values it computes: the
 * input tests stay quiet while accuracy falls, each detector fires where the text says, the
 * monitor's detectors fire at the same rows as one pass over the stream, false alarms cost what
 * the text says, and each retraining policy scores what the text quotes.
 */
import { importNotebook } from "../../lib/notebook_source/source.ts";
import type { DetectorEvaluation, RetrainingComparison } from "../../lib/concept/mod.ts";
import type { MonitorTimeline } from "../../lib/monitor/mod.ts";
import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
// every cell, the notebook-only ones (all the analysis after the monitor) included
const ns = await importNotebook(`${ROOT}notebooks/06_concept_drift.ipynb`, {
  check: false,
  exclude: [],
});

type Window = Record<string, number | boolean>;
const windows = ns.windows as Window[];
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const between = (a: number, b: number) =>
  windows.filter((w) => (w["first row"] as number) >= a && (w["first row"] as number) < b);
const meanOf = (rows: Window[], key: string) => mean(rows.map((w) => w[key] as number));

Deno.test("notebook 06: every input test stays quiet while accuracy falls", () => {
  assertEquals(windows.length, 38);
  assertEquals(ns.datasetDriftWindows, 0);
  const inputAlarms = (rows: Window[]) => rows.filter((w) => (w["drifted inputs"] as number) > 0);
  assertEquals(inputAlarms(between(0, 8000)).length, 2);
  assertEquals(inputAlarms(between(8000, 14000)).length, 0);
  assertEquals(inputAlarms(between(14000, 20000)).length, 1);
  assert(windows.every((w) => (w["drifted inputs"] as number) <= 1));
  const timeline = ns.timeline as MonitorTimeline;
  // the automatic choice for a 1,000-row reference: Kolmogorov–Smirnov on every input
  const methods = new Set(
    timeline.snapshots.flatMap((s) =>
      s.drift.filter((r) => r.kind === "drift").map((r) => r.method)
    ),
  );
  assertEquals([...methods], ["ks"]);
  assertAlmostEquals(meanOf(between(0, 8000), "accuracy"), 0.935, 5e-4);
  assertAlmostEquals(meanOf(between(8000, 14000), "accuracy"), 0.82, 5e-3);
  assertAlmostEquals(Math.min(...between(8000, 14000).map((w) => w.accuracy as number)), 0.8, 1e-9);
  assertAlmostEquals(meanOf(between(14000, 20000), "accuracy"), 0.894, 5e-4);
  const failing = timeline.checks.filter((c) => c.outcome === "fail").map((c) => c.run);
  assertEquals(failing, Array.from({ length: 12 }, (_, i) => 15 + i)); // windows 8,000–13,500
  assertAlmostEquals(meanOf(between(0, 8000), "positive share"), 0.66, 5e-3);
  assertAlmostEquals(meanOf(between(8000, 14000), "positive share"), 0.55, 5e-3);
});

Deno.test("notebook 06: each detector warns and fires where the text says", () => {
  const rows = Object.fromEntries(
    (ns.detections as Record<string, unknown>[]).map((r) => [r.detector as string, r]),
  );
  const alarm = (d: string, c: 8000 | 14000) => rows[d]![`alarm after ${c}`];
  assertEquals(
    ["adwin", "hddm_a", "page_hinkley", "ddm", "hddm_w"].map((d) => alarm(d, 8000)),
    [8231, 8401, 8476, 8523, 9392],
  );
  assertEquals(rows.ddm!["first warning after 8000"], 8238);
  assertEquals(rows.ddm!["alarms before 8000 (false)"], 3);
  assertEquals((rows.ddm!.drifts as number[]).slice(0, 3), [1060, 1590, 1672]);
  assertEquals(alarm("eddm", 8000), 8068);
  assertEquals([rows.eddm!["alarms before 8000 (false)"], rows.eddm!["alarms in all"]], [13, 30]);
  const eddm = (rows.eddm!.drifts as number[]).filter((i) => i < 8000);
  const gaps = eddm.slice(1).map((v, i) => v - eddm[i]!);
  assert(gaps.every((g) => g >= 300 && g <= 700), `${gaps}`);
  assertEquals(rows.kswin!["alarms in all"], 0);
  // at 14,000 the error rate falls: only the two-sided detectors report it
  assert(
    typeof alarm("adwin", 14000) === "number" && typeof alarm("page_hinkley", 14000) === "number",
  );
  for (const d of ["ddm", "eddm", "hddm_a"]) assertEquals(alarm(d, 14000), "missed");
  // the monitor's detectors, window by window, fired at the rows of one pass over the stream
  assertEquals(ns.monitorDrifts, (ns.detections as { drifts: number[] }[]).map((r) => r.drifts));
});

Deno.test("notebook 06: false alarms cost what the text says", () => {
  const evaluation = Object.fromEntries(
    (ns.evaluation as DetectorEvaluation[]).map((r) => [r.method, r]),
  );
  assertEquals(evaluation.adwin!.falseAlarmsPer10k, 0);
  assertAlmostEquals(evaluation.hddm_a!.falseAlarmsPer10k, 0.2, 1e-9); // one in 50,000 points
  assertAlmostEquals(evaluation.page_hinkley!.falseAlarmsPer10k, 0.15, 1e-9);
  assert(evaluation.hddm_a!.meanDelay > 120 && evaluation.adwin!.meanDelay < 130);
  assertAlmostEquals(evaluation.eddm!.falseAlarmsPer10k, 27.05, 1e-9);
  assertEquals([evaluation.ddm!.missed, evaluation.kswin!.missed], [3, 19]);
  const by = Object.fromEntries(
    (ns.byDetector as Record<string, number | string>[]).map((r) => [r.detector as string, r]),
  );
  assertEquals([by.eddm!.alarms, by.eddm!["rejected by labels"], by.eddm!.retrains], [24, 22, 2]);
  assertEquals([by.ddm!.alarms, by.ddm!["rejected by labels"], by.ddm!.retrains], [12, 7, 5]);
  assertEquals(by.ddm!["training updates"], 70000);
  for (const d of ["hddm_a", "adwin", "page_hinkley"]) {
    assertEquals([by[d]!.alarms, by[d]!["rejected by labels"], by[d]!.retrains], [2, 0, 2]);
    assertEquals(by[d]!["training updates"], 40000);
  }
  const best = Math.max(...Object.values(by).map((r) => r.accuracy as number));
  assertEquals(by.ddm!.accuracy, best);
  assertAlmostEquals(by.ddm!.accuracy as number, 0.928, 5e-4);
  assertEquals(by.kswin!.retrains, 0);
  const never = (ns.comparison as RetrainingComparison).policies[0]!;
  assertEquals(by.kswin!.accuracy, never.accuracy);
});

Deno.test("notebook 06: retraining recovers, online learning tracks, as quoted", () => {
  const comparison = ns.comparison as RetrainingComparison;
  const p = Object.fromEntries(comparison.policies.map((o) => [o.policy, o]));
  assertAlmostEquals(p.never!.accuracy, 0.886, 5e-4);
  assertAlmostEquals(p.on_alarm!.accuracy, 0.928, 5e-4);
  assertAlmostEquals(p.scheduled!.accuracy, 0.915, 5e-4);
  assertAlmostEquals(p.online!.accuracy, 0.926, 5e-4);
  assertEquals([p.on_alarm!.retrains, p.scheduled!.retrains, p.online!.retrains], [5, 9, 0]);
  assertEquals([p.scheduled!.trainingRowUpdates, p.online!.trainingRowUpdates], [110000, 39000]);
  assert(p.on_alarm!.alarms.includes(1590) && p.on_alarm!.retrainedAt[0] === 1937);
  const span = (policy: string, a: number, b: number) =>
    mean(
      comparison.timeline.filter((w) => w.policy === policy && w.start >= a && w.start < b)
        .map((w) => w.accuracy),
    );
  assertAlmostEquals(span("never", 9000, 14000), 0.822, 5e-4);
  assertAlmostEquals(span("on_alarm", 8000, 9000), 0.856, 5e-4);
  assertAlmostEquals(span("on_alarm", 9000, 14000), 0.938, 5e-4);
  assertAlmostEquals(span("scheduled", 8000, 9000), 0.808, 5e-4);
  assertAlmostEquals(span("scheduled", 14000, 15000), 0.776, 5e-4);
  assert(p.scheduled!.retrainedAt.includes(13000));
  assertAlmostEquals(span("online", 8000, 9000), 0.915, 5e-4);
  assertAlmostEquals(span("online", 14000, 15000), 0.913, 5e-4);
  assertAlmostEquals(span("online", 1000, 8000), 0.925, 5e-4);
  assertAlmostEquals(span("never", 1000, 8000), 0.935, 5e-4);
});
