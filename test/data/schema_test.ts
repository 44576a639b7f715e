import { inferSchema } from "../../lib/data/schema.ts";
import { parseCsv } from "../../lib/data/csv.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { assertEquals } from "../_assert.ts";

/** The kind of each column, each in a table of its own (so lengths may differ). */
function kinds(columns: Record<string, number[] | (string | null)[]>): string[] {
  return Object.entries(columns).map(([name, values]) =>
    inferSchema(tableFromColumns({ [name]: values })).columns[0]!.kind
  );
}

Deno.test("inferSchema() calls 0/1 numeric columns boolean and other numbers numeric", () => {
  assertEquals(kinds({ a: [0, 1, NaN, 1], b: [0, 1, 2], c: [0.5], d: [NaN, NaN], e: [] }), [
    "boolean",
    "numeric",
    "numeric",
    "numeric",
    "numeric",
  ]);
});

Deno.test("inferSchema() calls true/false text boolean and other text categorical", () => {
  assertEquals(kinds({ a: ["true", "FALSE", null], b: ["yes", "no"], c: [null, null] }), [
    "boolean",
    "categorical",
    "categorical",
  ]);
});

Deno.test("inferSchema() lists columns in table order with their names", () => {
  const t = parseCsv("species,petal_length,is_test\nsetosa,1.4,0\nvirginica,5.1,1\n");
  assertEquals(inferSchema(t), {
    columns: [
      { name: "species", kind: "categorical", nonNumeric: [] },
      { name: "petal_length", kind: "numeric", nonNumeric: [] },
      { name: "is_test", kind: "boolean", nonNumeric: [] },
    ],
  });
});
