/**
 * The only code in Vigil that knows about Jupyter: MIME bundles for charts and tables, display in
 * the Deno kernel (plain text elsewhere) and SVG/PNG rendering of Vega-Lite specs. Turning a
 * notebook into a module lives in lib/notebook_source.
 *
 * @example
 * ```ts
 * import { markdownTable } from "./mod.ts";
 * if (markdownTable([{ a: 1 }]) !== "| a |\n| ---: |\n| 1 |") throw new Error();
 * ```
 *
 * @module
 */
// Check results as table rows, and the result shape they read.
export * from "./result_rows.ts";
export type { CheckResult, Operator, ResultStatus } from "../types.ts";
export * from "./markdown.ts";
export * from "./render.ts";
export * from "./display.ts";
// The spec type the renderers and display take, documented where the chart builders define it.
export type { VegaLiteSpec } from "../charts/mod.ts";
