/**
 * Confusion-matrix heatmap.
 *
 * @module
 */
import { finishSpec } from "./_spec.ts";
import type { ChartOptions, VegaLiteSpec } from "./theme.ts";

/** Input of {@linkcode confusionMatrixChart}: counts with actual classes as rows. */
export interface ConfusionMatrixInput {
  /**
   * Counts, `matrix[i][j]` = samples of actual class `i` predicted as class `j` (scikit-learn's
   * orientation), either as rows or flat in row-major order (e.g. an `Int32Array` of length k²).
   */
  matrix: ArrayLike<ArrayLike<number>> | ArrayLike<number>;
  /** Class labels, in matrix order; their count is k. */
  classNames: readonly string[];
}

/**
 * How to normalise the counts, as scikit-learn's `confusion_matrix(normalize=...)`: `"none"` raw
 * counts, `"true"` each actual row sums to 1 (recall on the diagonal), `"pred"` each predicted
 * column sums to 1 (precision on the diagonal), `"all"` the whole matrix sums to 1.
 */
export type ConfusionNormalize = "none" | "true" | "pred" | "all";

/** Options of {@linkcode confusionMatrixChart} (square by default: width and height 300). */
export interface ConfusionMatrixChartOptions extends ChartOptions {
  /** Normalisation of the colour and the cell label; counts stay in the tooltip. @default "none" */
  normalize?: ConfusionNormalize;
  /** Decimal digits of normalised labels. @default 2 */
  digits?: number;
}

function readMatrix(input: ConfusionMatrixInput): number[][] {
  const k = input.classNames.length;
  if (k === 0) throw new TypeError("Cannot chart a confusion matrix with no class names");
  const m = input.matrix;
  const nested = m.length > 0 && typeof m[0] === "object" && m[0] !== null;
  const rows: number[][] = [];
  if (nested) {
    if (m.length !== k) {
      throw new TypeError(`Confusion matrix has ${m.length} rows but ${k} class names`);
    }
    for (let i = 0; i < k; i++) {
      const row = m[i] as ArrayLike<number>;
      if (row.length !== k) {
        throw new TypeError(`Confusion matrix row ${i} has ${row.length} cells, expected ${k}`);
      }
      rows.push(Array.from(row, Number));
    }
  } else {
    if (m.length !== k * k) {
      throw new TypeError(`Flat confusion matrix has ${m.length} cells, expected ${k}² = ${k * k}`);
    }
    const flat = m as ArrayLike<number>;
    for (let i = 0; i < k; i++) {
      rows.push(Array.from({ length: k }, (_, j) => Number(flat[i * k + j])));
    }
  }
  for (const row of rows) {
    for (const c of row) {
      if (!(Number.isFinite(c) && c >= 0)) {
        throw new RangeError(`Confusion matrix counts must be finite and non-negative, got ${c}`);
      }
    }
  }
  return rows;
}

function divisor(rows: number[][], i: number, j: number, normalize: ConfusionNormalize): number {
  if (normalize === "none") return 1;
  if (normalize === "true") return rows[i]!.reduce((a, b) => a + b, 0);
  if (normalize === "pred") return rows.reduce((a, r) => a + r[j]!, 0);
  return rows.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0);
}

/**
 * Builds a heatmap of a confusion matrix: actual class on the y axis, predicted class on the x
 * axis, colour and label by count (or by the normalised share, see `normalize`; an empty row or
 * column normalises to 0 as scikit-learn does). Cost O(k²).
 *
 * @param input Counts and class names.
 * @param options Normalisation, title and size.
 * @returns A Vega-Lite spec with explicit width and height.
 * @throws {TypeError} If the matrix is not k×k for k class names.
 * @throws {RangeError} If a count is negative or not finite.
 *
 * @example Two classes, flat counts, normalised by actual class
 * ```ts
 * import { confusionMatrixChart } from "./confusion_matrix_chart.ts";
 * const spec = confusionMatrixChart(
 *   { matrix: Int32Array.from([8, 2, 1, 9]), classNames: ["no", "yes"] },
 *   { normalize: "true" },
 * ) as { data: { values: { value: number }[] } };
 * if (spec.data.values[0]!.value !== 0.8) throw new Error("row share");
 * ```
 */
export function confusionMatrixChart(
  input: ConfusionMatrixInput,
  options: ConfusionMatrixChartOptions = {},
): VegaLiteSpec {
  const normalize = options.normalize ?? "none";
  const digits = options.digits ?? 2;
  const rows = readMatrix(input);
  const names = input.classNames;
  const values: Record<string, string | number>[] = [];
  let max = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows.length; j++) {
      const count = rows[i]![j]!;
      const d = divisor(rows, i, j, normalize);
      const value = normalize === "none" ? count : d > 0 ? count / d : 0;
      max = Math.max(max, value);
      const label = normalize === "none" ? String(count) : value.toFixed(digits);
      values.push({ actual: names[i]!, predicted: names[j]!, count, value, label });
    }
  }
  const colorTitle = normalize === "none" ? "Count" : "Share";
  const order = [...names];
  const body = {
    data: { values },
    encoding: {
      x: {
        field: "predicted",
        type: "nominal",
        sort: order,
        title: "Predicted class",
        axis: { labelAngle: 0 },
      },
      y: { field: "actual", type: "nominal", sort: order, title: "Actual class" },
    },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          color: {
            field: "value",
            type: "quantitative",
            title: colorTitle,
            scale: { scheme: "blues", domainMin: 0 },
          },
          tooltip: [
            { field: "actual", type: "nominal", title: "Actual" },
            { field: "predicted", type: "nominal", title: "Predicted" },
            { field: "count", type: "quantitative", title: "Count" },
            ...(normalize === "none"
              ? []
              : [{ field: "value", type: "quantitative", title: "Share", format: ".3f" }]),
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 12 },
        encoding: {
          text: { field: "label", type: "nominal" },
          color: {
            // Dark text on light cells, white on dark cells.
            condition: { test: `datum.value > ${max / 2}`, value: "white" },
            value: "black",
          },
        },
      },
    ],
  };
  return finishSpec(body, "Confusion matrix", { width: 300, height: 300, ...options });
}
