import { DEFAULT_MAX_RECORD_BYTES, parseCsv, readCsv, readCsvBatches } from "../../lib/data/csv.ts";
import { inferSchema } from "../../lib/data/schema.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";

const GOLDEN = new URL("../golden/csv_non_finite.json", import.meta.url);

interface Case {
  token: string;
  float: number | string | null;
  pandas: string;
}

function fromJson(v: number | string | null): number | null {
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  if (v === "NaN") return NaN;
  return v as number | null;
}

Deno.test("parseCsv({ nonFinite: true }) reads tokens as Python's float() does", async () => {
  const { cases }: { cases: Case[] } = JSON.parse(await Deno.readTextFile(GOLDEN));
  assert(cases.length > 20);
  for (const c of cases) {
    const want = fromJson(c.float);
    const on = parseCsv(`v\n1\n${c.token}\n`, { nonFinite: true, missing: [] }).columns.v!;
    const off = parseCsv(`v\n1\n${c.token}\n`, { missing: [] }).columns.v!;
    if (want === null) {
      assertEquals(on, ["1", c.token], c.token);
    } else {
      assertEquals(on, new Float64Array([1, want]), c.token);
      // without the option only finite plain decimals are numbers
      const plain = /^[ \t]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[ \t]*$/.test(c.token);
      if (plain && Number.isFinite(want)) {
        assertEquals(off, new Float64Array([1, want]), c.token);
      } else assertEquals(off, ["1", c.token], c.token);
    }
  }
});

Deno.test("a non-finite value makes a column text and the table names its rows", async () => {
  const text = "x,name,y\n1,a,2\n1e309,b,3\nNA,c,inf\n4,d,5\n-inf,e,6\nnan,f,1e400\ninf,g,8\n";
  const t = parseCsv(text);
  assertEquals(t.columns.x, ["1", "1e309", null, "4", "-inf", "nan", "inf"]);
  assertEquals(t.nonNumeric, {
    // at most three per column, in file order; missing tokens are not counted
    x: [
      { row: 2, line: 3, text: "1e309" },
      { row: 5, line: 6, text: "-inf" },
      { row: 6, line: 7, text: "nan" },
    ],
    // after "inf" made y text, a plain decimal is skipped but an overflowing one is noted
    y: [{ row: 3, line: 4, text: "inf" }, { row: 6, line: 7, text: "1e400" }],
  });
  const schema = inferSchema(t);
  assertEquals(schema.columns.map((c) => c.nonNumeric.map((s) => s.row)), [[2, 5, 6], [], [3, 6]]);
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  try {
    await Deno.writeTextFile(path, text);
    const read = await readCsv(path, { chunkSize: 7 });
    assertEquals(read.columns, t.columns);
    assertEquals(read.nonNumeric, t.nonNumeric);
    const batches = [];
    for await (const b of readCsvBatches(path, { batchRows: 3 })) batches.push(b);
    assertEquals(batches[0]!.nonNumeric!.x![0], { row: 2, line: 3, text: "1e309" });
    const numeric = parseCsv(text, { nonFinite: true });
    assertEquals(
      numeric.columns.x,
      new Float64Array([1, Infinity, NaN, 4, -Infinity, NaN, Infinity]),
    );
    assertEquals(numeric.columns.y, new Float64Array([2, 3, Infinity, 5, 6, Infinity, 8]));
    assertEquals(numeric.nonNumeric, undefined);
  } finally {
    await Deno.remove(path);
  }
});

Deno.test("the table names rows that forced text before the first number, and not text columns", () => {
  const t = parseCsv("x,label\ninf,a\n2,b\n3,c\n");
  assertEquals(t.columns.x, ["inf", "2", "3"]);
  assertEquals(t.nonNumeric, { x: [{ row: 1, line: 2, text: "inf" }] });
  assertEquals(parseCsv("label\na\nb\n").nonNumeric, undefined);
  assertEquals(inferSchema(parseCsv("label\na\nb\n")).columns[0]!.nonNumeric, []);
});

Deno.test("readCsv() on a 200,000-column file allocates per column what its rows need", async () => {
  const cols = 200_000;
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  const row = Array.from({ length: cols }, (_, i) => String(i % 10)).join(",");
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  try {
    await Deno.writeTextFile(path, `${header}\n${row}\n${row}\n`);
    const before = Deno.memoryUsage().external;
    const t = await readCsv(path);
    const grown = Deno.memoryUsage().external - before;
    assertEquals(t.nRows, 2);
    assertEquals((t.columns.c199999 as Float64Array)[1], 9);
    // 1,024 rows reserved per column took 1.6 GB of array buffers; 2.3 MB of text needs far less
    assert(grown < 64 * 1024 * 1024, `array buffers grew by ${grown} bytes`);
  } finally {
    await Deno.remove(path);
  }
});

Deno.test("readCsv() rejects an endless line with the file, the row and the limit", async () => {
  // /dev/zero never ends and has no line break: without the limit this read grows forever
  await assertRejects(
    () => readCsv("/dev/zero", { maxRecordBytes: 1 << 20 }),
    RangeError,
    `Cannot parse "/dev/zero": the header is longer than maxRecordBytes (1048576 bytes)`,
  );
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  try {
    await Deno.writeTextFile(path, `a,b\n1,2\n3,${"9".repeat(300_000)}`);
    await assertRejects(
      () => readCsv(path, { maxRecordBytes: 100_000, chunkSize: 4096 }),
      RangeError,
      `Cannot parse "${path}": row 2 (line 3) is longer than maxRecordBytes (100000 bytes)`,
    );
    // the same file within the default limit
    assert(DEFAULT_MAX_RECORD_BYTES >= 1 << 20);
    assertEquals((await readCsv(path, { chunkSize: 4096 })).nRows, 2);
  } finally {
    await Deno.remove(path);
  }
});

Deno.test("readCsv() on a directory names the directory", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await assertRejects(
      () => readCsv(dir),
      Deno.errors.IsADirectory,
      `Cannot parse "${dir}": it is a directory, not a file`,
    );
  } finally {
    await Deno.remove(dir);
  }
});
