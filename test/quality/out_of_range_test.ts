import { outOfRange, outOfRangeShare } from "../../lib/quality/out_of_range.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("outOfRangeShare() counts values below and above inclusive bounds, skipping missing", () => {
  const r = outOfRangeShare([0, 10, -0.1, 10.1, 5, NaN, null as unknown as number], {
    min: 0,
    max: 10,
  });
  assertEquals(r, { share: 2 / 5, nBelow: 1, nAbove: 1, n: 5 });
  assertEquals(outOfRangeShare([1, 2], { min: 3 }).nBelow, 2);
  assert(Number.isNaN(outOfRangeShare([], {}).share));
});

Deno.test("outOfRangeShare() throws on text, naming the row", () => {
  assertThrows(
    () => outOfRangeShare([1, "abc" as unknown as number], { min: 0 }),
    TypeError,
    'row 2 is "abc", expected a number',
  );
  assertThrows(() => outOfRangeShare([1], { min: 2, max: 1 }), RangeError, "invalid bounds");
});

Deno.test("outOfRange() passes clean Iris and flags a unit change", async () => {
  const { table } = await loadIris();
  const profile = buildProfile(table);
  const clean = outOfRange(table, { profile });
  assertEquals(clean.map((r) => r.column), [
    "sepal_length",
    "sepal_width",
    "petal_length",
    "petal_width",
  ]);
  assert(clean.every((r) => r.statistic === 0 && !r.detected && r.status === "ok"));
  // petal length in millimetres: the smallest (10 mm) is above the reference max of 6.9 cm
  const mm = Float64Array.from(table.columns.petal_length as Float64Array, (v) => v * 10);
  const [r] = outOfRange(tableFromColumns({ petal_length: mm }), {
    profile,
    columns: ["petal_length"],
  });
  assertEquals(r!.statistic, 1);
  assertEquals(r!.details!.nAbove, 150);
  assertEquals([r!.details!.min, r!.details!.max], [1, 6.9]);
  assert(r!.detected);
});

Deno.test("outOfRange() prefers declared ranges over the profile", () => {
  const profile = buildProfile(tableFromColumns({ age: [20, 30, 40] }));
  const t = tableFromColumns({ age: [10, 50, 60, 70] });
  const [fromProfile] = outOfRange(t, { profile });
  const [declared] = outOfRange(t, { profile, ranges: { age: { min: 0, max: 120 } } });
  assertEquals(fromProfile!.statistic, 1);
  assertEquals([declared!.statistic, declared!.details!.source], [0, "declared"]);
  const [open] = outOfRange(t, { ranges: { age: { max: 55 } } });
  assertEquals([open!.statistic, open!.details!.min], [0.5, null]);
});

Deno.test("outOfRange() gives error results for absent, mistyped and empty columns", () => {
  const profile = buildProfile(
    tableFromColumns({ a: [1, 2], b: [1, 2], c: [1, 2], d: [NaN, NaN] }),
  );
  const t = tableFromColumns({ b: ["1", "x"], c: [NaN, NaN], d: [1, 2] });
  const [a, b, c, d] = outOfRange(t, { profile });
  assertEquals(a!.reason, 'Column "a" is missing');
  assertEquals(b!.reason, 'Column "b" holds text where numbers are expected (row 2 is "x")');
  assertEquals(c!.reason, 'Column "c" has no finite values');
  assertEquals(d!.reason, 'Reference column "d" has no finite values');
  assert([a, b, c, d].every((r) => r!.status === "error" && !r!.detected));
});

Deno.test("outOfRange() of a single row and an empty table", () => {
  const profile = buildProfile(tableFromColumns({ x: [1, 2] }));
  assertEquals(outOfRange(tableFromColumns({ x: [3] }), { profile })[0]!.statistic, 1);
  assertEquals(outOfRange(tableFromColumns({ x: [] }), { profile })[0]!.status, "error");
  assertThrows(() => outOfRange(tableFromColumns({ x: [] }), { maxShare: -1 }), RangeError);
});
