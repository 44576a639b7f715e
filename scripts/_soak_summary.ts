/**
 * A soak run's report: scrape speed, memory and files at start / after warm-up / at the end, runs
 * and faults, and the PASS/FAIL verdicts issue 7 asks for; as JSON and as a markdown table.
 *
 * @module
 */
import type { WrkResult } from "./_wrk.ts";
import type { RunLog, SoakMetric, SoakSample } from "./_soak_report.ts";

/** What a soak run observed. */
export interface SoakInput {
  /** The planned duration. */
  durationSeconds: number;
  /** How long wrk actually ran (shorter when the exporter died). */
  wrkSeconds: number;
  warmupSeconds: number;
  intervalSeconds: number;
  connections: number;
  idleSockets: number;
  /** Idle sockets the server had not closed at the end. */
  idleOpenAtEnd: number;
  /** wrk's summary; undefined when wrk failed. */
  wrk: WrkResult | undefined;
  samples: SoakSample[];
  runLog: RunLog;
  /** The fault kinds the notebook cycles through. */
  faultKinds: string[];
  /** Whether the server was still running just before the stop. */
  aliveAtEnd: boolean;
  /** When and how the exporter exited before the stop; undefined when it did not. */
  exitedEarly: { t: number; code: number } | undefined;
  /**
   * Exit code after SIGTERM and how long it took; code undefined when it did not stop within the
   * bound, `forced` then says how it was ended.
   */
  stop: { code: number | undefined; seconds: number; forced?: string };
  /** The exporter's last log lines (for the JSON report). */
  logTail: string[];
  exporterArgs: string[];
}

/** Pass marks. */
export interface SoakThresholds {
  /** @default 500 */
  minScrapesPerSecond: number;
  /** @default 5 */
  maxRssGrowthPercent: number;
  /** @default 10 */
  stopTimeoutSeconds: number;
}

/** Default {@linkcode SoakThresholds}, from issue 7. */
export const DEFAULT_SOAK_THRESHOLDS: SoakThresholds = {
  minScrapesPerSecond: 500,
  maxRssGrowthPercent: 5,
  stopTimeoutSeconds: 10,
};

/** One PASS/FAIL line. */
export interface Verdict {
  name: string;
  pass: boolean;
  detail: string;
}

/** Start, after warm-up and end values of one measure (undefined: never measured). */
export interface Trio {
  start: number | undefined;
  warm: number | undefined;
  end: number | undefined;
}

/** The report written as JSON. */
export interface SoakReport {
  input: Omit<SoakInput, "samples" | "runLog">;
  rssBytes: Trio & { growthPercent: number | undefined };
  fds: Trio;
  runs: { ok: number; failed: number; restarts?: number; timeouts?: number };
  faults: Record<string, { injected: number; recovered: number }>;
  verdicts: Verdict[];
  pass: boolean;
  samples: SoakSample[];
}

function trio(
  samples: SoakSample[],
  warmupSeconds: number,
  pick: (s: SoakSample) => number | undefined,
): Trio {
  const measured = samples.filter((s) => pick(s) !== undefined);
  const warm = measured.find((s) => s.t >= warmupSeconds);
  return {
    start: measured[0] && pick(measured[0]),
    warm: warm && pick(warm),
    end: measured.at(-1) && pick(measured.at(-1) as SoakSample),
  };
}

/**
 * Computes the report and verdicts: scrapes/s ≥ the minimum, RSS growth from the first sample
 * at or after warm-up to the last one below the maximum, every configured fault injected and
 * recovered, the server alive at the end, exit code 0 within the stop bound.
 *
 * @example
 * ```ts
 * import { summarizeSoak, DEFAULT_SOAK_THRESHOLDS } from "./_soak_summary.ts";
 * const s = (t: number, rss: number) => ({ t, rssBytes: rss, fds: 30, metrics: {} });
 * const report = summarizeSoak({
 *   durationSeconds: 60, wrkSeconds: 60, exitedEarly: undefined, logTail: [], warmupSeconds: 10, intervalSeconds: 2, connections: 4, idleSockets: 5,
 *   idleOpenAtEnd: 5, exporterArgs: [], faultKinds: ["throw"], aliveAtEnd: true,
 *   wrk: { requestsPerSecond: 900, p50Seconds: 0.001, p99Seconds: 0.004, requests: 54000, errors: 0 },
 *   samples: [s(0, 90), s(10, 100), s(60, 104)],
 *   runLog: { ok: 20, failed: 1, faults: [{ kind: "throw", recovered: true }] },
 *   stop: { code: 0, seconds: 0.2 },
 * }, DEFAULT_SOAK_THRESHOLDS);
 * if (!report.pass || report.rssBytes.growthPercent !== 4) throw new Error();
 * ```
 */
export function summarizeSoak(input: SoakInput, thresholds: SoakThresholds): SoakReport {
  const { samples, runLog, ...rest } = input;
  const rss = trio(samples, input.warmupSeconds, (s) => s.rssBytes);
  const growthPercent = rss.warm !== undefined && rss.end !== undefined
    ? (rss.end - rss.warm) / rss.warm * 100
    : undefined;
  // the last value each family had: a scrape can fail, e.g. while the exporter is dying
  const last = (key: SoakMetric) =>
    samples.findLast((s) => s.metrics[key] !== undefined)?.metrics[key];
  const restarts = last("restarts");
  const timeouts = last("timeouts");
  const faults: SoakReport["faults"] = {};
  for (const kind of input.faultKinds) faults[kind] = { injected: 0, recovered: 0 };
  for (const f of runLog.faults) {
    const entry = (faults[f.kind] ??= { injected: 0, recovered: 0 });
    entry.injected++;
    if (f.recovered) entry.recovered++;
  }
  const rate = input.wrk?.requestsPerSecond;
  const faultText = Object.entries(faults).map(([k, v]) => `${k} ${v.recovered}/${v.injected}`);
  const verdicts: Verdict[] = [
    {
      name: `scrapes/s >= ${thresholds.minScrapesPerSecond}`,
      pass: rate !== undefined && rate >= thresholds.minScrapesPerSecond,
      detail: rate === undefined ? "wrk failed" : `${rate.toFixed(0)}/s`,
    },
    {
      name: `RSS growth after warm-up < ${thresholds.maxRssGrowthPercent} %`,
      pass: growthPercent !== undefined && growthPercent < thresholds.maxRssGrowthPercent,
      detail: growthPercent === undefined ? "not measured" : `${growthPercent.toFixed(1)} %`,
    },
    {
      name: "every fault injected and recovered",
      pass: Object.values(faults).every((v) => v.injected > 0 && v.recovered === v.injected),
      detail: `recovered/injected: ${faultText.join(", ")}`,
    },
    {
      name: "exporter alive at the end",
      pass: input.aliveAtEnd,
      detail: input.exitedEarly !== undefined
        ? `the exporter exited with code ${input.exitedEarly.code} at ${input.exitedEarly.t} s`
        : input.aliveAtEnd
        ? "yes"
        : "the server had exited",
    },
    {
      name: `clean stop on SIGTERM within ${thresholds.stopTimeoutSeconds} s`,
      pass: input.stop.code === 0 && input.stop.seconds <= thresholds.stopTimeoutSeconds,
      detail: input.exitedEarly !== undefined
        ? `had already exited with code ${input.exitedEarly.code}`
        : input.stop.code === undefined
        ? `still running after ${input.stop.seconds.toFixed(1)} s; ${input.stop.forced ?? "killed"}`
        : `exit ${input.stop.code} after ${input.stop.seconds.toFixed(1)} s`,
    },
  ];
  return {
    input: rest,
    rssBytes: { ...rss, growthPercent },
    fds: trio(samples, input.warmupSeconds, (s) => s.fds),
    runs: {
      ok: runLog.ok,
      failed: runLog.failed,
      ...(restarts === undefined ? {} : { restarts }),
      ...(timeouts === undefined ? {} : { timeouts }),
    },
    faults,
    verdicts,
    pass: verdicts.every((v) => v.pass),
    samples,
  };
}

function show(value: number | undefined, scale = 1, digits = 0): string {
  return value === undefined ? "–" : (value / scale).toFixed(digits);
}

/** The report as a markdown table (for the README) followed by the PASS/FAIL lines. */
export function soakMarkdown(report: SoakReport): string {
  const { input, rssBytes: rss, fds, runs } = report;
  const w = input.wrk;
  const ms = (s: number | undefined) => show(s, 1e-3, 2);
  const mib = (b: number | undefined) => show(b, 2 ** 20, 1);
  const rows = [
    [
      "load",
      `${
        Math.abs(input.wrkSeconds - input.durationSeconds) < 1
          ? input.durationSeconds
          : `${input.wrkSeconds.toFixed(0)} (of ${input.durationSeconds} planned)`
      } s of wrk -t1 -c${input.connections}, ${input.idleSockets} idle sockets (${input.idleOpenAtEnd} still open at the end), a run every ${input.intervalSeconds} s`,
    ],
    [
      "exporter options",
      input.exporterArgs.length === 0 ? "defaults" : `\`${input.exporterArgs.join(" ")}\``,
    ],
    ["scrapes/s", show(w?.requestsPerSecond)],
    ["latency p50 / p99", `${ms(w?.p50Seconds)} / ${ms(w?.p99Seconds)} ms`],
    ["scrape errors", `${show(w?.errors)} of ${show(w?.requests)}`],
    [
      "RSS start / after warm-up / end",
      `${mib(rss.start)} / ${mib(rss.warm)} / ${mib(rss.end)} MiB (${
        show(rss.growthPercent, 1, 1)
      } % after warm-up)`,
    ],
    [
      "open fds start / after warm-up / end",
      `${show(fds.start)} / ${show(fds.warm)} / ${show(fds.end)}`,
    ],
    ["runs ok / failed", `${runs.ok} / ${runs.failed}`],
    ["worker restarts / run timeouts", `${show(runs.restarts)} / ${show(runs.timeouts)}`],
    [
      "faults recovered / injected",
      Object.entries(report.faults).map(([k, v]) => `${k} ${v.recovered}/${v.injected}`).join(", "),
    ],
  ];
  return [
    "| soak | result |",
    "| --- | --- |",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    "",
    ...report.verdicts.map((v) => `${v.pass ? "PASS" : "FAIL"} ${v.name}: ${v.detail}`),
  ].join("\n");
}
