/**
 * Private: the by-group input shape the fairness charts read (a `MetricFrame` of `lib/fairness`
 * fits it), and its validation.
 *
 * @module
 */
import { VIGIL_COLORS } from "./theme.ts";

/** One group's value; `GroupValue` of `lib/fairness` fits this shape. */
export interface GroupValueInput {
  /** Group name, e.g. `"Black"` or `"b & Male"`. */
  group: string;
  /** The metric on the group's rows; NaN when it has none (too few rows, undefined). */
  value: number;
  /** Rows in the group. @default not shown */
  n?: number;
  /** `"error"` when the group has no value (its `reason` says why). @default "ok" */
  status?: string;
  /** Why there is no value. @default none */
  reason?: string;
  /** Bootstrap interval. @default none */
  ci?: readonly [number, number] | null;
}

/** A metric by group with its overall value; a `MetricFrame` of `lib/fairness` fits this shape. */
export interface GroupFrameInput {
  /** The metric's name, e.g. `"selection_rate"`. */
  metric: string;
  /** The metric on all rows. */
  overall: { value: number; ci?: readonly [number, number] | null };
  /** One entry per group, in the order to draw. */
  byGroup: readonly GroupValueInput[];
}

/** The groups' names, checked to be unique strings; `what` names the chart in messages. */
export function groupNames(groups: readonly { group: string }[], what: string): string[] {
  const names: string[] = [];
  for (const g of groups) {
    if (typeof g.group !== "string") {
      throw new TypeError(`Cannot draw ${what}: group names must be strings, got ${g.group}`);
    }
    if (names.includes(g.group)) {
      throw new TypeError(`Cannot draw ${what}: group "${g.group}" appears twice`);
    }
    names.push(g.group);
  }
  return names;
}

/** `"Black (n=1,288)"`: the group's axis label, with its size when known. */
export function groupLabel(g: { group: string; n?: number }): string {
  return g.n === undefined ? g.group : `${g.group} (n=${g.n.toLocaleString("en-US")})`;
}

/** `"selection_rate"` → `"Selection rate"`, for axis titles. */
export function metricTitle(metric: string): string {
  const words = metric.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A dashed reference rule at `value` on the `channel` axis (overall value, four-fifths line,
 * threshold), or no layer when `value` is not finite.
 */
export function referenceRule(
  channel: "x" | "y",
  field: string,
  value: number,
): Record<string, unknown>[] {
  if (!Number.isFinite(value)) return [];
  return [{
    data: { values: [{ [field]: value }] },
    mark: { type: "rule", color: VIGIL_COLORS.threshold, strokeDash: [4, 4], strokeWidth: 1.5 },
    encoding: { [channel]: { field, type: "quantitative" } },
  }];
}
