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
  /** Resident memory of the server's process tree; undefined when it was not running. */
  rssBytes: number | undefined;
  /** Its open file descriptors; undefined when it was not running. */
  fds: number | undefined;
  /** The {@linkcode SOAK_METRICS} /metrics had (absent families and failed scrapes are left out). */
  metrics: Partial<Record<SoakMetric, number>>;
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
