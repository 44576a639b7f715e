/**
 * Classification and regression metrics, pinned to scikit-learn 1.2.1 (golden tests in
 * `test/golden/metrics_golden.py`).
 *
 * Conventions: labels are class indices `0..k-1` (`nClasses` / `labels` options fix k);
 * probabilities are row-major n×k `Float64Array`s (rows must sum to 1 within 1e-6) or, for binary
 * problems, 1-D scores of class 1. Scalar metrics return a {@linkcode MetricResult}; curves and
 * reports return their own plain objects. All carry `status: "ok" | "error"`: a metric that is
 * undefined for the data (one class present for ROC AUC, no observations) is an `"error"` result
 * with a `reason` and NaN values; misuse (mismatched lengths → TypeError; NaN scores, invalid
 * labels, bad probability rows → RangeError) throws.
 *
 * @module
 */
export type { ResultStatus } from "../types.ts";
export type { Average, ClassOptions, MetricResult, ZeroDivision } from "./metric_result.ts";
export { type ConfusionMatrix, confusionMatrix } from "./confusion_matrix.ts";
export { accuracy } from "./accuracy.ts";
export { balancedAccuracy } from "./balanced_accuracy.ts";
export {
  f1,
  fbeta,
  precision,
  type PrecisionRecallFscore,
  precisionRecallFscore,
  type PrecisionRecallOptions,
  recall,
} from "./precision_recall_fscore.ts";
export { matthewsCorrelation } from "./matthews_correlation.ts";
export { type RocCurve, rocCurve, type RocCurveOptions } from "./roc_curve.ts";
export { rocAuc, type RocAucOptions } from "./roc_auc.ts";
export {
  type PrecisionRecallCurve,
  precisionRecallCurve,
  type PrecisionRecallCurveOptions,
} from "./precision_recall_curve.ts";
export { averagePrecision, type AveragePrecisionOptions } from "./average_precision.ts";
export { logLoss, type LogLossOptions } from "./log_loss.ts";
export { brierScore, type BrierScoreOptions } from "./brier_score.ts";
export {
  type CalibrationCurve,
  calibrationCurve,
  type CalibrationCurveOptions,
} from "./calibration_curve.ts";
export {
  expectedCalibrationError,
  type ExpectedCalibrationErrorOptions,
} from "./expected_calibration_error.ts";
export { meanAbsoluteError } from "./mean_absolute_error.ts";
export { rootMeanSquaredError } from "./root_mean_squared_error.ts";
export { meanAbsolutePercentageError } from "./mean_absolute_percentage_error.ts";
export { r2Score } from "./r2_score.ts";
export {
  type AveragedScores,
  type ClassificationReport,
  classificationReport,
  type ClassificationReportOptions,
} from "./classification_report.ts";
