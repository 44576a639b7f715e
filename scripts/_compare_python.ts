/**
 * What the side-by-side comparison scripts share (private): command-line numbers, the median,
 * and running a Python snippet on arrays passed through temporary binary files.
 *
 * @module
 */

/** Debian's Python, with numpy, scipy, scikit-learn and pandas. */
export const PYTHON = "/usr/bin/python3";

/** The number after `--name` on the command line, else `fallback`. */
export function arg(name: string, fallback: number): number {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
}

/** The upper median. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Writes each array to `<dir>/<name>.bin`, runs `python3 -c code dir ...args`, and parses its
 * stdout as JSON; returns a sentence instead when Python is missing or fails.
 */
export async function runPythonJson<T>(
  code: string,
  files: Record<string, ArrayBufferView>,
  args: string[],
): Promise<T | string> {
  try {
    await Deno.stat(PYTHON);
  } catch {
    return `${PYTHON} not found`;
  }
  const dir = await Deno.makeTempDir({ prefix: "vigil_compare_" });
  try {
    for (const [name, view] of Object.entries(files)) {
      await Deno.writeFile(
        `${dir}/${name}.bin`,
        new Uint8Array(view.buffer, view.byteOffset, view.byteLength),
      );
    }
    const out = await new Deno.Command(PYTHON, {
      args: ["-c", code, dir, ...args],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      return new TextDecoder().decode(out.stderr).trim().split("\n").at(-1) ?? "failed";
    }
    return JSON.parse(new TextDecoder().decode(out.stdout)) as T;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
