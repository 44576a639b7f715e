/**
 * Drift of a monitor's window against the reference profile: per feature, the dataset share, and
 * mergeable bin counts.
 *
 * @module
 */
import type { Column, Table } from "../data/table.ts";
import type { CheckResult } from "../types.ts";
import { datasetDrift } from "../drift/dataset_drift.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import { binCounts } from "../stats/histogram.ts";
import type { MetricValue } from "./types.ts";
import type { MonitorDriftOptions, WindowCheckOutput } from "./window_checks.ts";
import { requireTable } from "./_require_table.ts";

function has(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

function unusable(name: string, profile: ReferenceProfile, table: Table): string | undefined {
  if (!has(table.columns, name)) return `Column "${name}" is missing from the window`;
  const column: Column = table.columns[name]!;
  const numbers = column instanceof Float64Array;
  const expected = profile.columns[name]!.type;
  if (numbers === (expected === "number")) return undefined;
  return `Column "${name}" holds ${numbers ? "numbers" : "text"} in the window, ` +
    `the reference profile has ${expected === "number" ? "numbers" : "text"}`;
}

/**
 * Drift of each declared feature of the window against the reference profile, and the dataset
 * drift (`share = drifted / compared`, detected when `share >= driftShare`; Evidently's rule, as
 * `datasetDrift`). One bad column never sinks the run: a column missing from the window or stored
 * with another type than the profile's gets a `status: "error"` result naming it and is left out
 * of the share, like the columns `datasetDrift` cannot compute.
 *
 * Results: one `kind: "drift"` result per column (in column order), then one
 * `kind: "dataset_drift"` result without `column`: `method: "drift_share"`, `statistic` the
 * share, `threshold` the drift share, operator `">="`, `details` `{ nColumns, nDrifted, nErrors,
 * correction, warnings }` (status `"error"` when no column could be compared). Values:
 * `dataset_drift_share`, `feature_drift_detected{feature}` (1 or 0; NaN with a reason when not
 * computed) and, per numeric feature, `feature_bin_rows{feature,bin}`: the window's rows in bin
 * `bin` (0-based) of the profile's frozen edges — counts that add up across replicas.
 *
 * Cost: `datasetDrift`'s (one sort per numeric column) plus O(n log bins) per numeric column.
 *
 * @param table The window as a table (`Batch.table`).
 * @param profile The reference profile.
 * @param options Columns, methods, thresholds, drift share, correction, selection cut-offs.
 * @returns The results and values.
 * @throws {TypeError} When `table` is absent (a monitor with drift checks needs `Batch.table`).
 * @example
 * ```ts
 * import { windowDrift } from "./window_drift.ts";
 * import { buildProfile } from "../profile/mod.ts";
 * import { tableFromColumns } from "../data/table.ts";
 * const x = Array.from({ length: 100 }, (_, i) => i);
 * const profile = buildProfile(tableFromColumns({ x, y: x }));
 * const { results, metrics } = windowDrift(tableFromColumns({ x: x.map((v) => v + 60) }), profile);
 * // x drifted; y is missing from the window: an error result, left out of the share
 * if (results[1]?.status !== "error" || results[2]?.statistic !== 1) throw new Error();
 * if (metrics[0]?.name !== "dataset_drift_share" || metrics[0].value !== 1) throw new Error();
 * ```
 */
export function windowDrift(
  table: Table | undefined,
  profile: ReferenceProfile,
  options: MonitorDriftOptions = {},
): WindowCheckOutput {
  const window = requireTable(table, "drift");
  const names = options.columns ?? Object.keys(profile.columns);
  const problems = new Map<string, string>();
  for (const name of names) {
    const why = unusable(name, profile, window);
    if (why !== undefined) problems.set(name, why);
  }
  const usable = names.filter((n) => !problems.has(n));
  const methods = Object.fromEntries(
    Object.entries(options.methods ?? {}).filter(([n]) => usable.includes(n)),
  );
  const report = datasetDrift(profile, window, { ...options, columns: usable, methods });
  const computed = new Map(report.columns.map((r) => [r.column!, r as CheckResult]));
  const columns = names.map((name): CheckResult =>
    computed.get(name) ?? {
      kind: "drift",
      method: options.methods?.[name] ?? "auto",
      status: "error",
      reason: problems.get(name)!,
      statistic: NaN,
      threshold: NaN,
      operator: "<",
      detected: false,
      nReference: 0,
      nCurrent: 0,
      column: name,
    }
  );
  const warnings = [
    ...[...problems].map(([name, why]) =>
      `Column "${name}" is excluded from the drift share: ${why}`
    ),
    ...report.warnings,
  ];
  const dataset: CheckResult = {
    kind: "dataset_drift",
    method: "drift_share",
    status: report.nColumns > 0 ? "ok" : "error",
    statistic: report.share,
    threshold: report.driftShare,
    operator: ">=",
    detected: report.detected,
    nReference: profile.nRows,
    nCurrent: window.nRows,
    details: {
      nColumns: report.nColumns,
      nDrifted: report.nDrifted,
      nErrors: report.nErrors + problems.size,
      correction: report.correction,
      warnings,
    },
  };
  if (report.nColumns === 0) dataset.reason = "No column could be compared with the reference";
  const metrics: MetricValue[] = [shareValue(dataset)];
  for (const r of columns) {
    const value: MetricValue = {
      name: "feature_drift_detected",
      value: r.status === "ok" ? Number(r.detected) : NaN,
      labels: { feature: r.column! },
    };
    if (r.reason !== undefined) value.reason = r.reason;
    metrics.push(value);
  }
  metrics.push(...binRows(usable, profile, window));
  return { results: [...columns, dataset], metrics };
}

function shareValue(dataset: CheckResult): MetricValue {
  const value: MetricValue = { name: "dataset_drift_share", value: dataset.statistic };
  if (dataset.reason !== undefined) value.reason = dataset.reason;
  return value;
}

function binRows(names: readonly string[], profile: ReferenceProfile, table: Table): MetricValue[] {
  const out: MetricValue[] = [];
  for (const name of names) {
    const ref = profile.columns[name]!;
    if (ref.kind !== "numeric") continue;
    const edges = [-Infinity, ...ref.edges, Infinity];
    const counts = binCounts(table.columns[name] as Float64Array, edges);
    counts.forEach((value, bin) =>
      out.push({ name: "feature_bin_rows", value, labels: { feature: name, bin: String(bin) } })
    );
  }
  return out;
}
