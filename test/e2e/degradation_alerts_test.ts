/**
 * End to end on the real demo: the exporter runs notebooks/04_iris_monitoring.ipynb in its
 * default degradation scenario every second, a real Prometheus scrapes it and evaluates the
 * shipped alert rules (their `for:` durations cut to zero so the test takes seconds, not
 * minutes), and the accuracy and drift alerts fire. Needs /usr/bin/prometheus
 * (`deno task setup`).
 */
import { assert } from "../_assert.ts";
import { requireBinary } from "../_binaries.ts";
import { freePort, startExporterProcess } from "../../scripts/_export_process.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

async function query(base: string, promql: string): Promise<Sample[]> {
  const response = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
  if (!response.ok) {
    await response.body?.cancel();
    return [];
  }
  const body = await response.json() as { data?: { result?: Sample[] } };
  return body.data?.result ?? [];
}

async function waitFor(what: string, promql: string, base: string, ms: number): Promise<Sample[]> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const result = await query(base, promql).catch(() => []);
    if (result.length > 0) return result;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out after ${ms} ms waiting for ${what} (${promql})`);
}

Deno.test("in the degradation demo accuracy falls and the shipped accuracy and drift alerts fire", async () => {
  const prometheusBin = requireBinary("/usr/bin/prometheus");
  const dir = await Deno.makeTempDir({ prefix: "vigil_alerts_e2e_" });
  const rules = await Deno.readTextFile(`${ROOT}deploy/rules/vigil_alerts.yml`);
  await Deno.writeTextFile(`${dir}/rules.yml`, rules.replace(/^(\s+)for: \S+$/gm, "$1for: 0s"));
  const promPort = freePort();
  const exporterPort = freePort();
  await Deno.writeTextFile(
    `${dir}/prometheus.yml`,
    [
      "global: { scrape_interval: 1s, evaluation_interval: 1s }",
      `rule_files: ["${dir}/rules.yml"]`,
      "scrape_configs:",
      "  - job_name: vigil",
      `    static_configs: [{ targets: ["127.0.0.1:${exporterPort}"] }]`,
      "",
    ].join("\n"),
  );
  const prometheus = new Deno.Command(prometheusBin, {
    args: [
      `--config.file=${dir}/prometheus.yml`,
      `--storage.tsdb.path=${dir}/data`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      "--log.level=warn",
    ],
    stdout: "null",
    stderr: "null",
  }).spawn();
  const base = `http://127.0.0.1:${promPort}`;
  let exporter: Awaited<ReturnType<typeof startExporterProcess>> | undefined;
  try {
    // Prometheus first, so that it scrapes the healthy batches before the degradation starts.
    await waitFor("Prometheus to start", "vector(1)", base, 30_000);
    const args = ["notebooks/04_iris_monitoring.ipynb", "--host", "127.0.0.1"];
    // Six healthy batches, so Prometheus' first scrapes (up to a few seconds in) see them.
    args.push("--port", String(exporterPort), "--interval", "1s", "--param", "healthyRuns=6");
    exporter = await startExporterProcess(args);
    const firing = (name: string) => `ALERTS{alertname="${name}", alertstate="firing"}`;
    await waitFor("the accuracy alert", firing("VigilAccuracyBelowThreshold"), base, 60_000);
    await waitFor("the dataset drift alert", firing("VigilDatasetDrift"), base, 30_000);
    const drifted = await waitFor(
      "a feature drift alert",
      firing("VigilFeatureDrift"),
      base,
      30_000,
    );
    const features = new Set(drifted.map((s) => s.metric.feature));
    assert(features.has("petal_length") || features.has("petal_width"), [...features].join());
    // The same Prometheus saw the accuracy healthy first and below its 0.9 floor later.
    const range = await query(base, 'max_over_time(vigil_model_accuracy_ratio{job="vigil"}[5m])');
    const low = await query(base, 'min_over_time(vigil_model_accuracy_ratio{job="vigil"}[5m])');
    assert(Number(range[0]?.value[1]) >= 0.9, `best accuracy ${JSON.stringify(range)}`);
    assert(Number(low[0]?.value[1]) < 0.9, `worst accuracy ${JSON.stringify(low)}`);
    const healthy = await query(base, firing("VigilExporterDown"));
    assert(healthy.length === 0, "the exporter must not look down");
  } finally {
    prometheus.kill("SIGTERM");
    await prometheus.status;
    await exporter?.stop("SIGTERM");
    await Deno.remove(dir, { recursive: true });
  }
});
