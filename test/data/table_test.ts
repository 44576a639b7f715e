import { categoricalColumn, numericColumn, tableFromColumns } from "../../lib/data/table.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("tableFromColumns() converts numeric array-likes to Float64Array and keeps strings", () => {
  const t = tableFromColumns({
    a: [1, 2, null as unknown as number],
    b: new Int32Array([4, 5, 6]),
    c: ["x", null, "z"],
  });
  assertEquals(t.names, ["a", "b", "c"]);
  assertEquals(t.nRows, 3);
  assertEquals(t.columns.a, new Float64Array([1, 2, NaN]));
  assertEquals(t.columns.b, new Float64Array([4, 5, 6]));
  assertEquals(t.columns.c, ["x", null, "z"]);
});

Deno.test("tableFromColumns() keeps Float64Array columns without copying", () => {
  const x = new Float64Array([1, 2]);
  assert(tableFromColumns({ x }).columns.x === x);
});

Deno.test("tableFromColumns() of no columns is an empty table", () => {
  assertEquals(tableFromColumns({}), { names: [], columns: {}, nRows: 0 });
  assertEquals(tableFromColumns({ e: [] }).columns.e, new Float64Array(0));
  assertEquals(tableFromColumns({ n: [null, null] }).columns.n, [null, null]);
});

Deno.test("tableFromColumns() rejects unequal lengths, naming the column", () => {
  assertThrows(
    () => tableFromColumns({ a: [1, 2], b: [1, 2, 3] }),
    TypeError,
    'column "b" has 3 rows, column "a" has 2',
  );
});

Deno.test("tableFromColumns() rejects mixed or non-array columns, naming the column", () => {
  assertThrows(
    () => tableFromColumns({ m: [1, "a"] as unknown as number[] }),
    TypeError,
    'column "m" mixes numbers and strings',
  );
  assertThrows(
    () => tableFromColumns({ o: [{}] as unknown as number[] }),
    TypeError,
    'column "o" row 1 is object',
  );
  assertThrows(
    () => tableFromColumns({ s: 5 as unknown as number[] }),
    TypeError,
    'column "s" is not an array',
  );
});

Deno.test("numericColumn() and categoricalColumn() return columns of their kind", () => {
  const t = tableFromColumns({ x: [1], s: ["a"] });
  assertEquals(numericColumn(t, "x"), new Float64Array([1]));
  assertEquals(categoricalColumn(t, "s"), ["a"]);
  assertThrows(
    () => numericColumn(t, "s"),
    TypeError,
    'Column "s" is categorical, expected numeric',
  );
  assertThrows(
    () => categoricalColumn(t, "x"),
    TypeError,
    'Column "x" is numeric, expected categorical',
  );
  assertThrows(
    () => numericColumn(t, "nope"),
    TypeError,
    'Table has no column "nope" (columns: x, s)',
  );
  assertThrows(() => categoricalColumn(t, "toString"), TypeError, 'no column "toString"');
});
