import { compareSources } from "../../lib/quality/compare_sources.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("compareSources() finds Iris consistent with a shuffled copy of itself", async () => {
  const { table } = await loadIris();
  const id = Float64Array.from({ length: 150 }, (_, i) => i);
  const a = tableFromColumns({ id, ...table.columns });
  const order = [...id].reverse();
  const b = tableFromColumns(
    Object.fromEntries(
      a.names.map((n) => {
        const c = a.columns[n]!;
        return [n, c instanceof Float64Array ? order.map((i) => c[i]!) : order.map((i) => c[i]!)];
      }),
    ),
  );
  const results = compareSources(a, b, { key: "id" });
  assertEquals(results.map((r) => r.method)[0], "source_unmatched_share");
  assertEquals(results.length, 6);
  assert(results.every((r) => r.statistic === 0 && !r.detected && r.status === "ok"));
});

Deno.test("compareSources() reports unmatched, missing and duplicated keys", () => {
  const a = tableFromColumns({ id: ["k1", "k2", "k2", "k3", null], x: [1, 2, 3, 4, 5] });
  const b = tableFromColumns({ id: ["k1", "k2", "k4", "k3"], x: [1, 2, 9, 4] });
  const [rows, x] = compareSources(a, b, { key: "id" });
  // matched one-to-one: k1, k3; unmatched rows: a k2 ×2, a null, b k2, b k4
  assertEquals(rows!.statistic, 5 / 9);
  const d = rows!.details!;
  assertEquals([d.matched, d.keysOnlyInA, d.keysOnlyInB], [2, 0, 1]);
  assertEquals([d.duplicateKeyRowsA, d.duplicateKeyRowsB, d.missingKeysA], [2, 0, 1]);
  assertEquals(d.examples, { onlyInA: [], onlyInB: ["k4"], duplicatesA: ["k2"], duplicatesB: [] });
  assertEquals([x!.statistic, x!.nReference], [0, 2]);
});

Deno.test("compareSources() applies the tolerance relatively above 1 and absolutely below", () => {
  const a = tableFromColumns({ id: [1, 2, 3, 4, 5], x: [1e6, 1e6, 0.5, 0, NaN] });
  const b = tableFromColumns({
    id: [1, 2, 3, 4, 5],
    x: [1e6 + 5e-4, 1e6 + 2e-3, 0.5 + 5e-10, 2e-9, NaN],
  });
  const [, x] = compareSources(a, b, { key: "id" });
  assertEquals(x!.details!.mismatches, 2); // 2e-3 > 1e-9 × 1e6, 2e-9 > 1e-9
  assertEquals(x!.details!.examples, [{ key: 2, a: 1e6, b: 1e6 + 2e-3 }, {
    key: 4,
    a: 0,
    b: 2e-9,
  }]);
  assertEquals(x!.statistic, 0.4);
  const [, loose] = compareSources(a, b, { key: "id", tolerance: 1e-8 });
  assertEquals(loose!.statistic, 0);
});

Deno.test("compareSources() compares text, missing text equal to missing text", () => {
  const a = tableFromColumns({ id: [1, 2, 3], s: ["a", null, "c"] });
  const b = tableFromColumns({ id: [1, 2, 3], s: ["a", "", "C"] });
  const [, s] = compareSources(a, b, { key: "id" });
  assertEquals(s!.details!.mismatches, 1);
});

Deno.test("compareSources() reports one-sided and differently typed columns as errors", () => {
  const a = tableFromColumns({ id: [1], x: [1], only: [2], t: [3] });
  const b = tableFromColumns({ id: [1], x: [1], t: ["3"] });
  const results = compareSources(a, b, { key: "id" });
  const byColumn = Object.fromEntries(results.slice(1).map((r) => [r.column, r]));
  assertEquals(byColumn.only!.reason, 'Column "only" is only in a');
  assertEquals(byColumn.t!.reason, 'Column "t" is numeric in a and text in b');
  assertEquals(byColumn.x!.statistic, 0);
});

Deno.test("compareSources() of disjoint or empty sources", () => {
  const a = tableFromColumns({ id: [1], x: [1] });
  const b = tableFromColumns({ id: [2], x: [1] });
  const [rows, x] = compareSources(a, b, { key: "id" });
  assertEquals([rows!.statistic, rows!.detected, x!.status], [1, true, "error"]);
  const e = tableFromColumns({ id: [], x: [] });
  assertEquals(compareSources(e, e, { key: "id" })[0]!.status, "error");
});

Deno.test("compareSources() throws on a missing or mistyped key", () => {
  const a = tableFromColumns({ id: [1] });
  assertThrows(
    () => compareSources(a, tableFromColumns({ x: [1] }), { key: "id" }),
    TypeError,
    "missing from b",
  );
  assertThrows(
    () => compareSources(a, tableFromColumns({ id: ["1"] }), { key: "id" }),
    TypeError,
    'key column "id" is numeric in a and text in b',
  );
  assertThrows(() => compareSources(a, a, { key: "id", columns: ["q"] }), TypeError, '"q"');
});
