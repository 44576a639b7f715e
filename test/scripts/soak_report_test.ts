import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";
import { descendants, findServer, parsePs } from "../../scripts/_proc_tree.ts";
import {
  metricByLabel,
  metricSum,
  readRunLog,
  soakExporterDefaults,
  type SoakSample,
  withDefaults,
} from "../../scripts/_soak_report.ts";
import {
  DEFAULT_SOAK_THRESHOLDS,
  type SoakInput,
  summarizeSoak,
} from "../../scripts/_soak_summary.ts";
import { soakMarkdown } from "../../scripts/_soak_markdown.ts";

const PS = `
    1     0 15884 /sbin/init
  300     1  9000 bash
  400   300 41000 deno run --allow-read=. scripts/export.ts soak_monitor.ipynb
  401   400 30000 deno check /tmp/vigil_export_x/m.gen.ts
  402   400 81920 deno run --no-prompt --config /r/deno.json /r/lib/exporter/server.ts {"notebook":"a b"}
  403   402  2048 deno run /r/lib/exporter/_worker_process.ts
  404   403     0 [deno] <defunct>
`;

Deno.test("parsePs() reads pid, ppid, RSS in bytes and arguments with spaces", () => {
  const rows = parsePs(PS);
  assertEquals(rows.length, 7);
  assertEquals(rows[4], {
    pid: 402,
    ppid: 400,
    rssBytes: 81920 * 1024,
    args: 'deno run --no-prompt --config /r/deno.json /r/lib/exporter/server.ts {"notebook":"a b"}',
  });
  assertEquals(rows[6]?.rssBytes, 0);
  assertEquals(parsePs(""), []);
});

Deno.test("findServer() picks the launcher's server child, not the type-check child", () => {
  const rows = parsePs(PS);
  assertEquals(findServer(rows, 400), 402);
  assertEquals(findServer(rows, 300), 400, "an only child is taken");
  assertEquals(findServer(rows, 404), undefined, "no children: the server has exited");
});

Deno.test("descendants() walks the whole tree below the server, root first", () => {
  const rows = parsePs(PS);
  assertEquals(descendants(rows, 402), [402, 403, 404]);
  assertEquals(descendants(rows, 1), [1, 300, 400, 401, 402, 403, 404]);
  assertEquals(descendants(rows, 999), []);
});

Deno.test("metricSum() adds every label set of a family and ignores look-alike names", () => {
  const text = [
    "# HELP vigil_exporter_runs_total Monitor runs",
    "# TYPE vigil_exporter_runs_total counter",
    'vigil_exporter_runs_total{monitor="fault"} 12',
    'vigil_exporter_runs_total{monitor="other",x="}"} 3',
    "vigil_exporter_runs_total_created 1700000000",
    "vigil_exporter_run_failures_total 4",
    "vigil_exporter_last_success_timestamp_seconds 1.7e9",
  ].join("\n");
  assertEquals(metricSum(text, "vigil_exporter_runs_total"), 15);
  assertEquals(metricSum(text, "vigil_exporter_run_failures_total"), 4);
  assertEquals(metricSum(text, "vigil_exporter_last_success_timestamp_seconds"), 1.7e9);
  assertEquals(metricSum(text, "vigil_exporter_worker_restarts_total"), undefined);
});

function log(...lines: string[]): string {
  return lines.map((l) =>
    l === "ok"
      ? "vigil export: run 3 ok in 0.010 s (0 of 1 checks failing)"
      : l === "failed"
      ? "vigil export: run failed after 0.010 s: Error: x"
      : `vigil soak: run starts, fault ${l}`
  ).join("\n");
}

Deno.test("readRunLog() counts a fault recovered only when a later run succeeds", () => {
  // reject: its own run succeeds, then the worker is dead and later runs fail without starting
  const dead = readRunLog(log("none", "ok", "reject", "ok", "failed", "failed"));
  assertEquals(dead, { ok: 2, failed: 2, faults: [{ kind: "reject", recovered: false }] });
  const back = readRunLog(log("throw", "failed", "none", "failed", "none", "ok", "hang"));
  assertEquals(back.faults, [
    { kind: "throw", recovered: true },
    { kind: "hang", recovered: false },
  ]);
  assertEquals(readRunLog("").faults, []);
});

/** A sample whose tree is the server plus a monitor process of `childMib` (default 50 MiB). */
function sample(
  t: number,
  mib: number | undefined,
  metrics: SoakSample["metrics"] = {},
  more: Partial<SoakSample> = {},
): SoakSample {
  const bytes = mib === undefined ? undefined : mib * 2 ** 20;
  return {
    t,
    serverRssBytes: bytes,
    serverFds: mib === undefined ? undefined : 40,
    treeRssBytes: bytes === undefined ? undefined : bytes + 50 * 2 ** 20,
    treeFds: mib === undefined ? undefined : 60,
    treeProcesses: mib === undefined ? undefined : 2,
    idleHeld: 500,
    idleReopened: 0,
    metrics,
    drops: {},
    ...more,
  };
}

function input(overrides: Partial<SoakInput> = {}): SoakInput {
  return {
    durationSeconds: 1800,
    wrkSeconds: 1800,
    exitedEarly: undefined,
    logTail: [],
    warmupSeconds: 120,
    intervalSeconds: 2,
    connections: 4,
    idleSockets: 500,
    idleOpenAtEnd: 500,
    idleReopened: 0,
    idleConnectFailures: 0,
    wrk: {
      requestsPerSecond: 800,
      p50Seconds: 2e-4,
      p99Seconds: 4e-3,
      requests: 1.44e6,
      errors: 0,
    },
    samples: [sample(0, 70), sample(110, 90), sample(120, 100), sample(1800, 104.5)],
    runLog: { ok: 800, failed: 100, faults: [{ kind: "throw", recovered: true }] },
    faultKinds: ["throw"],
    aliveAtEnd: true,
    stop: { code: 0, seconds: 0.3 },
    exporterArgs: [],
    ...overrides,
  };
}

function failing(report: ReturnType<typeof summarizeSoak>): string[] {
  return report.verdicts.filter((v) => !v.pass).map((v) => v.name);
}

Deno.test("summarizeSoak() measures RSS growth from the first sample at or after warm-up", () => {
  const report = summarizeSoak(input(), DEFAULT_SOAK_THRESHOLDS);
  assertEquals(report.serverRssBytes.start, 70 * 2 ** 20);
  assertEquals(report.serverRssBytes.warm, 100 * 2 ** 20);
  assertAlmostEquals(report.serverRssBytes.growthPercent ?? NaN, 4.5, 1e-12);
  assertAlmostEquals(report.treeRssBytes.growthPercent ?? NaN, 4.5 / 150 * 100, 1e-12);
  assert(report.pass, JSON.stringify(report.verdicts));
  const grown = summarizeSoak(
    input({ samples: [sample(120, 100), sample(1800, 105)] }),
    DEFAULT_SOAK_THRESHOLDS,
  );
  assertEquals(failing(grown), ["server RSS growth after warm-up < 5 %"]);
});

Deno.test("summarizeSoak() skips samples taken while the server was not running", () => {
  const report = summarizeSoak(
    input({
      samples: [sample(0, 80), sample(130, undefined), sample(200, 84), sample(300, undefined)],
    }),
    DEFAULT_SOAK_THRESHOLDS,
  );
  assertEquals(report.serverRssBytes.warm, 84 * 2 ** 20);
  assertEquals(report.serverRssBytes.end, 84 * 2 ** 20);
  assertEquals(report.serverFds, { start: 40, warm: 40, end: 40 });
  const none = summarizeSoak(input({ samples: [sample(0, undefined)] }), DEFAULT_SOAK_THRESHOLDS);
  assertEquals(none.serverRssBytes.growthPercent, undefined);
  assert(failing(none).includes("server RSS growth after warm-up < 5 %"));
});

Deno.test("summarizeSoak() fails each criterion on its own", () => {
  const t = DEFAULT_SOAK_THRESHOLDS;
  assertEquals(failing(summarizeSoak(input({ wrk: undefined }), t)), ["scrapes/s >= 500"]);
  const slow = input({
    wrk: { requestsPerSecond: 499.9, p50Seconds: 0, p99Seconds: 0, requests: 1, errors: 0 },
  });
  assertEquals(failing(summarizeSoak(slow, t)), ["scrapes/s >= 500"]);
  const neverInjected = summarizeSoak(input({ faultKinds: ["throw", "oom"] }), t);
  assertEquals(failing(neverInjected), ["every fault injected and recovered"]);
  assertEquals(neverInjected.faults, {
    throw: { injected: 1, recovered: 1 },
    oom: { injected: 0, recovered: 0 },
  });
  const lost = input({
    runLog: { ok: 1, failed: 1, faults: [{ kind: "throw", recovered: false }] },
  });
  assertEquals(failing(summarizeSoak(lost, t)), ["every fault injected and recovered"]);
  assertEquals(failing(summarizeSoak(input({ aliveAtEnd: false }), t)), [
    "exporter alive at the end",
  ]);
  const killed = input({
    stop: { code: undefined, seconds: 10, forced: "a second SIGTERM ended it with exit 1" },
  });
  assertEquals(failing(summarizeSoak(killed, t)), ["clean stop on SIGTERM within 10 s"]);
  assertEquals(
    summarizeSoak(killed, t).verdicts[4]?.detail,
    "still running after 10.0 s; a second SIGTERM ended it with exit 1",
  );
  const slowStop = input({ stop: { code: 0, seconds: 10.5 } });
  assertEquals(failing(summarizeSoak(slowStop, t)), ["clean stop on SIGTERM within 10 s"]);
  const forced = input({ stop: { code: 1, seconds: 0.1 } });
  assertEquals(failing(summarizeSoak(forced, t)), ["clean stop on SIGTERM within 10 s"]);
});

Deno.test("summarizeSoak() reports worker restarts and run timeouts only when exported", () => {
  const today = summarizeSoak(input(), DEFAULT_SOAK_THRESHOLDS);
  assertEquals(today.runs, { ok: 800, failed: 100 });
  const later = input({
    samples: [
      sample(0, 70, { restarts: 1 }),
      sample(1790, 70, { restarts: 3, timeouts: 2, runs: 900 }),
      sample(1800, 70, {}), // a failed scrape at the end keeps the last values
    ],
  });
  assertEquals(summarizeSoak(later, DEFAULT_SOAK_THRESHOLDS).runs, {
    ok: 800,
    failed: 100,
    restarts: 3,
    timeouts: 2,
  });
});

Deno.test("soakMarkdown() prints the table and one PASS/FAIL line per verdict", () => {
  const text = soakMarkdown(summarizeSoak(input({ aliveAtEnd: false }), DEFAULT_SOAK_THRESHOLDS));
  assert(text.startsWith("| soak | result |\n| --- | --- |\n"), text);
  assert(text.includes("| scrapes/s | 800 |"), text);
  assert(text.includes("| load | 1800 s of wrk -t1 -c4, 500 idle sockets held"), text);
  const short = soakMarkdown(summarizeSoak(input({ wrkSeconds: 11.7 }), DEFAULT_SOAK_THRESHOLDS));
  assert(short.includes("| load | 12 (of 1800 planned) s of wrk"), short);
  assert(text.includes("| latency p50 / p99 | 0.20 / 4.00 ms |"), text);
  assert(text.includes("| faults recovered / injected | throw 1/1 |"), text);
  const verdicts = text.split("\n").filter((l) => /^(PASS|FAIL) /.test(l));
  assertEquals(verdicts.length, 5);
  assertEquals(verdicts.filter((l) => l.startsWith("FAIL")), [
    "FAIL exporter alive at the end: the server had exited",
  ]);
});

Deno.test("summarizeSoak() judges the server's RSS, not the tree's, and shows both", () => {
  // the monitor's process grows by 60 MiB (a fault in progress); the server stays flat
  const samples = [
    sample(120, 100, {}, { treeRssBytes: 150 * 2 ** 20 }),
    sample(1800, 101, {}, { treeRssBytes: 211 * 2 ** 20 }),
  ];
  const report = summarizeSoak(input({ samples }), DEFAULT_SOAK_THRESHOLDS);
  assert(report.pass, JSON.stringify(report.verdicts));
  assertAlmostEquals(report.treeRssBytes.growthPercent ?? NaN, 61 / 150 * 100, 1e-12);
  assertEquals(
    report.verdicts[1]?.detail,
    "1.0 % (whole tree with the monitor's process: 40.7 %)",
  );
  const text = soakMarkdown(report);
  assert(
    text.includes("| server RSS start / after warm-up / end | 100.0 / 100.0 / 101.0 MiB (1.0 %"),
  );
  assert(
    text.includes("| tree RSS (server + monitor process) start / after warm-up / end | 150.0 /"),
  );
  // a growing server fails even when the tree shrinks
  const leaking = [
    sample(120, 100, {}, { treeRssBytes: 300 * 2 ** 20 }),
    sample(1800, 106, {}, { treeRssBytes: 160 * 2 ** 20 }),
  ];
  assertEquals(failing(summarizeSoak(input({ samples: leaking }), DEFAULT_SOAK_THRESHOLDS)), [
    "server RSS growth after warm-up < 5 %",
  ]);
});

Deno.test("summarizeSoak() reports idle sockets held after warm-up, reopens and server drops", () => {
  const samples = [
    sample(0, 70, {}, { idleHeld: 0 }), // before the sockets opened: not counted
    sample(120, 100, {}, { idleHeld: 497, drops: { header_timeout: 300 } }),
    sample(600, 100, {}, { idleHeld: 500, drops: { header_timeout: 900, idle_timeout: 90 } }),
    sample(1800, 100, {}, { idleHeld: 499, drops: {} }), // a failed scrape keeps the last drops
  ];
  const report = summarizeSoak(
    input({ samples, idleReopened: 1234, idleConnectFailures: 2 }),
    DEFAULT_SOAK_THRESHOLDS,
  );
  assertEquals(report.idleHeld, { min: 497, max: 500, last: 499 });
  assertEquals(report.drops, { header_timeout: 900, idle_timeout: 90 });
  const text = soakMarkdown(report);
  assert(
    text.includes(
      "| idle sockets held at the samples after warm-up: min / max / last | 497 / 500 / 499 |",
    ),
    text,
  );
  assert(
    text.includes("| idle sockets closed by the server and reopened | 1234 (2 connects failed) |"),
    text,
  );
  assert(
    text.includes(
      "| connections the server closed, by reason | header_timeout 900, idle_timeout 90 |",
    ),
    text,
  );
  const none = summarizeSoak(input({ samples: [sample(0, 70)] }), DEFAULT_SOAK_THRESHOLDS);
  assertEquals(none.idleHeld, undefined);
  assert(soakMarkdown(none).includes("| connections the server closed, by reason | none |"));
});

Deno.test("metricByLabel() sums a family by one label in any position", () => {
  const text = [
    "# TYPE vigil_exporter_connections_dropped_total counter",
    'vigil_exporter_connections_dropped_total{reason="header_timeout"} 12',
    'vigil_exporter_connections_dropped_total{job="x",reason="idle_timeout"} 3',
    'vigil_exporter_connections_dropped_total{reason="idle_timeout",job="y"} 4',
    'vigil_exporter_connections_dropped_total{job="z"} 100',
    'vigil_exporter_connections_dropped_total_created{reason="idle_timeout"} 1.7e9',
    'vigil_exporter_connections_dropped_totalx{reason="evicted"} 5',
  ].join("\n");
  assertEquals(metricByLabel(text, "vigil_exporter_connections_dropped_total", "reason"), {
    header_timeout: 12,
    idle_timeout: 7,
  });
  assertEquals(metricByLabel(text, "vigil_exporter_runs_total", "reason"), {});
  assertEquals(metricByLabel("", "x", "reason"), {});
});

Deno.test("withDefaults() keeps the soak's exporter defaults the user did not override", () => {
  const defaults = soakExporterDefaults(500, 4);
  assertEquals(defaults, ["--max-heap=256", "--run-timeout=10s", "--max-connections=568"]);
  assertEquals(withDefaults([], defaults), defaults);
  assertEquals(withDefaults(["--run-timeout=30s", "--max-connections", "2000"], defaults), [
    "--max-heap=256",
    "--run-timeout=30s",
    "--max-connections",
    "2000",
  ]);
  // a value that merely looks like an option name does not count as that option
  assertEquals(withDefaults(["--param", "max-heap=1"], defaults), [
    ...defaults,
    "--param",
    "max-heap=1",
  ]);
});

Deno.test("summarizeSoak() leaves samples without the monitor process out of the tree's numbers", () => {
  const server = (t: number, mib: number) =>
    sample(t, mib, {}, { treeRssBytes: mib * 2 ** 20, treeFds: 40, treeProcesses: 1 });
  const samples = [
    sample(0, 50), // tree 100 MiB
    server(120, 160), // the warm-up mark falls while the monitor's process is replaced
    sample(130, 160, {}, { treeRssBytes: 470 * 2 ** 20 }), // an oom in progress
    sample(140, 161), // tree 211
    sample(150, 160), // tree 210
    server(1790, 160),
    sample(1800, 160), // tree 210
  ];
  const report = summarizeSoak(input({ samples }), DEFAULT_SOAK_THRESHOLDS);
  assertEquals(report.samplesWithoutMonitor, 2);
  assertEquals(report.treeRssBytes.start, 100 * 2 ** 20);
  assertEquals(report.treeRssBytes.warm, 470 * 2 ** 20, "first sample with the monitor running");
  assertEquals(report.treeRssBytes.end, 210 * 2 ** 20);
  assertEquals(report.treeFds, { start: 60, warm: 60, end: 60 });
  const mib = 2 ** 20;
  assertEquals(report.treeRssAfterWarmup, { min: 210 * mib, median: 210.5 * mib, max: 470 * mib });
  assertEquals(report.serverRssBytes.warm, 160 * 2 ** 20, "the server counts at every sample");
  assert(
    soakMarkdown(report).includes(
      "| tree RSS after warm-up: min / median / max | 210.0 / 210.5 / 470.0 MiB (2 samples fell",
    ),
    soakMarkdown(report),
  );
  const odd = summarizeSoak(input({ samples: samples.slice(0, 5) }), DEFAULT_SOAK_THRESHOLDS);
  assertEquals(odd.treeRssAfterWarmup?.median, 211 * mib);
  const gone = summarizeSoak(input({ samples: [server(200, 160)] }), DEFAULT_SOAK_THRESHOLDS);
  assertEquals(gone.treeRssAfterWarmup, undefined);
  assertEquals(gone.treeRssBytes.growthPercent, undefined);
});
