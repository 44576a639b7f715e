/**
 * Dataset drift: one drift result per column and the share of drifted columns, Evidently style.
 *
 * @module
 */
import type { Column, Table } from "../data/table.ts";
import { driftError, type DriftResult } from "./_result.ts";
import { compare } from "../stats/compare.ts";
import { columnDrift, type ColumnDriftOptions } from "./column_drift.ts";
import { correctPValues, P_VALUE_CORRECTIONS, type PValueCorrection } from "./corrections.ts";
import {
  applyDataDrivenThreshold,
  dataDrivenThreshold,
  type DataDrivenThresholdOptions,
} from "./data_driven_threshold.ts";
import { DRIFT_METHOD_INFO, type DriftMethod, isDriftMethod } from "./drift_methods.ts";
import type { ColumnProfile, ReferenceProfile } from "../profile/profile.ts";
import type { SelectDriftMethodOptions } from "./select_method.ts";

/** Options of {@linkcode datasetDrift}. */
export interface DatasetDriftOptions {
  /** Columns to compare. @default every column of the reference (profile or table order) */
  columns?: readonly string[];
  /** Method per column; columns not listed use `"auto"`. @default {} (all `"auto"`) */
  methods?: Readonly<Record<string, DriftMethod | "auto">>;
  /** Threshold per method, overriding `DRIFT_METHOD_INFO[method].threshold`. @default {} */
  thresholds?: Readonly<Partial<Record<DriftMethod, number>>>;
  /** Threshold per column (wins over `thresholds`; useful for distances in data units). @default {} */
  columnThresholds?: Readonly<Record<string, number>>;
  /** The dataset drifts when `share >= driftShare` (Evidently's rule and default). @default 0.5 */
  driftShare?: number;
  /**
   * Multiple-testing correction of the p-values of the columns tested by a p-value test
   * (distances are not corrected and do not count towards m). @default "none"
   */
  correction?: PValueCorrection;
  /**
   * Learn each column's threshold from the reference ({@linkcode dataDrivenThreshold}; needs a
   * reference table, not a profile). `true` uses its defaults (10 contiguous chunks, mean + 3 sd).
   * @default false
   */
  dataDriven?: boolean | Pick<DataDrivenThresholdOptions, "chunks" | "multiplier" | "against">;
  /** Cut-offs of the automatic method choice. @default {} (1000 rows, 5 distinct values) */
  selection?: SelectDriftMethodOptions;
  /** Compute small-window warnings. @default true */
  warnings?: boolean;
}

/** The dataset drift report: plain data, JSON-serialisable (NaN becomes null). */
export interface DatasetDriftResult {
  /** Always `"dataset_drift"`. */
  kind: "dataset_drift";
  /** The threshold on the share of drifted columns. */
  driftShare: number;
  /** `detected` is `share >= driftShare`. */
  operator: ">=";
  /** nDrifted / nColumns; `NaN` when no column could be computed. */
  share: number;
  /** Whether the dataset drifted: `nColumns > 0 && share >= driftShare`. */
  detected: boolean;
  /** Columns whose drift was computed (`status: "ok"`): the denominator of `share`. */
  nColumns: number;
  /** Computed columns with `detected: true`. */
  nDrifted: number;
  /** Columns whose drift could not be computed (`status: "error"`), excluded from the share. */
  nErrors: number;
  /** The correction applied to the p-values. */
  correction: PValueCorrection;
  /** One drift result per requested column, in order (errors included). */
  columns: DriftResult[];
  /** Small-window warnings and excluded columns, each naming its column. */
  warnings: string[];
}

function has(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

function validate(
  names: readonly string[],
  reference: Table | ReferenceProfile,
  current: Table,
  o: DatasetDriftOptions,
) {
  const refColumns = (reference as Table).columns;
  for (const name of names) {
    if (!has(refColumns, name)) {
      throw new TypeError(`Cannot compute dataset drift: the reference has no column "${name}"`);
    }
    if (!has(current.columns, name)) {
      throw new TypeError(
        `Cannot compute dataset drift: the current table has no column "${name}"`,
      );
    }
  }
  for (const [name, method] of Object.entries(o.methods ?? {})) {
    if (!names.includes(name)) {
      throw new TypeError(
        `Cannot compute dataset drift: methods names column "${name}", which is not compared`,
      );
    }
    if (method !== "auto" && !isDriftMethod(method)) {
      throw new TypeError(
        `Cannot compute dataset drift: unknown method "${String(method)}" for column "${name}"`,
      );
    }
  }
  const thresholds = [
    ...Object.entries(o.thresholds ?? {}),
    ...Object.entries(o.columnThresholds ?? {}),
  ];
  for (const [key, value] of thresholds) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(
        `Cannot compute dataset drift: threshold for "${key}" must be a finite number, got ${value}`,
      );
    }
  }
  const driftShare = o.driftShare ?? 0.5;
  if (typeof driftShare !== "number" || !(driftShare >= 0 && driftShare <= 1)) {
    throw new RangeError(
      `Cannot compute dataset drift: driftShare must be in [0, 1], got ${driftShare}`,
    );
  }
  if (!P_VALUE_CORRECTIONS.includes(o.correction ?? "none")) {
    throw new TypeError(
      `Cannot compute dataset drift: unknown correction "${String(o.correction)}"`,
    );
  }
}

function isProfile(reference: Table | ReferenceProfile): reference is ReferenceProfile {
  return (reference as ReferenceProfile).version !== undefined && !("names" in reference);
}

function oneColumn(
  name: string,
  reference: Table | ReferenceProfile,
  current: Table,
  o: DatasetDriftOptions,
): DriftResult {
  const method = o.methods?.[name] ?? "auto";
  const run: ColumnDriftOptions = { method, column: name, warnings: o.warnings ?? true };
  if (o.selection !== undefined) run.selection = o.selection;
  if (o.columnThresholds !== undefined && has(o.columnThresholds, name)) {
    run.threshold = o.columnThresholds[name]!;
  }
  const ref: ColumnProfile | Column = reference.columns[name]!;
  if (o.thresholds !== undefined) run.thresholds = o.thresholds;
  let result: DriftResult;
  try {
    result = columnDrift(ref, current.columns[name]!, run);
  } catch (e) {
    if (e instanceof TypeError) throw e;
    const reason = `Cannot compute drift of column "${name}": ${
      e instanceof Error ? e.message : String(e)
    }`;
    return driftError({
      method: String(method),
      threshold: NaN,
      operator: "<",
      nReference: 0,
      nCurrent: 0,
      column: name,
    }, reason);
  }
  if (o.dataDriven !== undefined && o.dataDriven !== false && result.status === "ok") {
    const learn: DataDrivenThresholdOptions = o.dataDriven === true ? {} : { ...o.dataDriven };
    const treatAs = result.details?.treatAs;
    const kind = result.details?.columnKind;
    learn.method = result.method as DriftMethod;
    learn.column = name;
    if (kind === "numeric" || kind === "categorical" || kind === "boolean") {
      learn.kind = treatAs === "categorical" && kind === "numeric" ? "categorical" : kind;
    }
    result = applyDataDrivenThreshold(
      result,
      dataDrivenThreshold(ref as Column, learn),
    );
  }
  return result;
}

/** Whether a result's p-value decides it (an "ok" p-value test), so a correction applies. */
function isCorrectable(r: DriftResult): boolean {
  return r.status === "ok" && r.pValue !== undefined && isDriftMethod(r.method) &&
    DRIFT_METHOD_INFO[r.method].output === "p_value";
}

/**
 * New results with the p-values of the p-value tests adjusted together (m = their number) and
 * `detected` decided on the adjusted value; the raw one moves to `details.rawPValue`. The input
 * results are left as they are.
 */
function corrected(
  results: readonly DriftResult[],
  correction: Exclude<PValueCorrection, "none">,
): DriftResult[] {
  const tested = results.filter(isCorrectable);
  const adjusted = correctPValues(tested.map((r) => r.pValue!), correction);
  const byResult = new Map(tested.map((r, i) => [r, adjusted[i]!]));
  return results.map((r) => {
    const pValue = byResult.get(r);
    if (pValue === undefined) return r;
    return {
      ...r,
      pValue,
      detected: compare(pValue, r.operator, r.threshold),
      details: { ...r.details, rawPValue: r.pValue, correction },
    };
  });
}

/**
 * Compares every column of a current table with the reference (a table or a reference profile)
 * and decides whether the dataset drifted: each column gets {@linkcode columnDrift} (the method
 * from `methods`, else the automatic choice), then `share = nDrifted / nColumns` and
 * `detected = share >= driftShare` — Evidently's dataset-drift rule
 * (`share_drifted_columns >= drift_share`, default 0.5).
 *
 * - One bad column never sinks the report: a column that cannot be computed (no finite values, a
 *   single value for Anderson–Darling, more than two categories for a requested Z-test, or any
 *   failure that is not misuse) gets a `status: "error"` result with a `reason`, is listed in
 *   `warnings`, and is left out of both `nDrifted` and `nColumns`. With no computed column,
 *   `share` is `NaN` and `detected` is `false`.
 * - `correction` ("bonferroni" or "benjamini-hochberg") adjusts the p-values of the computed
 *   p-value tests only, with m = their number: `pValue` becomes the adjusted p-value (so
 *   `detected` is still `pValue < threshold`), and `details.rawPValue` keeps the raw one.
 *   Distances are never corrected.
 * - `dataDriven` replaces each computed column's threshold by one learnt from the reference
 *   (see {@linkcode applyDataDrivenThreshold}: the statistic decides, the p-value moves to
 *   `details`, so those columns are outside the correction).
 * - Warnings (small windows, threshold/window size mismatches, excluded columns) are in each
 *   result's `details.warnings` and collected in the report's `warnings`.
 *
 * Cost: the sum of the columns' methods (one sort per raw numeric column side).
 *
 * @param reference The reference table, or its profile (`buildProfile`).
 * @param current The current window.
 * @param options Columns, methods, thresholds, drift share, correction, data-driven thresholds,
 * selection cut-offs, warnings.
 * @returns The dataset drift report.
 * @throws {TypeError} When a requested column is missing from the reference or the current table
 * (the message names it), `methods` names an unknown method or an uncompared column, a column's
 * kind does not fit its method, or `dataDriven` is used with a profile.
 * @throws {RangeError} When a threshold is not finite or `driftShare` is outside [0, 1].
 * @example
 * ```ts
 * import { datasetDrift } from "./mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const x = Array.from({ length: 60 }, (_, i) => i);
 * const reference = tableFromColumns({ x, y: x.map((v) => v % 7), z: x.map(() => NaN) });
 * const current = tableFromColumns({ x: x.map((v) => v + 40), y: x.map((v) => v % 7), z: x });
 * const report = datasetDrift(reference, current);
 * // x drifted, y did not, z has no reference values: share 1/2 >= 0.5
 * if (report.nColumns !== 2 || report.nErrors !== 1 || report.share !== 0.5 || !report.detected) {
 *   throw new Error(JSON.stringify(report.warnings));
 * }
 * ```
 */
export function datasetDrift(
  reference: Table | ReferenceProfile,
  current: Table,
  options: DatasetDriftOptions = {},
): DatasetDriftResult {
  const profile = isProfile(reference);
  const names = options.columns ?? (profile ? Object.keys(reference.columns) : reference.names);
  validate(names, reference, current, options);
  if (profile && options.dataDriven !== undefined && options.dataDriven !== false) {
    throw new TypeError(
      "Cannot compute dataset drift: data-driven thresholds need the reference rows (a Table), got a ReferenceProfile",
    );
  }
  const correction = options.correction ?? "none";
  const driftShare = options.driftShare ?? 0.5;
  const raw = names.map((name) => oneColumn(name, reference, current, options));
  const columns = correction === "none" ? raw : corrected(raw, correction);
  const warnings: string[] = [];
  let nColumns = 0, nDrifted = 0;
  for (const r of columns) {
    const own = r.details?.warnings;
    if (Array.isArray(own)) warnings.push(...own.filter((w): w is string => typeof w === "string"));
    if (r.status === "ok") {
      nColumns++;
      if (r.detected) nDrifted++;
    } else {
      warnings.push(`Column "${r.column}" is excluded from the drift share: ${r.reason}`);
    }
  }
  const share = nColumns === 0 ? NaN : nDrifted / nColumns;
  if (nColumns === 0) warnings.push("No column could be compared: the drift share is undefined");
  return {
    kind: "dataset_drift",
    driftShare,
    operator: ">=",
    share,
    detected: nColumns > 0 && share >= driftShare,
    nColumns,
    nDrifted,
    nErrors: columns.length - nColumns,
    correction,
    columns,
    warnings,
  };
}
