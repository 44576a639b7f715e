/**
 * End to end: a real Prometheus scrapes the exporter (fixture notebook) and answers the accuracy
 * back through its HTTP API; the alert rules load in it too. Needs /usr/bin/prometheus
 * (`deno task setup`).
 */
import { assert, assertEquals } from "../_assert.ts";
import { requireBinary } from "../_binaries.ts";
import { freePort, startExporterProcess } from "../../scripts/_export_process.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

async function query(base: string, promql: string): Promise<VectorSample[]> {
  const response = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
  if (!response.ok) {
    await response.body?.cancel();
    return [];
  }
  const body = await response.json() as { data?: { result?: VectorSample[] } };
  return body.data?.result ?? [];
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

Deno.test("a real Prometheus scrapes the exporter and reads the accuracy back", async () => {
  const prometheusBin = requireBinary("/usr/bin/prometheus");
  const dir = await Deno.makeTempDir({ prefix: "vigil_e2e_" });
  const exporter = await startExporterProcess(
    ["test/fixtures/exporter/stub_monitor.ipynb", "--host", "127.0.0.1", "--port", "0"].concat(
      ["--interval", "1s", "--param", "wrongRows=3"],
    ),
  );
  const promPort = freePort();
  await Deno.writeTextFile(
    `${dir}/prometheus.yml`,
    [
      "global: { scrape_interval: 1s, evaluation_interval: 1s }",
      `rule_files: ["${ROOT}deploy/rules/vigil_alerts.yml"]`,
      "scrape_configs:",
      "  - job_name: vigil",
      `    static_configs: [{ targets: ["127.0.0.1:${exporter.port}"] }]`,
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
    stderr: "piped",
  }).spawn();
  const promLog = prometheus.stderr.pipeTo(
    new WritableStream({ write: () => {} }),
  );
  const base = `http://127.0.0.1:${promPort}`;
  try {
    const accuracy = await waitFor("the accuracy in Prometheus", async () => {
      const result = await query(base, 'vigil_model_accuracy_ratio{job="vigil"}');
      return result.length > 0 ? result : undefined;
    }, 25_000);
    assertEquals(accuracy.length, 1);
    assertEquals(accuracy[0]?.metric.model, "stub");
    assertEquals(Number(accuracy[0]?.value[1]), 0.85); // 3 of 20 rows wrong
    const up = await query(base, 'up{job="vigil"}');
    assertEquals(up[0]?.value[1], "1");
    // Counters keep their _total name through the OpenMetrics scrape Prometheus negotiates.
    const runs = await query(base, 'vigil_exporter_runs_total{job="vigil"}');
    assert(Number(runs[0]?.value[1]) >= 1, JSON.stringify(runs));
    const rules = await (await fetch(`${base}/api/v1/rules`)).json() as {
      data: { groups: { rules: { name: string; health: string }[] }[] };
    };
    const loaded = rules.data.groups.flatMap((g) => g.rules);
    assertEquals(loaded.length, 8);
    assert(loaded.every((r) => r.health !== "err"), JSON.stringify(loaded));
  } finally {
    prometheus.kill("SIGTERM");
    await prometheus.status;
    await promLog.catch(() => {});
    const code = await exporter.stop("SIGTERM");
    await Deno.remove(dir, { recursive: true });
    assertEquals(code, 0, exporter.stderr());
  }
});
