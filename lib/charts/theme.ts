/**
 * The one shared look of every Vigil chart: font, sizes, colours and the semantic palette
 * (reference vs current, ok vs detected). Builders merge {@linkcode VIGIL_THEME} into each spec's
 * `config`, so a spec renders the same in JupyterLab, in the PNG fallback and in the Vega editor.
 *
 * @module
 */
import type { Config } from "vega-lite";

/** The Vega-Lite v5 schema URL stamped on every spec (Jupyter's renderer reads it; never fetched). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * The font family of every chart. DejaVu Sans ships with the PNG renderer (`lib/notebook`), so text
 * is drawn even on machines without system fonts; browsers without it fall back to sans-serif.
 */
export const VIGIL_FONT = "DejaVu Sans";

/** Default chart size in pixels (the plotting area, as Vega-Lite `width` and `height`). */
export const DEFAULT_CHART_SIZE: { readonly width: number; readonly height: number } = {
  width: 360,
  height: 240,
};

/**
 * Semantic colours, used the same way in every chart: the reference window is always blue, the
 * current window orange; a detected problem is red, a passed check green; thresholds are dark grey;
 * a test's p-value drawn beside categorical series (distances) is purple, outside their palette's
 * first colours.
 */
export const VIGIL_COLORS = {
  reference: "#4c78a8",
  current: "#f58518",
  ok: "#54a24b",
  detected: "#e45756",
  threshold: "#444444",
  band: "#bab0ac",
  neutral: "#4c78a8",
  pValue: "#b279a2",
} as const;

/**
 * A Vega-Lite v5 top-level spec as plain JSON: what every builder returns and what `lib/notebook`
 * renders and displays. Vigil's surface names no vega-lite type: a spec is a JSON object whose
 * properties are read as `unknown` (`spec.layer`); cast it to vega-lite's own `TopLevelSpec`
 * to edit it with vega-lite's types. Specs written by hand, and vega-lite `TopLevelSpec`s, display
 * as well.
 */
export interface VegaLiteSpec {
  /** The Vega-Lite JSON schema URL ({@linkcode VEGA_LITE_SCHEMA} on every Vigil chart). */
  $schema?: string;
  /** The spec's other properties: `data`, `mark`, `encoding`, `layer`, `width`, `title`… */
  [property: string]: unknown;
}

/**
 * A Vega-Lite `config` object as plain JSON (vega-lite's `Config`, checked against it where
 * {@linkcode VIGIL_THEME} is defined).
 */
export type VegaLiteConfig = Readonly<Record<string, unknown>>;

/**
 * The Vega-Lite `config` shared by all charts (categorical palette: Tableau 10, sequential: blues).
 *
 * @example Every chart font is DejaVu Sans
 * ```ts
 * import { VIGIL_THEME, VIGIL_FONT } from "./theme.ts";
 * if (VIGIL_THEME.font !== VIGIL_FONT) throw new Error("font");
 * ```
 */
export const VIGIL_THEME: VegaLiteConfig = {
  font: VIGIL_FONT,
  background: "white",
  padding: 8,
  view: { stroke: "#dddddd" },
  title: { fontSize: 14, fontWeight: "bold", anchor: "start", subtitleColor: "#555555" },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal",
    gridColor: "#e8e8e8",
    domainColor: "#888888",
    tickColor: "#888888",
  },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", labelLimit: 260 },
  range: { category: { scheme: "tableau10" }, ramp: { scheme: "blues" } },
} satisfies Config;

/**
 * Size and title options accepted by every chart builder.
 */
export interface ChartOptions {
  /** Chart title. @default a title describing the chart */
  title?: string;
  /** Optional subtitle under the title. @default none */
  subtitle?: string;
  /** Plotting-area width in pixels. @default DEFAULT_CHART_SIZE.width (360) */
  width?: number;
  /** Plotting-area height in pixels. @default DEFAULT_CHART_SIZE.height (240) */
  height?: number;
}
