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
  /** Idle sockets the soak kept open (each reopened when the server closed it). */
  idleSockets: number;
  /** Idle sockets held just before the stop. */
  idleOpenAtEnd: number;
  /** Idle sockets the server closed during the soak (all reopened). */
  idleReopened: number;
  /** Failed connection attempts of the idle sockets. */
  idleConnectFailures: number;
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

/** Start, after warm-up and end values, and the growth from after warm-up to the end in %. */
export type GrowthTrio = Trio & { growthPercent: number | undefined };

/** The report written as JSON. */
export interface SoakReport {
  input: Omit<SoakInput, "samples" | "runLog">;
  /** The server process alone: the RSS verdict is on this. */
  serverRssBytes: GrowthTrio;
  /**
   * The server and the monitor's process (replaced on each crash), for comparison: only samples
   * taken while the monitor's process ran (else the tree is the server alone).
   */
  treeRssBytes: GrowthTrio;
  /** The tree's RSS over those samples after warm-up: its spread shows the faults in progress. */
  treeRssAfterWarmup: { min: number; median: number; max: number } | undefined;
  /** Samples after warm-up taken while the monitor's process was being replaced. */
  samplesWithoutMonitor: number;
  serverFds: Trio;
  /** Like {@linkcode SoakReport.treeRssBytes}. */
  treeFds: Trio;
  /** Idle sockets held at the samples after warm-up: fewest, most, last. */
  idleHeld: { min: number; max: number; last: number } | undefined;
  /** Connections the server closed itself, by reason, at the last sample that had them. */
  drops: Record<string, number>;
  runs: { ok: number; failed: number; restarts?: number; timeouts?: number };
  faults: Record<string, { injected: number; recovered: number }>;
  verdicts: Verdict[];
  pass: boolean;
  samples: SoakSample[];
}

function growth(t: Trio): GrowthTrio {
  const growthPercent = t.warm !== undefined && t.end !== undefined
    ? (t.end - t.warm) / t.warm * 100
    : undefined;
  return { ...t, growthPercent };
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
 * Computes the report and verdicts: scrapes/s ≥ the minimum, the server process's RSS growth from
 * the first sample at or after warm-up to the last one below the maximum (the whole tree's growth
 * is reported beside it: the monitor's process is replaced on each crash and its size follows the
 * fault in progress), every configured fault injected and recovered, the server alive at the end,
 * exit code 0 within the stop bound.
 *
 * @example
 * ```ts
 * import { summarizeSoak, DEFAULT_SOAK_THRESHOLDS } from "./_soak_summary.ts";
 * const s = (t: number, rss: number) => ({
 *   t, serverRssBytes: rss, serverFds: 30, treeRssBytes: rss * 3, treeFds: 40,
 *   idleHeld: 5, idleReopened: 0, metrics: {}, drops: {},
 * });
 * const report = summarizeSoak({
 *   durationSeconds: 60, wrkSeconds: 60, exitedEarly: undefined, logTail: [], warmupSeconds: 10, intervalSeconds: 2, connections: 4, idleSockets: 5,
 *   idleOpenAtEnd: 5, idleReopened: 3, idleConnectFailures: 0, exporterArgs: [], faultKinds: ["throw"], aliveAtEnd: true,
 *   wrk: { requestsPerSecond: 900, p50Seconds: 0.001, p99Seconds: 0.004, requests: 54000, errors: 0 },
 *   samples: [s(0, 90), s(10, 100), s(60, 104)],
 *   runLog: { ok: 20, failed: 1, faults: [{ kind: "throw", recovered: true }] },
 *   stop: { code: 0, seconds: 0.2 },
 * }, DEFAULT_SOAK_THRESHOLDS);
 * if (!report.pass || report.serverRssBytes.growthPercent !== 4) throw new Error();
 * ```
 */
export function summarizeSoak(input: SoakInput, thresholds: SoakThresholds): SoakReport {
  const { samples, runLog, ...rest } = input;
  const rss = growth(trio(samples, input.warmupSeconds, (s) => s.serverRssBytes));
  const withMonitor = samples.filter((s) => s.treeProcesses !== 1);
  const tree = growth(trio(withMonitor, input.warmupSeconds, (s) => s.treeRssBytes));
  const treeWarm = withMonitor.filter((s) => s.t >= input.warmupSeconds)
    .flatMap((s) => s.treeRssBytes === undefined ? [] : [s.treeRssBytes]).sort((a, b) => a - b);
  const mid = treeWarm.length / 2;
  const growthPercent = rss.growthPercent;
  // after warm-up: the sockets open while the first samples are taken
  const held = samples.filter((s) => s.t >= input.warmupSeconds).map((s) => s.idleHeld);
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
      name: `server RSS growth after warm-up < ${thresholds.maxRssGrowthPercent} %`,
      pass: growthPercent !== undefined && growthPercent < thresholds.maxRssGrowthPercent,
      detail: growthPercent === undefined
        ? "not measured"
        : `${growthPercent.toFixed(1)} % (whole tree with the monitor's process: ${
          tree.growthPercent?.toFixed(1) ?? "–"
        } %)`,
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
    serverRssBytes: rss,
    treeRssBytes: tree,
    treeRssAfterWarmup: treeWarm.length === 0 ? undefined : {
      min: treeWarm[0] as number,
      median: ((treeWarm[Math.ceil(mid) - 1] as number) + (treeWarm[Math.floor(mid)] as number)) /
        2,
      max: treeWarm.at(-1) as number,
    },
    samplesWithoutMonitor:
      samples.filter((s) => s.t >= input.warmupSeconds && s.treeProcesses === 1).length,
    serverFds: trio(samples, input.warmupSeconds, (s) => s.serverFds),
    treeFds: trio(withMonitor, input.warmupSeconds, (s) => s.treeFds),
    idleHeld: held.length === 0
      ? undefined
      : { min: Math.min(...held), max: Math.max(...held), last: held.at(-1) as number },
    drops: samples.findLast((s) => Object.keys(s.drops).length > 0)?.drops ?? {},
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
