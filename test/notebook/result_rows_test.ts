import { assertEquals } from "../_assert.ts";
import { resultCell, resultNote, resultRows } from "../../lib/notebook/result_rows.ts";
import { markdownTable } from "../../lib/notebook/markdown.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import {
  buildProfile,
  columnDrift,
  compareSources,
  completeness,
  constantColumns,
  duplicateRows,
  outOfRange,
  schemaConsistency,
  unseenCategories,
  volume,
} from "../../lib/mod.ts";

const reference = tableFromColumns({ x: [1, 2, 3, 4], s: ["a", "b", "a", "b"] });
const profile = buildProfile(reference);

Deno.test("resultRows() lays out one row per result with the rule and the verdict", () => {
  const window = tableFromColumns({ x: [1, NaN, 30, 4], s: ["a", "c", "c", "b"] });
  const rows = resultRows([
    ...completeness(window, { profile, columns: ["x"] }),
    volume(window, { expected: 10 }),
  ]);
  assertEquals(rows, [
    {
      check: "missing_share",
      column: "x",
      statistic: 0.25,
      "problem when": "> 0.05",
      detected: "**yes**",
      note: "1 missing",
    },
    {
      check: "row_count_change",
      column: "(table)",
      statistic: 0.6,
      "problem when": "> 0.5",
      detected: "**yes**",
      note: "4 rows, expected 10",
    },
  ]);
});

Deno.test("resultRows() shows an error result as 'error' with its reason", () => {
  const [row] = resultRows([volume(3)]);
  assertEquals(row!.statistic, "error");
  assertEquals(row!.detected, "no");
  assertEquals(row!.note, "No expected row count (pass expected)");
});

Deno.test("resultNote() names the detail of every quality check", () => {
  const window = tableFromColumns({ x: [1, 1, 30, 0], s: ["a", "a", "c", "c"] });
  const notes = [
    ...outOfRange(window, { profile }),
    ...unseenCategories(window, profile),
    duplicateRows(window),
    ...constantColumns(tableFromColumns({ k: [5, 5, 5] })),
    ...schemaConsistency(tableFromColumns({ x: ["1", "n/a"] }), profile),
  ].map(resultNote);
  assertEquals(notes, [
    "1 below 1, 1 above 4",
    '2 × "c"',
    "1 repeated rows",
    "3 × 5",
    notes[4]!,
    "missing",
  ]);
  assertEquals(notes[4]!.includes('"n/a"'), true, notes[4]);
});

Deno.test("resultNote() counts matched rows and differing values of two sources", () => {
  const a = tableFromColumns({ id: [1, 2, 3], v: [1, 2, 3] });
  const b = tableFromColumns({ id: [1, 2], v: [1, 5] });
  assertEquals(compareSources(a, b, { key: "id" }).map(resultNote), [
    "2 rows matched one to one",
    "1 differing values",
  ]);
});

Deno.test("resultNote() gives a drift test's p-value; resultCell() the compact cell", () => {
  const drifted = columnDrift([1, 2, 3, 4, 5, 6, 7, 8], [11, 12, 13, 14, 15, 16, 17, 18], {
    method: "ks",
  });
  assertEquals(resultNote(drifted), `p = ${drifted.pValue!.toExponential(1)}`);
  assertEquals(
    resultCell(drifted),
    `${drifted.statistic.toFixed(3)} (p ${drifted.pValue!.toExponential(1)}) ✔`,
  );
  assertEquals(resultCell({ status: "ok", statistic: 0, detected: false }), "0.000");
  assertEquals(resultCell({ status: "error", statistic: NaN, detected: false }), "error");
  assertEquals(
    resultCell({ status: "ok", statistic: 0.12345, pValue: 0.5, detected: false }),
    "0.123 (p 0.500)",
  );
});

Deno.test("resultRows() feed markdownTable() directly, the rule and verdict as text", () => {
  const md = markdownTable(resultRows([volume(12, { expected: 50 })]));
  assertEquals(
    md.split("\n")[2],
    "| row_count_change | (table) | 0.7600 | > 0.5 | **yes** | 12 rows, expected 50 |",
  );
});
