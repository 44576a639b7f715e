import { assertEquals, assertThrows } from "../_assert.ts";
import { schemaChart } from "../../lib/charts/schema_chart.ts";
import { dataValues } from "./_spec_check.ts";

Deno.test("schemaChart() names each problem and marks its row, three cells per column", () => {
  const values = dataValues(schemaChart([
    { column: "a", expected: "number", found: "number" },
    { column: "b", expected: "number", found: "string" },
    { column: "c", expected: "string", found: null },
    { column: "d", expected: null, found: "number", note: "new in the export" },
  ]));
  assertEquals(values.length, 12);
  assertEquals(values.filter((v) => v.cell === "Verdict").map((v) => v.text), [
    "ok",
    "mistyped",
    "missing",
    "unexpected: new in the export",
  ]);
  assertEquals(values.filter((v) => v.cell === "Window").map((v) => v.text), [
    "number",
    "string",
    "—",
    "number",
  ]);
  assertEquals(
    values.filter((v) => v.problem === "Problem").map((v) => v.column),
    ["b", "b", "b", "c", "c", "c", "d", "d", "d"],
  );
});

Deno.test("schemaChart() grows with the number of columns, keeping input order", () => {
  const columns = Array.from({ length: 10 }, (_, i) => ({
    column: `c${9 - i}`,
    expected: "number",
    found: "number",
  }));
  const spec = schemaChart(columns) as unknown as {
    height: number;
    encoding: { y: { sort: string[] } };
  };
  assertEquals(spec.height, 280);
  assertEquals(spec.encoding.y.sort, columns.map((c) => c.column));
});

Deno.test("schemaChart() rejects a column with neither type", () => {
  assertThrows(
    () => schemaChart([{ column: "ghost", expected: null, found: null }]),
    TypeError,
    '"ghost"',
  );
});
