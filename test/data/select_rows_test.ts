import { assertEquals, assertThrows } from "../_assert.ts";
import { selectRows, selectValues } from "../../lib/data/select_rows.ts";
import { trainTestSplit } from "../../lib/data/split.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { tableFromColumns } from "../../lib/data/table.ts";

const table = tableFromColumns({ x: [1.5, NaN, 3, 4], label: ["a", null, "c", "d"] });

Deno.test("selectRows() keeps column order and types, in the order of the indices", () => {
  const picked = selectRows(table, [3, 1, 3]);
  assertEquals(picked.names, ["x", "label"]);
  assertEquals(picked.nRows, 3);
  assertEquals(picked.columns.x, Float64Array.from([4, NaN, 4]));
  assertEquals(picked.columns.label, ["d", null, "d"]);
});

Deno.test("selectRows() with no indices is an empty table with the same columns", () => {
  const empty = selectRows(table, []);
  assertEquals(empty.names, ["x", "label"]);
  assertEquals(empty.nRows, 0);
});

Deno.test("selectRows() copies: editing the selection leaves the input unchanged", () => {
  const picked = selectRows(table, [0]);
  (picked.columns.x as Float64Array)[0] = 99;
  (picked.columns.label as (string | null)[])[0] = "z";
  assertEquals(table.columns.x![0], 1.5);
  assertEquals(table.columns.label![0], "a");
});

Deno.test("selectRows() of a split's train and test indices partitions the table", async () => {
  const iris = await loadIris();
  const split = trainTestSplit(iris.table.nRows, { testSize: 50, seed: 7, stratify: iris.y });
  const train = selectRows(iris.table, split.train);
  const test = selectRows(iris.table, split.test);
  assertEquals(train.nRows + test.nRows, iris.table.nRows);
  for (const [part, indices] of [[train, split.train], [test, split.test]] as const) {
    indices.forEach((row, k) => {
      for (const name of iris.table.names) {
        assertEquals(part.columns[name]![k], iris.table.columns[name]![row], `${name}[${k}]`);
      }
    });
  }
});

Deno.test("selectRows() rejects an index outside the table, naming its position and value", () => {
  assertThrows(() => selectRows(table, [0, 4]), RangeError, "index 1 is 4");
  assertThrows(() => selectRows(table, [-1]), RangeError, "index 0 is -1");
  assertThrows(() => selectRows(table, [0.5]), RangeError, "0.5");
  assertThrows(() => selectRows(table, [NaN]), RangeError, "NaN");
});

Deno.test("selectValues() selects entries of arrays and typed arrays, same objects", () => {
  const rows = [[1, 2], [3, 4], [5, 6]];
  const picked = selectValues(rows, [2, 0]);
  assertEquals(picked, [[5, 6], [1, 2]]);
  assertEquals(picked[0] === rows[2], true);
  assertEquals(selectValues(Int32Array.from([7, 8, 9]), [1, 1]), [8, 8]);
  assertEquals(selectValues([], []), []);
});

Deno.test("selectValues() rejects an index outside the array", () => {
  assertThrows(() => selectValues([1, 2], [2]), RangeError, "[0, 1]");
});
