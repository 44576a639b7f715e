import { assert, assertEquals } from "../_assert.ts";
import { runTaskIn } from "./_task.ts";
import { docLintEntryPoints } from "../../scripts/doc_lint.ts";

/** Runs the doclint task in `dir` (as `deno task doclint` would there). */
function runDocLint(dir: string): Promise<{ code: number; stderr: string }> {
  return runTaskIn(dir, "doclint", "scripts/doc_lint.ts");
}

const ROOT = new URL("../..", import.meta.url).pathname;

const DOCUMENTED = `/**
 * A documented entry point.
 *
 * @module
 */
/** One, documented. */
export const ONE = 1;
`;
const UNDOCUMENTED = `/**
 * An entry point with an undocumented export.
 *
 * @module
 */
/** One, documented. */
export const ONE = 1;
export const TWO = 2;
`;
// A signature naming a type its entry point does not export: what the re-exports in lib/*/mod.ts
// exist for.
const PRIVATE_TYPE_REF = `/**
 * An entry point whose function names a type it does not export.
 *
 * @module
 */
import type { Hidden } from "./_hidden.ts";
/** Makes a hidden thing. @returns It. */
export function make(): Hidden {
  return { x: 1 };
}
`;
const HIDDEN = `/** Not exported by mod.ts. */
export interface Hidden {
  /** A field. */
  x: number;
}
`;

/** A temporary project holding `files` (path → text); removed after `body`. */
async function withProject(
  files: Record<string, string>,
  body: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "vigil-doclint-" });
  try {
    for (const [path, text] of Object.entries(files)) {
      await Deno.mkdir(`${dir}/${path.split("/").slice(0, -1).join("/")}`, { recursive: true });
      await Deno.writeTextFile(`${dir}/${path}`, text);
    }
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("doclint's entry points are lib/mod.ts and each lib/<folder>/mod.ts, nothing else", async () => {
  await withProject({
    "lib/mod.ts": DOCUMENTED,
    "lib/b/mod.ts": DOCUMENTED,
    "lib/a/mod.ts": DOCUMENTED,
    "lib/a/other.ts": DOCUMENTED,
    "lib/a/deeper/mod.ts": DOCUMENTED,
    "lib/no_entry/file.ts": DOCUMENTED,
    "lib/types.ts": DOCUMENTED,
    "scripts/mod.ts": DOCUMENTED,
  }, async (dir) => {
    assertEquals(await docLintEntryPoints(dir), ["lib/mod.ts", "lib/a/mod.ts", "lib/b/mod.ts"]);
  });
});

Deno.test("doclint covers every folder of this repository's lib", async () => {
  const expected: string[] = [];
  for await (const entry of Deno.readDir(`${ROOT}lib`)) {
    if (entry.isDirectory) expected.push(`lib/${entry.name}/mod.ts`);
  }
  const found = await docLintEntryPoints(ROOT);
  assertEquals(found[0], "lib/mod.ts");
  assertEquals(found.slice(1), expected.sort());
});

Deno.test("the doclint task passes documented entry points and names each failing one", async () => {
  await withProject({
    "deno.json": "{}\n",
    "lib/mod.ts": DOCUMENTED,
    "lib/good/mod.ts": DOCUMENTED,
  }, async (dir) => {
    const clean = await runDocLint(dir);
    assertEquals(clean.code, 0, clean.stderr);
    assert(clean.stderr.includes("2 entry points pass"), clean.stderr);

    await Deno.mkdir(`${dir}/lib/bare`);
    await Deno.writeTextFile(`${dir}/lib/bare/mod.ts`, UNDOCUMENTED);
    await Deno.mkdir(`${dir}/lib/leaky`);
    await Deno.writeTextFile(`${dir}/lib/leaky/mod.ts`, PRIVATE_TYPE_REF);
    await Deno.writeTextFile(`${dir}/lib/leaky/_hidden.ts`, HIDDEN);
    const dirty = await runDocLint(dir);
    assertEquals(dirty.code, 1, dirty.stderr);
    assert(dirty.stderr.includes("missing-jsdoc"), dirty.stderr);
    assert(dirty.stderr.includes("private-type-ref"), dirty.stderr);
    assert(
      dirty.stderr.includes(
        "2 of 4 entry points fail deno doc --lint: lib/bare/mod.ts, lib/leaky/mod.ts",
      ),
      dirty.stderr,
    );
  });
});

Deno.test("the doclint task fails where there is no entry point to check", async () => {
  await withProject({ "deno.json": "{}\n", "lib/a/file.ts": DOCUMENTED }, async (dir) => {
    const result = await runDocLint(dir);
    assertEquals(result.code, 1, result.stderr);
    assert(result.stderr.includes("nothing to check"), result.stderr);
  });
});
