/**
 * End to end: a real Prometheus scrapes the exporter (fixture notebook) and answers the accuracy
 * back through its HTTP API; the alert rules load in it too. Needs /usr/bin/prometheus
 * (`deno task setup`).
 */
import { assert, assertEquals } from "../_assert.ts";
import { startExporterProcess } from "../../lib/exporter/subprocess.ts";
import { startPrometheus } from "./_prometheus.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

Deno.test("a real Prometheus scrapes the exporter and reads the accuracy back", async () => {
  const exporter = await startExporterProcess(
    ["test/fixtures/exporter/stub_monitor.ipynb", "--host", "127.0.0.1", "--port", "0"].concat(
      ["--interval", "1s", "--param", "wrongRows=3"],
    ),
  );
  const prometheus = await startPrometheus(
    `127.0.0.1:${exporter.port}`,
    `${ROOT}deploy/rules/vigil_alerts.yml`,
  );
  const base = prometheus.base;
  try {
    const accuracy = await prometheus.waitFor(
      "the accuracy in Prometheus",
      'vigil_model_accuracy_ratio{job="vigil"}',
      25_000,
    );
    assertEquals(accuracy.length, 1);
    assertEquals(accuracy[0]?.metric.model, "stub");
    assertEquals(Number(accuracy[0]?.value[1]), 0.85); // 3 of 20 rows wrong
    const up = await prometheus.query('up{job="vigil"}');
    assertEquals(up[0]?.value[1], "1");
    // Counters keep their _total name through the OpenMetrics scrape Prometheus negotiates.
    const runs = await prometheus.query('vigil_exporter_runs_total{job="vigil"}');
    assert(Number(runs[0]?.value[1]) >= 1, JSON.stringify(runs));
    const rules = await (await fetch(`${base}/api/v1/rules`)).json() as {
      data: { groups: { rules: { name: string; health: string }[] }[] };
    };
    const loaded = rules.data.groups.flatMap((g) => g.rules);
    assertEquals(loaded.length, 18);
    // The staleness signal the dead-man's-switch rule reads arrives through a real scrape.
    const age = await prometheus.query('vigil_exporter_snapshot_age_seconds{job="vigil"}');
    assert(Number(age[0]?.value[1]) >= 0 && Number(age[0]?.value[1]) < 60, JSON.stringify(age));
    assert(loaded.every((r) => r.health !== "err"), JSON.stringify(loaded));
  } finally {
    await prometheus.stop();
    const code = await exporter.stop("SIGTERM");
    assertEquals(code, 0, exporter.stderr());
  }
});
