/**
 * Runs every `notebooks/*.ipynb` as a module (type-checked, in a `deno run` subprocess with the
 * notebook's folder as working directory) and checks, on fixtures, that failures are reported at
 * "notebook X, cell N, line M".
 */
import { relative } from "node:path";
import {
  formatLocation,
  listNotebooks,
  type NotebookModuleRun,
  runNotebookModule,
} from "../lib/notebook_source/source.ts";
import { assert, assertEquals, AssertionError } from "./_assert.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const FIXTURES = relative(Deno.cwd(), `${ROOT}test/fixtures/notebooks`);
const NOTEBOOKS = await listNotebooks(relative(Deno.cwd(), `${ROOT}notebooks`) || ".");

function failure(path: string, run: NotebookModuleRun): string {
  const where = run.location ? formatLocation(run.location) : `notebook ${path}`;
  return `${where} failed (exit code ${run.code}):\n${run.stderr}\n--- stdout ---\n${run.stdout}`;
}

for (const path of NOTEBOOKS) {
  Deno.test(`notebook ${path} runs as a module without errors`, async () => {
    const run = await runNotebookModule(path);
    if (!run.success) throw new AssertionError(failure(path, run));
  });
}

Deno.test("notebook discovery lists the .ipynb files of a folder in order", async () => {
  const found = await listNotebooks(FIXTURES);
  assertEquals(
    found.map((p) => p.slice(FIXTURES.length + 1)),
    [
      "kernel.ipynb",
      "parameters.ipynb",
      "passing.ipynb",
      "runtime_error.ipynb",
      "type_error.ipynb",
    ],
  );
  for (const path of NOTEBOOKS) assert(path.endsWith(".ipynb"), path);
});

Deno.test("runNotebookModule() runs the passing fixture", async () => {
  const run = await runNotebookModule(`${FIXTURES}/passing.ipynb`);
  assert(run.success, failure("passing", run));
  assertEquals(run.stdout, "total 3\n");
});

Deno.test("runNotebookModule() runs a notebook with its folder as working directory", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const cells = [{ cell_type: "code", source: "console.log(Deno.cwd());" }];
    const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
    await Deno.writeTextFile(`${dir}/cwd.ipynb`, JSON.stringify(nb));
    const run = await runNotebookModule(`${dir}/cwd.ipynb`, { check: false });
    assertEquals(run.stdout, `${await Deno.realPath(dir)}\n`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runNotebookModule() reports a type error at notebook, cell 3, line 2", async () => {
  const path = `${FIXTURES}/type_error.ipynb`;
  const run = await runNotebookModule(path);
  assert(!run.success);
  assertEquals(run.location, { notebook: path, cell: 3, line: 2, column: 7 });
  assert(run.stderr.includes("TS2322"), run.stderr);
  assert(failure(path, run).startsWith(`notebook ${path}, cell 3, line 2, column 7 failed`));
});

Deno.test("runNotebookModule() reports a runtime throw at notebook, cell 4, line 3", async () => {
  const path = `${FIXTURES}/runtime_error.ipynb`;
  const run = await runNotebookModule(path, { check: false });
  assert(!run.success);
  assertEquals(run.location?.cell, 4);
  assertEquals(run.location?.line, 3);
  assert(run.stderr.includes("RangeError: Window is empty"), run.stderr);
  assert(!run.stderr.includes(".gen.ts"), run.stderr);
  assertEquals(run.stdout, "before the throw 3\n");
});

Deno.test("runNotebookModule() passes parameters and maps the error they cause", async () => {
  const path = `${FIXTURES}/parameters.ipynb`;
  const ok = await runNotebookModule(path, { check: false, parameters: { model: "wine" } });
  assertEquals(ok.stdout, "wine@0.2 from 0\n");
  const bad = await runNotebookModule(path, { check: false, parameters: { threshold: "3" } });
  assert(!bad.success && bad.stderr.includes("Threshold 3 is above 1"), bad.stderr);
  assertEquals(bad.location?.cell, 3);
  assertEquals(bad.location?.line, 3);
});
