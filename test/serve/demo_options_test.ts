import { assertEquals, assertThrows } from "../_assert.ts";
import { demoExporterArgs, parseDemoArgs } from "../../scripts/_demo_options.ts";
import { parseExportArgs } from "../../lib/exporter/options.ts";

Deno.test("parseDemoArgs() fills the documented defaults", () => {
  const o = parseDemoArgs([]);
  assertEquals(
    [o.port, o.exporterPort, o.log, o.rate, o.windowSeconds, o.driftAfter],
    [8080, 8000, "log/demo.duckdb", 20, 30, 4],
  );
  assertEquals([o.labelDelayMs, o.labelShare, o.durationSeconds, o.watchLog], [
    30_000,
    0.8,
    Infinity,
    true,
  ]);
  assertEquals(o.notebook, "notebooks/05_production_loop.ipynb");
  assertEquals(parseDemoArgs(["--no-watch-log"]).watchLog, false);
});

Deno.test("parseDemoArgs() refuses out-of-range values and a log outside log/", () => {
  assertThrows(() => parseDemoArgs(["--label-share", "1.2"]), RangeError, "--label-share");
  assertThrows(() => parseDemoArgs(["--rate", "0"]), RangeError, "--rate");
  assertThrows(() => parseDemoArgs(["--duration", "soon"]), RangeError, "soon");
  assertThrows(() => parseDemoArgs(["--log", "/tmp/x.duckdb"]), RangeError, "under log/");
  assertThrows(() => parseDemoArgs(["--log", "log/../x.duckdb"]), RangeError, "under log/");
  assertThrows(() => parseDemoArgs(["--bogus"]), TypeError);
});

Deno.test("demoExporterArgs() are valid exporter options; watching the log adds the log, its folder and DuckDB's FFI", () => {
  const plain = parseExportArgs(
    demoExporterArgs(parseDemoArgs(["--no-watch-log"]), 8000, "/c/@duckdb", "/r"),
  );
  assertEquals([plain.host, plain.port, plain.ffi, plain.reads, plain.params], [
    "127.0.0.1",
    8000,
    [],
    [],
    {},
  ]);
  const watching = parseExportArgs(
    demoExporterArgs(
      parseDemoArgs(["--notebook", "n.ipynb", "--exporter-arg=--once"]),
      9,
      "/c/@duckdb",
      "/r",
    ),
  );
  assertEquals(watching.notebook, "n.ipynb");
  assertEquals(watching.once, true);
  assertEquals(watching.params, { log: "/r/log/demo_snapshot.duckdb" });
  assertEquals(watching.reads, ["/r/log"]);
  assertEquals(watching.ffi, ["/c/@duckdb"]);
});
