import { assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { distributionChart } from "../../lib/charts/distribution_chart.ts";
import { dataValues } from "./_spec_check.ts";

type Bin = { sample: string; lower: number; upper: number; count: number; share: number };
type Bar = { sample: string; category: string; count: number; share: number };

function shareSums(values: { sample: string; share: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const v of values) sums.set(v.sample, (sums.get(v.sample) ?? 0) + v.share);
  return sums;
}

Deno.test("distributionChart() histograms each numeric sample as shares that sum to 1", () => {
  const values = dataValues(
    distributionChart([1, 2, 2, 3, 9], Float32Array.of(5, 6, 7), { bins: 4 }),
  ) as Bin[];
  assertEquals(values.length, 8);
  for (const sum of shareSums(values).values()) assertAlmostEquals(sum, 1, 1e-12);
  assertEquals(values.filter((v) => v.sample.startsWith("Reference")).map((v) => v.count), [
    3, // [1, 3)
    1, // [3, 5)
    0,
    1, // [7, 9], the last bin is closed
  ]);
  assertEquals(values[0]!.lower, 1);
  assertEquals(values.at(-1)!.upper, 9);
});

Deno.test("distributionChart() leaves missing values out instead of counting them as 0", () => {
  const values = dataValues(distributionChart([1, 2, null, NaN], [1, 2], { bins: 2 })) as Bin[];
  assertEquals(values[0]!.sample, "Reference (n=2)");
  assertEquals(values.filter((v) => v.sample.startsWith("Reference")).map((v) => v.count), [1, 1]);
});

Deno.test("distributionChart() bins on given edges, counting values outside them in the end bins", () => {
  const values = dataValues(distributionChart([0, 1, 2], [-10, 10], { edges: [0, 1, 2] })) as Bin[];
  assertEquals(values.map((v) => [v.sample, v.lower, v.count]), [
    ["Reference (n=3)", 0, 1],
    ["Reference (n=3)", 1, 2],
    ["Current (n=2)", 0, 1],
    ["Current (n=2)", 1, 1],
  ]);
});

Deno.test("distributionChart() draws categories by reference share and merges the rarest", () => {
  const ref = ["a", "b", "b", "c", "c", "c", "d", null];
  const cur = ["d", "d", "e", "", undefined];
  const values = dataValues(distributionChart(ref, cur, { maxCategories: 3 })) as Bar[];
  const current = values.filter((v) => v.sample.startsWith("Current"));
  assertEquals(current.map((v) => [v.category, v.count]), [["c", 0], ["b", 0], ["(other)", 3]]);
  assertEquals(values.filter((v) => v.sample.startsWith("Reference")).map((v) => v.count), [
    3,
    2,
    2,
  ]);
  assertEquals(current[0]!.sample, "Current (n=3)");
  for (const sum of shareSums(values).values()) assertAlmostEquals(sum, 1, 1e-12);
});

Deno.test("distributionChart() treats numbers as categories when asked", () => {
  const values = dataValues(distributionChart([1, 1, 2], [2], { kind: "categorical" })) as Bar[];
  assertEquals(values.map((v) => v.category), ["1", "2", "1", "2"]);
});

Deno.test("distributionChart() of empty samples is a valid spec with zero shares", () => {
  assertEquals(dataValues(distributionChart([], [], { bins: 3 })), []);
  const values = dataValues(distributionChart([1, 2], [], { bins: 2 })) as Bin[];
  assertEquals(values.filter((v) => v.sample === "Current (n=0)").map((v) => v.share), [0, 0]);
});

Deno.test("distributionChart() rejects bad bins, edges and category limits", () => {
  assertThrows(() => distributionChart([1], [2], { bins: 0 }), RangeError, "positive integer");
  assertThrows(() => distributionChart([1], [2], { edges: [1] }), RangeError, "Bin edges");
  assertThrows(() => distributionChart([1], [2], { edges: [0, 2, 1] }), RangeError, "increasing");
  assertThrows(
    () => distributionChart(["a"], ["b"], { maxCategories: 0 }),
    RangeError,
    "Category limit",
  );
});
