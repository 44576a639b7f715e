import { defineMonitor } from "../../lib/monitor/define_monitor.ts";
import { conceptWatch, rowErrors } from "../../lib/monitor/window_concept.ts";
import { ddm } from "../../lib/concept/ddm.ts";
import { detect } from "../../lib/concept/detect.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

// A model that always says class 0; window r has 300 rows whose labels are wrong for it at a
// rate of 10 % for runs 1-3, then 40 %.
const WINDOW = 300;
function labels(run: number): number[] {
  const every = run <= 3 ? 10 : 2.5;
  return Array.from({ length: WINDOW }, (_, i) => (i % every < 1 ? 1 : 0));
}
function monitorOver(concept = [{ method: "ddm" as const }, { method: "adwin" as const }]) {
  let run = 0;
  return defineMonitor({
    name: "stream",
    model: {
      name: "always_zero",
      version: "1",
      classNames: ["no", "yes"],
      predictProba: (X) =>
        Float64Array.from({ length: 2 * X.length }, (_, i) => (i % 2 ? 0.2 : 0.8)),
    },
    source: () => {
      run++;
      return { X: Array.from({ length: WINDOW }, () => [0]), y: labels(run) };
    },
    checks: [{ metric: "concept_drift_detected", labels: { detector: "ddm" }, op: "<", value: 1 }],
    concept,
  });
}

Deno.test("defineMonitor() runs its detectors over each window's errors with state kept between runs", async () => {
  const monitor = monitorOver();
  assertEquals(monitor.detectors, ["ddm", "adwin"]);
  const snaps = [];
  for (let r = 0; r < 6; r++) snaps.push(await monitor.run());
  // the same detector fed the concatenated error stream fires at the same rows
  const stream = [1, 2, 3, 4, 5, 6].flatMap(labels);
  const expected = detect(ddm(), stream).drifts;
  const seen = snaps.flatMap((s, r) => s.concept![0]!.driftRows.map((i) => r * WINDOW + i));
  assertEquals(seen, expected);
  assert(expected.length > 0 && expected[0]! >= 3 * WINDOW, `${expected}`);
  const firstRun = Math.floor(expected[0]! / WINDOW);
  assertEquals(
    snaps.map((s) => s.concept![0]!.drift),
    snaps.map((_, r) => seen.some((i) => Math.floor(i / WINDOW) === r)),
  );
  assertEquals(snaps[5]!.concept![0]!.detections, expected.length);
  assertEquals(snaps[5]!.concept![0]!.rowsSeen, 6 * WINDOW);
  // the check reads the metric value the run adds
  assertEquals(snaps[firstRun]!.checks[0]!.outcome, "fail");
  assertEquals(snaps[0]!.checks[0]!.outcome, "pass");
  const values = snaps[firstRun]!.metrics.filter((m) => m.name.startsWith("concept_drift_"));
  assertEquals(values.length, 6);
  assert("concept" in snaps[0]!.timings);
});

Deno.test("defineMonitor() without detectors leaves snapshot.concept out", async () => {
  const monitor = defineMonitor({
    name: "plain",
    model: {
      name: "m",
      version: "1",
      classNames: ["a", "b"],
      predictProba: (X) => new Float64Array(2 * X.length).fill(0.5),
    },
    source: () => ({ X: [[1]], y: [0] }),
    checks: [],
  });
  const snap = await monitor.run();
  assert(!("concept" in snap));
  assertEquals(monitor.detectors, []);
});

Deno.test("conceptWatch() rejects unknown methods, bad and repeated names", () => {
  // @ts-expect-error: an unknown method
  assertThrows(() => conceptWatch([{ method: "vibes" }]), RangeError, '"vibes"');
  assertThrows(() => conceptWatch([{ method: "ddm", name: "DDM!" }]), TypeError, "snake_case");
  assertThrows(() => conceptWatch([{ method: "ddm" }, { method: "ddm" }]), TypeError, "twice");
  assertThrows(() => monitorOver([{ method: "ddm" }, { method: "ddm" }]), TypeError, "twice");
});

Deno.test("a run whose detector options are invalid is rejected when the monitor is defined", () => {
  assertThrows(() => conceptWatch([{ method: "kswin", options: { statSize: 90 } }]), RangeError);
});

Deno.test("rowErrors() marks rows whose top class is not the label, first class on ties", () => {
  const p = Float64Array.of(0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8);
  assertEquals(Array.from(rowErrors([1, 1, 2], p, 3)), [0, 1, 0]);
});
