/**
 * Command-line options of `deno task export` (lib/exporter/launcher.ts): parsing, defaults and usage.
 *
 * @module
 */

/** The default notebook the exporter serves. */
export const DEFAULT_NOTEBOOK = "notebooks/04_iris_monitoring.ipynb";

/**
 * The shortest `--interval`, in seconds. Shorter ones are refused: a due time every few
 * microseconds keeps the main thread busy counting skipped ticks, so it stops answering scrapes
 * and signals. Cron schedules fire at most once a minute anyway.
 */
export const MIN_INTERVAL_SECONDS = 0.1;

/** The shortest `--run-timeout`, in seconds. */
export const MIN_RUN_TIMEOUT_SECONDS = 1;

/**
 * The default run timeout: `multiple` × the schedule's period, clamped to
 * [`minSeconds`, `maxSeconds`] (a run may be slower than a short interval; a monthly cron's run
 * should not get a month).
 */
export const DEFAULT_RUN_TIMEOUT = { multiple: 3, minSeconds: 60, maxSeconds: 3600 } as const;

/** The default heap cap of the monitor's process, in MiB (`--max-heap`). */
export const DEFAULT_MAX_HEAP_MB = 1024;

/** The smallest `--max-heap`, in MiB (Deno itself needs a few tens). */
export const MIN_MAX_HEAP_MB = 64;

/** When runs happen: every `seconds`, or at the minutes a 5-field cron expression matches. */
export type Schedule =
  | { kind: "interval"; seconds: number }
  | { kind: "cron"; expression: string };

/** Parsed options; see {@linkcode USAGE}. */
export interface ExportOptions {
  /** The notebook that binds `monitor`. @default DEFAULT_NOTEBOOK */
  notebook: string;
  /** Port to listen on; 0 picks a free one. @default 8000 */
  port: number;
  /** Address to bind. @default "0.0.0.0" */
  host: string;
  /** When runs happen. @default every 60 s */
  schedule: Schedule;
  /** Parameter overrides as given; lib/notebook converts them to each default's type. */
  params: Record<string, string>;
  /** Run once, print the exposition and exit. @default false */
  once: boolean;
  /** Push gateway base URL (no trailing slash). @default undefined (no push) */
  pushGateway: string | undefined;
  /** Push gateway job name. @default "vigil" */
  job: string;
  /** JSON-lines file each good snapshot is appended to. @default undefined (no history) */
  history: string | undefined;
  /**
   * Seconds a run may take before its process is ended and the run counted as timed out.
   * @default undefined: {@linkcode DEFAULT_RUN_TIMEOUT} applied to the schedule's period
   */
  runTimeout: number | undefined;
  /** Heap cap of the process that runs the notebook's code, in MiB. @default DEFAULT_MAX_HEAP_MB */
  maxHeapMb: number;
  /** Extra folders (or files) the server may read, e.g. data outside the repository. */
  reads: string[];
  /**
   * Folders (or files) of native libraries the monitor's process may load (`--allow-ffi` of those
   * paths only, which are made readable too), e.g. DuckDB's npm package. @default [] (no FFI)
   */
  ffi: string[];
  /** A kept-alive HTTP connection idle this long (seconds) is closed. @default 30 */
  idleTimeoutSeconds: number;
  /** Most HTTP connections open at once; a new one evicts the oldest waiting one. @default 256 */
  maxConnections: number;
  /** `/readyz` fails once the last good snapshot is older than this many intervals. @default 3 */
  staleAfterIntervals: number;
  /**
   * Show run errors and paths to every client, not only loopback ones. @default false
   */
  showErrors: boolean;
  /**
   * Also export the article's bare `model_accuracy` gauge beside `vigil_model_accuracy_ratio`
   * (same samples), for dashboards built on that name (lib/prometheus `articleAliases`).
   * @default false
   */
  articleMetrics: boolean;
  /** Print the usage text and exit. @default false */
  help: boolean;
}

/**
 * What the server process runs with: the launcher's parsed options plus the notebook's generated,
 * already type-checked module. The launcher hands it over as JSON ({@linkcode serverOptionsToJson}),
 * so the command line is parsed once.
 */
export interface ServerOptions extends ExportOptions {
  /** Absolute path of the generated `.gen.ts` module. */
  module: string;
  /**
   * What the monitor's process (the notebook's code) may read and reach: the server's own
   * `--allow-read` and `--allow-net` lists. @default read of the module's folder only, no net
   */
  monitorPermissions?: { read: string[]; net: string[]; ffi?: string[] };
}

/** Bad command-line input: the caller prints the message and exits with code 2. */
export class UsageError extends Error {
  /** Always `"UsageError"`. */
  override name = "UsageError";
}

/** Seconds a request's head has to arrive in, from its first byte (or from accept). */
export const HEADER_TIMEOUT_SECONDS = 10;

/** Usage text printed by `--help`. */
export const USAGE = `Usage: deno task export [NOTEBOOK] [options]

Runs the monitor a notebook binds (\`export const monitor = defineMonitor(...)\`) at start and on
a schedule, and serves its last snapshot as Prometheus metrics.

  NOTEBOOK               notebook path (default ${DEFAULT_NOTEBOOK})
  --port N               port to listen on; 0 picks a free one (default 8000)
  --host ADDR            address to bind (default 0.0.0.0: Prometheus usually scrapes from
                         another host or container; use 127.0.0.1 to keep it local)
  --interval DURATION    time between runs: 500ms, 30s, 5m, 1h (default 60s; at least 100ms)
  --cron "M H DoM Mon DoW"  run at the minutes a 5-field cron expression matches (UTC)
  --param key=value      override a parameter of the notebook's parameters cell (repeatable;
                         the value is converted to the type of the parameter's default)
  --once                 run once, print the exposition to stdout, exit 0 (1 if the run failed)
  --push-gateway URL     after each run, PUT the metrics to URL/metrics/job/<job>
  --job NAME             push gateway job name (default vigil)
  --history FILE         append each snapshot to FILE as one JSON line
  --run-timeout DURATION end a run that takes longer (its process is restarted) (default 3
                         intervals, at least 60s, at most 1h; at least 1s when given)
  --max-heap MB          heap cap of the process that runs the notebook's code; a run that
                         exceeds it fails and the process is restarted (default 1024, at least 64)
  --read PATH            let the notebook read PATH too (repeatable; the repository, the notebook's
                         folder and a --param source=PATH are readable already)
  --ffi PATH             let the notebook's process load native libraries from PATH (repeatable;
                         e.g. DuckDB's npm package folder; PATH becomes readable too; default none)
  --idle-timeout DURATION  close a kept-alive connection idle this long (default 30s; a request's
                         head must arrive within ${HEADER_TIMEOUT_SECONDS}s of its first byte)
  --max-connections N    most connections open at once; a new one evicts the oldest idle or
                         half-sent one (default 256; keep it well under \`ulimit -n\`)
  --stale-after N        /readyz fails once the last good snapshot is older than N intervals
                         (default 3)
  --show-errors          show run errors and file paths on /readyz and / to every
                         client (default: only to loopback clients; others see a generic reason)
  --article-metrics      also export model_accuracy, the bare gauge name of the classic Python
                         example, with the same value as vigil_model_accuracy_ratio (default off)
  --help                 show this text

Endpoints: /metrics (Prometheus text 0.0.4, or OpenMetrics when Accept asks for it),
/healthz and /livez (liveness: 200 while the server runs and its worker is alive),
/readyz (readiness: 200 when a good snapshot is less than --stale-after intervals old, else 503),
/ (status page).`;

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * Parses a duration such as `500ms`, `30s`, `5m`, `1h` (a bare number means seconds) into seconds.
 *
 * @throws {UsageError} When the text is not a positive duration.
 * @example
 * ```ts
 * import { parseDuration } from "./options.ts";
 * if (parseDuration("500ms") !== 0.5 || parseDuration("5m") !== 300) throw new Error();
 * ```
 */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[match[2] ?? "s"] ?? 1) : NaN;
  if (!(seconds > 0)) {
    throw new UsageError(`Invalid duration "${text}": expected e.g. 500ms, 30s, 5m or 1h`);
  }
  return seconds;
}

function parseInterval(text: string): number {
  const seconds = parseDuration(text);
  if (seconds < MIN_INTERVAL_SECONDS) {
    throw new UsageError(
      `Invalid --interval "${text}": the shortest interval is ${MIN_INTERVAL_SECONDS * 1000}ms`,
    );
  }
  return seconds;
}

function parseRunTimeout(text: string): number {
  const seconds = parseDuration(text);
  if (seconds < MIN_RUN_TIMEOUT_SECONDS) {
    throw new UsageError(
      `Invalid --run-timeout "${text}": the shortest run timeout is ${MIN_RUN_TIMEOUT_SECONDS}s`,
    );
  }
  return seconds;
}

function parseMaxHeap(text: string): number {
  const mb = Number(text);
  if (!/^\d+$/.test(text.trim()) || mb < MIN_MAX_HEAP_MB) {
    throw new UsageError(
      `Invalid --max-heap "${text}": expected a whole number of MiB, at least ${MIN_MAX_HEAP_MB}`,
    );
  }
  return mb;
}

/**
 * The run timeout in seconds: `--run-timeout` when given, else {@linkcode DEFAULT_RUN_TIMEOUT}
 * applied to `periodSeconds`.
 *
 * @param options Parsed options.
 * @param periodSeconds The schedule's longest gap between due times.
 * @example
 * ```ts
 * import { parseExportArgs, runTimeoutSeconds } from "./options.ts";
 * if (runTimeoutSeconds(parseExportArgs(["--interval", "5m"]), 300) !== 900) throw new Error();
 * if (runTimeoutSeconds(parseExportArgs(["--interval", "1s"]), 1) !== 60) throw new Error();
 * if (runTimeoutSeconds(parseExportArgs(["--run-timeout", "2s"]), 1) !== 2) throw new Error();
 * ```
 */
export function runTimeoutSeconds(options: ExportOptions, periodSeconds: number): number {
  if (options.runTimeout !== undefined) return options.runTimeout;
  const { multiple, minSeconds, maxSeconds } = DEFAULT_RUN_TIMEOUT;
  return Math.min(maxSeconds, Math.max(minSeconds, multiple * periodSeconds));
}

function parseParam(text: string): [string, string] {
  const eq = text.indexOf("=");
  const key = eq > 0 ? text.slice(0, eq) : "";
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) {
    throw new UsageError(`Invalid --param "${text}": expected key=value with an identifier key`);
  }
  return [key, text.slice(eq + 1)];
}

function parseCount(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > 1_000_000) {
    throw new UsageError(`Invalid ${flag} "${text}": expected an integer from ${min} to 1000000`);
  }
  return n;
}

/**
 * Checks `--host`: an IPv4 address, an IPv6 address (brackets optional, removed), or a DNS name.
 * Deno's listener panics with a backtrace on other text, so it is refused here with one line.
 *
 * @throws {UsageError} When `text` is none of those.
 * @example
 * ```ts
 * import { parseHost } from "./options.ts";
 * if (parseHost("[::1]") !== "::1" || parseHost("metrics.local") !== "metrics.local") throw new Error();
 * ```
 */
export function parseHost(text: string): string {
  const bad = (why: string) =>
    new UsageError(
      `Invalid --host "${text}": ${why}; expected e.g. 0.0.0.0, 127.0.0.1, ::1 or a name`,
    );
  const bare = /^\[.*\]$/.test(text) ? text.slice(1, -1) : text;
  if (bare.includes(":")) {
    if (!/^[0-9A-Fa-f:.]+$/.test(bare)) throw bad("not an IPv6 address");
    try {
      new URL(`http://[${bare}]/`);
    } catch {
      throw bad("not an IPv6 address");
    }
    return bare;
  }
  if (/^[\d.]+$/.test(bare)) {
    const parts = bare.split(".");
    if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
      throw bad("not an IPv4 address");
    }
    return bare;
  }
  const label = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  if (bare.length === 0 || bare.length > 253 || !bare.split(".").every((l) => label.test(l))) {
    throw bad("not an address or host name");
  }
  return bare;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`Invalid --port "${text}": expected an integer from 0 to 65535`);
  }
  return port;
}

/** Options that are on when present and take no value. */
const BOOLEAN_FLAGS: ReadonlySet<string> = new Set([
  "--help",
  "--once",
  "--show-errors",
  "--article-metrics",
]);

/**
 * Parses the exporter's arguments (`--name value` or `--name=value`).
 *
 * @param args The arguments after the script name, e.g. `Deno.args`.
 * @returns The options with defaults filled in.
 * @throws {UsageError} On an unknown option, a missing or invalid value, or both `--interval`
 *   and `--cron`.
 * @example
 * ```ts
 * import { parseExportArgs } from "./options.ts";
 * const options = parseExportArgs(["--port=0", "--interval", "30s", "--param", "seed=7"]);
 * if (options.port !== 0 || options.schedule.kind !== "interval") throw new Error();
 * if (options.schedule.seconds !== 30 || options.params.seed !== "7") throw new Error();
 * ```
 */
export function parseExportArgs(args: readonly string[]): ExportOptions {
  const options: ExportOptions = {
    notebook: DEFAULT_NOTEBOOK,
    port: 8000,
    host: "0.0.0.0",
    schedule: { kind: "interval", seconds: 60 },
    params: {},
    once: false,
    pushGateway: undefined,
    job: "vigil",
    history: undefined,
    runTimeout: undefined,
    maxHeapMb: DEFAULT_MAX_HEAP_MB,
    reads: [],
    ffi: [],
    idleTimeoutSeconds: 30,
    maxConnections: 256,
    staleAfterIntervals: 3,
    showErrors: false,
    articleMetrics: false,
    help: false,
  };
  let notebook: string | undefined;
  let interval: number | undefined;
  let cron: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[++i];
      if (next === undefined) throw new UsageError(`Option ${flag} needs a value`);
      return next;
    };
    // A flag given a value (`--once=false`) would otherwise be read as set.
    if (inline !== undefined && BOOLEAN_FLAGS.has(flag)) {
      throw new UsageError(`Option ${flag} takes no value, got "${arg}"`);
    }
    switch (flag) {
      case "--help":
      case "-h":
        options.help = true;
        break;
      case "--once":
        options.once = true;
        break;
      case "--port":
        options.port = parsePort(value());
        break;
      case "--host":
        options.host = parseHost(value());
        break;
      case "--interval":
        interval = parseInterval(value());
        break;
      case "--cron":
        cron = value();
        break;
      case "--param": {
        const [key, v] = parseParam(value());
        options.params[key] = v;
        break;
      }
      case "--push-gateway":
        options.pushGateway = value().replace(/\/+$/, "");
        break;
      case "--job":
        options.job = value();
        break;
      case "--history":
        options.history = value();
        break;
      case "--run-timeout":
        options.runTimeout = parseRunTimeout(value());
        break;
      case "--max-heap":
        options.maxHeapMb = parseMaxHeap(value());
        break;
      case "--read":
        options.reads.push(value());
        break;
      case "--ffi": {
        const path = value();
        if (path.trim() === "") throw new UsageError("Option --ffi needs a path, got an empty one");
        options.ffi.push(path);
        break;
      }
      case "--idle-timeout":
        options.idleTimeoutSeconds = parseDuration(value());
        break;
      case "--max-connections":
        options.maxConnections = parseCount(flag, value(), 1);
        break;
      case "--stale-after":
        options.staleAfterIntervals = parseCount(flag, value(), 1);
        break;
      case "--show-errors":
        options.showErrors = true;
        break;
      case "--article-metrics":
        options.articleMetrics = true;
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`Unknown option "${arg}" (see --help)`);
        if (notebook !== undefined) {
          throw new UsageError(`Unexpected argument "${arg}": only one notebook path is accepted`);
        }
        notebook = arg;
    }
  }
  if (interval !== undefined && cron !== undefined) {
    throw new UsageError("Options --interval and --cron exclude each other");
  }
  if (notebook !== undefined) options.notebook = notebook;
  if (cron !== undefined) options.schedule = { kind: "cron", expression: cron };
  if (interval !== undefined) options.schedule = { kind: "interval", seconds: interval };
  if (options.pushGateway !== undefined && !/^https?:\/\//.test(options.pushGateway)) {
    throw new UsageError(
      `Invalid --push-gateway "${options.pushGateway}": expected an http(s) URL`,
    );
  }
  if (!/^[\w.-]+$/.test(options.job)) {
    throw new UsageError(`Invalid --job "${options.job}": use letters, digits, "_", "." or "-"`);
  }
  return options;
}

/**
 * Serialises the options the launcher parsed, plus the generated module, for the server process.
 *
 * @param options Parsed options.
 * @param module Absolute path of the generated, type-checked module.
 * @param extra What the monitor's process may read and reach. @default read of the module's folder
 * @returns One JSON text (read back with {@linkcode serverOptionsFromJson}).
 * @example
 * ```ts
 * import { parseExportArgs, serverOptionsFromJson, serverOptionsToJson } from "./options.ts";
 * const options = parseExportArgs(["--port", "9100", "--history", "h.jsonl"]);
 * const back = serverOptionsFromJson(serverOptionsToJson(options, "/tmp/m/n.gen.ts"));
 * if (back.port !== 9100 || back.history !== "h.jsonl" || back.module !== "/tmp/m/n.gen.ts") {
 *   throw new Error();
 * }
 * if (back.pushGateway !== undefined || back.schedule.kind !== "interval") throw new Error();
 * ```
 */
export function serverOptionsToJson(
  options: ExportOptions,
  module: string,
  extra: Pick<ServerOptions, "monitorPermissions"> = {},
): string {
  const server: ServerOptions = { ...options, module, ...extra };
  return JSON.stringify(server);
}

/**
 * Reads the JSON {@linkcode serverOptionsToJson} wrote. Options it lacks (JSON drops `undefined`)
 * take their defaults.
 *
 * @param text The JSON text.
 * @returns The server's options.
 * @throws {SyntaxError} When `text` is not JSON.
 * @throws {TypeError} When it is not an options object with a string `module`.
 */
export function serverOptionsFromJson(text: string): ServerOptions {
  const value: unknown = JSON.parse(text);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError("Server options: expected a JSON object");
  }
  const module = (value as { module?: unknown }).module;
  if (typeof module !== "string" || module === "") {
    throw new TypeError('Server options: field "module" must be a non-empty string');
  }
  return { ...parseExportArgs([]), ...(value as Partial<ServerOptions>), module };
}
