/**
 * The status page's charts for a snapshot, as inline SVG: per-class precision, recall and F1
 * (lib/charts `classMetricsChart`) and, when the monitor checks drift, each feature's drift score
 * against its threshold (`driftScoresChart`), rendered once per snapshot by lib/notebook
 * `renderSvg`.
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";
import { classMetricsChart, type ClassMetricsInput } from "../charts/class_metrics_chart.ts";
import { driftScoresChart } from "../charts/drift_scores_chart.ts";
import { renderSvg } from "../notebook/render.ts";

/** Per-class rows from the snapshot's `precision`/`recall`/`f1` values labelled by `class`. */
export function classMetricsRows(snapshot: Snapshot): ClassMetricsInput[] {
  const rows = new Map<string, ClassMetricsInput>();
  for (const m of snapshot.metrics) {
    const className = m.labels?.class;
    if (
      className === undefined || (m.name !== "precision" && m.name !== "recall" && m.name !== "f1")
    ) {
      continue;
    }
    const row = rows.get(className) ??
      { className, precision: NaN, recall: NaN, f1: NaN };
    row[m.name] = m.value;
    rows.set(className, row);
  }
  return [...rows.values()];
}

/**
 * Renders the snapshot's charts to SVG strings: per-class metrics when it has them, feature drift
 * when it has per-feature drift results (none of either: no chart). Cost: one Vega render each
 * (tens of milliseconds), once per snapshot.
 */
export async function snapshotCharts(snapshot: Snapshot): Promise<string[]> {
  const charts: string[] = [];
  const rows = classMetricsRows(snapshot);
  if (rows.length > 0) {
    charts.push(
      await renderSvg(classMetricsChart(rows, { title: `Per-class metrics, run ${snapshot.run}` })),
    );
  }
  const drift = snapshot.drift.filter((r) => r.kind === "drift" && r.column !== undefined);
  if (drift.length > 0) {
    charts.push(
      await renderSvg(driftScoresChart(drift, { title: `Input drift, run ${snapshot.run}` })),
    );
  }
  return charts;
}
