import { Registry } from "prom-client";
import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";
import { runBinary } from "../_binaries.ts";
import { createExporterMetrics } from "../../lib/prometheus/exporter_metrics.ts";
import { parseProcIo } from "../../lib/prometheus/_process_stats.ts";
import { makeSnapshot, sample } from "../exporter/_fixtures.ts";

/** A fake /proc/<pid> folder with an io file and `fds` descriptor entries. */
async function fakeProc(io: string | undefined, fds: number | undefined): Promise<string> {
  const dir = await Deno.makeTempDir();
  if (io !== undefined) await Deno.writeTextFile(`${dir}/io`, io);
  if (fds !== undefined) {
    await Deno.mkdir(`${dir}/fd`);
    for (let i = 0; i < fds; i++) await Deno.writeTextFile(`${dir}/fd/${i}`, "");
  }
  return dir;
}

const IO = "rchar: 900\nwchar: 800\nsyscr: 3\nsyscw: 2\nread_bytes: 4096\nwrite_bytes: 8192\n" +
  "cancelled_write_bytes: 0\n";

Deno.test("createExporterMetrics() records runs, failures, skips, history failures, durations and predictions", async () => {
  const registry = new Registry();
  const metrics = createExporterMetrics(registry, { lagIntervalMs: 0 });
  const snapshot = makeSnapshot(0.9);
  metrics.recordSuccess(snapshot, { durationSeconds: 0.3, finishedAtSeconds: 1_767_225_600 });
  metrics.recordFailure({ durationSeconds: 2, finishedAtSeconds: 1_767_225_660 });
  metrics.recordSkip();
  const before = await registry.metrics();
  metrics.recordHistoryFailure();
  metrics.recordHistoryFailure();
  const text = await registry.metrics();
  metrics.close();
  assertEquals(sample(before, "vigil_exporter_history_write_failures_total"), 0);
  assertEquals(sample(text, "vigil_exporter_history_write_failures_total"), 2);
  assertEquals(sample(text, "vigil_exporter_runs_total"), 2);
  assertEquals(sample(text, "vigil_exporter_run_failures_total"), 1);
  assertEquals(sample(text, "vigil_exporter_runs_skipped_total"), 1);
  assertEquals(sample(text, "vigil_exporter_last_success_timestamp_seconds"), 1_767_225_600);
  assertEquals(sample(text, 'vigil_exporter_run_duration_seconds_bucket{le="0.5"}'), 1);
  assertEquals(sample(text, 'vigil_exporter_run_duration_seconds_bucket{le="2.5"}'), 2);
  assertAlmostEquals(sample(text, "vigil_exporter_run_duration_seconds_sum") ?? NaN, 2.3, 1e-12);
  assertEquals(sample(text, 'vigil_model_predictions_total{model="stub"}'), 20);
  assertEquals(
    sample(text, 'vigil_model_prediction_latency_seconds_bucket{le="0.0025",model="stub"}'),
    1,
  );
  assertEquals(sample(text, 'vigil_model_prediction_latency_seconds_count{model="stub"}'), 2);
});

Deno.test("createExporterMetrics() reads disk bytes and open fds from the process' /proc folder", async () => {
  const dir = await fakeProc(IO, 3);
  const registry = new Registry();
  const metrics = createExporterMetrics(registry, { procDir: dir, lagIntervalMs: 0 });
  const first = await registry.metrics();
  await Deno.writeTextFile(`${dir}/io`, IO.replace("read_bytes: 4096", "read_bytes: 5000"));
  await Deno.writeTextFile(`${dir}/fd/3`, "");
  const cached = await registry.metrics(); // within cacheMs: the same reading
  metrics.close();
  const registry2 = new Registry();
  const uncached = createExporterMetrics(registry2, { procDir: dir, lagIntervalMs: 0, cacheMs: 0 });
  const second = await registry2.metrics();
  uncached.close();
  await Deno.remove(dir, { recursive: true });
  assertEquals(sample(first, "vigil_process_disk_read_bytes_total"), 4096);
  assertEquals(sample(first, "vigil_process_disk_write_bytes_total"), 8192);
  assertEquals(sample(first, "vigil_process_open_fds"), 3);
  assertEquals(sample(cached, "vigil_process_disk_read_bytes_total"), 4096);
  assertEquals(sample(second, "vigil_process_disk_read_bytes_total"), 5000);
  assertEquals(sample(second, "vigil_process_open_fds"), 4);
  assert(first.includes("(/proc/self/io)"), "HELP names the source");
});

Deno.test("without /proc access, disk bytes come from getrusage and the fd family is absent (ls of a missing fd folder fails too)", async () => {
  const dir = await fakeProc(undefined, undefined);
  const registry = new Registry();
  const metrics = createExporterMetrics(registry, { procDir: dir, lagIntervalMs: 0 });
  const text = await registry.metrics();
  metrics.close();
  await Deno.remove(dir);
  assert(!text.includes("vigil_process_open_fds"), "fd family must be absent");
  assert(text.includes("(getrusage blocks x 512)"), text);
  const read = sample(text, "vigil_process_disk_read_bytes_total") ?? NaN;
  assert(read >= 0 && read % 512 === 0, `read bytes ${read}`);
});

Deno.test("process gauges hold plausible live values and the exposition passes promtool", async () => {
  const registry = new Registry();
  const metrics = createExporterMetrics(registry, { lagIntervalMs: 20 });
  const busyUntil = performance.now() + 60;
  await new Promise((r) => setTimeout(r, 10));
  while (performance.now() < busyUntil) { /* block the loop so the lag timer fires late */ }
  await new Promise((r) => setTimeout(r, 30));
  const text = await registry.metrics();
  metrics.close();
  assert((sample(text, "vigil_process_cpu_seconds_total") ?? 0) > 0);
  assert((sample(text, "vigil_process_resident_memory_bytes") ?? 0) > 1e6);
  assert((sample(text, "vigil_process_heap_used_bytes") ?? 0) > 1e5);
  assert((sample(text, "vigil_process_event_loop_lag_seconds") ?? 0) >= 0.02, "lag not seen");
  const check = await runBinary("/usr/bin/promtool", ["check", "metrics"], text);
  assertEquals({ code: check.code, out: check.stdout + check.stderr }, { code: 0, out: "" });
});

Deno.test("lagIntervalMs: 0 leaves the event loop lag family out", async () => {
  const registry = new Registry();
  createExporterMetrics(registry, { lagIntervalMs: 0 }).close();
  assert(!(await registry.metrics()).includes("vigil_process_event_loop_lag_seconds"));
});

Deno.test("parseProcIo() reads read_bytes/write_bytes and refuses rchar-only text", () => {
  assertEquals(parseProcIo(IO), { read: 4096, write: 8192 });
  assertEquals(parseProcIo("rchar: 1\nwchar: 2\n"), undefined);
});

Deno.test("vigil_exporter_snapshot_age_seconds is computed at scrape time, from start until the first success", async () => {
  const registry = new Registry();
  let nowMs = 1_767_225_600_000;
  const metrics = createExporterMetrics(registry, { lagIntervalMs: 0, now: () => nowMs });
  nowMs += 42_000;
  assertEquals(sample(await registry.metrics(), "vigil_exporter_snapshot_age_seconds"), 42);
  metrics.recordSuccess(makeSnapshot(0.9), {
    durationSeconds: 0.1,
    finishedAtSeconds: nowMs / 1000 - 2,
  });
  assertEquals(sample(await registry.metrics(), "vigil_exporter_snapshot_age_seconds"), 2);
  // Failures do not refresh it; only the clock moves it.
  metrics.recordFailure({ durationSeconds: 0.1, finishedAtSeconds: nowMs / 1000 + 100 });
  nowMs += 300_000;
  assertEquals(sample(await registry.metrics(), "vigil_exporter_snapshot_age_seconds"), 302);
  metrics.close();
});

Deno.test("connection drops, accept errors and open connections are exported", async () => {
  const registry = new Registry();
  const metrics = createExporterMetrics(registry, { lagIntervalMs: 0 });
  let open = 3;
  metrics.watchConnections(() => open);
  metrics.recordConnectionDrop("idle_timeout");
  metrics.recordConnectionDrop("idle_timeout");
  metrics.recordConnectionDrop("evicted");
  metrics.recordAcceptError();
  open = 5;
  const text = await registry.metrics();
  metrics.close();
  assertEquals(sample(text, 'vigil_exporter_connections_dropped_total{reason="idle_timeout"}'), 2);
  assertEquals(sample(text, 'vigil_exporter_connections_dropped_total{reason="evicted"}'), 1);
  assertEquals(sample(text, "vigil_exporter_accept_errors_total"), 1);
  assertEquals(sample(text, "vigil_exporter_open_connections"), 5);
});
