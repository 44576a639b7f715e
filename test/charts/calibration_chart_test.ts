import { assertEquals, assertThrows } from "../_assert.ts";
import { calibrationChart } from "../../lib/charts/calibration_chart.ts";

type Concat = {
  vconcat: [
    { width: number; height: number; layer: { data: { values: Record<string, unknown>[] } }[] },
    { width: number; height: number; data: { values: Record<string, unknown>[] } },
  ];
};

const curve = {
  name: "m",
  meanPredicted: Float64Array.of(0.1, 0.5, 0.9),
  fractionPositive: [0.2, NaN, 0.8],
  counts: Int32Array.of(10, 0, 30),
};

Deno.test("calibrationChart() plots the curve against the diagonal with bin counts below", () => {
  const spec = calibrationChart([curve]) as unknown as Concat;
  const [top, bottom] = spec.vconcat;
  assertEquals(top.layer[0]!.data.values, [{ predicted: 0, observed: 0 }, {
    predicted: 1,
    observed: 1,
  }]);
  // The empty (NaN) bin is left out of both panels.
  assertEquals(top.layer[1]!.data.values.map((d) => [d.predicted, d.observed, d.count]), [
    [0.1, 0.2, 10],
    [0.9, 0.8, 30],
  ]);
  assertEquals(bottom.data.values, top.layer[1]!.data.values);
});

Deno.test("calibrationChart() sizes both panels: width shared, counts panel height separate", () => {
  const spec = calibrationChart([curve], {
    width: 200,
    height: 150,
    countsHeight: 50,
  }) as unknown as Concat;
  assertEquals(spec.vconcat.map((v) => [v.width, v.height]), [[200, 150], [200, 50]]);
});

Deno.test("calibrationChart() rejects mismatched arrays, duplicates and a bad panel height", () => {
  assertThrows(
    () => calibrationChart([{ ...curve, counts: [1] }]),
    TypeError,
    "3 predictions, 3 fractions and 1 counts",
  );
  assertThrows(() => calibrationChart([curve, curve]), TypeError, "Duplicate");
  assertThrows(() => calibrationChart([curve], { countsHeight: 0 }), RangeError, "got 0");
  assertThrows(() => calibrationChart([curve], { width: -1 }), RangeError, "width");
});
