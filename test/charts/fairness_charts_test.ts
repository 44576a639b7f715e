// deno-lint-ignore-file no-explicit-any
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import {
  errorRatesChart,
  fairnessTimelineChart,
  groupIntervalsChart,
  groupMetricChart,
  selectionRateChart,
} from "../../lib/charts/mod.ts";
import { metricFrame } from "../../lib/fairness/metric_frame.ts";
import { equalizedOddsDifference } from "../../lib/fairness/equalized_odds.ts";
import { compileStrict, dataValues } from "./_spec_check.ts";

type Layered = { layer: { mark: { type: string }; data?: { values: any[] } }[] };

/** 40 rows in "a" selected at 0.75, 40 in "b" at 0.25, 6 in "c" all selected. */
function data() {
  const yTrue: number[] = [], yPred: number[] = [], g: string[] = [];
  const add = (group: string, n: number, selected: number, positives: number) => {
    for (let i = 0; i < n; i++) {
      g.push(group), yPred.push(i < selected ? 1 : 0), yTrue.push(i % n < positives ? 1 : 0);
    }
  };
  add("a", 40, 30, 20), add("b", 40, 10, 20), add("c", 6, 6, 3);
  return { yTrue, yPred, sensitive: { g } };
}

Deno.test("groupMetricChart() reads a metric frame: band around overall, groups outside it red", () => {
  const frame = metricFrame(data(), { minGroupSize: 10 });
  const spec = groupMetricChart(frame, { tolerance: 0.25 }) as unknown as Layered;
  const values = dataValues(spec);
  assertEquals(values.map((v) => v.group), ["a", "b", "c"]);
  // overall = 46/86 = 0.535: a (0.75) is inside ±0.25, b (0.25) outside, c has too few rows
  assertEquals(values.map((v) => v.outside), [
    "Within the parity band",
    "Outside the parity band",
    "Within the parity band",
  ]);
  assertEquals(values[2]!.value, null);
  assert(String(values[2]!.note).length > 0, "the reason travels to the tooltip");
  const band = spec.layer[0]!.data!.values[0]!;
  assertAlmostEquals(band.lower, 46 / 86 - 0.25, 1e-12);
  assertAlmostEquals(band.upper, 46 / 86 + 0.25, 1e-12);
  assertEquals(spec.layer.map((l) => l.mark.type), ["rect", "bar", "rule"]);
  assertThrows(() => groupMetricChart(frame, { tolerance: -1 }), RangeError, "tolerance");
});

Deno.test("groupMetricChart() without an overall value draws bars only", () => {
  const spec = groupMetricChart({
    metric: "x",
    overall: { value: NaN },
    byGroup: [{ group: "a", value: 1 }],
  }) as unknown as Layered;
  assertEquals(spec.layer.map((l) => l.mark.type), ["bar"]);
  compileStrict(spec);
});

Deno.test("selectionRateChart() draws the line at 0.8 × the highest rate and colours groups under it", () => {
  const frame = metricFrame(data(), { minGroupSize: 1 });
  const spec = selectionRateChart(frame.byGroup) as unknown as Layered;
  assertEquals(spec.layer[1]!.data!.values[0]!.line, 0.8 * 1); // c selects everyone
  assertEquals(dataValues(spec).map((v) => v.below), [
    "Below 0.8 × highest",
    "Below 0.8 × highest",
    "At least 0.8 × highest",
  ]);
  const half = selectionRateChart(frame.byGroup, { ratio: 0.5 }) as unknown as Layered;
  assertEquals(dataValues(half)[0]!.below, "At least 0.5 × highest");
  assertThrows(() => selectionRateChart([], { ratio: 0 }), RangeError, "ratio");
  assertEquals((selectionRateChart([]) as unknown as Layered).layer.length, 1);
});

Deno.test("errorRatesChart() spans equal fairlearn's TPR and FPR differences", () => {
  const eo = equalizedOddsDifference(data(), { minGroupSize: 1 });
  assertEquals(eo.status, "ok");
  const spec = errorRatesChart(eo.groups) as unknown as Layered;
  const spans = spec.layer[0]!.data!.values;
  const worst = Math.max(...spans.map((s) => s.gap));
  assertAlmostEquals(worst, eo.value, 1e-12);
  // undefined rates are left out, not drawn at 0
  const one = errorRatesChart([{ group: "x", truePositiveRate: NaN, falsePositiveRate: 0.2 }]);
  assertEquals(dataValues(one).map((v) => v.rate), ["False positive rate"]);
  assertThrows(
    () =>
      errorRatesChart([
        { group: "x", truePositiveRate: 1, falsePositiveRate: 0 },
        { group: "x", truePositiveRate: 1, falsePositiveRate: 0 },
      ]),
    TypeError,
    'group "x" appears twice',
  );
});

Deno.test("groupIntervalsChart() marks the groups whose bootstrap interval excludes the overall value", () => {
  const frame = metricFrame(data(), {
    minGroupSize: 1,
    bootstrap: { resamples: 200, seed: 1 },
  });
  const values = dataValues(groupIntervalsChart(frame));
  for (const [i, g] of frame.byGroup.entries()) {
    assertEquals(values[i]!.lo, g.ci![0]);
    assertEquals(values[i]!.hi, g.ci![1]);
    const contains = g.ci![0] <= frame.overall.value && frame.overall.value <= g.ci![1];
    assertEquals(values[i]!.verdict === "Interval contains overall", contains);
  }
  // a and b are 0.25 away from the overall 0.535 with 40 rows: excluded
  assertEquals(values[0]!.verdict, "Interval excludes overall");
  // without intervals, nothing is claimed
  const none = dataValues(groupIntervalsChart(metricFrame(data(), { minGroupSize: 1 })));
  assertEquals(none[0]!.lo, null);
});

Deno.test("fairnessTimelineChart() marks points past the threshold on the failing side", () => {
  const points = [
    { time: 1, value: 0.9, series: "colour" },
    { time: 2, value: 0.7, series: "colour" },
    { time: 1, value: NaN, series: "sex" },
  ];
  const ratio = fairnessTimelineChart(points, {
    measure: "demographic_parity_ratio",
    threshold: 0.8,
    fails: "below",
  }) as unknown as Layered;
  assertEquals(dataValues(ratio).map((v) => v.past), [false, true, false]);
  assertEquals(dataValues(ratio)[2]!.value, null);
  assertEquals(ratio.layer.map((l) => l.mark.type), ["line", "rule", "point"]);
  const diff = fairnessTimelineChart(points) as unknown as Layered;
  assertEquals(diff.layer.map((l) => l.mark.type), ["line"]);
  assertThrows(
    () => fairnessTimelineChart([{ time: 1, value: 0 }, { time: "2026-01-01", value: 0 }]),
    TypeError,
    "all numbers",
  );
  const dated = fairnessTimelineChart([{ time: new Date(Date.UTC(2026, 0, 1)), value: 0.1 }]);
  assertEquals(dataValues(dated)[0]!.time, "2026-01-01T00:00:00.000Z");
});
