/**
 * Pure Vega-Lite spec builders: `(data, options) => VegaLiteSpec`, one shared theme, explicit width
 * and height on every view. They never render, fetch or touch `Deno`; rendering and display live in
 * `lib/notebook`. Inputs are plain arrays and typed arrays; each chart file declares the small
 * input shape it reads, so `lib/charts` depends on no other Vigil folder.
 *
 * Model quality: {@linkcode confusionMatrixChart}, {@linkcode rocCurveChart},
 * {@linkcode classMetricsChart}, {@linkcode calibrationChart}.
 * Data and drift: {@linkcode distributionChart}, {@linkcode driftScoresChart},
 * {@linkcode missingShareChart}, {@linkcode metricTimelineChart}, {@linkcode sampleSizeChart}.
 * Data quality: {@linkcode volumeChart}, {@linkcode schemaChart}, {@linkcode sourceAgreementChart}.
 * Explainability: {@linkcode attributionWaterfallChart}, {@linkcode featureImportanceChart},
 * {@linkcode attributionDriftChart}.
 * Fairness: {@linkcode groupMetricChart}, {@linkcode selectionRateChart}, {@linkcode errorRatesChart},
 * {@linkcode groupIntervalsChart}, {@linkcode fairnessTimelineChart}.
 *
 * @example
 * ```ts
 * import { confusionMatrixChart } from "./mod.ts";
 * const spec = confusionMatrixChart({ matrix: [[3, 1], [0, 4]], classNames: ["a", "b"] });
 * if (!("width" in spec) || spec.width !== 300) throw new Error("explicit width");
 * ```
 *
 * @module
 */
export * from "./theme.ts";
export * from "./confusion_matrix_chart.ts";
export * from "./roc_curve_chart.ts";
export * from "./class_metrics_chart.ts";
export * from "./calibration_chart.ts";
export * from "./distribution_chart.ts";
export * from "./drift_scores_chart.ts";
export * from "./missing_share_chart.ts";
export * from "./metric_timeline_chart.ts";
export * from "./sample_size_chart.ts";
export * from "./volume_chart.ts";
export * from "./schema_chart.ts";
export * from "./source_agreement_chart.ts";
export * from "./attribution_waterfall_chart.ts";
export * from "./feature_importance_chart.ts";
export * from "./attribution_drift_chart.ts";
export * from "./detector_evaluation_chart.ts";
export * from "./retraining_comparison_chart.ts";
export * from "./group_metric_chart.ts";
export * from "./selection_rate_chart.ts";
export * from "./error_rates_chart.ts";
export * from "./group_intervals_chart.ts";
export * from "./fairness_timeline_chart.ts";
