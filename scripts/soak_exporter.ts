/**
 * `deno task soak`: the exporter under load and faults for a long time (issue 7, "Load and soak").
 * Starts the exporter like `deno task export` on test/fixtures/exporter/soak_monitor.ipynb (a
 * run every 2 s; every 8th slot injects the next fault of throw, reject, hang, oom, so the first
 * oom comes after 64 s and one every 64 s after that), holds `--idle` idle sockets open on it the
 * whole time (a third send nothing, a third half a request head, a third one whole request and then
 * stay kept-alive; each one the server closes on its timeouts is reopened and counted), runs wrk
 * against /metrics for the whole duration and samples every 10 s the server process's own RSS and
 * open fds, the same for its whole tree (with the monitor's process), the idle sockets held and
 * the server's own metrics. Ends with SIGTERM, writes a JSON report and prints a markdown table
 * plus PASS/FAIL lines; exits 1 on any FAIL. The RSS verdict is on the server process alone.
 *
 *   deno task soak [--duration 30m] [--idle 500] [--connections 4] [--warmup 2m] [--sample 10s]
 *     [--faults throw,reject,hang,oom] [--fault-every 8] [--interval 2s] [--stop-timeout 10s]
 *     [--min-rate 500] [--max-rss-growth 5] [--out /tmp/vigil_soak.json]
 *     [--exporter-arg=--idle-timeout=30s ...]
 *
 * `--exporter-arg` (repeatable) passes one argument on to the exporter. Unless given that way, the
 * soak passes `--max-heap=256 --run-timeout=10s --max-connections=<idle + connections + 64>`
 * (see `soakExporterDefaults` in _soak_report.ts: the oom fault then ends in about a second, a
 * hang ends before the next fault's slot, and the held sockets evict nobody). The warm-up
 * defaults to 2 min or 10 % of the duration, whichever is shorter. Only 127.0.0.1 is contacted.
 * Needs /usr/bin/wrk (`VIGIL_SETUP_BENCH=1 deno task setup`).
 *
 * @module
 */
import { type ExporterProcess, startExporterProcess } from "../lib/exporter/subprocess.ts";
import { parseDuration } from "../lib/exporter/options.ts";
import { descendants, findServer, processTable, treeStats } from "./_proc_tree.ts";
import { holdIdleSockets, type IdleSockets } from "./_idle_sockets.ts";
import {
  DROPPED_METRIC,
  metricByLabel,
  metricSum,
  readRunLog,
  SOAK_METRICS,
  soakExporterDefaults,
  type SoakSample,
  withDefaults,
} from "./_soak_report.ts";
import { DEFAULT_SOAK_THRESHOLDS, type SoakInput, summarizeSoak } from "./_soak_summary.ts";
import { soakMarkdown } from "./_soak_markdown.ts";
import { runWrk, type WrkResult } from "./_wrk.ts";

const NOTEBOOK = "test/fixtures/exporter/soak_monitor.ipynb";

function options(
  args: string[],
): { get(name: string, fallback: string): string; all(name: string): string[] } {
  const pairs: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.indexOf("=");
    if (eq > 0) pairs.push([arg.slice(0, eq), arg.slice(eq + 1)]);
    else if (arg.startsWith("--") && args[i + 1] !== undefined) {
      pairs.push([arg, args[++i] as string]);
    } else {throw new TypeError(
        `Unexpected argument "${arg}": see the header of scripts/soak_exporter.ts`,
      );}
  }
  return {
    get: (name, fallback) => pairs.findLast(([k]) => k === name)?.[1] ?? fallback,
    all: (name) => pairs.filter(([k]) => k === name).map(([, v]) => v),
  };
}

/** The soak's metrics from /metrics, one retry; empty and a logged reason when both fail. */
async function scrapeMetrics(
  url: string,
): Promise<Pick<SoakSample, "metrics" | "drops">> {
  for (let attempt = 1;; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const text = await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const metrics: SoakSample["metrics"] = {};
      for (const [key, name] of Object.entries(SOAK_METRICS)) {
        const value = metricSum(text, name);
        if (value !== undefined) metrics[key as keyof typeof SOAK_METRICS] = value;
      }
      return { metrics, drops: metricByLabel(text, DROPPED_METRIC, "reason") };
    } catch (e) {
      if (attempt === 2) {
        console.error(`soak: cannot read ${url}: ${(e as Error).message}`);
        return { metrics: {}, drops: {} };
      }
    }
  }
}

async function stopWithin(proc: ExporterProcess, boundMs: number): Promise<SoakInput["stop"]> {
  const t = performance.now();
  const stopped = proc.stop("SIGTERM");
  const timer = (ms: number) => new Promise<undefined>((r) => setTimeout(() => r(undefined), ms));
  const code = await Promise.race([stopped, timer(boundMs)]);
  const seconds = (performance.now() - t) / 1000;
  if (code !== undefined) return { code, seconds };
  const rows = await processTable();
  const server = findServer(rows, proc.child.pid);
  try {
    proc.child.kill("SIGTERM"); // a second signal forces the stop
  } catch {
    // exited meanwhile
  }
  const forcedCode = await Promise.race([stopped, timer(5000)]);
  if (forcedCode !== undefined) {
    return {
      code: undefined,
      seconds,
      forced: `a second SIGTERM ended it with exit ${forcedCode}`,
    };
  }
  // The server and what it started, by pid: processes this script started through the launcher.
  // /usr/bin/kill because Deno.kill needs every --allow-run.
  const pids = server === undefined ? [] : descendants(rows, server).map(String);
  if (pids.length > 0) {
    await new Deno.Command("/usr/bin/kill", { args: ["-KILL", ...pids], stderr: "null" }).output();
  }
  try {
    proc.child.kill("SIGKILL");
  } catch {
    // exited meanwhile
  }
  await stopped;
  return { code: undefined, seconds, forced: "SIGKILL" };
}

async function main(args: string[]): Promise<number> {
  const o = options(args);
  const durationSeconds = parseDuration(o.get("--duration", "30m"));
  const intervalSeconds = parseDuration(o.get("--interval", "2s"));
  const warmupSeconds = parseDuration(o.get("--warmup", `${Math.min(120, durationSeconds / 10)}s`));
  const sampleMs = parseDuration(o.get("--sample", "10s")) * 1000;
  const idle = Number(o.get("--idle", "500"));
  const connections = Number(o.get("--connections", "4"));
  const faultKinds = o.get("--faults", "throw,reject,hang,oom").split(",").filter((k) => k !== "");
  const thresholds = {
    minScrapesPerSecond: Number(
      o.get("--min-rate", String(DEFAULT_SOAK_THRESHOLDS.minScrapesPerSecond)),
    ),
    maxRssGrowthPercent: Number(
      o.get("--max-rss-growth", String(DEFAULT_SOAK_THRESHOLDS.maxRssGrowthPercent)),
    ),
    stopTimeoutSeconds: parseDuration(
      o.get("--stop-timeout", `${DEFAULT_SOAK_THRESHOLDS.stopTimeoutSeconds}s`),
    ),
  };
  for (const [name, v] of Object.entries({ idle, connections, ...thresholds })) {
    if (!(v >= 0)) throw new RangeError(`Invalid ${name}: ${v}`);
  }
  const out = o.get("--out", "/tmp/vigil_soak.json");
  const exporterArgs = withDefaults(
    o.all("--exporter-arg"),
    soakExporterDefaults(idle, connections),
  );
  Deno.statSync("/usr/bin/wrk"); // fails early with a clear NotFound

  const proc = await startExporterProcess([
    o.get("--notebook", NOTEBOOK),
    ...["--host", "127.0.0.1", "--port", "0", "--interval", `${intervalSeconds}s`],
    ...[
      "--param",
      `faults=${faultKinds.join(",")}`,
      "--param",
      `faultEvery=${o.get("--fault-every", "8")}`,
    ],
    ...["--param", `intervalMs=${intervalSeconds * 1000}`, "--param", `faultEpochMs=${Date.now()}`],
    ...exporterArgs,
  ], { timeoutMs: 120_000 });
  const url = `http://127.0.0.1:${proc.port}/metrics`;
  const t0 = performance.now();
  const seconds = () => Math.round((performance.now() - t0) / 100) / 10;
  const wrkStop = new AbortController();
  let exitedEarly: { t: number; code: number } | undefined;
  let stopping = false;
  proc.child.status.then((status) => {
    if (!stopping) exitedEarly = { t: seconds(), code: status.code };
    wrkStop.abort();
  });
  const samples: SoakSample[] = [];
  async function sample(): Promise<void> {
    const rows = await processTable();
    const server = findServer(rows, proc.child.pid);
    const stats = server === undefined ? undefined : await treeStats(rows, server);
    const s: SoakSample = {
      t: seconds(),
      serverRssBytes: stats?.root.rssBytes,
      serverFds: stats?.root.fds,
      treeRssBytes: stats?.rssBytes,
      treeFds: stats?.fds,
      treeProcesses: stats?.pids.length,
      idleHeld: sockets?.held() ?? 0,
      idleReopened: sockets?.reopened() ?? 0,
      ...await scrapeMetrics(url),
    };
    samples.push(s);
    const mib = (b: number | undefined) => b === undefined ? "–" : (b / 2 ** 20).toFixed(1);
    const drops = Object.entries(s.drops).map(([k, v]) => `${k}:${v}`).join(",");
    console.error(
      `soak t=${s.t}s rss=${mib(s.serverRssBytes)}MiB tree=${mib(s.treeRssBytes)}MiB ` +
        `fds=${s.serverFds ?? "–"}/${s.treeFds ?? "–"} procs=${s.treeProcesses ?? "–"} ` +
        `idle=${s.idleHeld} ` +
        `reopened=${s.idleReopened} runs=${s.metrics.runs ?? "–"} ` +
        `failures=${s.metrics.failures ?? "–"} restarts=${s.metrics.restarts ?? "–"} ` +
        `timeouts=${s.metrics.timeouts ?? "–"} drops=${drops || "–"}`,
    );
  }
  let sockets: IdleSockets | undefined;
  let wrk: WrkResult | undefined;
  let aliveAtEnd = false;
  let idleOpen = 0;
  let idleReopened = 0;
  let idleConnectFailures = 0;
  let stop: SoakInput["stop"] = { code: undefined, seconds: 0 };
  let wrkSeconds = 0;
  try {
    await sample();
    sockets = holdIdleSockets(proc.port, idle);
    let inFlight = Promise.resolve();
    const sampler = setInterval(() => (inFlight = sample()), sampleMs);
    const wrkStart = performance.now();
    try {
      wrk = await runWrk(url, {
        duration: `${durationSeconds}s`,
        connections,
        signal: wrkStop.signal,
      });
    } catch (e) {
      console.error(`soak: ${(e as Error).message}`);
    } finally {
      wrkSeconds = (performance.now() - wrkStart) / 1000;
      clearInterval(sampler);
      await inFlight;
    }
    await sample();
    aliveAtEnd = exitedEarly === undefined &&
      findServer(await processTable(), proc.child.pid) !== undefined;
  } finally {
    idleOpen = sockets?.held() ?? 0;
    idleReopened = sockets?.reopened() ?? 0;
    idleConnectFailures = sockets?.connectFailures() ?? 0;
    await sockets?.close();
    stopping = true;
    stop = await stopWithin(proc, thresholds.stopTimeoutSeconds * 1000);
  }
  const report = summarizeSoak({
    durationSeconds,
    wrkSeconds,
    exitedEarly,
    logTail: proc.stderr().trimEnd().split("\n").slice(-30),
    warmupSeconds,
    intervalSeconds,
    connections,
    idleSockets: idle,
    idleOpenAtEnd: idleOpen,
    idleReopened,
    idleConnectFailures,
    wrk,
    samples,
    runLog: readRunLog(proc.stderr()),
    faultKinds,
    aliveAtEnd,
    stop,
    exporterArgs,
  }, thresholds);
  await Deno.writeTextFile(out, JSON.stringify(report, null, 2) + "\n");
  console.log(soakMarkdown(report));
  console.log(`report: ${out}`);
  return report.pass ? 0 : 1;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
