/**
 * The status page's charts for a snapshot, as inline SVG: per-class precision, recall and F1
 * (lib/charts `classMetricsChart`) rendered once per snapshot by lib/notebook `renderSvg`.
 *
 * @module
 */
import type { Snapshot } from "../lib/monitor/types.ts";
import { classMetricsChart, type ClassMetricsInput } from "../lib/charts/class_metrics_chart.ts";
import { renderSvg } from "../lib/notebook/render.ts";

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
 * Renders the snapshot's charts to SVG strings (none when it has no per-class metrics). Cost: one
 * Vega render (tens of milliseconds), once per snapshot.
 */
export async function snapshotCharts(snapshot: Snapshot): Promise<string[]> {
  const rows = classMetricsRows(snapshot);
  if (rows.length === 0) return [];
  return [
    await renderSvg(classMetricsChart(rows, { title: `Per-class metrics, run ${snapshot.run}` })),
  ];
}
