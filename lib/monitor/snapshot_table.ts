/**
 * A snapshot's checks as table rows, for the notebook display helpers (which render them as
 * markdown) — the monitor itself never imports `lib/notebook`.
 *
 * @module
 */
import type { Outcome, Snapshot } from "./types.ts";
import { metricLabel } from "./_metric_label.ts";
import { NEGATION } from "./_operators.ts";

/** One row of the checks table; every cell is display text except `outcome`. */
export interface SnapshotTableRow {
  /** The check's name. */
  check: string;
  /** The metric and its labels, e.g. `recall{class="setosa"}`. */
  metric: string;
  /** The value, 4 decimals; `—` when not computed. */
  value: string;
  /** What must hold, e.g. `>= 0.9000`, `>= 0.9167 (warn below 0.9500)`. */
  condition: string;
  /** The baseline value for relative checks, 4 decimals; empty otherwise. */
  baseline: string;
  /** pass, warn, fail or error. */
  outcome: Outcome;
  /** Why a check is an error (empty for other outcomes). */
  note: string;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : Number.isNaN(x) ? "—" : String(x);
}

/**
 * The checks of a snapshot as rows (one per check, in the monitor's order), with values rounded to
 * 4 decimals and the condition spelled out. O(checks).
 *
 * @param snapshot A run's snapshot.
 * @returns The rows.
 * @example
 * ```ts
 * import { snapshotTable } from "./snapshot_table.ts";
 * import type { Snapshot } from "./types.ts";
 * const rows = snapshotTable({
 *   checks: [{
 *     name: "accuracy_floor", metric: "accuracy", value: 0.92, threshold: 0.9, operator: ">=",
 *     warnThreshold: 0.95, outcome: "warn", message: "",
 *   }],
 * } as unknown as Snapshot);
 * if (rows[0]?.condition !== ">= 0.9000 (warn < 0.9500)") throw new Error(rows[0]?.condition);
 * ```
 */
export function snapshotTable(snapshot: Snapshot): SnapshotTableRow[] {
  return snapshot.checks.map((c) => {
    let condition = `${c.operator} ${fmt(c.threshold)}`;
    if (c.warnThreshold !== undefined) {
      condition += ` (warn ${NEGATION[c.operator]} ${fmt(c.warnThreshold)})`;
    }
    return {
      check: c.name,
      metric: metricLabel(c.metric, c.labels),
      value: fmt(c.value),
      condition,
      baseline: c.baseline === undefined ? "" : fmt(c.baseline),
      outcome: c.outcome,
      note: c.outcome === "error" ? c.message : "",
    };
  });
}
