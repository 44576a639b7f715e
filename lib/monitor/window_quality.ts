/**
 * Data quality of a monitor's window against the reference profile.
 *
 * @module
 */
import type { Table } from "../data/table.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import { qualityReport } from "../quality/quality_report.ts";
import type { MetricValue } from "./types.ts";
import type { MonitorQualityOptions, WindowCheckOutput } from "./window_checks.ts";
import { requireTable } from "./_require_table.ts";

/**
 * Data quality of the window against the reference profile (`qualityReport`: volume, schema,
 * duplicates, completeness, ranges, unseen categories, constant columns), plus the values checks
 * can target: `missing_share{feature}` per checked column (NaN with a reason when not computed).
 * Cost O(rows × columns).
 *
 * @param table The window as a table (`Batch.table`).
 * @param profile The reference profile.
 * @param options `qualityReport`'s options.
 * @returns The results (all `kind: "quality"`) and values.
 * @throws {TypeError} When `table` is absent or malformed.
 * @throws {RangeError} When a check option is out of range.
 * @example
 * ```ts
 * import { windowQuality } from "./window_quality.ts";
 * import { buildProfile } from "../profile/mod.ts";
 * import { tableFromColumns } from "../data/table.ts";
 * const profile = buildProfile(tableFromColumns({ x: [1, 2, 3, 4] }));
 * const { metrics } = windowQuality(tableFromColumns({ x: [1, NaN, 3, 4] }), profile);
 * if (metrics[0]?.name !== "missing_share" || metrics[0].value !== 0.25) throw new Error();
 * ```
 */
export function windowQuality(
  table: Table | undefined,
  profile: ReferenceProfile,
  options: MonitorQualityOptions = {},
): WindowCheckOutput {
  const results = qualityReport(requireTable(table, "quality"), profile, options);
  const metrics = results.filter((r) => r.method === "missing_share").map((r) => {
    const value: MetricValue = {
      name: "missing_share",
      value: r.statistic,
      labels: { feature: r.column! },
    };
    if (r.reason !== undefined) value.reason = r.reason;
    return value;
  });
  return { results, metrics };
}
