/**
 * One small example spec per chart builder, shared by the chart tests and the rendering tests.
 *
 * @module
 */
import {
  attributionDriftChart,
  attributionWaterfallChart,
  calibrationChart,
  classMetricsChart,
  confusionMatrixChart,
  detectorEvaluationChart,
  distributionChart,
  driftScoresChart,
  errorRatesChart,
  fairnessTimelineChart,
  featureImportanceChart,
  groupIntervalsChart,
  groupMetricChart,
  metricTimelineChart,
  missingShareChart,
  retrainingComparisonChart,
  rocCurveChart,
  sampleSizeChart,
  schemaChart,
  selectionRateChart,
  sourceAgreementChart,
  type VegaLiteSpec,
  volumeChart,
} from "../../lib/charts/mod.ts";

/** Example specs by builder name, with the axis titles each must show. */
export const EXAMPLES: readonly { name: string; spec: VegaLiteSpec; texts: string[] }[] = [
  {
    name: "confusionMatrixChart()",
    spec: confusionMatrixChart({
      matrix: [[50, 0, 0], [0, 47, 3], [0, 2, 48]],
      classNames: ["setosa", "versicolor", "virginica"],
    }, { normalize: "true" }),
    texts: ["Predicted class", "Actual class", "versicolor", "0.94"],
  },
  {
    name: "rocCurveChart()",
    spec: rocCurveChart([
      { className: "setosa", fpr: [0, 0, 1], tpr: [0, 1, 1], auc: 1 },
      { className: "virginica", fpr: [0, 0.1, 0.3, 1], tpr: [0, 0.6, 0.9, 1], auc: 0.9 },
    ]),
    texts: ["False-positive rate", "True-positive rate", "virginica (AUC 0.900)"],
  },
  {
    name: "classMetricsChart()",
    spec: classMetricsChart([
      { className: "setosa", precision: 1, recall: 1, f1: 1, support: 50 },
      { className: "versicolor", precision: 0.96, recall: 0.94, f1: 0.95, support: 50 },
    ]),
    texts: ["Class", "Score", "Precision"],
  },
  {
    name: "calibrationChart()",
    spec: calibrationChart([{
      name: "logistic",
      meanPredicted: [0.05, 0.3, 0.7, 0.95],
      fractionPositive: [0.02, 0.35, 0.6, 0.97],
      counts: [40, 10, 12, 38],
    }]),
    texts: ["Mean predicted probability", "Fraction of positives", "Samples"],
  },
  {
    name: "distributionChart() on numbers",
    spec: distributionChart(
      Float64Array.from([4.9, 5.1, 5.4, 5.8, 6.0, 6.3, 6.7]),
      Float64Array.from([5.9, 6.4, 6.8, 7.1, 7.7]),
      { column: "sepal_length", bins: 5 },
    ),
    texts: ["sepal_length", "Share of sample", "Reference (n=7)"],
  },
  {
    name: "distributionChart() on categories",
    spec: distributionChart(["a", "b", "b", null], ["b", "c"], { column: "segment" }),
    texts: ["segment", "Current (n=2)"],
  },
  {
    name: "driftScoresChart()",
    spec: driftScoresChart([
      { column: "age", method: "psi", statistic: 0.31, threshold: 0.2, detected: true },
      {
        column: "income",
        method: "ks",
        statistic: 0.1,
        pValue: 0.4,
        threshold: 0.05,
        detected: false,
      },
    ]),
    texts: ["Feature", "Drift detected", "income"],
  },
  {
    name: "missingShareChart()",
    spec: missingShareChart({ age: 0.02, income: 0.3 }, { threshold: 0.1 }),
    texts: ["Missing values", "Column", "Above threshold"],
  },
  {
    name: "metricTimelineChart()",
    spec: metricTimelineChart([
      { time: "2026-01-01T00:00:00Z", value: 0.95, lower: 0.9, upper: 1 },
      { time: "2026-01-02T00:00:00Z", value: 0.93, lower: 0.9, upper: 1 },
      { time: "2026-01-03T00:00:00Z", value: 0.84, lower: 0.9, upper: 1, detected: true },
    ], { metric: "accuracy", threshold: 0.88 }),
    texts: ["accuracy", "Time"],
  },
  {
    name: "metricTimelineChart() with warnings and a retraining event",
    spec: metricTimelineChart([
      { time: 1, value: 0.9 },
      { time: 2, value: 0.82, warning: true },
      { time: 3, value: 0.7, detected: true },
      { time: 4, value: 0.88 },
    ], { metric: "accuracy", threshold: 0.8, events: [{ time: 3.5, label: "retrained" }] }),
    texts: ["accuracy", "Window", "retrained"],
  },
  {
    name: "retrainingComparisonChart()",
    spec: retrainingComparisonChart(
      [
        { policy: "never", start: 0, accuracy: 0.93 },
        { policy: "never", start: 500, accuracy: 0.8 },
        { policy: "online", start: 0, accuracy: 0.92 },
        { policy: "online", start: 500, accuracy: 0.9 },
      ],
      [{ policy: "never", retrainedAt: [] }, { policy: "online", retrainedAt: [700] }],
      { changePoints: [400] },
    ),
    texts: ["Accuracy", "Row of the stream", "online"],
  },
  {
    name: "detectorEvaluationChart()",
    spec: detectorEvaluationChart([
      { method: "ddm", meanDelay: 297.9, falseAlarmsPer10k: 0.55, missedRate: 0.15 },
      { method: "adwin", meanDelay: 128.6, falseAlarmsPer10k: 0, missedRate: 0 },
    ]),
    texts: ["Mean delay (points)", "Detector", "adwin"],
  },
  {
    name: "sampleSizeChart()",
    spec: sampleSizeChart([
      { n: 100, pValue: 0.7, distances: { "Wasserstein normed": 0.12, PSI: 0.15 } },
      { n: 1_000, pValue: 0.2, distances: { "Wasserstein normed": 0.06, PSI: 0.02 } },
      { n: 100_000, pValue: 1e-23, distances: { "Wasserstein normed": 0.05, PSI: 0.003 } },
    ]),
    texts: ["Rows per side", "KS p-value (log scale)", "Distance", "Wasserstein normed"],
  },
  {
    name: "volumeChart()",
    spec: volumeChart([
      { window: "clean", rows: 50, expected: 50 },
      { window: "loaded twice", rows: 65, expected: 50 },
      { window: "partial", rows: 12, expected: 50 },
    ]),
    texts: ["Rows", "partial", "Outside tolerance"],
  },
  {
    name: "schemaChart()",
    spec: schemaChart([
      { column: "sepal_length", expected: "number", found: "string", note: '"n/a" in row 4' },
      { column: "species", expected: "string", found: "string" },
      { column: "petal_width", expected: "number", found: null },
    ]),
    texts: ["Reference", "Window", "Column", "missing", "Problem"],
  },
  {
    name: "sourceAgreementChart()",
    spec: sourceAgreementChart([
      { label: "rows without a partner", share: 0.051, threshold: 0 },
      { label: "sepal_width differs", share: 0.106, threshold: 0.05 },
      { label: "species differs", share: 0, threshold: 0 },
    ]),
    texts: ["Share that disagrees", "species differs", "Above threshold"],
  },
  {
    name: "attributionWaterfallChart()",
    spec: attributionWaterfallChart({
      featureNames: ["sepal_length", "petal_length", "petal_width"],
      outputNames: ["setosa", "versicolor", "virginica"],
      baseValues: [0.1, 0.4, -0.5],
      output: [-3, 2.1, 0.9],
      values: [[0.2, -2.1, -1.2], [0.1, 1.1, 0.5], [-0.3, 1, 0.7]],
      row: [5.9, 4.2, 1.3],
      space: "log_odds",
    }, { output: "versicolor" }),
    texts: ["Log-odds", "petal_length = 4.20", "Base value", "Output", "Raises"],
  },
  {
    name: "featureImportanceChart()",
    spec: featureImportanceChart([
      { feature: "petal_length", mean: 0.42, std: 0.04, importances: [0.38, 0.46, 0.42] },
      { feature: "sepal_width", mean: 0.01, std: 0.02, importances: [0, -0.01, 0.04] },
    ]),
    texts: ["Importance (drop in score)", "Feature", "petal_length"],
  },
  {
    name: "attributionDriftChart()",
    spec: attributionDriftChart({
      statistic: 0.21,
      threshold: 0.1,
      detected: true,
      features: [
        {
          feature: "petal_width",
          referenceImportance: 1.2,
          currentImportance: 0.5,
          referenceShare: 0.6,
          currentShare: 0.25,
        },
        {
          feature: "sepal_length",
          referenceImportance: 0.8,
          currentImportance: 1.5,
          referenceShare: 0.4,
          currentShare: 0.75,
        },
      ],
    }),
    texts: ["Share of importance (mean |attribution|)", "Reference", "Current", "detected"],
  },
  {
    name: "groupMetricChart()",
    spec: groupMetricChart({
      metric: "selection_rate",
      overall: { value: 0.83 },
      byGroup: [
        { group: "Black", n: 1288, value: 0.71 },
        { group: "White", n: 3938, value: 0.87 },
      ],
    }),
    texts: ["Selection rate", "Group", "Black (n=1,288)", "Outside the parity band"],
  },
  {
    name: "selectionRateChart()",
    spec: selectionRateChart([
      { group: "a", n: 1400, value: 0.52 },
      { group: "b", n: 600, value: 0.31 },
    ]),
    texts: ["Selection rate", "b (n=600)", "Below 0.8 × highest"],
  },
  {
    name: "errorRatesChart()",
    spec: errorRatesChart([
      { group: "a", n: 1400, truePositiveRate: 0.91, falsePositiveRate: 0.12 },
      { group: "b", n: 600, truePositiveRate: 0.62, falsePositiveRate: 0.08 },
    ]),
    texts: ["True positive rate", "False positive rate", "Rate", "a (n=1,400)"],
  },
  {
    name: "groupIntervalsChart()",
    spec: groupIntervalsChart({
      metric: "selection_rate",
      overall: { value: 0.5 },
      byGroup: [
        { group: "large", n: 900, value: 0.53, ci: [0.5, 0.56] },
        { group: "small", n: 14, value: 0.21, ci: [0, 0.43] },
      ],
    }),
    texts: ["Selection rate", "small (n=14)", "Interval excludes overall"],
  },
  {
    name: "fairnessTimelineChart()",
    spec: fairnessTimelineChart([
      { time: 1, value: 0.03, series: "group" },
      { time: 2, value: 0.06, series: "group" },
      { time: 3, value: 0.14, series: "group" },
    ], { threshold: 0.1 }),
    texts: ["Demographic parity difference", "Window", "group"],
  },
];
