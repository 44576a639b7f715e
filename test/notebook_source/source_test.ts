import {
  importNotebook,
  mapLocation,
  type Notebook,
  NotebookError,
  notebookToModule,
  parseNotebook,
  readNotebook,
} from "../../lib/notebook_source/source.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assert, assertEquals, assertRejects, assertThrows } from "../_assert.ts";

const FIXTURES = "test/fixtures/notebooks";

function notebook(...cells: [type: string, source: string, tags?: string[]][]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map(([cell_type, source, tags]) => ({
      cell_type,
      source,
      metadata: tags ? { tags } : {},
    })),
  };
}

async function genFiles(): Promise<string[]> {
  const found: string[] = [];
  for await (const e of Deno.readDir(FIXTURES)) if (e.name.endsWith(".gen.ts")) found.push(e.name);
  return found;
}

Deno.test("parseNotebook() throws a SyntaxError naming the file for text that is not JSON", () => {
  assertThrows(() => parseNotebook("{oops", "bad.ipynb"), SyntaxError, `"bad.ipynb": not JSON`);
});

Deno.test("parseNotebook() throws a SyntaxError for JSON that is not an nbformat 4 notebook", () => {
  assertThrows(() => parseNotebook("[]", "a.ipynb"), SyntaxError, "not a JSON object");
  assertThrows(() => parseNotebook('{"nbformat":3,"cells":[]}', "a.ipynb"), SyntaxError, "is 3");
  assertThrows(() => parseNotebook('{"nbformat":4}', "a.ipynb"), SyntaxError, `"cells"`);
  const badCell = '{"nbformat":4,"cells":[{"cell_type":"code","source":1}]}';
  assertThrows(() => parseNotebook(badCell, "a.ipynb"), SyntaxError, "cell 1");
  const badTags =
    '{"nbformat":4,"cells":[{"cell_type":"code","source":"","metadata":{"tags":"x"}}]}';
  assertThrows(() => parseNotebook(badTags, "a.ipynb"), SyntaxError, "metadata.tags");
});

Deno.test("notebookToModule() numbers cells among all cells and maps every line back", async () => {
  const nb = await readNotebook(`${FIXTURES}/passing.ipynb`);
  const { code, lineMap } = notebookToModule(nb, { path: "passing.ipynb" });
  const lines = code.split("\n");
  assertEquals(lineMap.spans.map((s) => s.cell), [2, 4, 6]);
  for (const span of lineMap.spans) {
    assertEquals(lines[span.start - 2], `// %% cell ${span.cell}`);
    const source = (nb.cells[span.cell - 1]?.source as string[]).join("").split("\n");
    for (let i = 0; i < span.lines; i++) {
      assertEquals(lines[span.start - 1 + i], source[i]);
      const loc = mapLocation(lineMap, span.start + i, 4);
      assertEquals(loc, { notebook: "passing.ipynb", cell: span.cell, line: i + 1, column: 4 });
    }
    assertEquals(mapLocation(lineMap, span.start - 1), undefined, "marker line");
    assertEquals(mapLocation(lineMap, span.start + span.lines), undefined, "separator line");
  }
});

Deno.test("notebookToModule() leaves out cells with excluded tags", () => {
  const nb = notebook(["code", "const a = 1;"], ["code", "kernelOnly()", ["notebook-only"]], [
    "code",
    "slow()",
    ["slow"],
  ]);
  const byDefault = notebookToModule(nb).code;
  assert(!byDefault.includes("kernelOnly") && byDefault.includes("slow()"), byDefault);
  const custom = notebookToModule(nb, { exclude: ["slow"] }).code;
  assert(custom.includes("kernelOnly") && !custom.includes("slow()"), custom);
});

Deno.test("notebookToModule() keeps a cell starting with [ from indexing the previous value", () => {
  const nb = notebook(["code", "const total = 3;\ntotal"], [
    "code",
    "[1, 2].map((x) => x * total)",
  ]);
  const { code } = notebookToModule(nb);
  assert(code.includes("total\n;\n// %% cell 2\n[1, 2]"), code);
});

Deno.test("notebookToModule() exports top-level names only when asked", () => {
  const nb = notebook([
    "code",
    "const a = 1;\nlet b = 2;\nfunction c() {}\nasync function d() {}\nclass E {}\n{\n  const local = 1;\n}",
  ]);
  assert(notebookToModule(nb).code.endsWith("export { a, b, c, d, E };\n"));
  assert(!notebookToModule(nb, { exportTopLevel: false }).code.includes("export"));
});

Deno.test("notebookToModule() overrides parameters typed by their defaults, line for line", () => {
  const params = [
    "// defaults",
    "const threshold = 0.2;",
    'const url: string = "http://x;y"; // a URL',
    "let verbose = false;",
    "const window = 100;",
  ].join("\n");
  const nb = notebook(["code", params, ["parameters"]], ["code", "use(threshold)"]);
  const { code } = notebookToModule(nb, {
    parameters: { threshold: "0.5", url: 'say "hi"', verbose: "true", window: 7 },
  });
  const expected = [
    "// defaults",
    "const threshold = 0.5;",
    'const url: string = "say \\"hi\\""; // a URL',
    "let verbose = true;",
    "const window = 7;",
  ].join("\n");
  assert(code.includes(`// %% cell 1\n${expected}\n;\n`), code);
  assert(notebookToModule(nb).code.includes(params), "defaults kept without overrides");
});

Deno.test("notebookToModule() rejects unknown parameters with a RangeError naming them", () => {
  const nb = notebook(["code", "const a = 1;", ["parameters"]]);
  assertThrows(
    () => notebookToModule(nb, { path: "x.ipynb", parameters: { b: 1 } }),
    RangeError,
    `Unknown parameter "b" for notebook "x.ipynb": known parameters are "a"`,
  );
  const none = notebook(["code", "const a = 1;"]);
  assertThrows(() => notebookToModule(none, { parameters: { a: 2 } }), RangeError, '"parameters"');
});

Deno.test("notebookToModule() rejects values that do not fit the default's type", () => {
  const nb = notebook([
    "code",
    'const n = 1;\nconst s = "a";\nconst b = true;\nconst d = new Date(0);',
    ["parameters"],
  ]);
  const cases: [string, string | number | boolean, string][] = [
    ["n", "abc", `Parameter "n" expects a finite number, got "abc"`],
    ["n", "", `Parameter "n" expects a finite number`],
    ["n", Infinity, `expects a finite number, got Infinity`],
    ["n", true, `expects a finite number, got true`],
    ["s", 3, `Parameter "s" expects a string, got 3`],
    ["b", "yes", `Parameter "b" expects a boolean, got "yes"`],
    ["d", 0, `Parameter "d" cannot be overridden`],
  ];
  for (const [name, value, message] of cases) {
    assertThrows(() => notebookToModule(nb, { parameters: { [name]: value } }), TypeError, message);
  }
});

Deno.test("importNotebook() type-checks, imports and returns the notebook's top-level names", async () => {
  const ns = await importNotebook(`${FIXTURES}/passing.ipynb`);
  const random = seededRandom(42);
  assertEquals(ns.draws, [random(), random(), random()]);
  assertEquals(ns.total, 3);
  assertEquals(ns.description, "3 draws");
  assertEquals(await genFiles(), [], "generated module deleted");
});

Deno.test("importNotebook() reports a type error at its notebook, cell and line", async () => {
  const path = `${FIXTURES}/type_error.ipynb`;
  const error = await assertRejects(() => importNotebook(path), NotebookError, "TS2322");
  assert(error instanceof NotebookError);
  assertEquals(error.location, { notebook: path, cell: 3, line: 2, column: 7 });
  assert(error.message.includes(`at notebook ${path}, cell 3, line 2, column 7`), error.message);
  assert(!error.message.includes(".gen.ts"), error.message);
  assertEquals(await genFiles(), [], "generated module deleted");
});

Deno.test("importNotebook() reports a runtime throw at its notebook, cell and line", async () => {
  const path = `${FIXTURES}/runtime_error.ipynb`;
  const error = await assertRejects(
    () => importNotebook(path, { check: false }),
    NotebookError,
    `Failed at notebook ${path}, cell 4, line 3: RangeError: Window is empty`,
  );
  assert(error instanceof NotebookError && error.cause instanceof RangeError);
  assertEquals(error.location?.cell, 4);
  assert(error.stack?.includes(`notebook ${path}, cell 4, line 3, column`), error.stack);
});

Deno.test("importNotebook() applies parameter overrides and maps errors they cause", async () => {
  const path = `${FIXTURES}/parameters.ipynb`;
  const ns = await importNotebook(path, {
    check: false,
    parameters: { threshold: "0.5", model: "wine", verbose: true },
  });
  assertEquals(ns.summary, "wine@0.5 (verbose) from 0");
  assertEquals((await importNotebook(path, { check: false })).summary, "iris@0.2 from 0");
  const error = await assertRejects(
    () => importNotebook(path, { check: false, parameters: { threshold: 2 } }),
    NotebookError,
    "Threshold 2 is above 1",
  );
  assertEquals((error as NotebookError).location?.cell, 3);
  assertEquals((error as NotebookError).location?.line, 3);
  await assertRejects(() => importNotebook(path, { parameters: { treshold: 1 } }), RangeError);
  assertEquals(await genFiles(), [], "generated modules deleted");
});
