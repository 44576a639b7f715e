import { parse } from "csv-parse/sync";
import { DEFAULT_MISSING, parseCsv, readCsv, readCsvBatches } from "../../lib/data/csv.ts";
import { type Table, tableFromColumns } from "../../lib/data/table.ts";
import { type DecimalCursor, scanDecimal } from "../../lib/data/_csv_number.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assert, assertEquals, assertRejects, assertThrows } from "../_assert.ts";

const FIXTURES = new URL("../fixtures/csv/", import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES);

/**
 * The reference reader: csv-parse splits the records (RFC 4180), and the typing policy documented
 * in lib/data/csv.ts is applied with `Number()` on whole strings.
 */
function referenceTable(text: string, delimiter = ","): Table {
  const records: string[][] = parse(text, { bom: true, delimiter, skip_empty_lines: true });
  const [header = [], ...rows] = records;
  const missing = new Set(DEFAULT_MISSING);
  const isNumber = (s: string) =>
    /^[ \t]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[ \t]*$/.test(s) && Number.isFinite(Number(s));
  const columns: Record<string, Float64Array | (string | null)[]> = {};
  header.forEach((name, j) => {
    const raw = rows.map((r) => r[j]!);
    if (raw.every((s) => missing.has(s) || isNumber(s))) {
      columns[name] = Float64Array.from(raw, (s) => (missing.has(s) ? NaN : Number(s)));
    } else columns[name] = raw.map((s) => (missing.has(s) ? null : s));
  });
  return tableFromColumns(columns);
}

async function withTempFile<T>(text: string, run: (path: string) => Promise<T>): Promise<T> {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  try {
    await Deno.writeTextFile(path, text);
    return await run(path);
  } finally {
    await Deno.remove(path);
  }
}

Deno.test("parseCsv() reads numeric columns into Float64Array and text into strings", () => {
  const t = parseCsv("x,y,label\n1,2.5,a\n-3,4e2,b\n");
  assertEquals(t.names, ["x", "y", "label"]);
  assertEquals(t.nRows, 2);
  assertEquals(t.columns.x, new Float64Array([1, -3]));
  assertEquals(t.columns.y, new Float64Array([2.5, 400]));
  assertEquals(t.columns.label, ["a", "b"]);
});

Deno.test("parseCsv() handles quoted delimiters, escaped quotes and quoted line breaks", () => {
  const t = parseCsv('a,b\n"x, y","say ""hi"""\n"line\nbreak","cr\r\nlf"\n');
  assertEquals(t.columns.a, ["x, y", "line\nbreak"]);
  assertEquals(t.columns.b, ['say "hi"', "cr\r\nlf"]);
});

Deno.test("parseCsv() reads LF, CRLF and CR line endings, with or without a final one", () => {
  const expected = { a: new Float64Array([1, 3]), b: new Float64Array([2, 4]) };
  for (
    const text of ["a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4", "a,b\n1,2\n3,4"]
  ) {
    assertEquals(parseCsv(text).columns, expected, JSON.stringify(text));
  }
});

Deno.test("parseCsv() skips a byte order mark", () => {
  assertEquals(parseCsv("\uFEFFa,b\n1,2\n").names, ["a", "b"]);
});

Deno.test("parseCsv() rejects empty input and reads a header-only file as zero rows", () => {
  assertThrows(
    () => parseCsv("", { file: "e.csv" }),
    SyntaxError,
    'Cannot parse "e.csv": the input is empty',
  );
  const t = parseCsv("a,b\n", { columns: { b: "string" } });
  assertEquals(t, { names: ["a", "b"], columns: { a: new Float64Array(0), b: [] }, nRows: 0 });
});

Deno.test("parseCsv() reads missing tokens as NaN or null, quoted or not", () => {
  const t = parseCsv('n,s\n,""\nNA,NA\nNaN,x\nnull,null\n"",y\n5,NaN\n');
  assertEquals(t.columns.n, new Float64Array([NaN, NaN, NaN, NaN, NaN, 5]));
  assertEquals(t.columns.s, [null, null, "x", null, "y", null]);
  const custom = parseCsv("n\n-\n1\n", { missing: ["-"] });
  assertEquals(custom.columns.n, new Float64Array([NaN, 1]));
});

Deno.test("parseCsv() infers numbers only for plain finite decimals", () => {
  const numeric = parseCsv('v\n+1\n.5\n3.\n-2E-3\n" 7 "\n-0\n');
  assertEquals(numeric.columns.v, new Float64Array([1, 0.5, 3, -0.002, 7, -0]));
  for (const bad of ["Infinity", "inf", "0x1A", "1e400", "1.2.3", "1e", "--1", "1_000"]) {
    assertEquals(parseCsv(`v\n1\n${bad}\n`).columns.v, ["1", bad], bad);
  }
});

Deno.test("parseCsv() keeps the original text when a late value makes a column text", () => {
  const t = parseCsv("code\n007\n1.50\nA1\n");
  assertEquals(t.columns.code, ["007", "1.50", "A1"]);
});

Deno.test("parseCsv() honours declared types", () => {
  const t = parseCsv("zip,x\n01234,5\n", {
    columns: { zip: "string", x: "number", absent: "number" },
  });
  assertEquals(t.columns, { zip: ["01234"], x: new Float64Array([5]) });
  assertThrows(
    () => parseCsv("a,age\n1,2\n2,3\n3,old\n", { columns: { age: "number" }, file: "p.csv" }),
    TypeError,
    'Cannot parse "p.csv": column "age" is declared numeric but row 3 (line 4) has "old"',
  );
});

Deno.test("parseCsv() supports other delimiters", () => {
  const t = parseCsv('a;b\n"1;5";2,5\n', { delimiter: ";" });
  assertEquals(t.columns, { a: ["1;5"], b: ["2,5"] });
  assertEquals(parseCsv("a\tb\n1\t2\n", { delimiter: "\t" }).columns.b, new Float64Array([2]));
  assertEquals(parseCsv("a b\n1 2.5\n", { delimiter: " " }).columns.b, new Float64Array([2.5]));
  for (const bad of ["", ";;", '"', "\n", "é", ".", "-", "5", "e"]) {
    assertThrows(() => parseCsv("a\n", { delimiter: bad }), RangeError, "delimiter");
  }
});

Deno.test("parseCsv() skips blank lines except in a one-column file", () => {
  assertEquals(parseCsv("a,b\n\n1,2\n\n\n3,4\n\n").nRows, 2);
  assertEquals(parseCsv("a\n1\n\n2\n").columns.a, new Float64Array([1, NaN, 2]));
});

Deno.test("parseCsv() reports a wrong field count with file, row, counts and line", () => {
  assertThrows(
    () => parseCsv("a,b,c,d,e\n" + "1,2,3,4,5\n".repeat(11) + "1,2,3,4\n", { file: "data/x.csv" }),
    SyntaxError,
    'Cannot parse "data/x.csv": row 12 has 4 fields, header has 5 (line 13)',
  );
  assertThrows(() => parseCsv("a,b\n1,2,3,4\n"), SyntaxError, "row 1 has 4 fields, header has 2");
  assertThrows(
    () => parseCsv('a,b\n"x\ny",1\n1\n'),
    SyntaxError,
    "row 2 has 1 field, header has 2 (line 4)",
  );
});

Deno.test("parseCsv() reports quoting errors and bad headers", () => {
  assertThrows(
    () => parseCsv('a,b\n1,"open\n2,3\n', { file: "q.csv" }),
    SyntaxError,
    'Cannot parse "q.csv": row 1 (line 2), column "b" has an unterminated quote',
  );
  assertThrows(
    () => parseCsv('a,b\n"x"y,1\n'),
    SyntaxError,
    'column "a" has text after a closing quote',
  );
  assertThrows(() => parseCsv("a,,c\n"), SyntaxError, "header column 2 is empty");
  assertThrows(() => parseCsv("a,b,a\n"), SyntaxError, 'duplicate column "a" (columns 1 and 3)');
  assertThrows(
    () => parseCsv("a,b\n1,2\n", { required: ["a", "target"] }),
    TypeError,
    'required column "target" missing from the header (columns: a, b)',
  );
});

Deno.test("scanDecimal() equals Number() bit for bit on random decimals", () => {
  const random = seededRandom(7);
  const enc = new TextEncoder();
  const cursor: DecimalCursor = { end: 0, value: 0 };
  for (let i = 0; i < 20000; i++) {
    const x = (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
    const digits = Array.from(
      { length: 1 + Math.floor(random() * 24) },
      () => Math.floor(random() * 10),
    ).join("");
    const point = Math.floor(random() * (digits.length + 1));
    const forms = [
      String(x),
      x.toFixed(Math.floor(random() * 10)),
      x.toExponential(Math.floor(random() * 20)),
      x.toPrecision(1 + Math.floor(random() * 21)),
      `${digits.slice(0, point)}.${digits.slice(point)}e${Math.floor(random() * 60 - 30)}`,
    ];
    for (const s of forms) {
      const b = enc.encode(s);
      assert(scanDecimal(b, 0, b.length, cursor) && cursor.end === b.length, s);
      assert(Object.is(cursor.value, Number(s)), `${s}: ${cursor.value} !== ${Number(s)}`);
    }
  }
});

/** The table without the readers' `nonNumeric` notes (the reference does not make them). */
function columnsOf(t: Table): Table {
  return { names: t.names, columns: t.columns, nRows: t.nRows };
}

Deno.test("parseCsv() equals csv-parse plus the typing policy on the tricky fixtures", async () => {
  for (const name of ["tricky.csv", "crlf_bom.csv", "no_trailing_newline.csv", "late_text.csv"]) {
    const text = await Deno.readTextFile(fixture(name));
    assertEquals(columnsOf(parseCsv(text)), referenceTable(text), name);
  }
  const semicolon = await Deno.readTextFile(fixture("semicolon.csv"));
  assertEquals(columnsOf(parseCsv(semicolon, { delimiter: ";" })), referenceTable(semicolon, ";"));
});

/** A random CSV with every tricky feature: quoting, escapes, line breaks, Unicode, missing. */
function randomCsv(seed: number, rows: number, newline: string): string {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const pieces = ["a", "b", "Z", " ", ",", '"', "\n", "\r\n", "é", "—", "日本", "x y", "1", "."];
  const quote = (s: string) =>
    /[",\r\n]/.test(s) || random() < 0.1 ? `"${s.replaceAll('"', '""')}"` : s;
  const number = () =>
    pick([
      () => String(Math.floor(random() * 2000 - 1000)),
      () => ((random() - 0.5) * 1e4).toFixed(3),
      () => ((random() - 0.5) * 10 ** (random() * 30 - 15)).toExponential(4),
      () => String(random() * 1e3),
      () => pick([...DEFAULT_MISSING, "-0", ".5", "+3."]),
    ])();
  const text = () =>
    random() < 0.1
      ? pick(DEFAULT_MISSING)
      : Array.from({ length: Math.floor(random() * 6) }, () => pick(pieces)).join("") || "w";
  const lines = ["int,num,text,mixed,quoted_num"];
  for (let i = 0; i < rows; i++) {
    const mixed = i === rows - 3 ? "late text" : number();
    lines.push([String(i), number(), text(), mixed, `"${number()}"`].map(quote).join(","));
  }
  return lines.join(newline) + (random() < 0.5 ? newline : "");
}

Deno.test("parseCsv() and readCsv() equal csv-parse on random files at any chunk size", async () => {
  for (
    const [seed, rows, newline, chunkSizes] of [
      [1, 600, "\n", [61, 4096]],
      [2, 600, "\r\n", [7, 1 << 20]],
      [3, 40, "\r\n", [1, 2, 3]],
      [4, 40, "\n", [1, 5]],
    ] as const
  ) {
    const text = randomCsv(seed, rows, newline);
    const expected = referenceTable(text);
    assert(expected.columns.mixed instanceof Array && expected.columns.num instanceof Float64Array);
    const parsed = parseCsv(text);
    assertEquals(columnsOf(parsed), expected, `seed ${seed}`);
    // the one text value of the "mixed" column is what forced it to strings
    assertEquals(parsed.nonNumeric!.mixed![0]!.text, "late text");
    assertEquals(parsed.nonNumeric!.mixed![0]!.row, rows - 2);
    await withTempFile(text, async (path) => {
      for (const chunkSize of chunkSizes) {
        const read = await readCsv(path, { chunkSize });
        assertEquals(columnsOf(read), expected, `seed ${seed} chunk ${chunkSize}`);
        assertEquals(read.nonNumeric, parsed.nonNumeric, `seed ${seed} chunk ${chunkSize}`);
      }
    });
  }
});

Deno.test("readCsv() streams the fixtures at every chunk boundary like parseCsv()", async () => {
  for (
    const name of [
      "tricky.csv",
      "crlf_bom.csv",
      "header_only.csv",
      "no_trailing_newline.csv",
      "late_text.csv",
    ]
  ) {
    const expected = parseCsv(await Deno.readTextFile(fixture(name)));
    for (const chunkSize of [1, 2, 5, 13, 1 << 20]) {
      assertEquals(
        await readCsv(fixture(name), { chunkSize }),
        expected,
        `${name} chunk ${chunkSize}`,
      );
    }
  }
});

Deno.test("readCsv() names the file, row and line in its errors", async () => {
  const ragged = fixture("ragged.csv");
  await assertRejects(
    () => readCsv(ragged, { file: "data/x.csv", chunkSize: 3 }),
    SyntaxError,
    'Cannot parse "data/x.csv": row 12 has 4 fields, header has 5 (line 13)',
  );
  await assertRejects(
    () => readCsv(fixture("unterminated.csv"), { chunkSize: 4 }),
    SyntaxError,
    'unterminated.csv": row 1 (line 2), column "b" has an unterminated quote',
  );
  await assertRejects(() => readCsv(fixture("does_not_exist.csv")), Deno.errors.NotFound);
});

Deno.test("readCsvBatches() yields batches of batchRows rows with consistent types", async () => {
  const text = "a,b\n" + Array.from({ length: 25 }, (_, i) => `${i},s${i}`).join("\n");
  await withTempFile(text, async (path) => {
    const batches: Table[] = [];
    for await (const b of readCsvBatches(path, { batchRows: 10, chunkSize: 16 })) batches.push(b);
    assertEquals(batches.map((b) => b.nRows), [10, 10, 5]);
    assertEquals(batches[2]!.columns.a, new Float64Array([20, 21, 22, 23, 24]));
    assertEquals(batches[2]!.columns.b, ["s20", "s21", "s22", "s23", "s24"]);
  });
  const headerOnly: Table[] = [];
  for await (const b of readCsvBatches(fixture("header_only.csv"))) headerOnly.push(b);
  assertEquals(headerOnly.map((b) => [b.names.length, b.nRows]), [[3, 0]]);
});

Deno.test("readCsvBatches() infers types from the first batch and rejects later text", async () => {
  const firstBatchText = "a\n1\nx\n2\n3\n";
  await withTempFile(firstBatchText, async (path) => {
    const batches: Table[] = [];
    for await (const b of readCsvBatches(path, { batchRows: 2 })) batches.push(b);
    assertEquals(batches.map((b) => b.columns.a), [["1", "x"], ["2", "3"]]);
  });
  await withTempFile("a\n1\n2\n3\nx\n", async (path) => {
    await assertRejects(
      async () => {
        for await (const _ of readCsvBatches(path, { batchRows: 2, file: "b.csv" })) { /* drain */ }
      },
      TypeError,
      'Cannot parse "b.csv": column "a" was inferred numeric from the first batch but row 4 (line 5) has "x"',
    );
  });
  await assertRejects(
    async () => {
      for await (const _ of readCsvBatches(fixture("header_only.csv"), { batchRows: 0 })) {
        /* drain */
      }
    },
    RangeError,
    "batchRows",
  );
});

Deno.test("parseCsv() switches a column to text when only missing values came before", () => {
  const t = parseCsv("a,b\nNA,1\n,2\nx,3\n");
  assertEquals(t.columns.a, [null, null, "x"]);
  assertEquals(t.columns.b, new Float64Array([1, 2, 3]));
});

Deno.test("readCsv() reads a record longer than many chunks", async () => {
  const long = "x".repeat(200_000) + '""' + "\n".repeat(3);
  const text = `a,b\n1,"${long}"\n2,short\n`;
  await withTempFile(text, async (path) => {
    const t = await readCsv(path, { chunkSize: 1000 });
    assertEquals(t.columns.a, new Float64Array([1, 2]));
    assertEquals(t.columns.b, [long.replace('""', '"'), "short"]);
  });
});
