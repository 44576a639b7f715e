/**
 * One prediction's additive attributions as a waterfall, from the base value to the output.
 *
 * @module
 */
import { finishSpec, formatNumber } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/**
 * One row's attributions. `Attribution` from `lib/explain` fits this shape; only these fields
 * are read.
 */
export interface AttributionInput {
  /** Feature names, in column order. */
  featureNames: readonly string[];
  /** Output (class) names, in output order. */
  outputNames: readonly string[];
  /** Per output: the base value E[f]. */
  baseValues: readonly number[];
  /** Per output: the model's output f(x). */
  output: readonly number[];
  /** `values[c][j]`: feature j's attribution to output c. */
  values: readonly (readonly number[])[];
  /** The explained row, shown beside each feature's name. @default not shown */
  row?: readonly number[];
  /** `"log_odds"` or `"model_output"`, used in the default axis title. @default "model_output" */
  space?: string;
}

/** Options of {@linkcode attributionWaterfallChart}. */
export interface AttributionWaterfallChartOptions extends ChartOptions {
  /** Output to draw, by index or name. @default the output with the largest f(x) */
  output?: number | string;
  /**
   * Features drawn as their own step, the largest |attribution| first; the rest are summed into
   * one "other features" step so the waterfall still ends at f(x).
   * @default all features
   */
  maxFeatures?: number;
  /** Axis title of the output scale. @default "Log-odds" or "Model output", from `space` */
  valueTitle?: string;
  /** Digits of the feature values in the step labels. @default 2 */
  digits?: number;
}

const STEP_COLORS = {
  domain: ["Base value", "Raises", "Lowers", "Output"],
  range: [VIGIL_COLORS.band, VIGIL_COLORS.detected, VIGIL_COLORS.reference, VIGIL_COLORS.threshold],
};

function resolveOutput(a: AttributionInput, output: number | string | undefined): number {
  if (output === undefined) {
    let best = 0;
    a.output.forEach((v, c) => {
      if (v > a.output[best]!) best = c;
    });
    return best;
  }
  const c = typeof output === "string" ? a.outputNames.indexOf(output) : output;
  if (!(Number.isInteger(c) && c >= 0 && c < a.outputNames.length)) {
    throw new RangeError(
      `Cannot draw attributions: output "${output}" is not one of [${a.outputNames}]`,
    );
  }
  return c;
}

/**
 * Builds a horizontal waterfall of one row's attributions to one output: a grey bar for the
 * base value E[f], then one floating bar per feature from the running total to the running total
 * plus its attribution (red when it raises the output, blue when it lowers it), largest |φ| first,
 * and a dark bar for f(x). Each step's label is `feature = value` when the row is given. The last
 * running total equals the output when the attributions are additive, which the tooltip shows.
 * Cost O(p log p).
 *
 * @param attribution One row's attributions (an `Attribution` from `lib/explain`).
 * @param options `output`, `maxFeatures`, `valueTitle`, `digits`, title and size.
 * @returns A Vega-Lite layered spec with explicit width and height (default height: 28 px per
 *   step, at least 120).
 * @throws {RangeError} When `output` is not an output, or `maxFeatures` is not a positive integer.
 * @throws {TypeError} When `values` does not have one number per feature and output.
 * @example
 * ```ts
 * import { attributionWaterfallChart } from "./attribution_waterfall_chart.ts";
 * const spec = attributionWaterfallChart({
 *   featureNames: ["a", "b"], outputNames: ["y"], baseValues: [1], output: [3],
 *   values: [[-1, 3]],
 * }) as { data: { values: { step: string; start: number; end: number }[] } };
 * const ends = spec.data.values.map((v) => `${v.step}:${v.start}→${v.end}`);
 * if (ends.join() !== "Base value:0→1,b:1→4,a:4→3,Output:0→3") throw new Error(ends.join());
 * ```
 */
export function attributionWaterfallChart(
  attribution: AttributionInput,
  options: AttributionWaterfallChartOptions = {},
): VegaLiteSpec {
  const a = attribution;
  const c = resolveOutput(a, options.output);
  const phi = a.values[c];
  const p = a.featureNames.length;
  if (phi === undefined || phi.length !== p) {
    throw new TypeError(
      `Cannot draw attributions: output ${c} has ${phi?.length ?? 0} values for ${p} features`,
    );
  }
  const maxFeatures = options.maxFeatures ?? p;
  if (!(Number.isInteger(maxFeatures) && maxFeatures > 0)) {
    throw new RangeError(
      `Cannot draw attributions: maxFeatures must be a positive integer, got ${maxFeatures}`,
    );
  }
  const digits = options.digits ?? 2;
  const order = Array.from({ length: p }, (_, j) => j)
    .sort((i, j) => Math.abs(phi[j]!) - Math.abs(phi[i]!) || i - j);
  const shown = order.slice(0, maxFeatures);
  const rest = order.slice(maxFeatures);
  const base = a.baseValues[c]!;
  const values: Record<string, string | number>[] = [
    { step: "Base value", kind: "Base value", start: 0, end: base, value: base },
  ];
  let total = base;
  const push = (step: string, value: number) => {
    values.push({
      step,
      kind: value >= 0 ? "Raises" : "Lowers",
      start: total,
      end: total + value,
      value,
    });
    total += value;
  };
  for (const j of shown) {
    const x = a.row?.[j];
    push(
      x === undefined ? a.featureNames[j]! : `${a.featureNames[j]} = ${formatNumber(x, digits)}`,
      phi[j]!,
    );
  }
  if (rest.length > 0) push(`${rest.length} other features`, rest.reduce((s, j) => s + phi[j]!, 0));
  values.push({ step: "Output", kind: "Output", start: 0, end: a.output[c]!, value: a.output[c]! });
  const steps = values.map((v) => v.step);
  const title = options.valueTitle ?? (a.space === "log_odds" ? "Log-odds" : "Model output");
  const body = {
    data: { values },
    encoding: {
      y: { field: "step", type: "nominal", sort: steps, title: null },
    },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          x: { field: "start", type: "quantitative", title },
          x2: { field: "end" },
          color: {
            field: "kind",
            type: "nominal",
            title: null,
            scale: STEP_COLORS,
            legend: { orient: "top" },
          },
          tooltip: [
            { field: "step", type: "nominal", title: "Step" },
            { field: "value", type: "quantitative", title: "Contribution", format: "+.4~g" },
            { field: "end", type: "quantitative", title: "Running total", format: ".4~g" },
          ],
        },
      },
      {
        mark: { type: "rule", color: VIGIL_COLORS.threshold, strokeDash: [3, 3] },
        encoding: { x: { datum: 0, type: "quantitative" } },
      },
    ],
  };
  const height = options.height ?? Math.max(120, 28 * values.length);
  return finishSpec(body, `Why ${a.outputNames[c]}: attributions`, { height, ...options });
}
