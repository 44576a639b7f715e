/**
 * Starts the exporter as `deno task export` does (scripts/export.ts, i.e. lib/exporter/launcher.ts, with the task's
 * permissions, which starts the server with narrower ones) and waits until it listens: for the
 * end-to-end tests and `scripts/compare_scrape.ts`.
 *
 * @module
 */

/**
 * The launcher's `deno run` flags, as in deno.json's `export` task (a test keeps them equal).
 * `--allow-run` names the deno executable there; here it is `Deno.execPath()`.
 */
export const LAUNCHER_FLAGS: readonly string[] = ["--allow-read=.,/tmp", "--allow-write=/tmp"];

/** `deno run …` arguments that start the exporter like `deno task export args` does. */
export function launcherArgs(args: readonly string[]): string[] {
  return ["run", ...LAUNCHER_FLAGS, `--allow-run=${Deno.execPath()}`, "scripts/export.ts", ...args];
}

/** A running exporter subprocess. */
export interface ExporterProcess {
  /** The launcher process (its stdout and stderr are consumed by this helper). */
  readonly child: Deno.ChildProcess;
  /** The port it bound (from its "listening on" line). */
  readonly port: number;
  /** Everything it has written to stderr so far. */
  stderr(): string;
  /** Sends `signal` and resolves with the exit code once it has exited. */
  stop(signal?: Deno.Signal): Promise<number>;
}

/** Options of {@linkcode startExporterProcess}. */
export interface StartExporterOptions {
  /** Give up waiting for the "listening on" line after this long. @default 60000 */
  timeoutMs?: number;
  /** Run it under `ulimit -n fdLimit` (through bash), to test descriptor exhaustion. @default none */
  fdLimit?: number;
}

/** A loopback port free at the time of the call (for a server started right after). */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

async function collect(stream: ReadableStream<Uint8Array>, sink: (text: string) => void) {
  const decoder = new TextDecoder();
  for await (const chunk of stream) sink(decoder.decode(chunk, { stream: true }));
}

/**
 * Spawns `deno run <task permissions> scripts/export.ts <args>` from the repository root and
 * resolves when the server prints its listening address. Pass `--host 127.0.0.1 --port 0` to get a free
 * loopback port.
 *
 * @throws {Error} When the exporter exits or stays silent before listening (message has stderr).
 */
export async function startExporterProcess(
  args: readonly string[],
  options: StartExporterOptions = {},
): Promise<ExporterProcess> {
  const root = new URL("../..", import.meta.url).pathname;
  const limited = options.fdLimit !== undefined;
  const child = new Deno.Command(limited ? "bash" : Deno.execPath(), {
    args: limited
      ? [
        "-c",
        `ulimit -n ${options.fdLimit} && exec "$0" "$@"`,
        Deno.execPath(),
        ...launcherArgs(args),
      ]
      : launcherArgs(args),
    cwd: root,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let out = "";
  let err = "";
  const { promise: listening, resolve, reject } = Promise.withResolvers<number>();
  const stdoutDone = collect(child.stdout, (t) => {
    out += t;
    const match = /listening on http:\/\/[^\s]*:(\d+)\//.exec(out);
    if (match) resolve(Number(match[1]));
  });
  const stderrDone = collect(child.stderr, (t) => (err += t));
  const timer = setTimeout(
    () => reject(new Error(`Exporter did not listen in time; stderr:\n${err}`)),
    options.timeoutMs ?? 60_000,
  );
  child.status.then((s) =>
    reject(new Error(`Exporter exited with code ${s.code} before listening; stderr:\n${err}`))
  );
  try {
    const port = await listening;
    return {
      child,
      port,
      stderr: () => err,
      async stop(signal = "SIGTERM") {
        try {
          child.kill(signal);
        } catch {
          // already exited
        }
        const status = await child.status;
        await Promise.all([stdoutDone, stderrDone]);
        return status.code;
      },
    };
  } catch (e) {
    try {
      child.kill("SIGKILL");
    } catch {
      // already exited
    }
    await child.status;
    await Promise.all([stdoutDone, stderrDone]).catch(() => {});
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
