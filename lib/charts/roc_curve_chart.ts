/**
 * ROC curves, one line per class (one-vs-rest) or per model, with the chance diagonal.
 *
 * @module
 */
import { finishSpec, toNumbers } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One ROC curve: the points of `roc_curve` and its area. */
export interface RocCurveInput {
  /** Legend name of the curve (class for one-vs-rest curves, or model name). */
  className: string;
  /** False-positive rates, in curve order (as returned by scikit-learn's `roc_curve`). */
  fpr: ArrayLike<number>;
  /** True-positive rates, same length as `fpr`. */
  tpr: ArrayLike<number>;
  /** Area under the curve, shown in the legend; `NaN` shows as "AUC n/a". */
  auc: number;
}

/** Options of {@linkcode rocCurveChart} (square by default: width and height 300). */
export interface RocCurveChartOptions extends ChartOptions {
  /** Decimal digits of the AUC in the legend. @default 3 */
  digits?: number;
}

/** The legend label of a curve: `"<name> (AUC 0.987)"`. */
function curveLabel(curve: RocCurveInput, digits: number): string {
  const auc = Number.isFinite(curve.auc) ? curve.auc.toFixed(digits) : "n/a";
  return `${curve.className} (AUC ${auc})`;
}

/**
 * Builds a chart of ROC curves: false-positive rate on x, true-positive rate on y, one coloured
 * line per curve (legend "class (AUC 0.987)", in input order) and the dashed chance diagonal.
 * Points are drawn in the given order (ROC curves have vertical steps, so they are not re-sorted
 * by x). Cost O(total points); the spec embeds every point, so pass thresholds-dropped curves
 * (scikit-learn's `drop_intermediate=True`) for large samples.
 *
 * @param curves One entry per class or model.
 * @param options Title, size and AUC digits.
 * @returns A Vega-Lite layered spec with explicit width and height.
 * @throws {TypeError} If a curve's `fpr` and `tpr` differ in length, or two curves share a name.
 *
 * @example
 * ```ts
 * import { rocCurveChart } from "./roc_curve_chart.ts";
 * const spec = rocCurveChart([{ className: "yes", fpr: [0, 0, 1], tpr: [0, 1, 1], auc: 1 }]);
 * const json = JSON.stringify(spec);
 * if (!json.includes("yes (AUC 1.000)")) throw new Error("legend label");
 * ```
 */
export function rocCurveChart(
  curves: readonly RocCurveInput[],
  options: RocCurveChartOptions = {},
): VegaLiteSpec {
  const digits = options.digits ?? 3;
  const values: Record<string, string | number>[] = [];
  const labels: string[] = [];
  for (const curve of curves) {
    const fpr = toNumbers(curve.fpr, `fpr of curve "${curve.className}"`);
    const tpr = toNumbers(curve.tpr, `tpr of curve "${curve.className}"`);
    if (fpr.length !== tpr.length) {
      throw new TypeError(
        `ROC curve "${curve.className}" has ${fpr.length} fpr values but ${tpr.length} tpr values`,
      );
    }
    const label = curveLabel(curve, digits);
    if (labels.includes(label)) throw new TypeError(`Duplicate ROC curve "${curve.className}"`);
    labels.push(label);
    for (let i = 0; i < fpr.length; i++) {
      if (Number.isFinite(fpr[i]) && Number.isFinite(tpr[i])) {
        values.push({ curve: label, order: i, fpr: fpr[i]!, tpr: tpr[i]! });
      }
    }
  }
  const unit = { type: "quantitative", scale: { domain: [0, 1] } };
  const body = {
    layer: [
      {
        data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] },
        mark: { type: "line", strokeDash: [4, 4], color: VIGIL_COLORS.threshold, strokeWidth: 1 },
        encoding: {
          x: { field: "fpr", ...unit, title: "False-positive rate" },
          y: { field: "tpr", ...unit, title: "True-positive rate" },
        },
      },
      {
        data: { values },
        mark: { type: "line", strokeWidth: 2, interpolate: "linear" },
        encoding: {
          x: { field: "fpr", ...unit, title: "False-positive rate" },
          y: { field: "tpr", ...unit, title: "True-positive rate" },
          order: { field: "order", type: "quantitative" },
          color: {
            field: "curve",
            type: "nominal",
            title: "Curve",
            scale: { domain: labels },
            legend: { orient: "bottom-right", direction: "vertical", fillColor: "white" },
          },
          tooltip: [
            { field: "curve", type: "nominal", title: "Curve" },
            { field: "fpr", type: "quantitative", title: "FPR", format: ".3f" },
            { field: "tpr", type: "quantitative", title: "TPR", format: ".3f" },
          ],
        },
      },
    ],
  };
  return finishSpec(body, "ROC curves", { width: 300, height: 300, ...options });
}
