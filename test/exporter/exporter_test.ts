import { Registry } from "prom-client";
import { assert, assertEquals } from "../_assert.ts";
import { createExporterMetrics } from "../../lib/prometheus/exporter_metrics.ts";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { createExporter, type ExporterOptions } from "../../lib/exporter/exporter.ts";
import { makeSnapshot, sample, scriptedMonitor, type Step } from "./_fixtures.ts";

function setup(steps: Step[], extra: Partial<ExporterOptions> = {}) {
  const registry = new Registry();
  const monitor = scriptedMonitor(steps);
  const metrics = createExporterMetrics(registry, { lagIntervalMs: 0 });
  const lines: string[] = [];
  let now = Date.UTC(2026, 0, 1);
  const exporter = createExporter(monitor, {
    registry,
    metrics,
    snapshotMetrics: createSnapshotMetrics(registry, {
      model: monitor.model,
      checks: monitor.checks,
    }),
    log: (line) => lines.push(line),
    now: () => (now += 1000),
    ...extra,
  });
  return { exporter, lines, close: () => metrics.close() };
}

Deno.test("the exposition is reused within expositionCacheMs until a run ends or a tick is skipped", async () => {
  const t = setup([{ snapshot: makeSnapshot(0.9) }], { expositionCacheMs: 60_000 });
  await t.exporter.runOnce();
  const first = await t.exporter.exposition("prometheus");
  t.exporter.recordSkip();
  const afterSkip = await t.exporter.exposition("prometheus");
  const cached = await t.exporter.exposition("prometheus");
  await t.exporter.runOnce();
  const afterRun = await t.exporter.exposition("prometheus");
  t.close();
  assertEquals(sample(first, "vigil_exporter_runs_skipped_total"), 0);
  assertEquals(sample(afterSkip, "vigil_exporter_runs_skipped_total"), 1);
  assert(cached === afterSkip, "within the cache time the same text is served");
  assertEquals(sample(afterRun, "vigil_exporter_runs_total"), 2);
});

Deno.test("a failed run bumps only the failure counters: the last good values stay", async () => {
  const t = setup([
    { snapshot: makeSnapshot(0.9, 1) },
    { error: new TypeError("bad window") },
    { snapshot: makeSnapshot(0.7, 3) },
  ]);
  await t.exporter.runOnce();
  const good = await t.exporter.exposition("prometheus");
  const failed = await t.exporter.runOnce();
  const after = await t.exporter.exposition("prometheus");
  assertEquals([failed.ok, failed.error], [false, "TypeError: bad window"]);
  assertEquals(t.exporter.lastSnapshot?.run, 1);
  assertEquals(t.exporter.lastRun?.ok, false);
  for (
    const series of [
      'vigil_model_accuracy_ratio{model="stub"}',
      'vigil_check_status{model="stub",check="accuracy_floor",outcome="pass"}',
      "vigil_exporter_last_success_timestamp_seconds",
      'vigil_model_predictions_total{model="stub"}',
    ]
  ) {
    assertEquals(sample(after, series), sample(good, series), series);
  }
  assertEquals(sample(after, "vigil_exporter_runs_total"), 2);
  assertEquals(sample(after, "vigil_exporter_run_failures_total"), 1);
  assertEquals(sample(after, "vigil_exporter_run_duration_seconds_count"), 2);
  assert(t.lines[1]?.includes("run failed") && t.lines[1].includes("TypeError: bad window"));
  const page = await t.exporter.statusPage();
  assert(page.includes("Last run failed: TypeError: bad window"));
  assert(page.includes("accuracy_floor"), "last good checks still shown");
  await t.exporter.runOnce();
  const recovered = await t.exporter.exposition("prometheus");
  t.close();
  assertEquals(sample(recovered, 'vigil_model_accuracy_ratio{model="stub"}'), 0.7);
  assertEquals(sample(recovered, 'vigil_model_predictions_total{model="stub"}'), 40);
});

Deno.test("run errors are described by describeError (e.g. with their notebook cell)", async () => {
  const t = setup([{ error: new Error("boom") }], {
    describeError: (e) => `${(e as Error).message} (notebook x, cell 4, line 2)`,
  });
  const record = await t.exporter.runOnce();
  t.close();
  assertEquals(record.error, "boom (notebook x, cell 4, line 2)");
  assert(t.lines[0]?.endsWith("boom (notebook x, cell 4, line 2)"));
});

Deno.test("--history appends one JSON line per successful snapshot", async () => {
  const dir = await Deno.makeTempDir();
  const history = `${dir}/runs.jsonl`;
  const t = setup([
    { snapshot: makeSnapshot(0.9, 1) },
    { error: new Error("skip me") },
    { snapshot: makeSnapshot(0.8, 3) },
  ], { history });
  for (let i = 0; i < 3; i++) await t.exporter.runOnce();
  t.close();
  const lines = (await Deno.readTextFile(history)).trimEnd().split("\n");
  await Deno.remove(dir, { recursive: true });
  assertEquals(lines.map((l) => JSON.parse(l)), [makeSnapshot(0.9, 1), makeSnapshot(0.8, 3)]);
});

Deno.test("a history write error is logged, counted, and the run still counts as a success", async () => {
  const t = setup([{ snapshot: makeSnapshot(0.9) }, { snapshot: makeSnapshot(0.9, 2) }], {
    history: "/nonexistent-dir/runs.jsonl",
  });
  const record = await t.exporter.runOnce();
  await t.exporter.runOnce();
  const text = await t.exporter.exposition("prometheus");
  t.close();
  assert(record.ok);
  assert(record.historyError?.startsWith('Cannot append history to "/nonexistent-dir/runs.jsonl"'));
  assert(t.lines.some((l) => l.includes('Cannot append history to "/nonexistent-dir/runs.jsonl"')));
  assertEquals(sample(text, "vigil_exporter_history_write_failures_total"), 2);
  assertEquals(t.exporter.lastSnapshot?.run, 2, "the snapshot is still served");
});

Deno.test("--push-gateway PUTs the text exposition to /metrics/job/<job> after every run", async () => {
  const calls: { url: string; method: string; type: string | null; body: string }[] = [];
  const fakeFetch = ((input: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? "GET",
      type: new Headers(init?.headers).get("content-type"),
      body: String(init?.body),
    });
    const status = calls.length === 2 ? 500 : 200;
    return Promise.resolve(new Response(status === 500 ? "no space" : "", { status }));
  }) as typeof fetch;
  const t = setup([{ snapshot: makeSnapshot(0.9) }, { error: new Error("down") }], {
    push: { url: "http://gw:9091/", job: "iris batch", fetch: fakeFetch },
  });
  await t.exporter.runOnce();
  await t.exporter.runOnce();
  t.close();
  assertEquals(calls.length, 2);
  assertEquals(calls[0]?.url, "http://gw:9091/metrics/job/iris%20batch");
  assertEquals(calls[0]?.method, "PUT");
  assertEquals(calls[0]?.type, "text/plain; version=0.0.4; charset=utf-8");
  assert(calls[0]?.body.includes('vigil_model_accuracy_ratio{model="stub"} 0.9'));
  assert(calls[1]?.body.includes("vigil_exporter_run_failures_total 1"), "failures are pushed too");
  assert(t.lines.some((l) => l.includes("push to http://gw:9091/ failed") && l.includes("500")));
});
