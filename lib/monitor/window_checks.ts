/**
 * The options of a monitor's data checks (drift and quality against a reference profile) and
 * their validation when the monitor is defined. The checks themselves are
 * {@linkcode windowDrift} and {@linkcode windowQuality}.
 *
 * @module
 */
import type { CheckResult } from "../types.ts";
import type { DatasetDriftOptions } from "../drift/dataset_drift.ts";
import { DRIFT_METHOD_INFO, isDriftMethod } from "../drift/drift_methods.ts";
import { P_VALUE_CORRECTIONS } from "../drift/corrections.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import type { QualityReportOptions } from "../quality/quality_report.ts";
import type { MetricValue } from "./types.ts";

/**
 * Drift options of a monitor: `datasetDrift`'s, without data-driven thresholds (they need the
 * reference rows; a monitor only has the profile).
 */
export type MonitorDriftOptions = Pick<
  DatasetDriftOptions,
  | "columns"
  | "methods"
  | "thresholds"
  | "columnThresholds"
  | "driftShare"
  | "correction"
  | "selection"
>;

/** Quality options of a monitor: `qualityReport`'s. */
export type MonitorQualityOptions = QualityReportOptions;

/** What one data phase adds to a snapshot. */
export interface WindowCheckOutput {
  /** Results for `Snapshot.drift` or `Snapshot.quality`. */
  results: CheckResult[];
  /** Values checks can target, appended to `Snapshot.metrics`. */
  metrics: MetricValue[];
}

const WHERE = "Cannot define the monitor's data checks";

function has(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

/**
 * Checks the profile and the drift and quality options when a monitor is defined, so that a
 * misconfigured monitor fails at once rather than on its first scheduled run, and returns the
 * declared features: the profile columns the checks read, in profile order — the only values of
 * the exported `feature` label. O(columns).
 *
 * @param profile The reference profile.
 * @param drift Drift options, or `false` for no drift checks.
 * @param quality Quality options, or `false` for no quality checks.
 * @returns The declared features.
 * @throws {TypeError} When the profile is not a version 1 profile, a column is not in it, a method
 *   is unknown or does not apply to the column's kind, or the correction is unknown.
 * @throws {RangeError} When `driftShare` is outside [0, 1] or a threshold is not finite.
 * @example
 * ```ts
 * import { validateWindowChecks } from "./window_checks.ts";
 * import { buildProfile } from "../profile/mod.ts";
 * import { tableFromColumns } from "../data/table.ts";
 * const profile = buildProfile(tableFromColumns({ x: [1, 2, 3], c: ["a", "b", "a"] }));
 * const features = validateWindowChecks(profile, { columns: ["x"] }, false);
 * if (features.join() !== "x") throw new Error(features.join());
 * let threw = false;
 * try { validateWindowChecks(profile, { methods: { c: "ks" } }, {}); } catch (e) {
 *   threw = e instanceof TypeError;
 * }
 * if (!threw) throw new Error("KS accepted for a categorical column");
 * ```
 */
export function validateWindowChecks(
  profile: ReferenceProfile,
  drift: MonitorDriftOptions | false,
  quality: MonitorQualityOptions | false,
): string[] {
  if (
    typeof profile !== "object" || profile === null || profile.version !== 1 ||
    typeof profile.columns !== "object" || profile.columns === null
  ) {
    throw new TypeError(`${WHERE}: profile is not a version 1 reference profile`);
  }
  const all = Object.keys(profile.columns);
  const inProfile = (what: string, names: readonly string[] | undefined): readonly string[] => {
    if (names !== undefined && !Array.isArray(names)) {
      throw new TypeError(`${WHERE}: ${what}.columns must be an array of column names`);
    }
    for (const name of names ?? []) {
      if (!has(profile.columns, name)) {
        throw new TypeError(`${WHERE}: ${what} column "${name}" is not in the reference profile`);
      }
    }
    return names ?? all;
  };
  const wanted = new Set<string>();
  if (drift !== false) {
    const columns = inProfile("drift", drift.columns);
    columns.forEach((c) => wanted.add(c));
    for (const [name, method] of Object.entries(drift.methods ?? {})) {
      if (!columns.includes(name)) {
        throw new TypeError(
          `${WHERE}: drift.methods names column "${name}", which is not compared`,
        );
      }
      if (method === "auto") continue;
      if (!isDriftMethod(method)) {
        throw new TypeError(`${WHERE}: unknown drift method "${String(method)}" for "${name}"`);
      }
      const kind = profile.columns[name]!.kind;
      if (!DRIFT_METHOD_INFO[method].kinds.includes(kind)) {
        throw new TypeError(
          `${WHERE}: drift method "${method}" does not apply to ${kind} column "${name}"`,
        );
      }
    }
    const share = drift.driftShare ?? 0.5;
    if (typeof share !== "number" || !(share >= 0 && share <= 1)) {
      throw new RangeError(`${WHERE}: drift.driftShare must be in [0, 1], got ${share}`);
    }
    if (!P_VALUE_CORRECTIONS.includes(drift.correction ?? "none")) {
      throw new TypeError(`${WHERE}: unknown drift.correction "${String(drift.correction)}"`);
    }
    const thresholds = [
      ...Object.entries(drift.thresholds ?? {}),
      ...Object.entries(drift.columnThresholds ?? {}),
    ];
    for (const [key, value] of thresholds) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new RangeError(`${WHERE}: drift threshold for "${key}" must be finite, got ${value}`);
      }
    }
  }
  if (quality !== false) inProfile("quality", quality.columns).forEach((c) => wanted.add(c));
  return all.filter((c) => wanted.has(c));
}
