/**
 * Private helper of `source.ts`: runs the `deno` executable as a subprocess and finds the project
 * configuration that applies to a notebook.
 *
 * @module
 */

/** Output of a finished subprocess. */
export interface DenoOutput {
  /** Exit code (non-zero on failure; 124 after a timeout, as with coreutils `timeout`). */
  readonly code: number;
  /** Standard output, decoded. */
  readonly stdout: string;
  /** Standard error, decoded (a timeout note is appended after a timeout). */
  readonly stderr: string;
}

/**
 * Runs `deno <args>` (the running executable) without colours; needs `--allow-run`.
 *
 * @param args Arguments after `deno`.
 * @param options Working directory and timeout in milliseconds.
 * @returns Exit code and decoded output.
 */
export async function runDeno(
  args: readonly string[],
  options: { cwd?: string; timeout?: number } = {},
): Promise<DenoOutput> {
  const timeout = options.timeout ?? 300_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [...args],
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: controller.signal,
    }).output();
    const decoder = new TextDecoder();
    const stdout = decoder.decode(out.stdout);
    let stderr = decoder.decode(out.stderr);
    if (controller.signal.aborted) {
      stderr += `\nerror: timed out after ${timeout} ms`;
      return { code: 124, stdout, stderr };
    }
    return { code: out.code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The nearest `deno.json` / `deno.jsonc` in `dir` or above, as an absolute path.
 *
 * @param dir Absolute folder to start from.
 * @returns The config path, or `undefined` when there is none.
 */
export async function findConfig(dir: string): Promise<string | undefined> {
  let current = dir.replace(/\/+$/, "") || "/";
  while (true) {
    for (const name of ["deno.json", "deno.jsonc"]) {
      const candidate = `${current === "/" ? "" : current}/${name}`;
      try {
        if ((await Deno.stat(candidate)).isFile) return candidate;
      } catch {
        // not here: keep walking up
      }
    }
    if (current === "/") return undefined;
    current = current.slice(0, current.lastIndexOf("/")) || "/";
  }
}
