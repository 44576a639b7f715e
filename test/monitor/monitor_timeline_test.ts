import { defineMonitor } from "../../lib/monitor/define_monitor.ts";
import { monitorTimeline, seriesOf } from "../../lib/monitor/monitor_timeline.ts";
import { metricTimelineChart } from "../../lib/charts/metric_timeline_chart.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";

// A model that always predicts class 0 over windows whose share of class 1 grows after run 3.
function monitor() {
  let run = 0;
  return defineMonitor({
    name: "t",
    model: {
      name: "zero",
      version: "1",
      classNames: ["no", "yes"],
      predictProba: (X) => Float64Array.from({ length: 2 * X.length }, (_, i) => (i % 2 ? 0 : 1)),
    },
    source: () => {
      run++;
      const every = run <= 3 ? 10 : 2;
      return {
        X: Array.from({ length: 400 }, () => [0]),
        y: Array.from({ length: 400 }, (_, i) => (i % every === 0 ? 1 : 0)),
      };
    },
    checks: [{ name: "accuracy_floor", metric: "accuracy", op: ">=", value: 0.8 }],
    concept: [{ method: "ddm" }],
  });
}

Deno.test("monitorTimeline() collects every value, check and detector state run by run", async () => {
  const seen: number[] = [];
  const timeline = await monitorTimeline(monitor(), 6, (s, r) => void seen.push(s.run * 10 + r));
  assertEquals(seen, [11, 22, 33, 44, 55, 66]);
  assertEquals(timeline.snapshots.length, 6);
  const accuracy = seriesOf(timeline, "accuracy", { detector: "ddm" });
  assertEquals(accuracy.map((p) => p.value), [0.9, 0.9, 0.9, 0.5, 0.5, 0.5]);
  assertEquals(timeline.checks.map((c) => c.outcome), [
    "pass",
    "pass",
    "pass",
    "fail",
    "fail",
    "fail",
  ]);
  // ddm fires in run 4, the first bad window, and the series marks it
  assertEquals(accuracy.map((p) => p.detected), timeline.detectors.map((d) => d.drift));
  assert(accuracy[3]!.detected && !accuracy[2]!.detected);
  // per-class values are found by their labels
  assertEquals(seriesOf(timeline, "recall", { labels: { class: "yes" } }).map((p) => p.value), [
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
  assertEquals(seriesOf(timeline, "recall").length, 0);
  // the series is what the timeline chart draws
  const spec = metricTimelineChart(accuracy, { metric: "accuracy", threshold: 0.8 }) as {
    layer: unknown[];
  };
  assert(spec.layer.length >= 3);
});

Deno.test("monitorTimeline() rejects a bad run count and stops at a failing run", async () => {
  await assertRejects(() => monitorTimeline(monitor(), -1), RangeError, "runs");
  const failing = defineMonitor({
    name: "f",
    model: {
      name: "m",
      version: "1",
      classNames: ["a", "b"],
      predictProba: () => new Float64Array(2),
    },
    source: () => {
      throw new Error("source down");
    },
    checks: [],
  });
  await assertRejects(() => monitorTimeline(failing, 2), Error, "source down");
});
