import { assertEquals, assertThrows } from "../_assert.ts";
import {
  DEFAULT_NOTEBOOK,
  parseDuration,
  parseExportArgs,
  serverOptionsFromJson,
  serverOptionsToJson,
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
    reads: [],
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
    reads: ["/data/a", "/data/b"],
    help: false,
  });
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
});

Deno.test("server options survive the JSON hand-over unchanged, defaults included", () => {
  const full = parseExportArgs([
    ...["nb.ipynb", "--port=0", "--host", "127.0.0.1", "--cron", "*/5 * * * *"],
    ...["--param", "seed=7", "--once", "--push-gateway", "http://gw:9091", "--job=iris"],
    ...["--history", "runs.jsonl", "--read", "/data/a"],
  ]);
  assertEquals(serverOptionsFromJson(serverOptionsToJson(full, "/tmp/m/nb.gen.ts")), {
    ...full,
    module: "/tmp/m/nb.gen.ts",
  });
  const plain = parseExportArgs([]);
  assertEquals(serverOptionsFromJson(serverOptionsToJson(plain, "/m.ts")), {
    ...plain,
    module: "/m.ts",
  });
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
