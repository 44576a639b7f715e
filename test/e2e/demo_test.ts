/**
 * End to end on `deno task demo` (its exact permissions from deno.json): the model service, the
 * drifting traffic with late labels and the exporter run together, the exporter on the demo's
 * default notebook (05, reading a copy of the prediction log, with windows shortened to the test's
 * pace); a real Prometheus scrapes the service (job vigil-serve) and the exporter (job vigil),
 * sees label coverage, the CBPE estimate and the accuracy computed from the log, and evaluates the
 * shipped rules (their `for:` cut to zero). Requests too big for the prediction log's queue get
 * 503s, and the error-ratio alert fires. SIGTERM stops the demo cleanly. Needs
 * /usr/bin/prometheus (`deno task setup`).
 */
import { assert, assertEquals } from "../_assert.ts";
import { freePort } from "../../lib/exporter/subprocess.ts";
import { taskArgs } from "../serve/_task_process.ts";
import { startPrometheus } from "./_prometheus.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** Notebook 05's windows at the test's pace: 5 s windows moving 1 s, read 3 s after their end. */
const NOTEBOOK_PARAMS = ["windowMs=5000", "stepMs=1000", "labelDelayMs=3000"]
  .flatMap((p) => ["--exporter-arg=--param", `--exporter-arg=${p}`]);

Deno.test("the demo's service and exporter are scraped by Prometheus; the model metrics come from the log; the service alerts load and the error-ratio alert fires", async () => {
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
      ...NOTEBOOK_PARAMS,
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
    // Read from the log by notebook 05: the share of the window labelled (labels come 2 s late,
    // a fifth never) and the CBPE estimate with its band.
    const coverage = await prometheus.waitFor(
      "the label coverage read from the log",
      'vigil_model_label_coverage_ratio{job="vigil"} > 0.5',
      30_000,
    );
    assert(Number(coverage[0]!.value[1]) <= 0.95, `coverage ${coverage[0]!.value[1]}`);
    const estimate = await prometheus.waitFor(
      "the CBPE estimate",
      'vigil_model_estimated_accuracy_ratio{job="vigil"}',
      30_000,
    );
    const estimated = Number(estimate[0]!.value[1]);
    assert(estimated > 0.5 && estimated <= 1, `estimated accuracy ${estimated}`);
    const band = await prometheus.query(
      'vigil_model_estimated_accuracy_lower_ratio{job="vigil"} <= on (model) vigil_model_estimated_accuracy_upper_ratio{job="vigil"}',
    );
    assertEquals(band.length, 1, "the band's two bounds, lower below upper");

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
    const snapshot = log.replace(/\.duckdb$/, "_snapshot.duckdb");
    for (const file of [log, `${log}.wal`, snapshot, `${snapshot}.wal`]) {
      await Deno.remove(`${ROOT}${file}`).catch(() => {});
    }
    await Deno.remove(dir, { recursive: true });
  }
});
