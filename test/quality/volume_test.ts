import { volume } from "../../lib/quality/volume.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("volume() passes Iris against its own profile", async () => {
  const { table } = await loadIris();
  const r = volume(table, { profile: buildProfile(table) });
  assertEquals([r.statistic, r.detected, r.nReference, r.nCurrent], [0, false, 150, 150]);
});

Deno.test("volume() flags too few and too many rows, with the tolerance inclusive", () => {
  assert(volume(49, { expected: 100 }).detected);
  assert(!volume(50, { expected: 100 }).detected);
  assert(!volume(150, { expected: 100 }).detected);
  const many = volume(151, { expected: 100 });
  assert(many.detected);
  assertEquals(many.details!.relativeChange, 151 / 100 - 1);
  assert(!volume(151, { expected: 100, tolerance: 0.6 }).detected);
});

Deno.test("volume() prefers a declared expected count over the profile's", () => {
  const profile = buildProfile(tableFromColumns({ x: [1, 2, 3, 4] }));
  const t = tableFromColumns({ x: [1, 2] });
  assertEquals(volume(t, { profile }).statistic, 0.5);
  const r = volume(t, { profile, expected: 2 });
  assertEquals([r.statistic, r.details!.source], [0, "declared"]);
});

Deno.test("volume() errors without an expected count or with 0, flags an empty window", () => {
  assertEquals(volume(10).status, "error");
  assertEquals(volume(10, { expected: 0 }).reason, "Expected row count is 0");
  assertEquals([volume(0, { expected: 5 }).statistic, volume(0, { expected: 5 }).detected], [
    1,
    true,
  ]);
  assertThrows(() => volume(-1), TypeError);
  assertThrows(() => volume(1, { expected: 1.5 }), RangeError);
});
