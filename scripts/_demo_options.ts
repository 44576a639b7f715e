/**
 * Options of `deno task demo` (scripts/demo.ts): parsing, defaults, usage, and the exporter's
 * arguments they imply.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { dirname, resolve } from "node:path";
import { parseDuration } from "../lib/exporter/options.ts";

/**
 * The demo's monitoring notebook: it reads the prediction log (`--param log`), windows by time
 * with late labels, CBPE estimates and label coverage.
 */
export const DEMO_NOTEBOOK = "notebooks/05_production_loop.ipynb";

/** Usage text of `deno task demo --help`. */
export const DEMO_USAGE = `Usage: deno task demo [options]

Starts the model service (logging to a DuckDB file), a seeded traffic generator (healthy Iris
traffic, then petal_length drifts by 2 sd; labels posted late, some never) and the exporter on a
monitoring notebook that reads the log (label coverage, accuracy over the labels that arrived,
CBPE estimates). Ctrl-C (or SIGTERM) stops all three; the log is flushed.

  --port N              model service port (default 8080)
  --exporter-port N     exporter port (default 8000)
  --log PATH            prediction log, replaced at start (default log/demo.duckdb; must be in log/)
  --queue-capacity N    prediction-log rows queued before /predict answers 503 (default 100000)
  --rate N              /predict requests per second (default 20)
  --window DURATION     length of one scenario window (default 30s)
  --drift-after N       healthy windows before the drift (default 4)
  --label-delay DURATION  time from a prediction to its label (default 30s)
  --label-share X       share of labels that ever arrive, 0 to 1 (default 0.8)
  --seed N              seed of the traffic (default 0)
  --duration DURATION   stop after this long (default: run until Ctrl-C)
  --interval DURATION   the exporter's run interval (default 10s)
  --notebook PATH       the monitoring notebook (default ${DEMO_NOTEBOOK})
  --watch-log           the notebook reads the log (the default): every --interval the demo
                        writes a consistent copy, <log>_snapshot.duckdb (the service holds
                        DuckDB's lock on the log itself), and passes the notebook --param
                        log=<its absolute path>, read of its folder and FFI of DuckDB's package
  --no-watch-log        for a notebook with its own source (e.g. notebooks/04_iris_monitoring.ipynb)
  --exporter-arg ARG    pass ARG on to the exporter (repeatable)
  --help                show this text`;

/** Parsed demo options. */
export interface DemoOptions {
  /** Service port. @default 8080 */
  port: number;
  /** Exporter port. @default 8000 */
  exporterPort: number;
  /** DuckDB file of the log. @default "log/demo.duckdb" */
  log: string;
  /** Log rows queued before the service answers 503. @default 100000 */
  queueCapacity: number;
  /** Requests per second. @default 20 */
  rate: number;
  /** Seconds per scenario window. @default 30 */
  windowSeconds: number;
  /** Healthy windows before the drift. @default 4 */
  driftAfter: number;
  /** Label delay in ms. @default 30000 */
  labelDelayMs: number;
  /** Share of labels that arrive. @default 0.8 */
  labelShare: number;
  /** Traffic seed. @default 0 */
  seed: number;
  /** Seconds to run; Infinity until stopped. @default Infinity */
  durationSeconds: number;
  /** Exporter interval, as given. @default "10s" */
  interval: string;
  /** Monitoring notebook. @default DEMO_NOTEBOOK */
  notebook: string;
  /** Whether the notebook reads the log (`--no-watch-log` turns it off). @default true */
  watchLog: boolean;
  /** Extra exporter arguments. @default [] */
  exporterArgs: string[];
  /** Print usage. @default false */
  help: boolean;
}

function number(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max = Infinity,
) {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (text.trim() === "" || !(v >= min && v <= max)) {
    throw new RangeError(`Option --${name} must be a number in [${min}, ${max}], got "${text}"`);
  }
  return v;
}

/**
 * Parses the demo's arguments.
 *
 * @throws {RangeError} On an out-of-range value or a log outside `log/`.
 * @throws {TypeError} On an unknown option (from `node:util` parseArgs).
 * @example
 * ```ts
 * import { parseDemoArgs } from "./_demo_options.ts";
 * const o = parseDemoArgs(["--rate", "50", "--duration", "2m", "--label-share", "0.5"]);
 * if (o.rate !== 50 || o.durationSeconds !== 120 || o.labelShare !== 0.5) throw new Error();
 * if (parseDemoArgs([]).durationSeconds !== Infinity) throw new Error();
 * ```
 */
export function parseDemoArgs(args: readonly string[]): DemoOptions {
  const { values: v } = parseArgs({
    args: [...args],
    allowNegative: true,
    options: {
      port: { type: "string" },
      "exporter-port": { type: "string" },
      log: { type: "string", default: "log/demo.duckdb" },
      "queue-capacity": { type: "string" },
      rate: { type: "string" },
      window: { type: "string" },
      "drift-after": { type: "string" },
      "label-delay": { type: "string" },
      "label-share": { type: "string" },
      seed: { type: "string" },
      duration: { type: "string" },
      interval: { type: "string", default: "10s" },
      notebook: { type: "string", default: DEMO_NOTEBOOK },
      "watch-log": { type: "boolean", default: true },
      "exporter-arg": { type: "string", multiple: true, default: [] },
      help: { type: "boolean", default: false },
    },
  });
  const seconds = (text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    try {
      return parseDuration(text);
    } catch (e) {
      throw new RangeError((e as Error).message);
    }
  };
  const rel = resolve(v.log).slice(resolve("log").length);
  if (!rel.startsWith("/") || !v.log.endsWith(".duckdb")) {
    throw new RangeError(`Option --log must be a .duckdb file under log/, got "${v.log}"`);
  }
  seconds(v.interval, 0);
  return {
    port: number("port", v.port, 8080, 0, 65535),
    exporterPort: number("exporter-port", v["exporter-port"], 8000, 0, 65535),
    log: v.log,
    queueCapacity: number("queue-capacity", v["queue-capacity"], 100_000, 1),
    rate: number("rate", v.rate, 20, 0.01, 100_000),
    windowSeconds: seconds(v.window, 30),
    driftAfter: number("drift-after", v["drift-after"], 4, 0),
    labelDelayMs: seconds(v["label-delay"], 30) * 1000,
    labelShare: number("label-share", v["label-share"], 0.8, 0, 1),
    seed: number("seed", v.seed, 0, 0),
    durationSeconds: seconds(v.duration, Infinity),
    interval: v.interval,
    notebook: v.notebook,
    watchLog: v["watch-log"],
    exporterArgs: v["exporter-arg"],
    help: v.help,
  };
}

/**
 * The snapshot of the log a watching notebook reads: `log/demo.duckdb` → `log/demo_snapshot.duckdb`.
 *
 * @example
 * ```ts
 * import { snapshotPath } from "./_demo_options.ts";
 * if (snapshotPath("log/demo.duckdb") !== "log/demo_snapshot.duckdb") throw new Error();
 * ```
 */
export function snapshotPath(log: string): string {
  return log.replace(/\.duckdb$/, "_snapshot.duckdb");
}

/**
 * The exporter's arguments for the demo: the notebook on 127.0.0.1 at `port` every interval, and
 * with `watchLog` the log snapshot's absolute path as `--param log`, read of its folder and FFI
 * (and read) of DuckDB's package folder `duckdbDir`.
 *
 * @example
 * ```ts
 * import { demoExporterArgs, parseDemoArgs } from "./_demo_options.ts";
 * const a = demoExporterArgs(parseDemoArgs([]), 8000, "/cache/@duckdb", "/r");
 * if (!a.includes("log=/r/log/demo_snapshot.duckdb") || a.at(-1) !== "/cache/@duckdb") {
 *   throw new Error(a.join(" "));
 * }
 * ```
 */
export function demoExporterArgs(
  options: DemoOptions,
  port: number,
  duckdbDir: string,
  cwd: string,
): string[] {
  const args = [options.notebook, "--host", "127.0.0.1", "--port", String(port)];
  args.push("--interval", options.interval, ...options.exporterArgs);
  if (options.watchLog) {
    const log = resolve(cwd, snapshotPath(options.log));
    args.push("--param", `log=${log}`, "--read", dirname(log), "--ffi", duckdbDir);
  }
  return args;
}
