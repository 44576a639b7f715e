import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { sampleSizeChart, type SampleSizeRow } from "../../lib/charts/sample_size_chart.ts";
import { VEGA_LITE_SCHEMA, VIGIL_COLORS, VIGIL_THEME } from "../../lib/charts/theme.ts";
import { assertSized, compileStrict } from "./_spec_check.ts";

interface Layer {
  data: { values: Record<string, unknown>[] };
  mark: { type: string; strokeDash?: number[]; color?: string };
  encoding: {
    x?: { field: string; scale?: { type: string } };
    y: { field: string; scale?: { type: string }; axis?: { values: number[] } };
  };
}
interface Panel {
  width: number;
  height: number;
  layer: Layer[];
}
type Spec = { hconcat: [Panel, Panel]; title: { text: string; subtitle: string } };

const rows: SampleSizeRow[] = [
  { n: 100, pValue: 0.7, distances: { "Wasserstein normed": 0.12, PSI: 0.15 } },
  { n: 10_000, pValue: 1e-4, distances: { "Wasserstein normed": 0.05, PSI: NaN } },
  { n: 100_000, pValue: 1e-23, distances: { "Wasserstein normed": 0.05, PSI: 0.003 } },
];

Deno.test("sampleSizeChart() compiles without Vega-Lite warnings, sized, with schema and theme", () => {
  const spec = sampleSizeChart(rows);
  const vg = compileStrict(spec);
  assert(Array.isArray(vg.marks) && vg.marks.length > 0, "compiled spec has marks");
  assertSized(spec);
  const s = spec as unknown as Record<string, unknown>;
  assertEquals([s.$schema, s.config], [VEGA_LITE_SCHEMA, VIGIL_THEME]);
  assertEquals(JSON.parse(JSON.stringify(spec)), spec);
});

Deno.test("sampleSizeChart() plots p-values on log-log axes against a dashed threshold rule", () => {
  const [left] = (sampleSizeChart(rows) as unknown as Spec).hconcat;
  const [line, rule] = left.layer as [Layer, Layer];
  assertEquals(line.data.values, [{ n: 100, p: 0.7 }, { n: 10_000, p: 1e-4 }, {
    n: 100_000,
    p: 1e-23,
  }]);
  assertEquals([line.encoding.x?.scale?.type, line.encoding.y.scale?.type], ["log", "log"]);
  assertEquals(rule.data.values, [{ p: 0.05 }]);
  assertEquals([rule.mark.type, rule.mark.strokeDash, rule.mark.color], [
    "rule",
    [4, 4],
    VIGIL_COLORS.threshold,
  ]);
  // Decade ticks from 1 down past the smallest p-value, at most 6.
  const ticks = line.encoding.y.axis!.values;
  assertEquals(ticks, [1, 1e-5, 1e-10, 1e-15, 1e-20]);
});

Deno.test("sampleSizeChart() plots each distance on a log x axis with the distance threshold", () => {
  const [, right] = (sampleSizeChart(rows, { distanceThreshold: 0.2 }) as unknown as Spec).hconcat;
  const [line, rule] = right.layer as [Layer, Layer];
  assertEquals(line.data.values.map((v) => [v.n, v.distance, v.value]), [
    [100, "Wasserstein normed", 0.12],
    [100, "PSI", 0.15],
    [10_000, "Wasserstein normed", 0.05],
    // A non-finite distance is kept as a gap, not drawn as 0.
    [10_000, "PSI", null],
    [100_000, "Wasserstein normed", 0.05],
    [100_000, "PSI", 0.003],
  ]);
  assertEquals(line.encoding.x?.scale?.type, "log");
  assertEquals(line.encoding.y.scale, undefined);
  assertEquals(rule.data.values, [{ value: 0.2 }]);
});

Deno.test("sampleSizeChart() sizes both panels and states its thresholds in the subtitle", () => {
  const spec = sampleSizeChart(rows, {
    width: 200,
    height: 150,
    pThreshold: 0.01,
  }) as unknown as Spec;
  assertEquals(spec.hconcat.map((p) => [p.width, p.height]), [[200, 150], [200, 150]]);
  assert(spec.title.subtitle.includes("0.01") && spec.title.subtitle.includes("0.1"));
  const titled = sampleSizeChart(rows, { title: "T", subtitle: "S" }) as unknown as Spec;
  assertEquals([titled.title.text, titled.title.subtitle], ["T", "S"]);
});

Deno.test("sampleSizeChart() leaves out p-values that a log axis cannot show", () => {
  const spec = sampleSizeChart([
    { n: 10, pValue: 0, distances: {} },
    { n: 20, pValue: NaN, distances: {} },
  ]) as unknown as Spec;
  assertEquals(spec.hconcat[0].layer[0]!.data.values.map((v) => v.p), [null, null]);
  compileStrict(spec as unknown as Parameters<typeof compileStrict>[0]);
});

Deno.test("sampleSizeChart() rejects non-positive sizes and out-of-range thresholds", () => {
  assertThrows(() => sampleSizeChart([{ n: 0, pValue: 1, distances: {} }]), RangeError, "row 0");
  assertThrows(() => sampleSizeChart(rows, { pThreshold: 1 }), RangeError, "pThreshold");
  assertThrows(() => sampleSizeChart(rows, { distanceThreshold: NaN }), RangeError, "finite");
  assertThrows(() => sampleSizeChart(rows, { width: 0 }), RangeError, "width");
});
