import { assert, assertEquals } from "../_assert.ts";
import { runTaskIn } from "./_task.ts";

/** Runs the style task in `dir` (as `deno task style` would there). */
function runStyle(dir: string): Promise<{ code: number; stderr: string }> {
  return runTaskIn(dir, "style", "scripts/style_check.ts");
}

const UNFORMATTED = "const   x =1;\nconsole.log(x)\n";

async function git(dir: string, ...args: string[]): Promise<void> {
  const out = await new Deno.Command("git", { args, cwd: dir, stdout: "null", stderr: "piped" })
    .output();
  assert(out.success, `git ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
}

/** A folder with a deno.json and one formatted, lint-clean module. */
async function project(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "vigil-style-" });
  await Deno.writeTextFile(`${dir}/deno.json`, "{}\n");
  await Deno.writeTextFile(`${dir}/ok.ts`, "export const x = 1;\n");
  return dir;
}

Deno.test("the style task ignores an untracked scratch file but fails on a tracked one", async () => {
  const dir = await project();
  try {
    await git(dir, "init", "-q");
    await git(dir, "add", "deno.json", "ok.ts");
    await Deno.writeTextFile(`${dir}/scratch.ts`, UNFORMATTED);
    const untracked = await runStyle(dir);
    assertEquals(untracked.code, 0, untracked.stderr);

    await git(dir, "add", "scratch.ts");
    const tracked = await runStyle(dir);
    assertEquals(tracked.code, 1, tracked.stderr);
    assert(tracked.stderr.includes("scratch.ts"), tracked.stderr);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the style task skips a tracked file deleted from the work tree", async () => {
  const dir = await project();
  try {
    await Deno.writeTextFile(`${dir}/gone.ts`, "export const y = 2;\n");
    await git(dir, "init", "-q");
    await git(dir, "add", "deno.json", "ok.ts", "gone.ts");
    await Deno.remove(`${dir}/gone.ts`);
    const result = await runStyle(dir);
    assertEquals(result.code, 0, result.stderr);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the style task checks the whole folder where git cannot list files", async () => {
  const dir = await project();
  try {
    const clean = await runStyle(dir);
    assertEquals(clean.code, 0, clean.stderr);
    assert(clean.stderr.includes("checking the whole folder"), clean.stderr);

    await Deno.writeTextFile(`${dir}/scratch.ts`, UNFORMATTED);
    const dirty = await runStyle(dir);
    assertEquals(dirty.code, 1, dirty.stderr);
    assert(dirty.stderr.includes("scratch.ts"), dirty.stderr);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
