import { assert, assertEquals } from "../_assert.ts";
import { classMetricsRows, snapshotCharts } from "../../lib/exporter/status_charts.ts";
import { sampleSnapshot } from "../monitor/_fixtures.ts";

Deno.test("the status page draws per-class metrics and, when drift is checked, feature drift", async () => {
  const snapshot = sampleSnapshot();
  assertEquals(classMetricsRows(snapshot).map((r) => r.className), [
    "setosa",
    "versicolor",
    "virginica",
  ]);
  const charts = await snapshotCharts(snapshot);
  assertEquals(charts.length, 2);
  assert(charts.every((svg) => svg.startsWith("<svg")), "inline SVG");
  assert(charts[0]!.includes("Per-class metrics"), "first chart is the per-class one");
  assert(charts[1]!.includes("Input drift") && charts[1]!.includes("petal_length"), charts[1]);
});

Deno.test("the status page draws no drift chart for a monitor without drift checks", async () => {
  const charts = await snapshotCharts(sampleSnapshot({ drift: [] }));
  assertEquals(charts.length, 1);
});
