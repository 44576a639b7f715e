/**
 * `deno task doclint`: `deno doc --lint` on every entry point of the library, `lib/mod.ts` and each
 * `lib/<folder>/mod.ts`, found by listing `lib/` so that a new folder is checked without editing
 * this script.
 *
 * `deno doc --lint` reports an exported symbol without JSDoc, a public signature naming a type the
 * entry point does not export (private-type-ref), and a missing return or parameter type. Each entry
 * point runs in its own `deno doc --lint` call: the findings of one call are not told apart by
 * entry point, and a file that makes deno fail must not hide the others' results.
 *
 * Runs in the current folder (the repository's top folder, as `deno task` runs it). Exit code: 0
 * when every entry point passes, else 1, after `deno doc`'s own findings and a line naming the entry
 * points that failed.
 *
 * @module
 */
import { runDeno } from "./_run_deno.ts";

/** `lib/mod.ts` (when present) and every `lib/<folder>/mod.ts` under `dir`, sorted. */
export async function docLintEntryPoints(dir: string): Promise<string[]> {
  const found: string[] = [];
  if (await isFile(`${dir}/lib/mod.ts`)) found.push("lib/mod.ts");
  const folders: string[] = [];
  for await (const entry of Deno.readDir(`${dir}/lib`)) {
    if (entry.isDirectory) folders.push(entry.name);
  }
  for (const folder of folders.sort()) {
    if (await isFile(`${dir}/lib/${folder}/mod.ts`)) found.push(`lib/${folder}/mod.ts`);
  }
  return found;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

async function main(): Promise<number> {
  const files = await docLintEntryPoints(".");
  if (files.length === 0) {
    console.error("doclint: no lib/mod.ts or lib/*/mod.ts here; nothing to check");
    return 1;
  }
  const failed: string[] = [];
  for (const file of files) {
    if (!(await runDeno(["doc", "--lint", file]))) failed.push(file);
  }
  if (failed.length > 0) {
    console.error(
      `doclint: ${failed.length} of ${files.length} entry points fail deno doc --lint: ${
        failed.join(", ")
      }`,
    );
    return 1;
  }
  console.error(`doclint: ${files.length} entry points pass deno doc --lint`);
  return 0;
}

if (import.meta.main) Deno.exit(await main());
