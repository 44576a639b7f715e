import { assertEquals, assertThrows } from "../_assert.ts";
import { formatCell, markdownTable } from "../../lib/notebook/markdown.ts";

Deno.test("formatCell() escapes pipes and backslashes and flattens line breaks", () => {
  assertEquals(formatCell("a|b", 4), "a\\|b");
  assertEquals(formatCell("C:\\x", 4), "C:\\\\x");
  assertEquals(formatCell("two\nlines\r\nhere", 4), "two lines here");
});

Deno.test("formatCell() prints integers as is and other numbers to fixed digits", () => {
  assertEquals(formatCell(150, 4), "150");
  assertEquals(formatCell(-0, 4), "0");
  assertEquals(formatCell(0.123456, 4), "0.1235");
  assertEquals(formatCell(2.5, 0), "3");
  assertEquals(formatCell(1 / 3, 2), "0.33");
});

Deno.test("formatCell() keeps tiny non-zero numbers visible in exponent form", () => {
  assertEquals(formatCell(1.234e-7, 4), "1.234e-7");
  assertEquals(formatCell(-0.00004, 4), "-4.000e-5");
  assertEquals(formatCell(0.00005, 4), "0.0001"); // rounds to a visible value: fixed digits
});

Deno.test("formatCell() shows NaN as NaN, missing values as a dash", () => {
  assertEquals(formatCell(NaN, 4), "NaN");
  assertEquals(formatCell(Infinity, 4), "Infinity");
  assertEquals(formatCell(-Infinity, 4), "-Infinity");
  assertEquals(formatCell(null, 4), "—");
  assertEquals(formatCell(undefined, 4), "—");
});

Deno.test("formatCell() prints dates as ISO, booleans as words and objects as JSON", () => {
  assertEquals(formatCell(new Date(Date.UTC(2026, 11, 1)), 4), "2026-12-01T00:00:00.000Z");
  assertEquals(formatCell(true, 4), "true");
  assertEquals(formatCell({ a: [1, "|"] }, 4), '{"a":[1,"\\|"]}');
  assertEquals(formatCell(10n, 4), "10");
});

Deno.test("markdownTable() right-aligns numeric columns and fills absent keys with a dash", () => {
  const md = markdownTable([{ name: "x", n: 1 }, { name: "y|z", n: null, extra: true }]);
  assertEquals(
    md,
    [
      "| name | n | extra |",
      "| --- | ---: | --- |",
      "| x | 1 | — |",
      "| y\\|z | — | true |",
    ].join("\n"),
  );
});

Deno.test("markdownTable() shows only the requested columns, in order", () => {
  assertEquals(
    markdownTable([{ a: 1, b: 0.25, c: "no" }], { columns: ["b", "a"], digits: 1 }),
    "| b | a |\n| ---: | ---: |\n| 0.3 | 1 |",
  );
});

Deno.test("markdownTable() of no rows is a header, and of no columns is empty", () => {
  assertEquals(markdownTable([], { columns: ["a"] }), "| a |\n| --- |");
  assertEquals(markdownTable([]), "");
});

Deno.test("markdownTable() rejects digits outside 0–20", () => {
  assertThrows(() => markdownTable([{ a: 1 }], { digits: -1 }), RangeError, "got -1");
  assertThrows(() => markdownTable([{ a: 1 }], { digits: 1.5 }), RangeError, "1.5");
});
