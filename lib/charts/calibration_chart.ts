/**
 * Calibration (reliability) plot with the bin counts underneath.
 *
 * @module
 */
import { chartSize, finishSpec, toNumbers } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/**
 * One calibration curve, as scikit-learn's `calibration_curve` returns it (`prob_pred`,
 * `prob_true`) plus the number of samples in each non-empty bin.
 */
export interface CalibrationCurveInput {
  /** Legend name (model, or class for one-vs-rest curves). */
  name: string;
  /** Mean predicted probability in each bin (scikit-learn's `prob_pred`). */
  meanPredicted: ArrayLike<number>;
  /** Observed fraction of positives in each bin (scikit-learn's `prob_true`). */
  fractionPositive: ArrayLike<number>;
  /** Number of samples in each bin. */
  counts: ArrayLike<number>;
}

/** Options of {@linkcode calibrationChart}. */
export interface CalibrationChartOptions extends ChartOptions {
  /** Height of the bin-count panel under the curve, in pixels. @default 80 */
  countsHeight?: number;
}

/**
 * Builds a reliability diagram: mean predicted probability on x, observed fraction of positives
 * on y, one line with points per curve and the dashed diagonal of perfect calibration; a second
 * panel underneath shows how many samples fall in each bin (bars at the bin's mean prediction),
 * so sparse, noisy bins are visible. `width` and `height` size the curve panel; the spec is a
 * `vconcat` whose two views each carry an explicit width and height. Cost O(total bins).
 *
 * @param curves One entry per model or class.
 * @param options Title, sizes.
 * @returns A Vega-Lite `vconcat` spec.
 * @throws {TypeError} If a curve's three arrays differ in length.
 * @throws {RangeError} If `countsHeight` is not positive.
 *
 * @example
 * ```ts
 * import { calibrationChart } from "./calibration_chart.ts";
 * const spec = calibrationChart([
 *   { name: "model", meanPredicted: [0.1, 0.9], fractionPositive: [0.2, 0.8], counts: [40, 60] },
 * ]) as { vconcat: { height: number }[] };
 * if (spec.vconcat[1]!.height !== 80) throw new Error("counts panel");
 * ```
 */
export function calibrationChart(
  curves: readonly CalibrationCurveInput[],
  options: CalibrationChartOptions = {},
): VegaLiteSpec {
  const { width, height } = chartSize({ width: 300, height: 300, ...options });
  const countsHeight = options.countsHeight ?? 80;
  if (!(Number.isFinite(countsHeight) && countsHeight > 0)) {
    throw new RangeError(`Counts panel height must be a positive number, got ${countsHeight}`);
  }
  const names: string[] = [];
  const values: Record<string, string | number>[] = [];
  for (const curve of curves) {
    const x = toNumbers(curve.meanPredicted, `meanPredicted of curve "${curve.name}"`);
    const y = toNumbers(curve.fractionPositive, `fractionPositive of curve "${curve.name}"`);
    const n = toNumbers(curve.counts, `counts of curve "${curve.name}"`);
    if (x.length !== y.length || x.length !== n.length) {
      throw new TypeError(
        `Calibration curve "${curve.name}" has ${x.length} predictions, ${y.length} fractions ` +
          `and ${n.length} counts`,
      );
    }
    if (names.includes(curve.name)) {
      throw new TypeError(`Duplicate calibration curve "${curve.name}"`);
    }
    names.push(curve.name);
    for (let i = 0; i < x.length; i++) {
      if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
        values.push({ curve: curve.name, predicted: x[i]!, observed: y[i]!, count: n[i]! });
      }
    }
  }
  const xEnc = {
    field: "predicted",
    type: "quantitative",
    scale: { domain: [0, 1] },
    title: "Mean predicted probability",
  };
  const color = { field: "curve", type: "nominal", title: "Curve", scale: { domain: names } };
  const tooltip = [
    { field: "curve", type: "nominal", title: "Curve" },
    { field: "predicted", type: "quantitative", title: "Mean predicted", format: ".3f" },
    { field: "observed", type: "quantitative", title: "Fraction positive", format: ".3f" },
    { field: "count", type: "quantitative", title: "Samples" },
  ];
  const curvePanel = {
    width,
    height,
    layer: [
      {
        data: { values: [{ predicted: 0, observed: 0 }, { predicted: 1, observed: 1 }] },
        mark: { type: "line", strokeDash: [4, 4], color: VIGIL_COLORS.threshold, strokeWidth: 1 },
        encoding: {
          x: xEnc,
          y: { field: "observed", type: "quantitative", scale: { domain: [0, 1] } },
        },
      },
      {
        data: { values },
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: {
          x: xEnc,
          y: {
            field: "observed",
            type: "quantitative",
            scale: { domain: [0, 1] },
            title: "Fraction of positives",
          },
          color,
          tooltip,
        },
      },
    ],
  };
  const countsPanel = {
    width,
    height: countsHeight,
    data: { values },
    mark: { type: "bar", width: 6, opacity: 0.7 },
    encoding: {
      x: xEnc,
      y: { field: "count", type: "quantitative", title: "Samples", stack: null },
      color,
      tooltip,
    },
  };
  return finishSpec({ vconcat: [curvePanel, countsPanel] }, "Calibration", options, false);
}
