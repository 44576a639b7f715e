import { batchRows, validateBatch } from "../../lib/monitor/batch.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("validateBatch() keeps X as given and reports its shape", () => {
  const X = Float64Array.from([1, 2, 3, 4, 5, 6]);
  const flat = validateBatch({ X, nFeatures: 3, y: [0, 1] }, 2);
  assertEquals([flat.n, flat.nFeatures], [2, 3]);
  assert(flat.X === X);
  const rows = [[1, 2], [3, 4], [5, 6]];
  const byRow = validateBatch({ X: rows, y: Int32Array.from([0, 1, 2]) }, 3);
  assertEquals([byRow.n, byRow.nFeatures], [3, 2]);
  assert(byRow.X === rows);
});

Deno.test("batchRows() views a flat X row by row without copying the values", () => {
  const X = Float64Array.from([1, 2, 3, 4, 5, 6]);
  const rows = batchRows(validateBatch({ X, nFeatures: 3, y: [0, 1] }, 2));
  assertEquals(Array.from(rows, (r) => Array.from(r)), [[1, 2, 3], [4, 5, 6]]);
  assert((rows[1] as Float64Array).buffer === X.buffer, "rows are views of X");
  const tail = batchRows(validateBatch({ X, nFeatures: 2, y: [0, 1, 1] }, 2), { start: 1, end: 3 });
  assertEquals(Array.from(tail, (r) => Array.from(r)), [[3, 4], [5, 6]]);
});

Deno.test("batchRows() returns the rows themselves for the whole range, a slice otherwise", () => {
  const X = [[1, 2], [3, 4], [5, 6]];
  const batch = validateBatch({ X, y: [0, 1, 0] }, 2);
  assert(batchRows(batch) === X);
  assertEquals(batchRows(batch, { start: 1, end: 2 }), [[3, 4]]);
});

Deno.test("validateBatch() rejects malformed windows, naming what is wrong", () => {
  const flat = new Float64Array(4);
  const v = validateBatch;
  assertThrows(() => v(null as never, 2), TypeError, "expected an object");
  assertThrows(() => v({ X: flat, y: [0, 1] }, 2), TypeError, "nFeatures");
  assertThrows(() => v({ X: flat, nFeatures: 3, y: [0, 1] }, 2), TypeError, "X has 4 values");
  assertThrows(() => v({ X: [[1], [2, 3]], y: [0, 1] }, 2), TypeError, "X row 1 has 2");
  assertThrows(() => v({ X: [[1]], nFeatures: 2, y: [0] }, 2), TypeError, "nFeatures is 2");
  assertThrows(() => v({ X: 5 as never, y: [0] }, 2), TypeError, "X must be an array of rows");
  assertThrows(() => v({ X: [[1]], y: [0.5] }, 2), RangeError, "y[0] is 0.5");
  assertThrows(() => v({ X: [[1]], y: [-2] }, 2), RangeError, "0..1 or -1");
  assertThrows(() => v({ X: [[1]], y: [0], proba: [0.5, 0.5] as never }, 2), TypeError, "proba");
  assertThrows(() => v({ X: [[1]], y: [0], proba: new Float64Array(3) }, 2), TypeError, "1 rows");
  assertThrows(
    () => v({ X: [[1]], proba: new Float64Array([0.5, NaN]) }, 2),
    RangeError,
    "proba row 0 class 1 is NaN",
  );
  assertThrows(() => v({ X: [], y: [] }, 2), RangeError, "no rows");
  assertThrows(() => v({ X: [[1]], y: 5 as never }, 2), TypeError, "y must be an array");
});

Deno.test("validateBatch() takes a window without labels, or with some still missing (-1)", () => {
  const none = validateBatch({ X: new Float64Array([1, 2, 3, 4, 5, 6]), nFeatures: 2 }, 3);
  assertEquals([none.n, none.labelled, Array.from(none.y)], [3, 0, [-1, -1, -1]]);
  const some = validateBatch({ X: [[1], [2], [3]], y: [2, -1, 0] }, 3);
  assertEquals([some.n, some.labelled], [3, 2]);
  const proba = new Float64Array([0.2, 0.8, 0.6, 0.4]);
  assert(validateBatch({ X: [[1], [2]], proba }, 2).proba === proba, "proba kept as given");
  assertThrows(() => validateBatch({ X: [] }, 2), RangeError, "no rows");
});
