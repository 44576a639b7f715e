import { constantColumns } from "../../lib/quality/constant_columns.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("constantColumns() passes clean Iris", async () => {
  const { table } = await loadIris();
  const results = constantColumns(table);
  assertEquals(results.length, 5);
  assert(results.every((r) => !r.detected && r.status === "ok" && r.operator === ">="));
});

Deno.test("constantColumns() flags a single distinct value, ignoring missing ones", () => {
  const t = tableFromColumns({
    n: [3, NaN, 3, 3],
    s: ["on", null, "on", ""],
    z: [0, -0, 0, 0],
    v: [1, 2, 1, 1],
  });
  const [n, s, z, v] = constantColumns(t);
  assertEquals([n!.statistic, n!.details!.value, n!.nCurrent], [1, 3, 3]);
  assertEquals([s!.statistic, s!.details!.value], [1, "on"]);
  assert(n!.detected && s!.detected && z!.detected);
  assertEquals([v!.statistic, v!.detected], [0.75, false]);
});

Deno.test("constantColumns() flags near-constant columns with minShare", () => {
  const values = [...Array(100)].map((_, i) => (i < 96 ? "default" : `v${i}`));
  const [r] = constantColumns(tableFromColumns({ c: values }), { minShare: 0.95 });
  assertEquals([r!.statistic, r!.detected, r!.details!.count], [0.96, true, 96]);
  const [strict] = constantColumns(tableFromColumns({ c: values }));
  assert(!strict!.detected);
});

Deno.test("constantColumns() reports 0 when no value holds a majority", () => {
  const [r] = constantColumns(tableFromColumns({ c: ["a", "b", "a", "b"] }));
  assertEquals([r!.statistic, r!.details!.value], [0, null]);
});

Deno.test("constantColumns() gives an error for fewer than two values", () => {
  const t = tableFromColumns({ one: [5, NaN, NaN], none: [NaN, NaN, NaN] });
  const [one, none] = constantColumns(t);
  assertEquals(one!.reason, 'Column "one" has fewer than 2 values');
  assertEquals([none!.status, none!.detected], ["error", false]);
  assertEquals(constantColumns(tableFromColumns({ x: [] }))[0]!.status, "error");
  assertThrows(() => constantColumns(t, { minShare: 0.5 }), RangeError, "(0.5, 1]");
});
