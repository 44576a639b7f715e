/**
 * End to end on `deno task demo` (its exact permissions from deno.json): the model service, the
 * drifting traffic with late labels and the exporter run together; a real Prometheus scrapes the
 * service (job vigil-serve) and the exporter (job vigil) and evaluates the shipped rules (their
 * `for:` cut to zero). Requests too big for the prediction log's queue get 503s, and the
 * error-ratio alert fires. SIGTERM stops the demo cleanly. Needs /usr/bin/prometheus
 * (`deno task setup`).
 */
import { assert, assertEquals } from "../_assert.ts";
import { freePort } from "../../lib/exporter/subprocess.ts";
import { taskArgs } from "../serve/_task_process.ts";
import { startPrometheus } from "./_prometheus.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

Deno.test("the demo's service and exporter are scraped by Prometheus; the service alerts load and the error-ratio alert fires", async () => {
  const dir = await Deno.makeTempDir({ prefix: "vigil_demo_e2e_" });
  const rules = await Deno.readTextFile(`${ROOT}deploy/rules/vigil_alerts.yml`);
  await Deno.writeTextFile(`${dir}/rules.yml`, rules.replace(/^(\s+)for: \S+$/gm, "$1for: 0s"));
  const [servicePort, exporterPort] = [freePort(), freePort()];
  const log = `log/e2e_demo_${Deno.pid}.duckdb`;
  const prometheus = await startPrometheus(`127.0.0.1:${exporterPort}`, `${dir}/rules.yml`, {
    "vigil-serve": `127.0.0.1:${servicePort}`,
  });
  const demo = new Deno.Command(Deno.execPath(), {
    args: [
      ...await taskArgs("demo", "scripts/demo.ts"),
      ...["--port", String(servicePort), "--exporter-port", String(exporterPort)],
      ...["--log", log, "--duration", "150s", "--interval", "1s", "--rate", "20"],
      ...["--window", "5s", "--drift-after", "2", "--label-delay", "2s", "--queue-capacity", "50"],
    ],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output = Promise.all([new Response(demo.stdout).text(), new Response(demo.stderr).text()]);
  let stopped = false;
  try {
    const service = `job="vigil-serve"`;
    await prometheus.waitFor(
      "the service's request counter",
      `vigil_serve_http_requests_total{${service},route="/predict",status="200"} > 0`,
      60_000,
    );
    await prometheus.waitFor(
      "the service's latency histogram",
      `vigil_serve_http_request_duration_seconds_bucket{${service},route="/predict",le="+Inf"} > 0`,
      10_000,
    );
    await prometheus.waitFor(
      "the labels posted late",
      `vigil_serve_http_requests_total{${service},route="/labels",status="200"} > 0`,
      30_000,
    );
    // The exporter type-checks its notebook first: allow for a loaded machine.
    await prometheus.waitFor(
      "the model metrics",
      'vigil_model_accuracy_ratio{job="vigil"}',
      90_000,
    );

    // Batches of 100 rows, each more than the 50-row queue holds, answer 503. Spread over 5 s
    // (100 of them): a counter's first scrape is its baseline, so the 503s must keep coming after
    // it for rate() to see them; they are several percent of /predict (20/s), over the 1 % line.
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`http://127.0.0.1:${servicePort}/predict`, {
        method: "POST",
        body: JSON.stringify({ rows: Array.from({ length: 100 }, () => [5.1, 3.5, 1.4, 0.2]) }),
      });
      assertEquals(res.status, 503, await res.text());
      await new Promise((r) => setTimeout(r, 50));
    }
    const firing = await prometheus.waitFor(
      "the error-ratio alert",
      'ALERTS{alertname="VigilServeErrorRatioHigh", alertstate="firing"}',
      30_000,
    );
    assertEquals(firing[0]?.metric.route, "/predict");

    const response = await fetch(`${prometheus.base}/api/v1/rules`);
    const loaded = (await response.json() as {
      data: { groups: { name: string; rules: { name: string; health: string }[] }[] };
    }).data.groups.find((g) => g.name === "vigil-serve")?.rules ?? [];
    assertEquals(loaded.map((r) => r.name), [
      "VigilServeLatencyHigh",
      "VigilServeErrorRatioHigh",
      "VigilLabelCoverageLow",
    ]);
    for (const rule of loaded) assertEquals(rule.health, "ok", rule.name);
    // The latency rule's expression evaluates to a p99 per route.
    const p99 = await prometheus.query(
      `histogram_quantile(0.99, sum by (le, route) (rate(vigil_serve_http_request_duration_seconds_bucket{${service}}[1m])))`,
    );
    assert(p99.some((s) => s.metric.route === "/predict" && Number(s.value[1]) > 0), "no p99");

    demo.kill("SIGTERM");
    const status = await demo.status;
    stopped = true;
    const [out, err] = await output;
    assertEquals(status.code, 0, `${out}\n${err}`);
    assert(out.includes(`model service http://127.0.0.1:${servicePort}`), out);
    assert(out.includes("vigil demo: stopped (prediction log flushed)"), out);
    const report = JSON.parse(/vigil demo: traffic (\{.*\})/.exec(out)?.[1] ?? "{}");
    assert(report.predictions > 0 && report.labelsSent > 0, out);
  } finally {
    if (!stopped) {
      demo.kill("SIGKILL");
      await demo.status;
      await output;
    }
    await prometheus.stop();
    for (const file of [log, `${log}.wal`]) await Deno.remove(`${ROOT}${file}`).catch(() => {});
    await Deno.remove(dir, { recursive: true });
  }
});
