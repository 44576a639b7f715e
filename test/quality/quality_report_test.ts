import { qualityReport } from "../../lib/quality/quality_report.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { parseCsv } from "../../lib/data/csv.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("qualityReport() passes clean Iris against its own profile", async () => {
  const { table } = await loadIris();
  const results = qualityReport(table, buildProfile(table));
  assert(results.every((r) => r.status === "ok" && !r.detected && r.kind === "quality"));
  const methods = [...new Set(results.map((r) => r.method))];
  assertEquals(methods, [
    "row_count_change",
    "schema",
    "duplicate_row_share",
    "missing_share",
    "out_of_range_share",
    "unseen_category_share",
    "majority_share",
  ]);
  assertEquals(results.length, 1 + 5 + 1 + 5 + 4 + 1 + 5);
  // results are data: JSON round trip keeps them
  assertEquals(JSON.parse(JSON.stringify(results)), results);
});

Deno.test("qualityReport() survives a bad window: every problem reported, nothing thrown", async () => {
  const { table } = await loadIris();
  const profile = buildProfile(table);
  const csv = [
    "sepal_length,sepal_width,petal_length,species,extra",
    "5.1,3.5,14,setosa,1",
    "5.1,3.5,14,setosa,1",
    "broken,3.0,15,roses,1",
    "4.9,,16,setosa,1",
  ].join("\n");
  const results = qualityReport(parseCsv(csv), profile);
  const detected = results.filter((r) => r.detected).map((r) => `${r.method}:${r.column ?? "-"}`);
  assertEquals(detected, [
    "row_count_change:-",
    "schema:sepal_length",
    "schema:petal_width",
    "schema:extra",
    "duplicate_row_share:-",
    "missing_share:sepal_width",
    "out_of_range_share:petal_length",
    "unseen_category_share:species",
  ]);
  const range = results.find((r) =>
    r.method === "out_of_range_share" && r.column === "sepal_length"
  );
  assertEquals(range!.status, "error");
  assertEquals(
    range!.reason,
    'Column "sepal_length" holds text where numbers are expected (row 3 is "broken")',
  );
  assert(!results.some((r) => r.column === "petal_width" && r.method !== "schema"));
});

Deno.test("qualityReport() gives error results for an empty window and an all-missing column", () => {
  const profile = buildProfile(tableFromColumns({ x: [1, 2, 3], c: ["a", "b", "a"] }));
  const empty = qualityReport(tableFromColumns({ x: [], c: [] as string[] }), profile);
  const errors = empty.filter((r) => r.status === "error").map((r) =>
    `${r.method}:${r.column ?? "-"}`
  );
  assertEquals(errors, [
    "duplicate_row_share:-",
    "missing_share:x",
    "missing_share:c",
    "out_of_range_share:x",
    "unseen_category_share:c",
    "majority_share:x",
    "majority_share:c",
  ]);
  assert(empty[0]!.detected, "an empty window is a volume problem");
  const allMissing = qualityReport(
    tableFromColumns({ x: [NaN, NaN, NaN], c: ["b", "a", "a"] }),
    profile,
  );
  const x = allMissing.filter((r) => r.column === "x");
  assertEquals(x.map((r) => r.status), ["ok", "ok", "error", "error"]);
  assertEquals(allMissing.filter((r) => r.column === "c").every((r) => r.status === "ok"), true);
});

Deno.test("qualityReport() runs a single row and honours columns and skipped checks", () => {
  const profile = buildProfile(tableFromColumns({ x: [1, 2, 3], c: ["a", "b", "a"] }));
  const one = qualityReport(tableFromColumns({ x: [2], c: ["a"] }), profile, {
    volume: { expected: 1 },
  });
  assertEquals(one.filter((r) => r.status === "error").map((r) => r.method), [
    "majority_share",
    "majority_share",
  ]);
  const only = qualityReport(tableFromColumns({ x: [2], c: ["a"] }), profile, {
    columns: ["x"],
    volume: false,
    duplicateRows: false,
    constantColumns: false,
  });
  assertEquals(only.map((r) => r.method), ["schema", "missing_share", "out_of_range_share"]);
});

Deno.test("qualityReport() throws on misuse", () => {
  const profile = buildProfile(tableFromColumns({ x: [1, 2] }));
  const t = tableFromColumns({ x: [1] });
  assertThrows(
    () => qualityReport(t, profile, { columns: ["y"] }),
    TypeError,
    '"y" is not in the profile',
  );
  assertThrows(() => qualityReport(t, {} as typeof profile), TypeError, "version 1 profile");
  assertThrows(
    () => qualityReport({ names: ["x"], columns: { x: new Float64Array(3) }, nRows: 1 }, profile),
    TypeError,
    'column "x" has 3 rows, table has 1',
  );
  assertThrows(() => qualityReport(t, profile, { outOfRange: { maxShare: 3 } }), RangeError);
});
