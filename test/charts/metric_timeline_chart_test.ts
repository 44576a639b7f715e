// deno-lint-ignore-file no-explicit-any
import { assertEquals, assertThrows } from "../_assert.ts";
import { metricTimelineChart } from "../../lib/charts/metric_timeline_chart.ts";
import { dataValues } from "./_spec_check.ts";

type Layered = { layer: { mark: { type: string }; encoding: Record<string, any>; data?: any }[] };

Deno.test("metricTimelineChart() uses a time axis for dates, serialised as ISO strings", () => {
  const spec = metricTimelineChart([{
    time: new Date(Date.UTC(2026, 0, 2)),
    value: 1,
  }]) as unknown as Layered;
  assertEquals(dataValues(spec)[0]!.time, "2026-01-02T00:00:00.000Z");
  assertEquals(spec.layer[0]!.encoding.x.type, "temporal");
});

Deno.test("metricTimelineChart() uses a quantitative axis for window numbers", () => {
  const spec = metricTimelineChart([{ time: 1, value: 1 }, {
    time: 2,
    value: 2,
  }]) as unknown as Layered;
  assertEquals(spec.layer[0]!.encoding.x.type, "quantitative");
  assertEquals(spec.layer[0]!.encoding.x.title, "Window");
});

Deno.test("metricTimelineChart() adds the band, threshold rules and detections only when present", () => {
  const plain = metricTimelineChart([{ time: 1, value: 1 }]) as unknown as Layered;
  assertEquals(plain.layer.map((l) => l.mark.type), ["line"]);
  const full = metricTimelineChart([
    { time: 1, value: 0.9, lower: 0.8, upper: 1 },
    { time: 2, value: 0.7, lower: 0.8, upper: 1, detected: true },
  ], { threshold: { lower: 0.75, upper: 0.99 } }) as unknown as Layered;
  assertEquals(full.layer.map((l) => l.mark.type), ["area", "line", "rule", "point"]);
  assertEquals(full.layer[2]!.data.values, [{ threshold: 0.75 }, { threshold: 0.99 }]);
  assertEquals(dataValues(full).map((v) => v.detected), [false, true]);
});

Deno.test("metricTimelineChart() turns non-finite values into gaps (null)", () => {
  const values = dataValues(metricTimelineChart([{ time: 1, value: NaN, lower: Infinity }]));
  assertEquals([values[0]!.value, values[0]!.lower], [null, null]);
});

Deno.test("metricTimelineChart() rejects times that mix numbers and dates", () => {
  assertThrows(
    () => metricTimelineChart([{ time: 1, value: 1 }, { time: "2026-01-01", value: 1 }]),
    TypeError,
    "all numbers",
  );
});
