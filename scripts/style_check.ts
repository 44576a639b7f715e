/**
 * `deno task style`: `deno fmt --check` and `deno lint` on the files the repository holds.
 *
 * Run bare, both tools walk the folder and so also judge untracked files, and a scratch file left
 * in the tree fails the gate. This script passes them the files `git ls-files` lists (tracked or
 * staged, minus those deleted from the work tree); `deno.json`'s `fmt`/`lint` excludes still apply,
 * and files neither tool handles are skipped by them. Where git cannot list files (no `git`, or a
 * copy without `.git`, such as an unpacked archive), it falls back to the bare commands on the whole
 * folder: a fresh copy holds nothing but the repository's files.
 *
 * Runs in the current folder (the repository's top folder, as `deno task` runs it). Exit code: 0
 * when both pass, else 1 (each tool prints its own findings).
 *
 * @module
 */
import { runDeno } from "./_run_deno.ts";

/** The files `git ls-files` lists under `dir` that exist, or `undefined` when git cannot list. */
async function trackedFiles(dir: string): Promise<string[] | undefined> {
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command("git", {
      args: ["ls-files", "-z", "--cached"],
      cwd: dir,
      stdout: "piped",
      stderr: "null",
    }).output();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
  if (!out.success) return undefined;
  const listed = new TextDecoder().decode(out.stdout).split("\0").filter((p) => p !== "");
  const present: string[] = [];
  for (const path of listed) {
    try {
      if ((await Deno.lstat(`${dir}/${path}`)).isFile) present.push(path);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  return present;
}

async function main(): Promise<number> {
  const files = await trackedFiles(Deno.cwd());
  if (files === undefined) {
    console.error("style: git cannot list the repository's files here; checking the whole folder");
  } else if (files.length === 0) {
    console.error("style: git lists no files; nothing to check");
    return 0;
  }
  // With a list, a repository whose files the tools all skip or exclude is not an error.
  const targets = files === undefined ? [] : ["--permit-no-files", ...files];
  const formatted = await runDeno(["fmt", "--check", ...targets]);
  const linted = await runDeno(["lint", ...targets]);
  return formatted && linted ? 0 : 1;
}

if (import.meta.main) Deno.exit(await main());
