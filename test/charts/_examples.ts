/**
 * One small example spec per chart builder, shared by the chart tests and the rendering tests.
 *
 * @module
 */
import {
  calibrationChart,
  classMetricsChart,
  confusionMatrixChart,
  distributionChart,
  driftScoresChart,
  errorRatesChart,
  fairnessTimelineChart,
  groupIntervalsChart,
  groupMetricChart,
  metricTimelineChart,
  missingShareChart,
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
