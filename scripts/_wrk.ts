/**
 * Driving wrk (`/usr/bin/wrk`, HTTP load generator) and reading its `--latency` summary: shared by
 * `compare_scrape.ts` and `soak_exporter.ts`.
 *
 * @module
 */

/** One wrk result. */
export interface WrkResult {
  requestsPerSecond: number;
  p50Seconds: number;
  p99Seconds: number;
  requests: number;
  /** Non-2xx/3xx responses plus socket errors (connect, read, write, timeout). */
  errors: number;
}

const UNITS: Record<string, number> = { us: 1e-6, ms: 1e-3, s: 1, m: 60 };

function seconds(value: string, unit: string): number {
  return Number(value) * (UNITS[unit] ?? NaN);
}

/**
 * Parses `wrk --latency` output.
 *
 * @throws {SyntaxError} When the output lacks Requests/sec or the 50%/99% latency lines.
 * @example
 * ```ts
 * import { parseWrk } from "./_wrk.ts";
 * const text = "  Latency Distribution\n     50%  1.50ms\n     99%  2.00s\n" +
 *   "  3000 requests in 1.00s, 1.00MB read\nRequests/sec:   3000.00\n";
 * const r = parseWrk(text);
 * if (r.requests !== 3000 || r.p50Seconds !== 0.0015 || r.p99Seconds !== 2) throw new Error();
 * ```
 */
export function parseWrk(text: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s|m)\b/m.exec(text);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s|m)\b/m.exec(text);
  const requests = /(\d+) requests in/.exec(text);
  if (!rps || !p50 || !p99 || !requests) {
    throw new SyntaxError(`Cannot parse wrk output: ${text.slice(0, 200)}`);
  }
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return {
    requestsPerSecond: Number(rps[1]),
    p50Seconds: seconds(p50[1] ?? "", p50[2] ?? ""),
    p99Seconds: seconds(p99[1] ?? "", p99[2] ?? ""),
    requests: Number(requests[1]),
    errors: Number(errors?.[1] ?? 0) + socketErrors,
  };
}

/** Options of {@linkcode runWrk}. */
export interface RunWrkOptions {
  /** wrk's `-d`, e.g. `5s` or `30m`. */
  duration: string;
  /** wrk's `-c`. @default 2 */
  connections?: number;
  /** wrk's `--timeout` (a slower response counts as a timeout error). @default "2s" */
  timeout?: string;
  /** Stops wrk early with SIGINT, on which it still prints its summary. @default undefined */
  signal?: AbortSignal;
  /** wrk's `-t`. @default 1 */
  threads?: number;
  /** A wrk Lua script (`-s`), e.g. one that sets a POST body. @default undefined */
  script?: string;
}

/**
 * Runs `wrk -t<threads> -c<connections> -d<duration> [-s script] --latency <url>` and parses its
 * summary.
 *
 * @throws {Error} When wrk fails (message has its stderr).
 */
export async function runWrk(url: string, options: RunWrkOptions): Promise<WrkResult> {
  const child = new Deno.Command("/usr/bin/wrk", {
    args: [
      `-t${options.threads ?? 1}`,
      ...(options.script === undefined ? [] : ["-s", options.script]),
      `-c${options.connections ?? 2}`,
      `-d${options.duration}`,
      `--timeout`,
      options.timeout ?? "2s",
      "--latency",
      url,
    ],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stop = () => {
    try {
      child.kill("SIGINT");
    } catch {
      // already exited
    }
  };
  options.signal?.addEventListener("abort", stop, { once: true });
  const out = await child.output();
  options.signal?.removeEventListener("abort", stop);
  const text = new TextDecoder().decode(out.stdout);
  if (!out.success && !/Requests\/sec/.test(text)) {
    throw new Error(`wrk failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  return parseWrk(text);
}
