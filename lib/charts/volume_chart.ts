/**
 * Row counts of windows against the expected count and its tolerance band.
 *
 * @module
 */
import { finishSpec, okDetectedColor } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One window's row count and the count it was expected to have. */
export interface VolumeInput {
  /** Window label, e.g. `"2026-01-05"` or `"clean window"`. */
  window: string;
  /** Rows that arrived (≥ 0). */
  rows: number;
  /** Rows expected (> 0), e.g. the same weekday's usual count. */
  expected: number;
}

/** Options of {@linkcode volumeChart}. */
export interface VolumeChartOptions extends ChartOptions {
  /**
   * Largest acceptable relative change `|rows / expected − 1|`, drawn as a grey band from
   * `expected × (1 − tolerance)` to `expected × (1 + tolerance)`; the volume check's default.
   * @default 0.5
   */
  tolerance?: number;
}

const WITHIN = "Within tolerance";
const OUTSIDE = "Outside tolerance";

/**
 * Builds horizontal bars of the rows each window received, one bar per window in input order, over
 * a grey band of the accepted counts with a dark tick at the expected count. A window whose
 * relative change `|rows / expected − 1|` is above `tolerance` is red, the others green — as the
 * volume check decides (`change > tolerance`), so a drop and a rise (a double load) both show.
 * Cost O(windows).
 *
 * @param windows One entry per window.
 * @param options Tolerance, title and size.
 * @returns A Vega-Lite layered spec with explicit width and height (default height: 32 px per
 *   window, at least 120).
 * @throws {RangeError} If a row count is negative or not finite, an expected count is not positive
 *   and finite (the message names the window), or `tolerance` is negative or not finite.
 *
 * @example
 * ```ts
 * import { volumeChart } from "./volume_chart.ts";
 * const spec = volumeChart([
 *   { window: "monday", rows: 980, expected: 1000 },
 *   { window: "tuesday", rows: 310, expected: 1000 },
 * ]) as { data: { values: { status: string; low: number }[] } };
 * const [monday, tuesday] = spec.data.values;
 * if (monday!.status !== "Within tolerance" || tuesday!.status !== "Outside tolerance") {
 *   throw new Error("status");
 * }
 * if (monday!.low !== 500) throw new Error("band");
 * ```
 */
export function volumeChart(
  windows: readonly VolumeInput[],
  options: VolumeChartOptions = {},
): VegaLiteSpec {
  const tolerance = options.tolerance ?? 0.5;
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new RangeError(`Volume chart tolerance must be a finite number >= 0, got ${tolerance}`);
  }
  const values = windows.map((w) => {
    if (!(Number.isFinite(w.rows) && w.rows >= 0)) {
      throw new RangeError(`Row count of window "${w.window}" must be >= 0, got ${w.rows}`);
    }
    if (!(Number.isFinite(w.expected) && w.expected > 0)) {
      throw new RangeError(
        `Expected row count of window "${w.window}" must be > 0, got ${w.expected}`,
      );
    }
    const change = w.rows / w.expected - 1;
    return {
      window: w.window,
      rows: w.rows,
      expected: w.expected,
      low: Math.max(0, w.expected * (1 - tolerance)),
      high: w.expected * (1 + tolerance),
      change,
      status: Math.abs(change) > tolerance ? OUTSIDE : WITHIN,
    };
  });
  const y = {
    field: "window",
    type: "nominal",
    sort: values.map((v) => v.window),
    title: null,
    axis: { labelLimit: 260 },
  };
  const body = {
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", color: VIGIL_COLORS.band, opacity: 0.4, height: { band: 0.9 } },
        encoding: {
          x: { field: "low", type: "quantitative", title: "Rows" },
          x2: { field: "high" },
        },
      },
      {
        mark: { type: "bar", height: { band: 0.5 } },
        encoding: {
          x: { field: "rows", type: "quantitative" },
          color: okDetectedColor("status", [WITHIN, OUTSIDE]),
          tooltip: [
            { field: "window", type: "nominal", title: "Window" },
            { field: "rows", type: "quantitative", title: "Rows", format: "," },
            { field: "expected", type: "quantitative", title: "Expected", format: "," },
            { field: "change", type: "quantitative", title: "Change", format: "+.1%" },
          ],
        },
      },
      {
        mark: { type: "tick", color: VIGIL_COLORS.threshold, thickness: 2, bandSize: 24 },
        encoding: { x: { field: "expected", type: "quantitative" } },
      },
    ],
  };
  const height = options.height ?? Math.max(120, 32 * values.length);
  return finishSpec(body, "Rows per window", {
    height,
    subtitle: `grey: accepted counts (expected ± ${Math.round(tolerance * 100)} %), tick: expected`,
    ...options,
  });
}
