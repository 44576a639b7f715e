/**
 * A soak report as the markdown table the README quotes, followed by its PASS/FAIL lines.
 *
 * @module
 */
import type { SoakReport } from "./_soak_summary.ts";

function show(value: number | undefined, scale = 1, digits = 0): string {
  return value === undefined ? "–" : (value / scale).toFixed(digits);
}

/**
 * The report as a markdown table (for the README) followed by the PASS/FAIL lines.
 *
 * @example
 * ```ts
 * import { soakMarkdown } from "./_soak_markdown.ts";
 * import { DEFAULT_SOAK_THRESHOLDS, summarizeSoak } from "./_soak_summary.ts";
 * const report = summarizeSoak({
 *   durationSeconds: 60, wrkSeconds: 60, exitedEarly: undefined, logTail: [], warmupSeconds: 10,
 *   intervalSeconds: 2, connections: 4, idleSockets: 5, idleOpenAtEnd: 5, idleReopened: 3,
 *   idleConnectFailures: 0, exporterArgs: [], faultKinds: [], aliveAtEnd: true, wrk: undefined,
 *   samples: [], runLog: { ok: 0, failed: 0, faults: [] }, stop: { code: 0, seconds: 0.2 },
 * }, DEFAULT_SOAK_THRESHOLDS);
 * const text = soakMarkdown(report);
 * if (!text.includes("| scrapes/s | – |") || !text.includes("FAIL scrapes/s >= 500")) throw new Error();
 * ```
 */
export function soakMarkdown(report: SoakReport): string {
  const { input, serverRssBytes: rss, treeRssBytes: tree, serverFds: fds, treeFds, runs } = report;
  const spread = report.treeRssAfterWarmup;
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
      } s of wrk -t1 -c${input.connections}, ${input.idleSockets} idle sockets held, a run every ${input.intervalSeconds} s`,
    ],
    [
      "idle sockets held at the samples after warm-up: min / max / last",
      report.idleHeld === undefined
        ? "–"
        : `${report.idleHeld.min} / ${report.idleHeld.max} / ${report.idleHeld.last}`,
    ],
    [
      "idle sockets closed by the server and reopened",
      `${input.idleReopened}${
        input.idleConnectFailures > 0 ? ` (${input.idleConnectFailures} connects failed)` : ""
      }`,
    ],
    [
      "connections the server closed, by reason",
      Object.keys(report.drops).length === 0
        ? "none"
        : Object.entries(report.drops).map(([k, v]) => `${k} ${v}`).join(", "),
    ],
    [
      "exporter options",
      input.exporterArgs.length === 0 ? "defaults" : `\`${input.exporterArgs.join(" ")}\``,
    ],
    ["scrapes/s", show(w?.requestsPerSecond)],
    ["latency p50 / p99", `${ms(w?.p50Seconds)} / ${ms(w?.p99Seconds)} ms`],
    ["scrape errors", `${show(w?.errors)} of ${show(w?.requests)}`],
    [
      "server RSS start / after warm-up / end",
      `${mib(rss.start)} / ${mib(rss.warm)} / ${mib(rss.end)} MiB (${
        show(rss.growthPercent, 1, 1)
      } % after warm-up)`,
    ],
    [
      "tree RSS (server + monitor process) start / after warm-up / end",
      `${mib(tree.start)} / ${mib(tree.warm)} / ${mib(tree.end)} MiB (${
        show(tree.growthPercent, 1, 1)
      } % after warm-up)`,
    ],
    [
      "tree RSS after warm-up: min / median / max",
      `${mib(spread?.min)} / ${mib(spread?.median)} / ${
        mib(spread?.max)
      } MiB (${report.samplesWithoutMonitor} samples fell while the monitor process was being replaced: left out)`,
    ],
    [
      "server open fds start / after warm-up / end",
      `${show(fds.start)} / ${show(fds.warm)} / ${show(fds.end)}`,
    ],
    [
      "tree open fds start / after warm-up / end",
      `${show(treeFds.start)} / ${show(treeFds.warm)} / ${show(treeFds.end)}`,
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
