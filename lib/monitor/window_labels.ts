/**
 * Late labels in a monitor window: label coverage and the minimum-coverage rule before the
 * label-based metrics (accuracy, precision, ROC AUC…) are computed over the labelled rows only.
 *
 * @module
 */
import type { CheckedBatch } from "./batch.ts";
import type { MetricValue } from "./types.ts";
import { classificationMetrics } from "./_classification_metrics.ts";
import { rowErrors } from "./window_concept.ts";

/**
 * The default minimum share of a window's rows whose label has arrived before label-based
 * metrics are computed (`MonitorConfig.minLabelCoverage`).
 */
export const DEFAULT_MIN_LABEL_COVERAGE = 0.5;

/**
 * The label-based metrics of a window computed over its labelled rows only, preceded by
 * `label_coverage_ratio` (labelled / rows), `labelled_rows` and `window_rows`. Below
 * `minLabelCoverage` (or with no labelled row) the label-based metrics are left out, so checks on
 * them report outcome `"error"` with "is missing from this run"; the coverage values are always
 * there, so a check like `{ metric: "label_coverage_ratio", op: ">=", value: 0.5 }` can alert on
 * labels that stop arriving. O(n·k) plus the metrics' cost.
 *
 * @param batch A checked batch (`y` −1 where no label yet).
 * @param proba Row-major n×k probabilities for all rows.
 * @param classNames The model's classes.
 * @param minLabelCoverage Minimum labelled share in `[0, 1]`.
 * @param options `coverage: false` leaves the three coverage values out when every row is
 *   labelled (monitors that never see late labels keep their snapshot as it was); default true.
 * @returns The metric values.
 * @throws {RangeError} When `minLabelCoverage` is not in `[0, 1]`.
 * @example
 * ```ts
 * import { labelledMetrics } from "./window_labels.ts";
 * import { validateBatch } from "./batch.ts";
 * const batch = validateBatch({ X: [[1], [2], [3], [4]], y: [0, 1, -1, -1] }, 2);
 * const proba = new Float64Array([0.9, 0.1, 0.2, 0.8, 0.5, 0.5, 0.5, 0.5]);
 * const m = labelledMetrics(batch, proba, ["a", "b"], 0.5);
 * const get = (name: string) => m.find((v) => v.name === name)?.value;
 * if (get("label_coverage_ratio") !== 0.5 || get("accuracy") !== 1) throw new Error();
 * const few = labelledMetrics(batch, proba, ["a", "b"], 0.75);
 * if (few.some((v) => v.name === "accuracy")) throw new Error("accuracy below min coverage");
 * ```
 */
export function labelledMetrics(
  batch: CheckedBatch,
  proba: Float64Array,
  classNames: readonly string[],
  minLabelCoverage: number,
  options: { coverage?: boolean } = {},
): MetricValue[] {
  if (!(minLabelCoverage >= 0 && minLabelCoverage <= 1)) {
    throw new RangeError(
      `Invalid minLabelCoverage: expected a number in [0, 1], got ${minLabelCoverage}`,
    );
  }
  const { n, y, labelled } = batch;
  const k = classNames.length;
  const coverage = labelled / n;
  const out: MetricValue[] = options.coverage === false && labelled === n ? [] : [
    { name: "label_coverage_ratio", value: coverage },
    { name: "labelled_rows", value: labelled },
    { name: "window_rows", value: n },
  ];
  if (labelled === 0 || coverage < minLabelCoverage) return out;
  if (labelled === n) return [...out, ...classificationMetrics(y, proba, classNames)];
  const yl = new Int32Array(labelled);
  const pl = new Float64Array(labelled * k);
  for (let i = 0, j = 0; i < n; i++) {
    if (y[i]! < 0) continue;
    yl[j] = y[i]!;
    pl.set(proba.subarray(i * k, (i + 1) * k), j * k);
    j++;
  }
  return [...out, ...classificationMetrics(yl, pl, classNames)];
}

/**
 * Per-row errors (1 = the top class is wrong) of the labelled rows only (`y[i] >= 0`), in row
 * order: what the concept-drift detectors are fed. O(n·k).
 *
 * @param y Labels, −1 where none yet.
 * @param proba Row-major n×k probabilities.
 * @param k Number of classes.
 * @returns One 0/1 per labelled row.
 * @example
 * ```ts
 * import { labelledRowErrors } from "./window_labels.ts";
 * const e = labelledRowErrors([1, -1, 0], new Float64Array([0.9, 0.1, 0.5, 0.5, 0.8, 0.2]), 2);
 * if (Array.from(e).join() !== "1,0") throw new Error();
 * ```
 */
export function labelledRowErrors(
  y: ArrayLike<number>,
  proba: Float64Array,
  k: number,
): Uint8Array {
  const errors = rowErrors(y, proba, k);
  return errors.filter((_, i) => y[i]! >= 0);
}
