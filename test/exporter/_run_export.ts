/**
 * Runs the exporter as `deno task export args` does (the launcher with its narrow permissions),
 * to completion, from the project root.
 *
 * @module
 */
import { launcherArgs } from "../../lib/exporter/subprocess.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** Runs `deno task export args` to completion; its exit code, stdout and stderr. */
export async function runExport(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: launcherArgs(args),
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return { code: out.code, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
}
