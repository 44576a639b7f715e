import { unseenCategories } from "../../lib/quality/unseen_categories.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("unseenCategories() passes clean Iris species", async () => {
  const { table } = await loadIris();
  const results = unseenCategories(table, buildProfile(table));
  assertEquals(results.length, 1);
  assertEquals([results[0]!.column, results[0]!.statistic, results[0]!.detected], [
    "species",
    0,
    false,
  ]);
  assertEquals(results[0]!.nCurrent, 150);
});

Deno.test("unseenCategories() flags new values, listing the most frequent first", () => {
  const profile = buildProfile(tableFromColumns({ c: ["a", "b", "a"] }));
  const current = tableFromColumns({ c: ["a", "x", "y", "y", "z", "y", "x", null, ""] });
  const [r] = unseenCategories(current, profile, { maxListed: 2 });
  assertEquals(r!.statistic, 6 / 7);
  assertEquals(r!.details!.nDistinctUnseen, 3);
  assertEquals(r!.details!.unseen, [{ value: "y", count: 3 }, { value: "x", count: 2 }]);
  assert(r!.detected);
  const [tolerant] = unseenCategories(current, profile, { maxShare: 0.9 });
  assert(!tolerant!.detected);
});

Deno.test("unseenCategories() compares numeric categories by value, whatever the storage", () => {
  const profile = buildProfile(tableFromColumns({ code: [1, 2, 2] }), {
    kinds: { code: "categorical" },
  });
  const [numbers] = unseenCategories(tableFromColumns({ code: [1, 2, 3, -0] }), profile);
  assertEquals([numbers!.statistic, numbers!.details!.unseen], [0.5, [
    { value: "3", count: 1 },
    { value: "0", count: 1 },
  ]]);
  const [text] = unseenCategories(tableFromColumns({ code: ["1", "2", "3"] }), profile);
  assertEquals(text!.statistic, 1 / 3);
});

Deno.test("unseenCategories() gives error results for absent and all-missing columns", () => {
  const profile = buildProfile(tableFromColumns({ a: ["x"], b: ["y"], n: [1.5] }));
  const results = unseenCategories(tableFromColumns({ b: [null, ""] }), profile);
  assertEquals(results.map((r) => r.reason), ['Column "a" is missing', 'Column "b" has no values']);
  assertThrows(
    () => unseenCategories(tableFromColumns({}), profile, { columns: ["n"] }),
    TypeError,
    'no column "n"',
  );
});
