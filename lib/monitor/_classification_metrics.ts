/**
 * Private glue: the classification metrics of one window as {@linkcode MetricValue}s, all computed
 * by `lib/metrics` (`classificationReport`, which matches scikit-learn 1.2.1).
 *
 * @module
 */
import { classificationReport } from "../metrics/classification_report.ts";
import type { MetricValue } from "./types.ts";

/**
 * accuracy, balanced_accuracy, precision/recall/f1 per class (label `class`), macro_f1, roc_auc
 * (one-vs-rest, macro) and log_loss, from true labels and row-major n×k probabilities. NaN values
 * carry the report's reason. O(n·k) plus one radix sort per class.
 */
export function classificationMetrics(
  y: ArrayLike<number>,
  proba: Float64Array,
  classNames: readonly string[],
): MetricValue[] {
  const r = classificationReport(y, proba, { labels: classNames, input: "proba" });
  const perClass = (name: string, values: readonly number[]): MetricValue[] =>
    classNames.map((c, i) => ({ name, value: values[i] ?? NaN, labels: { class: c } }));
  const auc: MetricValue = { name: "roc_auc", value: r.rocAuc.macro };
  if (Number.isNaN(auc.value) && r.rocAuc.reason !== undefined) auc.reason = r.rocAuc.reason;
  return [
    { name: "accuracy", value: r.accuracy },
    { name: "balanced_accuracy", value: r.balancedAccuracy },
    ...perClass("precision", r.perClass.precision),
    ...perClass("recall", r.perClass.recall),
    ...perClass("f1", r.perClass.f1),
    { name: "macro_f1", value: r.macro.f1 },
    auc,
    { name: "log_loss", value: r.logLoss },
  ];
}
