/**
 * The Grafana dashboard and the alert rules only query metrics the exporter really exports, and
 * the provisioning files agree with the dashboard.
 */
import { Registry } from "prom-client";
import { assert, assertEquals } from "../_assert.ts";
import { createExporterMetrics } from "../../lib/prometheus/exporter_metrics.ts";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { createServeMetrics } from "../../lib/serve/_serve_metrics.ts";

const DEPLOY = new URL("../../deploy/", import.meta.url).pathname;

/**
 * Every series name the exporter and the model service (lib/serve) can expose (histograms with
 * their generated suffixes).
 */
function exportedNames(): Set<string> {
  const registry = new Registry();
  const stats = {
    queued: 0,
    predictionsWritten: 0,
    labelsWritten: 0,
    writeFailures: 0,
    rowsLost: 0,
    rejected: 0,
  };
  createServeMetrics(registry, { name: "m", version: "1" }, () => stats);
  createSnapshotMetrics(registry, { model: { name: "m", version: "1", classNames: ["a"] } });
  // With a fake /proc holding io and fd, every optional family is registered too.
  const dir = Deno.makeTempDirSync();
  Deno.writeTextFileSync(`${dir}/io`, "read_bytes: 1\nwrite_bytes: 2\n");
  Deno.mkdirSync(`${dir}/fd`);
  createExporterMetrics(registry, { procDir: dir }).close();
  Deno.removeSync(dir, { recursive: true });
  const names = new Set<string>();
  for (const metric of registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === "histogram") {
      for (const s of ["_bucket", "_sum", "_count"]) names.add(name + s);
    }
  }
  return names;
}

interface Panel {
  type: string;
  title: string;
  description?: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
  panels?: Panel[];
}

function vigilNames(text: string): string[] {
  return [...text.matchAll(/\bvigil_[a-z0-9_]+/g)].map((m) => m[0]);
}

Deno.test("every vigil_ metric the dashboard queries is one the exporter exports", async () => {
  const dashboard = JSON.parse(
    await Deno.readTextFile(`${DEPLOY}grafana/dashboards/vigil.json`),
  ) as { uid: string; panels: Panel[]; templating: { list: { name: string }[] } };
  const known = exportedNames();
  const panels = dashboard.panels.filter((p) => p.type !== "row");
  assert(panels.length >= 12, `only ${panels.length} panels`);
  const queried = new Set<string>();
  for (const panel of panels) {
    assert(panel.targets && panel.targets.length > 0, `panel "${panel.title}" has no query`);
    assert((panel.description ?? "").length > 20, `panel "${panel.title}" lacks a description`);
    assertEquals(panel.datasource?.uid, "${datasource}", panel.title);
    for (const t of panel.targets) {
      for (const name of vigilNames(t.expr)) {
        assert(known.has(name), `panel "${panel.title}" queries unknown ${name}`);
        queried.add(name);
      }
    }
  }
  for (
    const family of [
      "vigil_model_accuracy_ratio",
      "vigil_check_threshold",
      "vigil_model_recall_ratio",
      "vigil_exporter_runs_total",
      "vigil_process_cpu_seconds_total",
      "vigil_process_event_loop_lag_seconds",
      "vigil_concept_drift_warning",
      "vigil_concept_drift_detected",
      "vigil_concept_drift_detections_total",
      "vigil_fairness_demographic_parity_ratio",
      "vigil_fairness_equalized_odds_difference",
      "vigil_fairness_group_selection_rate_ratio",
      "vigil_fairness_group_rows",
      "vigil_serve_http_requests_total",
      "vigil_serve_http_request_duration_seconds_bucket",
      "vigil_serve_http_requests_in_flight",
      "vigil_serve_model_inference_duration_seconds_bucket",
      "vigil_serve_log_queue_rows",
    ]
  ) {
    assert(queried.has(family), `dashboard does not show ${family}`);
  }
  assertEquals(dashboard.templating.list.map((v) => v.name), ["datasource", "instance", "model"]);
});

Deno.test("every vigil_ metric the alert rules read is one the exporter exports", async () => {
  const known = exportedNames();
  const rules = await Deno.readTextFile(`${DEPLOY}rules/vigil_alerts.yml`);
  const exprs = [...rules.matchAll(/expr: (\|\n(?:\s{10}.*\n)+|.*\n)/g)].map((m) => m[1] ?? "");
  assertEquals(exprs.length, 18);
  for (const name of exprs.flatMap(vigilNames)) {
    assert(known.has(name), `rules read unknown ${name}`);
  }
});

Deno.test("Grafana provisioning points at the dashboard folder and the datasource uid it defaults to", async () => {
  const datasource = await Deno.readTextFile(`${DEPLOY}grafana/provisioning/datasources/vigil.yml`);
  const dashboards = await Deno.readTextFile(`${DEPLOY}grafana/provisioning/dashboards/vigil.yml`);
  const dashboard = await Deno.readTextFile(`${DEPLOY}grafana/dashboards/vigil.json`);
  const uid = /uid: (\S+)/.exec(datasource)?.[1];
  assertEquals(uid, "vigil-prometheus");
  assert(dashboard.includes(`"value": "${uid}"`), "dashboard default datasource");
  assert(/type: prometheus/.test(datasource) && /url: http:\/\/localhost:9090/.test(datasource));
  assert(
    /type: file/.test(dashboards) &&
      /path: \/var\/lib\/grafana\/dashboards\/vigil/.test(dashboards),
  );
});
