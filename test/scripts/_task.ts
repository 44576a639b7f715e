/**
 * Running a `deno run … scripts/X.ts` task of deno.json the way `deno task` would, from a test.
 *
 * @module
 */
import { assertEquals } from "../_assert.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/**
 * The `deno` arguments of deno.json's task `name`, whose command must be `deno run <flags> <script>`,
 * with the script's absolute path so that it can run from any folder.
 */
export async function taskRunArgs(name: string, script: string): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
  const command: string = config.tasks[name].command;
  const words = command.split(" ");
  assertEquals(words.slice(0, 2), ["deno", "run"], command);
  assertEquals(words.at(-1), script, command);
  return [...words.slice(1, -1), `${ROOT}${script}`];
}

/**
 * Runs deno.json's task `name` (a `deno run … <script>` task) in `dir`, as `deno task name` would
 * there, without colors, and returns its exit code and standard error.
 */
export async function runTaskIn(
  dir: string,
  name: string,
  script: string,
): Promise<{ code: number; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: await taskRunArgs(name, script),
    cwd: dir,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}
