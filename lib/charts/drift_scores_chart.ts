/**
 * Drift score per feature against its threshold.
 *
 * @module
 */
import { finishSpec, okDetectedColor } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/**
 * One feature's drift result. `CheckResult` from `lib/types.ts` fits this shape; only these
 * fields are read.
 */
export interface DriftScoreInput {
  /** Feature (column) name. */
  column?: string;
  /** Test method, shown in the tooltip, e.g. `"ks"`, `"psi"`. */
  method: string;
  /** The statistic or distance. */
  statistic: number;
  /** The p-value, for hypothesis tests; when present, it is the plotted score. */
  pValue?: number;
  /** The threshold the score is compared against. */
  threshold: number;
  /** Whether drift was detected. */
  detected: boolean;
}

/** Options of {@linkcode driftScoresChart}. */
export interface DriftScoresChartOptions extends ChartOptions {
  /**
   * Axis title of the score.
   * @default "Drift score (−log10 p for tests, else distance)", or "Drift score (p-value for
   *   tests, else statistic)" with `pValues: "raw"`
   */
  scoreTitle?: string;
  /**
   * How p-values are drawn. `"neg_log10"` plots −log10(p) against −log10(threshold), so for tests
   * as for distances a bar that passes its tick means drift, and a p-value of 1e-9 is a long bar
   * instead of an invisible one. `"raw"` plots the p-value itself (drift is then a bar SHORTER
   * than its tick).
   * @default "neg_log10"
   */
  pValues?: "neg_log10" | "raw";
}

function negLog10(p: number): number {
  // p = 0 (underflow) would be Infinity: cap at the smallest positive double's exponent.
  return -Math.log10(Math.max(p, Number.MIN_VALUE));
}

/**
 * Builds horizontal bars of each feature's drift score, coloured by whether drift was detected,
 * with a dark tick at that feature's own threshold (thresholds may differ between methods). The
 * score is the statistic for distances and, for tests, −log10 of the p-value against −log10 of
 * the threshold (by default), so that a bar past its tick always means drift; the colour still
 * comes from `CheckResult.detected`. Results without a finite score
 * (status "error") are listed with no bar. Features keep their input order. Cost O(features).
 *
 * @param results One result per feature.
 * @param options Title, size and axis title.
 * @returns A Vega-Lite layered spec with explicit width and height (default height grows with
 *   the number of features: 24 px each, at least 120).
 *
 * @example
 * ```ts
 * import { driftScoresChart } from "./drift_scores_chart.ts";
 * const spec = driftScoresChart([
 *   { column: "age", method: "psi", statistic: 0.3, threshold: 0.2, detected: true },
 *   { column: "income", method: "ks", statistic: 0.1, pValue: 0.01, threshold: 0.05, detected: true },
 * ]) as { data: { values: { score: number }[] } };
 * if (spec.data.values[1]!.score !== 2) throw new Error("−log10(p) is the score of a test");
 * ```
 */
export function driftScoresChart(
  results: readonly DriftScoreInput[],
  options: DriftScoresChartOptions = {},
): VegaLiteSpec {
  const log = (options.pValues ?? "neg_log10") === "neg_log10";
  const values = results.map((r, i) => {
    const test = r.pValue !== undefined;
    const score = test ? (log ? negLog10(r.pValue!) : r.pValue!) : r.statistic;
    const threshold = test && log ? negLog10(r.threshold) : r.threshold;
    return {
      feature: r.column ?? `feature ${i + 1}`,
      method: r.method,
      score: Number.isFinite(score) ? score : null,
      threshold: Number.isFinite(threshold) ? threshold : null,
      status: r.detected ? "Drift detected" : "No drift",
    };
  });
  const order = values.map((v) => v.feature);
  const y = { field: "feature", type: "nominal", sort: order, title: "Feature" };
  const body = {
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          x: {
            field: "score",
            type: "quantitative",
            title: options.scoreTitle ??
              (log
                ? "Drift score (−log10 p for tests, else distance)"
                : "Drift score (p-value for tests, else statistic)"),
          },
          color: okDetectedColor("status", ["No drift", "Drift detected"]),
          tooltip: [
            { field: "feature", type: "nominal", title: "Feature" },
            { field: "method", type: "nominal", title: "Method" },
            { field: "score", type: "quantitative", title: "Score", format: ".4~g" },
            { field: "threshold", type: "quantitative", title: "Threshold", format: ".4~g" },
            { field: "status", type: "nominal", title: "Status" },
          ],
        },
      },
      {
        mark: { type: "tick", color: VIGIL_COLORS.threshold, thickness: 2, bandSize: 20 },
        encoding: { x: { field: "threshold", type: "quantitative" } },
      },
    ],
  };
  const height = options.height ?? Math.max(120, 24 * values.length);
  return finishSpec(body, "Drift by feature", { height, ...options });
}
