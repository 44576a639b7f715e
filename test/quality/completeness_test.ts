import { completeness, countMissing } from "../../lib/quality/completeness.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { GOLDEN } from "./_golden.ts";

Deno.test("countMissing() counts NaN, ±Infinity, null and empty strings, not blanks", () => {
  assertEquals(countMissing(new Float64Array([1, NaN, -Infinity, 0])), 2);
  assertEquals(countMissing(["a", null, "", " ", "NA"]), 2);
  assertEquals(countMissing([]), 0);
  assertThrows(() => countMissing([1, {} as unknown as number]), TypeError, "row 2 is object");
});

Deno.test("completeness() matches pandas' missing shares (NaN, empty string)", () => {
  const { a, b, c } = GOLDEN.table.columns;
  const results = completeness(tableFromColumns({ a, b, c }));
  for (const r of results) {
    assertAlmostEquals(r.statistic, GOLDEN.table.missingShare[r.column!]!, 1e-15, r.column);
    assertEquals(r.method, "missing_share");
    assertEquals(r.status, "ok");
  }
});

Deno.test("completeness() passes clean Iris against its own profile", async () => {
  const { table } = await loadIris();
  const results = completeness(table, { profile: buildProfile(table) });
  assertEquals(results.length, 5);
  assert(results.every((r) => r.statistic === 0 && !r.detected));
});

Deno.test("completeness() flags a share above the reference share plus maxIncrease", () => {
  const reference = tableFromColumns({ x: [1, NaN, 3, 4, 5, 6, 7, 8, 9, 10] }); // 10 % missing
  const profile = buildProfile(reference);
  const ok = tableFromColumns({ x: [1, 2, NaN, 4, 5, 6, 7, 8, 9, 10] }); // 10 %
  const bad = tableFromColumns({ x: [NaN, NaN, 3, 4, 5, 6, 7, 8, 9, 10] }); // 20 %
  const [r1] = completeness(ok, { profile });
  const [r2] = completeness(bad, { profile });
  assertAlmostEquals(r1!.threshold, 0.15, 1e-15);
  assert(!r1!.detected && r2!.detected);
  assertAlmostEquals(r2!.details!.change as number, 0.1, 1e-15);
  assertEquals(r2!.details!.referenceShare, 0.1);
  assertEquals(r2!.details!.nMissing, 2);
  const [r3] = completeness(ok, { profile, maxIncrease: 0 });
  assert(!r3!.detected, "equal share is not an increase");
});

Deno.test("completeness() reports an all-missing column and errors on an empty table", () => {
  const [all] = completeness(tableFromColumns({ x: [NaN, NaN] }));
  assertEquals([all!.statistic, all!.detected], [1, true]);
  const [empty] = completeness(tableFromColumns({ x: [] }));
  assertEquals(empty!.status, "error");
  assert(Number.isNaN(empty!.statistic) && !empty!.detected);
  assertEquals(empty!.reason, 'Column "x" has no rows');
});

Deno.test("completeness() rejects misuse", () => {
  const t = tableFromColumns({ x: [1] });
  assertThrows(() => completeness(t, { columns: ["y"] }), TypeError, 'no column "y"');
  assertThrows(() => completeness(t, { maxIncrease: 2 }), RangeError, "maxIncrease");
  assertThrows(
    () => completeness({ names: ["x"], columns: { x: new Float64Array(2) }, nRows: 3 }),
    TypeError,
    'column "x" has 2 rows, table has 3',
  );
});
