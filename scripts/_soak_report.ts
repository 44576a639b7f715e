/**
 * The pure half of `soak_exporter.ts`: reading the exporter's /metrics and log, and turning the
 * samples of a soak run into a report, PASS/FAIL verdicts and a markdown table.
 *
 * @module
 */

/** The exporter's own metric families the soak follows; newer exporters add the last three. */
export const SOAK_METRICS = {
  runs: "vigil_exporter_runs_total",
  failures: "vigil_exporter_run_failures_total",
  skipped: "vigil_exporter_runs_skipped_total",
  lastSuccess: "vigil_exporter_last_success_timestamp_seconds",
  restarts: "vigil_exporter_worker_restarts_total",
  timeouts: "vigil_exporter_run_timeouts_total",
  snapshotAge: "vigil_exporter_snapshot_age_seconds",
} as const;

/** A key of {@linkcode SOAK_METRICS}. */
export type SoakMetric = keyof typeof SOAK_METRICS;

/**
 * The sum of a family's samples (all label sets) in a Prometheus text exposition; undefined when
 * the exposition has no sample of that name.
 *
 * @example
 * ```ts
 * import { metricSum } from "./_soak_report.ts";
 * const text = '# HELP r x\nr{a="1"} 2\nr{a="2"} 3.5\nr_created 9\n';
 * if (metricSum(text, "r") !== 5.5 || metricSum(text, "q") !== undefined) throw new Error();
 * ```
 */
export function metricSum(exposition: string, name: string): number | undefined {
  let sum: number | undefined;
  for (const line of exposition.split("\n")) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{.*\})?\s+(\S+)/.exec(line);
    if (match?.[1] === name) sum = (sum ?? 0) + Number(match[2]);
  }
  return sum;
}

/** One measurement during the soak. */
export interface SoakSample {
  /** Seconds since the exporter listened. */
  t: number;
  /**
   * Resident memory of the server process alone (the long-lived process whose growth matters);
   * undefined when it was not running.
   */
  serverRssBytes: number | undefined;
  /** Its open file descriptors; undefined when it was not running. */
  serverFds: number | undefined;
  /**
   * Resident memory of the server's whole process tree: the server plus the monitor's process,
   * which is replaced after each crash and whose size is dominated by the fault in progress.
   */
  treeRssBytes: number | undefined;
  /** Open file descriptors of the whole tree. */
  treeFds: number | undefined;
  /**
   * Processes in the tree; 1 while the monitor's process is being replaced (the tree is then
   * the server alone); undefined when the server was not running.
   */
  treeProcesses?: number | undefined;
  /** Idle sockets the soak held open at that moment. */
  idleHeld: number;
  /** Idle sockets the server had closed (and the soak reopened) so far. */
  idleReopened: number;
  /** The {@linkcode SOAK_METRICS} /metrics had (absent families and failed scrapes are left out). */
  metrics: Partial<Record<SoakMetric, number>>;
  /** `vigil_exporter_connections_dropped_total` by reason (empty when the scrape failed). */
  drops: Record<string, number>;
}

/** The family of connections the server closed itself, by label `reason`. */
export const DROPPED_METRIC = "vigil_exporter_connections_dropped_total";

/**
 * A family's samples summed by the value of one label (samples without it are left out).
 *
 * @example
 * ```ts
 * import { metricByLabel } from "./_soak_report.ts";
 * const text = 'd{reason="a",x="1"} 2\nd{x="2",reason="a"} 1\nd{reason="b"} 4\nd 9\nd_created 1\n';
 * if (JSON.stringify(metricByLabel(text, "d", "reason")) !== '{"a":3,"b":4}') throw new Error();
 * ```
 */
export function metricByLabel(
  exposition: string,
  name: string,
  label: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of exposition.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const match = /^[^{]*\{(.*)\}\s+(\S+)/.exec(line);
    const value = new RegExp(`(?:^|,)${label}="([^"]*)"`).exec(match?.[1] ?? "")?.[1];
    if (match && value !== undefined) out[value] = (out[value] ?? 0) + Number(match[2]);
  }
  return out;
}

/**
 * The exporter options the soak passes unless `--exporter-arg` sets them: a 256 MiB heap cap so
 * the oom fault ends in about a second (the exporter's default cap is 1 GiB), a 10 s run timeout
 * so a hang ends before the next fault's slot (the default is 3 intervals but at least 60 s), and
 * room for every idle socket plus wrk's connections, so holding them evicts nobody.
 */
export function soakExporterDefaults(idleSockets: number, connections: number): string[] {
  return [
    "--max-heap=256",
    "--run-timeout=10s",
    `--max-connections=${idleSockets + connections + 64}`,
  ];
}

/**
 * The exporter arguments of a soak: each default whose option `userArgs` does not give (as
 * `--opt=v` or `--opt v`), then `userArgs`.
 *
 * @example
 * ```ts
 * import { withDefaults } from "./_soak_report.ts";
 * const args = withDefaults(["--max-heap", "512"], ["--max-heap=256", "--run-timeout=10s"]);
 * if (args.join(" ") !== "--run-timeout=10s --max-heap 512") throw new Error();
 * ```
 */
export function withDefaults(userArgs: readonly string[], defaults: readonly string[]): string[] {
  const flag = (arg: string) => arg.split("=")[0];
  const given = new Set(userArgs.filter((a) => a.startsWith("--")).map(flag));
  return [...defaults.filter((d) => !given.has(flag(d))), ...userArgs];
}

/** What the exporter's log says about runs and injected faults. */
export interface RunLog {
  ok: number;
  failed: number;
  /** Per injected fault, in order: its kind and whether a later run succeeded. */
  faults: { kind: string; recovered: boolean }[];
}

const START = /vigil soak: run starts, fault (\w+)/;
const OK = /vigil export: run \d+ ok in/;
const FAILED = /vigil export: run failed after/;

/**
 * Reads the exporter's stderr: the fault notebook's "run starts, fault KIND" lines and the
 * exporter's "run N ok" / "run failed" lines. A fault counts as recovered when a run that started
 * after it later succeeded.
 *
 * @example
 * ```ts
 * import { readRunLog } from "./_soak_report.ts";
 * const log = [
 *   "vigil soak: run starts, fault throw", "vigil export: run failed after 0.1 s: Error",
 *   "vigil soak: run starts, fault none", "vigil export: run 2 ok in 0.1 s",
 *   "vigil soak: run starts, fault hang",
 * ].join("\n");
 * const r = readRunLog(log);
 * if (r.ok !== 1 || r.failed !== 1 || r.faults.map((f) => f.recovered).join() !== "true,false") {
 *   throw new Error();
 * }
 * ```
 */
export function readRunLog(log: string): RunLog {
  const events: ("start" | "ok" | "failed")[] = [];
  const faultAt: { kind: string; index: number }[] = [];
  for (const line of log.split("\n")) {
    const start = START.exec(line);
    if (start) {
      if (start[1] !== "none") faultAt.push({ kind: start[1] ?? "", index: events.length });
      events.push("start");
    } else if (OK.test(line)) events.push("ok");
    else if (FAILED.test(line)) events.push("failed");
  }
  const lastOk = events.lastIndexOf("ok");
  const faults = faultAt.map(({ kind, index }) => {
    const next = events.indexOf("start", index + 1);
    return { kind, recovered: next >= 0 && lastOk > next };
  });
  const count = (e: string) => events.filter((x) => x === e).length;
  return { ok: count("ok"), failed: count("failed"), faults };
}
