/**
 * Locating the external programs some tests need (promtool, prometheus, amtool, wrk). A missing
 * program fails the test with a hint, never skips it: CI must not pass by not testing.
 *
 * @module
 */

/** Returns `path` when it is an executable file; throws an Error saying how to install it. */
export function requireBinary(path: string): string {
  try {
    const info = Deno.statSync(path);
    if (info.isFile && ((info.mode ?? 0o111) & 0o111) !== 0) return path;
  } catch {
    // reported below
  }
  throw new Error(`${path} is missing: run \`deno task setup\` to install the Debian packages`);
}

/** Runs `path args…` with `stdin` piped in; returns exit code and decoded output. */
export async function runBinary(
  path: string,
  args: readonly string[],
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command(requireBinary(path), {
    args: [...args],
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const out = await child.output();
  const decoder = new TextDecoder();
  return { code: out.code, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
}
