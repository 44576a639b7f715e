import { assert, assertEquals, assertThrows } from "../_assert.ts";
import {
  DEFAULT_MAX_HEAP_MB,
  DEFAULT_NOTEBOOK,
  DEFAULT_RUN_TIMEOUT,
  MIN_INTERVAL_SECONDS,
  parseDuration,
  parseExportArgs,
  runTimeoutSeconds,
  serverOptionsFromJson,
  serverOptionsToJson,
  USAGE,
  UsageError,
} from "../../lib/exporter/options.ts";

Deno.test("parseExportArgs() fills the documented defaults", () => {
  assertEquals(parseExportArgs([]), {
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
  });
});

Deno.test("parseExportArgs() reads every option in both --name value and --name=value forms", () => {
  const options = parseExportArgs([
    "nb.ipynb",
    "--port=0",
    "--host",
    "127.0.0.1",
    "--interval",
    "500ms",
    "--param",
    "scenario=degradation",
    "--param=seed=7",
    "--once",
    "--push-gateway",
    "http://gw:9091/",
    "--job=iris",
    "--history",
    "runs.jsonl",
    "--read",
    "/data/a",
    "--read=/data/b",
    "--ffi",
    "/npm/@duckdb",
    "--run-timeout",
    "90s",
    "--max-heap=512",
    "--idle-timeout",
    "5s",
    "--max-connections=64",
    "--stale-after",
    "5",
    "--show-errors",
    "--article-metrics",
  ]);
  assertEquals(options, {
    notebook: "nb.ipynb",
    port: 0,
    host: "127.0.0.1",
    schedule: { kind: "interval", seconds: 0.5 },
    params: { scenario: "degradation", seed: "7" },
    once: true,
    pushGateway: "http://gw:9091",
    job: "iris",
    history: "runs.jsonl",
    runTimeout: 90,
    maxHeapMb: 512,
    reads: ["/data/a", "/data/b"],
    ffi: ["/npm/@duckdb"],
    idleTimeoutSeconds: 5,
    maxConnections: 64,
    staleAfterIntervals: 5,
    showErrors: true,
    articleMetrics: true,
    help: false,
  });
});

Deno.test("parseExportArgs() collects repeated --ffi paths and refuses an empty one", () => {
  assertEquals(parseExportArgs(["--ffi", "/a", "--ffi=/b"]).ffi, ["/a", "/b"]);
  assertThrows(() => parseExportArgs(["--ffi", ""]), UsageError, "--ffi needs a path");
  assertThrows(() => parseExportArgs(["--ffi"]), UsageError, "--ffi needs a value");
});

Deno.test("parseExportArgs() takes --cron as the schedule and --help as a flag", () => {
  assertEquals(parseExportArgs(["--cron", "*/5 * * * *"]).schedule, {
    kind: "cron",
    expression: "*/5 * * * *",
  });
  assertEquals(parseExportArgs(["-h"]).help, true);
});

Deno.test("parseDuration() reads ms, s, m, h and bare seconds", () => {
  assertEquals([parseDuration("500ms"), parseDuration("30s"), parseDuration("5m")], [0.5, 30, 300]);
  assertEquals([parseDuration("1h"), parseDuration("2"), parseDuration("1.5s")], [3600, 2, 1.5]);
});

Deno.test("parseExportArgs() rejects bad input with a UsageError naming it", () => {
  assertThrows(() => parseExportArgs(["--interval", "0s"]), UsageError, '"0s"');
  assertThrows(() => parseExportArgs(["--interval", "5 min"]), UsageError, '"5 min"');
  assertThrows(() => parseExportArgs(["--port", "70000"]), UsageError, '"70000"');
  assertThrows(() => parseExportArgs(["--port", "-1"]), UsageError, '"-1"');
  assertThrows(() => parseExportArgs(["--port"]), UsageError, "needs a value");
  assertThrows(() => parseExportArgs(["--param", "noequals"]), UsageError, '"noequals"');
  assertThrows(() => parseExportArgs(["--verbose"]), UsageError, '"--verbose"');
  assertThrows(() => parseExportArgs(["a.ipynb", "b.ipynb"]), UsageError, '"b.ipynb"');
  assertThrows(
    () => parseExportArgs(["--interval", "1s", "--cron", "* * * * *"]),
    UsageError,
    "exclude each other",
  );
  assertThrows(() => parseExportArgs(["--push-gateway", "gw:9091"]), UsageError, "http");
  assertThrows(() => parseExportArgs(["--job", "a/b"]), UsageError, '"a/b"');
  assertThrows(() => parseExportArgs(["--max-connections", "0"]), UsageError, '"0"');
  assertThrows(() => parseExportArgs(["--max-connections", "1e3"]), UsageError, '"1e3"');
  assertThrows(() => parseExportArgs(["--stale-after", "-2"]), UsageError, '"-2"');
  assertThrows(() => parseExportArgs(["--idle-timeout", "never"]), UsageError, '"never"');
});

Deno.test("parseExportArgs() refuses --host values Deno's listener would panic on", () => {
  const bad = [
    "",
    "foo bar",
    "999.1.1.1",
    "1.2.3",
    "a:b:c",
    "http://x",
    "[::1",
    "-lead.example",
    "under_score.example",
    "x".repeat(64) + ".example",
  ];
  for (const host of bad) {
    assertThrows(() => parseExportArgs(["--host", host]), UsageError, `Invalid --host "${host}"`);
  }
});

Deno.test("parseExportArgs() accepts IPv4, IPv6 (brackets removed) and host names", () => {
  const cases: [string, string][] = [
    ["0.0.0.0", "0.0.0.0"],
    ["127.0.0.1", "127.0.0.1"],
    ["::", "::"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["fe80::1:2", "fe80::1:2"],
    ["localhost", "localhost"],
    ["metrics-1.internal.example", "metrics-1.internal.example"],
  ];
  for (const [input, host] of cases) assertEquals(parseExportArgs(["--host", input]).host, host);
});

Deno.test("server options survive the JSON hand-over unchanged, defaults included", () => {
  const full = parseExportArgs([
    ...["nb.ipynb", "--port=0", "--host", "127.0.0.1", "--cron", "*/5 * * * *"],
    ...["--param", "seed=7", "--once", "--push-gateway", "http://gw:9091", "--job=iris"],
    ...["--history", "runs.jsonl", "--read", "/data/a", "--run-timeout", "2m", "--max-heap", "256"],
    "--article-metrics",
  ]);
  const monitorPermissions = { read: ["/r", "/tmp/m"], net: ["127.0.0.1"] };
  assertEquals(
    serverOptionsFromJson(serverOptionsToJson(full, "/tmp/m/nb.gen.ts", { monitorPermissions })),
    { ...full, module: "/tmp/m/nb.gen.ts", monitorPermissions },
  );
  const plain = parseExportArgs([]);
  assertEquals(serverOptionsFromJson(serverOptionsToJson(plain, "/m.ts")), {
    ...plain,
    module: "/m.ts",
  });
});

Deno.test("--article-metrics is off by default, a flag without a value, and explained in --help", () => {
  assertEquals(parseExportArgs(["nb.ipynb"]).articleMetrics, false);
  const on = parseExportArgs(["--article-metrics", "nb.ipynb"]);
  assertEquals([on.articleMetrics, on.notebook], [true, "nb.ipynb"]);
  assertThrows(
    () => parseExportArgs(["--article-metrics=no"]),
    UsageError,
    'Option --article-metrics takes no value, got "--article-metrics=no"',
  );
  assertThrows(() => parseExportArgs(["--once=false"]), UsageError, "--once takes no value");
  const help = USAGE.slice(USAGE.indexOf("--article-metrics"));
  assert(help.startsWith("--article-metrics "), "--article-metrics is missing from --help");
  const line = help.slice(0, help.indexOf("\n  --"));
  assert(line.includes("model_accuracy") && line.includes("vigil_model_accuracy_ratio"), line);
  assert(line.includes("default off"), line);
});

Deno.test("serverOptionsFromJson() rejects what the launcher never writes", () => {
  assertThrows(() => serverOptionsFromJson("{"), SyntaxError);
  assertThrows(() => serverOptionsFromJson("[]"), TypeError, "JSON object");
  assertThrows(() => serverOptionsFromJson('{"port": 1}'), TypeError, '"module"');
  assertThrows(() => serverOptionsFromJson('{"module": ""}'), TypeError, '"module"');
});

Deno.test("parseExportArgs() has no hidden --module option any more", () => {
  assertThrows(() => parseExportArgs(["--module", "x.ts"]), UsageError, '"--module"');
});

Deno.test("parseExportArgs() refuses intervals below the documented floor (100ms), which would lock the main thread", () => {
  for (const text of ["0.0001ms", "99ms", "0.05s", "0.09"]) {
    assertThrows(
      () => parseExportArgs(["--interval", text]),
      UsageError,
      `Invalid --interval "${text}": the shortest interval is 100ms`,
    );
  }
  assertEquals(parseExportArgs(["--interval", "100ms"]).schedule, {
    kind: "interval",
    seconds: 0.1,
  });
  assertEquals(MIN_INTERVAL_SECONDS, 0.1);
  assert(USAGE.includes("at least 100ms"), "the floor is in --help");
});

Deno.test("parseExportArgs() reads --run-timeout (at least 1s) and --max-heap (whole MiB, at least 64)", () => {
  assertThrows(() => parseExportArgs(["--run-timeout", "500ms"]), UsageError, '"500ms"');
  assertThrows(() => parseExportArgs(["--max-heap", "63"]), UsageError, '"63"');
  assertThrows(() => parseExportArgs(["--max-heap", "1.5"]), UsageError, '"1.5"');
  assertThrows(() => parseExportArgs(["--max-heap", "1G"]), UsageError, '"1G"');
  assertEquals(parseExportArgs(["--run-timeout", "1s", "--max-heap", "64"]).runTimeout, 1);
  assertEquals(parseExportArgs(["--max-heap", "64"]).maxHeapMb, 64);
});

Deno.test("runTimeoutSeconds() defaults to 3 periods within [60 s, 1 h], and --run-timeout wins", () => {
  const plain = parseExportArgs([]);
  assertEquals(runTimeoutSeconds(plain, 60), 180);
  assertEquals(runTimeoutSeconds(plain, 0.1), DEFAULT_RUN_TIMEOUT.minSeconds);
  assertEquals(runTimeoutSeconds(plain, 31 * 86_400), DEFAULT_RUN_TIMEOUT.maxSeconds);
  assertEquals(runTimeoutSeconds(parseExportArgs(["--run-timeout", "5h"]), 60), 18_000);
});
