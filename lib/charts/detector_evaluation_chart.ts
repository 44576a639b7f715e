/**
 * Streaming drift detectors side by side: detection delay, false alarms and missed changes.
 *
 * @module
 */
import { chartSize, finishSpec } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One detector's record, as `evaluateDetectors` in `lib/concept` returns it (fields it reads). */
export interface DetectorEvaluationRow {
  /** The detector's name. */
  method: string;
  /** Mean detection delay in points (NaN when nothing was detected). */
  meanDelay: number;
  /** False alarms per 10,000 points. */
  falseAlarmsPer10k: number;
  /** Share of changes not detected, in [0, 1]. */
  missedRate: number;
}

/**
 * Builds three horizontal bar panels, one row per detector: mean detection delay (points), false
 * alarms per 10,000 points and the share of changes missed — lower is better in all three, so the
 * best detector has the shortest bars. Non-finite values leave the bar out. Cost O(rows).
 *
 * @param rows One record per detector.
 * @param options Title and the size of each panel (default 200 × 24 px per detector).
 * @returns A Vega-Lite `hconcat` spec whose panels carry explicit width and height.
 * @example
 * ```ts
 * import { detectorEvaluationChart } from "./detector_evaluation_chart.ts";
 * const spec = detectorEvaluationChart([
 *   { method: "ddm", meanDelay: 120, falseAlarmsPer10k: 0.5, missedRate: 0 },
 *   { method: "adwin", meanDelay: 80, falseAlarmsPer10k: 0, missedRate: 0.1 },
 * ]) as { hconcat: { width: number }[] };
 * if (spec.hconcat.length !== 3 || spec.hconcat[0]!.width !== 200) throw new Error();
 * ```
 */
export function detectorEvaluationChart(
  rows: readonly DetectorEvaluationRow[],
  options: ChartOptions = {},
): VegaLiteSpec {
  const { width, height } = chartSize({
    width: 200,
    height: Math.max(60, 24 * rows.length),
    ...options,
  });
  const order = rows.map((r) => r.method);
  const panel = (
    field: keyof DetectorEvaluationRow,
    title: string,
    format: string,
    showY: boolean,
  ) => ({
    width,
    height,
    data: {
      values: rows.map((r) => ({
        method: r.method,
        value: Number.isFinite(r[field]) ? r[field] : null,
      })),
    },
    transform: [{ filter: "isValid(datum.value)" }],
    mark: {
      type: "bar",
      color: field === "meanDelay" ? VIGIL_COLORS.neutral : VIGIL_COLORS.detected,
    },
    encoding: {
      y: {
        field: "method",
        type: "nominal",
        sort: order,
        title: showY ? "Detector" : null,
        ...(showY ? {} : { axis: { labels: false, ticks: false } }),
      },
      x: {
        field: "value",
        type: "quantitative",
        title,
        ...(field === "missedRate" ? { axis: { format: "%" } } : {}),
      },
      tooltip: [
        { field: "method", type: "nominal", title: "Detector" },
        { field: "value", type: "quantitative", title, format },
      ],
    },
  });
  return finishSpec(
    {
      hconcat: [
        panel("meanDelay", "Mean delay (points)", ".1f", true),
        panel("falseAlarmsPer10k", "False alarms / 10,000 points", ".2f", false),
        panel("missedRate", "Changes missed", ".0%", false),
      ],
    },
    "Drift detectors on streams with known changes",
    options,
    false,
  );
}
