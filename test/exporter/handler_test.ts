import { Registry } from "prom-client";
import { assert, assertEquals } from "../_assert.ts";
import { runBinary } from "../_binaries.ts";
import { createExporterMetrics } from "../../lib/prometheus/exporter_metrics.ts";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { createExporter, type ExporterOptions, PUBLIC_ERROR } from "../../lib/exporter/exporter.ts";
import { createExportHandler } from "../../lib/exporter/handler.ts";
import { makeSnapshot, scriptedMonitor, type Step } from "./_fixtures.ts";

/** An exporter around a scripted monitor, with its handler and a settable clock. */
function setup(steps: Step[], extra: Partial<ExporterOptions> = {}) {
  const registry = new Registry();
  const monitor = scriptedMonitor(steps);
  const metrics = createExporterMetrics(registry, { lagIntervalMs: 0 });
  const clock = { now: Date.UTC(2026, 0, 1) };
  const lines: string[] = [];
  const exporter = createExporter(monitor, {
    registry,
    metrics,
    snapshotMetrics: createSnapshotMetrics(registry, {
      model: monitor.model,
      checks: monitor.checks,
    }),
    log: (line) => lines.push(line),
    now: () => clock.now,
    ...extra,
  });
  const handler = createExportHandler(exporter, { staleAfterSeconds: 120, now: () => clock.now });
  const get = (path: string, headers: Record<string, string> = {}, from = "127.0.0.1") =>
    handler(new Request(`http://localhost${path}`, { headers }), {
      remoteAddr: { transport: "tcp", hostname: from, port: 40000 },
    });
  return { exporter, handler, get, clock, lines, monitor, close: () => metrics.close() };
}

Deno.test("/metrics serves Prometheus text 0.0.4 that promtool check metrics accepts", async () => {
  const t = setup([{ snapshot: makeSnapshot(0.9) }]);
  await t.exporter.runOnce();
  const response = await t.get("/metrics");
  const body = await response.text();
  t.close();
  assertEquals(response.status, 200);
  assertEquals(response.headers.get("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  assert(body.includes('vigil_model_accuracy_ratio{model="stub"} 0.9\n'), body);
  assert(body.includes("vigil_exporter_runs_total 1\n"), body);
  assert(body.includes('vigil_model_predictions_total{model="stub"} 20\n'), body);
  const check = await runBinary("/usr/bin/promtool", ["check", "metrics"], body);
  assertEquals({ code: check.code, out: check.stdout + check.stderr }, { code: 0, out: "" });
});

Deno.test("/metrics answers OpenMetrics when Accept asks, without breaking later text scrapes", async () => {
  const t = setup([{ snapshot: makeSnapshot(0.9) }]);
  await t.exporter.runOnce();
  const accept = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5";
  const om = await t.get("/metrics", { accept });
  const omBody = await om.text();
  const text = await (await t.get("/metrics")).text();
  t.close();
  assertEquals(
    om.headers.get("content-type"),
    "application/openmetrics-text; version=1.0.0; charset=utf-8",
  );
  assert(omBody.endsWith("\n# EOF\n"), omBody.slice(-50));
  assert(!omBody.includes("\n\n"), "blank lines are not allowed in OpenMetrics");
  assert(omBody.includes("# TYPE vigil_exporter_runs counter\nvigil_exporter_runs_total 1\n"));
  assert(omBody.includes("# HELP vigil_exporter_runs Monitor runs"), "HELP renamed with TYPE");
  assert(text.includes("# TYPE vigil_exporter_runs_total counter\nvigil_exporter_runs_total 1\n"));
});

Deno.test("/healthz and /livez stay 200 through failed and slow runs; /readyz tracks freshness", async () => {
  const t = setup([{ snapshot: makeSnapshot(0.9) }, { error: new Error("source down") }]);
  const status = async (path: string) => {
    const r = await t.get(path);
    return [r.status, await r.text()];
  };
  // Liveness never depends on runs: a probe must not restart a healthy process.
  assertEquals(await status("/healthz"), [200, "ok\n"]);
  assertEquals(await status("/livez"), [200, "ok\n"]);
  assertEquals(await status("/readyz"), [503, "not ready: no run has finished yet\n"]);
  await t.exporter.runOnce();
  assertEquals(await status("/readyz"), [200, "ready\n"]);
  // One bad batch: the last good snapshot is still fresh, so still ready, and still live.
  await t.exporter.runOnce();
  assertEquals(await status("/readyz"), [200, "ready\n"]);
  assertEquals(await status("/healthz"), [200, "ok\n"]);
  t.clock.now += 121_000;
  const [code, body] = await status("/readyz");
  assertEquals(code, 503);
  assertEquals(
    body,
    "not ready: last good snapshot is 121.0 s old (limit 120 s); last run failed: Error: source down\n",
  );
  assertEquals(await status("/healthz"), [200, "ok\n"]);
  t.close();
});

Deno.test("/healthz is 503 when the worker is not alive", async () => {
  const t = setup([{ snapshot: makeSnapshot(0.9) }]);
  let alive = true;
  const handler = createExportHandler(t.exporter, { staleAfterSeconds: 120, alive: () => alive });
  assertEquals((await handler(new Request("http://localhost/livez"))).status, 200);
  alive = false;
  assertEquals((await handler(new Request("http://localhost/healthz"))).status, 503);
  t.close();
});

Deno.test("error text and paths reach loopback clients only; others see a generic reason", async () => {
  const secret = 'Error: cannot read "/home/alice/data/batch.csv": token=abc';
  const t = setup([{ error: new Error(secret.slice("Error: ".length)) }]);
  await t.exporter.runOnce();
  for (const local of ["127.0.0.1", "::1", "::ffff:127.0.0.2"]) {
    assert((await (await t.get("/readyz", {}, local)).text()).includes(secret), local);
    assert((await (await t.get("/", {}, local)).text()).includes("/home/alice/data/batch.csv"));
  }
  for (const remote of ["10.0.0.7", "192.168.1.20", "2001:db8::1"]) {
    const ready = await (await t.get("/readyz", {}, remote)).text();
    assert(!ready.includes("/home/alice") && !ready.includes("token"), ready);
    assert(ready.includes(PUBLIC_ERROR), ready);
    const page = await (await t.get("/", {}, remote)).text();
    assert(!page.includes("/home/alice") && !page.includes("token"), remote);
  }
  // Without connection info (a caller that cannot tell) the public view is the safe one.
  const unknown = await t.handler(new Request("http://localhost/readyz"));
  assert(!(await unknown.text()).includes("/home/alice"));
  // --show-errors opts every client in.
  const open = createExportHandler(t.exporter, { staleAfterSeconds: 120, showErrors: true });
  const shown = await open(new Request("http://localhost/readyz"), {
    remoteAddr: { transport: "tcp", hostname: "10.0.0.7", port: 1 },
  });
  assert((await shown.text()).includes(secret));
  t.close();
});

Deno.test("/ renders charts once per snapshot, on first view, then serves the page from cache", async () => {
  let renders = 0;
  const t = setup([{ snapshot: makeSnapshot(0.7) }, { error: new Error("gone") }], {
    charts: (s) => {
      renders++;
      return Promise.resolve([`<svg id="chart-${s.run}"></svg>`]);
    },
  });
  await t.exporter.runOnce();
  assertEquals(renders, 0, "a run alone renders nothing");
  const pages = await Promise.all([1, 2, 3].map(() => t.get("/").then((r) => r.text())));
  const response = await t.get("/");
  await t.exporter.runOnce(); // fails: same snapshot, new page, no new render
  const afterFailure = await (await t.get("/")).text();
  t.close();
  assertEquals(response.headers.get("content-type"), "text/html; charset=utf-8");
  assertEquals(renders, 1);
  assert(afterFailure.includes("Last run failed: Error: gone"));
  assert(afterFailure.includes('<svg id="chart-1"></svg>'));
  const page = pages[0] ?? "";
  assert(pages.every((p) => p === page));
  assert(page.includes('<svg id="chart-1"></svg>'), "inline SVG");
  assert(page.includes('<tr class="fail"><td>accuracy_floor</td>'), "checks table row");
  assert(page.includes("accuracy 0.7 &#60; 0.8"), "escaped message");
});

Deno.test("unknown paths are 404 and other methods 405", async () => {
  const t = setup([{ snapshot: makeSnapshot(0.9) }]);
  const missing = await t.get("/nope");
  const post = await t.handler(new Request("http://localhost/metrics", { method: "POST" }));
  const head = await t.handler(new Request("http://localhost/readyz", { method: "HEAD" }));
  t.close();
  assertEquals([missing.status, post.status, head.status], [404, 405, 503]);
  assertEquals(post.headers.get("allow"), "GET, HEAD");
});
