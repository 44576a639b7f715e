/**
 * Private helpers shared by the chart builders: finishing a spec with the theme, size and title,
 * and validating numeric input.
 *
 * @module
 */
import {
  type ChartOptions,
  DEFAULT_CHART_SIZE,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
  VIGIL_COLORS,
  VIGIL_THEME,
} from "./theme.ts";

/** A Vega-Lite spec body without the top-level properties that `finishSpec` adds. */
export type SpecBody = Record<string, unknown>;

/** Resolves width and height, checking they are positive finite numbers. */
export function chartSize(options: ChartOptions): { width: number; height: number } {
  const width = options.width ?? DEFAULT_CHART_SIZE.width;
  const height = options.height ?? DEFAULT_CHART_SIZE.height;
  for (const [name, v] of [["width", width], ["height", height]] as const) {
    if (!(Number.isFinite(v) && v > 0)) {
      throw new RangeError(`Chart ${name} must be a positive number, got ${v}`);
    }
  }
  return { width, height };
}

/**
 * Adds `$schema`, the theme, the title and (unless `sized` is false, for concatenations whose
 * sub-views carry their own size) the width and height to a spec body.
 */
export function finishSpec(
  body: SpecBody,
  defaultTitle: string,
  options: ChartOptions,
  sized = true,
): VegaLiteSpec {
  const title = options.title ?? defaultTitle;
  const spec: SpecBody = {
    $schema: VEGA_LITE_SCHEMA,
    title: options.subtitle === undefined ? title : { text: title, subtitle: options.subtitle },
    ...(sized ? chartSize(options) : {}),
    ...body,
    // A copy, so that editing one spec's config never restyles every other chart.
    config: structuredClone(VIGIL_THEME),
  };
  return spec as unknown as VegaLiteSpec;
}

/**
 * Reads an `ArrayLike<number>` as a `Float64Array` (a `Float64Array` input is returned as is and
 * must not be written to), naming `what` if it is not array-like. `null` and `undefined` (missing
 * values from JSON or CSV) become `NaN`, never 0. O(n), one plain loop (no per-element callback).
 */
export function toNumbers(values: ArrayLike<number>, what: string): Float64Array {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError(`Expected ${what} to be an array of numbers, got ${typeof values}`);
  }
  if (values instanceof Float64Array) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? NaN : Number(v);
  }
  return out;
}

/** A number for JSON: non-finite values become `null`, which Vega-Lite leaves out of plots. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Formats a number for a label: fixed `digits`, `"NaN"` for non-finite values. */
export function formatNumber(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "NaN";
}

/**
 * The colour channel of every pass/fail chart: `field` holds one of two labels, the first drawn
 * green (ok) and the second red (detected), with the legend at `orient`.
 */
export function okDetectedColor(
  field: string,
  labels: readonly [ok: string, detected: string],
  orient: "top" | "bottom" = "top",
): SpecBody {
  return {
    field,
    type: "nominal",
    title: null,
    scale: { domain: [...labels], range: [VIGIL_COLORS.ok, VIGIL_COLORS.detected] },
    legend: { orient },
  };
}
