/**
 * End to end on the real demo: the exporter runs notebooks/04_iris_monitoring.ipynb in its
 * default degradation scenario every second, a real Prometheus scrapes it and evaluates the
 * shipped alert rules (their `for:` durations cut to zero so the test takes seconds, not
 * minutes), and the accuracy and drift alerts fire. Needs /usr/bin/prometheus
 * (`deno task setup`).
 */
import { assert } from "../_assert.ts";
import { freePort, startExporterProcess } from "../../lib/exporter/subprocess.ts";
import { startPrometheus } from "./_prometheus.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

Deno.test("in the degradation demo accuracy falls and the shipped accuracy and drift alerts fire", async () => {
  const dir = await Deno.makeTempDir({ prefix: "vigil_alerts_e2e_" });
  const rules = await Deno.readTextFile(`${ROOT}deploy/rules/vigil_alerts.yml`);
  await Deno.writeTextFile(`${dir}/rules.yml`, rules.replace(/^(\s+)for: \S+$/gm, "$1for: 0s"));
  const exporterPort = freePort();
  const prometheus = await startPrometheus(`127.0.0.1:${exporterPort}`, `${dir}/rules.yml`);
  let exporter: Awaited<ReturnType<typeof startExporterProcess>> | undefined;
  try {
    // Prometheus first, so that it scrapes the healthy batches before the degradation starts.
    await prometheus.waitFor("Prometheus to start", "vector(1)", 30_000);
    const args = ["notebooks/04_iris_monitoring.ipynb", "--host", "127.0.0.1"];
    // Six healthy batches, so Prometheus' first scrapes (up to a few seconds in) see them.
    args.push("--port", String(exporterPort), "--interval", "1s", "--param", "healthyRuns=6");
    exporter = await startExporterProcess(args);
    const firing = (name: string) => `ALERTS{alertname="${name}", alertstate="firing"}`;
    await prometheus.waitFor("the accuracy alert", firing("VigilAccuracyBelowThreshold"), 60_000);
    await prometheus.waitFor("the dataset drift alert", firing("VigilDatasetDrift"), 30_000);
    const drifted = await prometheus.waitFor(
      "a feature drift alert",
      firing("VigilFeatureDrift"),
      30_000,
    );
    const features = new Set(drifted.map((s) => s.metric.feature));
    assert(features.has("petal_length") || features.has("petal_width"), [...features].join());
    // The same Prometheus saw the accuracy healthy first and below its 0.9 floor later.
    const best = await prometheus.query(
      'max_over_time(vigil_model_accuracy_ratio{job="vigil"}[5m])',
    );
    const worst = await prometheus.query(
      'min_over_time(vigil_model_accuracy_ratio{job="vigil"}[5m])',
    );
    assert(Number(best[0]?.value[1]) >= 0.9, `best accuracy ${JSON.stringify(best)}`);
    assert(Number(worst[0]?.value[1]) < 0.9, `worst accuracy ${JSON.stringify(worst)}`);
    const down = await prometheus.query(firing("VigilExporterDown"));
    assert(down.length === 0, "the exporter must not look down");
  } finally {
    await prometheus.stop();
    await exporter?.stop("SIGTERM");
    await Deno.remove(dir, { recursive: true });
  }
});
