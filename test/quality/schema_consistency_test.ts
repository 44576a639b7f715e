import { schemaConsistency } from "../../lib/quality/schema_consistency.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { parseCsv } from "../../lib/data/csv.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals } from "../_assert.ts";

Deno.test("schemaConsistency() passes clean Iris against its own profile", async () => {
  const { table } = await loadIris();
  const results = schemaConsistency(table, buildProfile(table));
  assertEquals(results.map((r) => r.column), table.names);
  assert(results.every((r) => r.statistic === 0 && !r.detected && r.details!.problem === null));
});

Deno.test("schemaConsistency() reports missing, unexpected and mistyped columns", () => {
  const profile = buildProfile(tableFromColumns({ a: [1, 2], b: ["x", "y"], c: [3, 4] }));
  const current = parseCsv("a,b,d\n1,5,7\nn/a,6,8\n");
  const results = schemaConsistency(current, profile);
  const byColumn = Object.fromEntries(results.map((r) => [r.column, r]));
  assertEquals(byColumn.a!.details!.problem, "mistyped");
  assertEquals(byColumn.a!.details!.row, 2);
  assertEquals(byColumn.a!.details!.value, "n/a");
  assertEquals(
    byColumn.a!.details!.message,
    'Column "a" holds text where numbers are expected (row 2 is "n/a")',
  );
  assertEquals(byColumn.b!.details!.problem, "mistyped");
  assertEquals(byColumn.b!.details!.found, "number");
  assertEquals(byColumn.c!.details!.problem, "missing");
  assertEquals(byColumn.d!.details!.problem, "unexpected");
  assert(results.every((r) => r.detected && r.statistic === 1 && r.status === "ok"));
  const allowed = schemaConsistency(current, profile, { allowUnexpected: true });
  assert(!allowed.find((r) => r.column === "d")!.detected);
});

Deno.test("schemaConsistency() names the first text row even when it reads as a number", () => {
  const profile = buildProfile(tableFromColumns({ a: [1, 2] }));
  const [r] = schemaConsistency(tableFromColumns({ a: [null, "1.5", "2"] }), profile);
  assertEquals([r!.details!.problem, r!.details!.row], ["mistyped", 2]);
});

Deno.test("schemaConsistency() accepts an all-missing column of either storage", () => {
  const profile = buildProfile(tableFromColumns({ a: [1, 2], s: ["x", "y"] }));
  const current = tableFromColumns({ a: [null, ""], s: [NaN, NaN] });
  assert(schemaConsistency(current, profile).every((r) => !r.detected));
});

Deno.test("schemaConsistency() of an empty table reports every profile column missing", () => {
  const profile = buildProfile(tableFromColumns({ a: [1], b: ["x"] }));
  const results = schemaConsistency(tableFromColumns({}), profile);
  assertEquals(results.map((r) => r.details!.problem), ["missing", "missing"]);
});
