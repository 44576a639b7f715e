import { duplicateRows } from "../../lib/quality/duplicate_rows.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { GOLDEN } from "./_golden.ts";

Deno.test("duplicateRows() matches pandas' duplicated() on Iris and passes it", async () => {
  const { table } = await loadIris();
  const r = duplicateRows(table);
  assertEquals(r.details!.nDuplicates, GOLDEN.irisDuplicates);
  assertEquals(r.statistic, GOLDEN.irisDuplicates / 150);
  assert(!r.detected && r.status === "ok" && r.column === undefined);
});

Deno.test("duplicateRows() matches pandas with NaN equal to NaN and a column subset", () => {
  const { a, b, c } = GOLDEN.table.columns;
  const t = tableFromColumns({ a, b, c });
  assertEquals(duplicateRows(t).details!.nDuplicates, GOLDEN.table.duplicates);
  assertEquals(
    duplicateRows(t, { columns: ["a", "b"] }).details!.nDuplicates,
    GOLDEN.table.duplicatesAB,
  );
});

Deno.test("duplicateRows() catches a double load and lists the pairs", () => {
  const t = tableFromColumns({ x: [1, 2, 3, 1, 2, 3], s: ["a", "b", null, "a", "b", null] });
  const r = duplicateRows(t, { maxListed: 2 });
  assertEquals(r.statistic, 0.5);
  assertEquals(r.details!.examples, [{ row: 4, duplicateOf: 1 }, { row: 5, duplicateOf: 2 }]);
  assert(r.detected);
});

Deno.test("duplicateRows() treats -0 as 0, null as null, and null apart from empty text", () => {
  const t = tableFromColumns({ x: [0, -0, 0, 0], s: [null, null, "", "b"] });
  assertEquals(duplicateRows(t).details!.nDuplicates, 1);
});

Deno.test("duplicateRows() is exact on many distinct rows (no hash false positives)", () => {
  const random = seededRandom(7);
  const n = 50_000;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.floor(random() * 1000);
    y[i] = i; // every row distinct
  }
  assertEquals(duplicateRows(tableFromColumns({ x, y })).details!.nDuplicates, 0);
  const dup = duplicateRows(tableFromColumns({ x }));
  assertEquals(dup.details!.nDuplicates, n - new Set(x).size);
});

Deno.test("duplicateRows() of an empty table is an error and of a single row is 0", () => {
  assertEquals(duplicateRows(tableFromColumns({ x: [] })).status, "error");
  assertEquals(duplicateRows(tableFromColumns({ x: [1] })).statistic, 0);
  assertThrows(() => duplicateRows(tableFromColumns({ x: [1] }), { columns: ["z"] }), TypeError);
});
