import { assertEquals, assertThrows } from "../_assert.ts";
import { volumeChart } from "../../lib/charts/volume_chart.ts";
import { volume } from "../../lib/quality/volume.ts";
import { dataValues } from "./_spec_check.ts";

Deno.test("volumeChart() colours a window as the volume check decides, drops and rises alike", () => {
  const windows = [
    { window: "a", rows: 50, expected: 50 },
    { window: "b", rows: 25, expected: 50 },
    { window: "c", rows: 24, expected: 50 },
    { window: "d", rows: 75, expected: 50 },
    { window: "e", rows: 76, expected: 50 },
    { window: "f", rows: 0, expected: 50 },
  ];
  for (const tolerance of [0.5, 0.2, 0]) {
    const statuses = dataValues(volumeChart(windows, { tolerance })).map((v) => v.status);
    const detected = windows.map((w) =>
      volume(w.rows, { expected: w.expected, tolerance }).detected
        ? "Outside tolerance"
        : "Within tolerance"
    );
    assertEquals(statuses, detected, `tolerance ${tolerance}`);
  }
});

Deno.test("volumeChart() draws the band expected × (1 ± tolerance), never below 0", () => {
  const values = dataValues(volumeChart([
    { window: "a", rows: 10, expected: 200 },
  ], { tolerance: 1.5 }));
  assertEquals(values[0]!.low, 0);
  assertEquals(values[0]!.high, 500);
  assertEquals(values[0]!.change, -0.95);
});

Deno.test("volumeChart() keeps windows in input order", () => {
  const spec = volumeChart([
    { window: "z", rows: 1, expected: 1 },
    { window: "a", rows: 1, expected: 1 },
  ]) as unknown as { encoding: { y: { sort: string[] } } };
  assertEquals(spec.encoding.y.sort, ["z", "a"]);
});

Deno.test("volumeChart() rejects bad counts and tolerances, naming the window", () => {
  assertThrows(
    () => volumeChart([{ window: "mon", rows: -1, expected: 5 }]),
    RangeError,
    'window "mon"',
  );
  assertThrows(
    () => volumeChart([{ window: "tue", rows: 1, expected: 0 }]),
    RangeError,
    'Expected row count of window "tue"',
  );
  assertThrows(() => volumeChart([], { tolerance: -0.1 }), RangeError, "tolerance");
  assertThrows(() => volumeChart([], { tolerance: NaN }), RangeError, "NaN");
});
