/**
 * MIME bundles for Jupyter and the one place that talks to the Deno kernel. A chart is shown as
 * `application/vnd.vegalite.v5+json` (interactive in JupyterLab and VS Code) + `image/png` (static
 * fallback for GitHub, nbviewer and the classic Notebook) + `text/plain`; never `text/html` beside
 * a chart, because JupyterLab would prefer it. Outside the kernel (`deno run`, `deno test`, the
 * exporter) the same calls print the plain-text or Markdown form to stdout.
 *
 * @module
 */
import type { VegaLiteSpec } from "../charts/theme.ts";
import { markdownTable, type MarkdownTableOptions } from "./markdown.ts";
import { renderPng } from "./render.ts";

/** The MIME type of a Vega-Lite v5 spec in a Jupyter bundle. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/**
 * A Jupyter MIME bundle: media type → data (strings, base64 for images, objects for JSON types).
 * Always has a `text/plain` form.
 */
export interface MimeBundle {
  /** The plain-text form, shown by terminals and as the last resort by frontends. */
  "text/plain": string;
  /** Other representations, keyed by media type. */
  [mimeType: string]: string | object;
}

/** The part of `Deno.jupyter` that Vigil uses. */
export interface JupyterDisplay {
  /** Publishes `obj` as `display_data`; with `raw: true`, `obj` is the MIME bundle itself. */
  display(obj: unknown, options?: { raw?: boolean }): Promise<void>;
}

/**
 * The Deno Jupyter kernel's display API when running inside the kernel, else `undefined`.
 * `Deno.jupyter` is a getter that throws outside the kernel (even under `typeof`), hence the
 * try/catch.
 *
 * @returns The kernel API, or `undefined` outside the kernel.
 *
 * @example Outside the kernel (as in `deno test`)
 * ```ts
 * import { jupyterKernel } from "./display.ts";
 * if (jupyterKernel() !== undefined) throw new Error("not in a kernel");
 * ```
 */
export function jupyterKernel(): JupyterDisplay | undefined {
  try {
    const jupyter = (Deno as unknown as { jupyter?: Partial<JupyterDisplay> }).jupyter;
    if (jupyter !== undefined && typeof jupyter.display === "function") {
      return jupyter as JupyterDisplay;
    }
  } catch {
    // Outside the kernel the getter throws: fall through.
  }
  return undefined;
}

/** Options of {@linkcode chartBundle}. */
export interface ChartBundleOptions {
  /** Include the `image/png` fallback (rendering takes ~100–300 ms). @default true */
  png?: boolean;
  /** PNG pixel density. @default 2 */
  scale?: number;
}

/** The title text of a spec, for the `text/plain` form. */
function specTitle(spec: object): string {
  const title: unknown = (spec as { title?: unknown }).title;
  const text: unknown = typeof title === "object" && title !== null
    ? (title as { text?: unknown }).text
    : title;
  if (typeof text === "string" && text !== "") return text;
  if (Array.isArray(text) && text.length > 0) return text.join(" ");
  return "Chart";
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Builds the MIME bundle of a chart: the Vega-Lite spec, a PNG rendered with
 * {@linkcode renderPng} (base64), and `"<title> (Vega-Lite chart)"` as plain text.
 *
 * @param spec A Vega-Lite spec (from `lib/charts`), with explicit width and height.
 * @param options Whether to render the PNG, and its scale.
 * @returns The bundle; the spec is included as is (not copied).
 * @throws {Error} If the spec cannot be rendered.
 *
 * @example
 * ```ts
 * import { chartBundle } from "./display.ts";
 * const bundle = await chartBundle(
 *   { title: "Tiny", width: 40, height: 30, mark: "point", data: { values: [{}] } },
 *   { png: false },
 * );
 * if (bundle["text/plain"] !== "Tiny (Vega-Lite chart)") throw new Error("plain text");
 * ```
 */
export async function chartBundle(
  spec: VegaLiteSpec | object,
  options: ChartBundleOptions = {},
): Promise<MimeBundle> {
  const bundle: MimeBundle = {
    "text/plain": `${specTitle(spec)} (Vega-Lite chart)`,
    [VEGA_LITE_MIME]: spec,
  };
  if (options.png ?? true) {
    bundle["image/png"] = toBase64(
      await renderPng(spec, options.scale === undefined ? {} : { scale: options.scale }),
    );
  }
  return bundle;
}

/**
 * Builds the MIME bundle of a Markdown text: `text/markdown` plus the same text as `text/plain`.
 *
 * @param markdown Markdown source.
 * @returns The bundle.
 *
 * @example
 * ```ts
 * import { markdownBundle } from "./display.ts";
 * const b = markdownBundle("**PSI** 0.12");
 * if (b["text/markdown"] !== "**PSI** 0.12" || b["text/plain"] !== "**PSI** 0.12") throw new Error();
 * ```
 */
export function markdownBundle(markdown: string): MimeBundle {
  return { "text/plain": markdown, "text/markdown": markdown };
}

/** Where {@linkcode display} sends output; for tests and custom frontends. */
export interface DisplayOptions {
  /**
   * The kernel display API; `null` forces plain-text output.
   * @default the Deno kernel when running in it (see {@linkcode jupyterKernel})
   */
  kernel?: JupyterDisplay | null;
  /** Writes plain-text output outside the kernel. @default console.log */
  write?: (text: string) => void;
}

function isMimeBundle(item: MimeBundle | VegaLiteSpec | object): item is MimeBundle {
  return typeof (item as Record<string, unknown>)["text/plain"] === "string";
}

/**
 * Shows a MIME bundle (or a Vega-Lite spec, turned into one by {@linkcode chartBundle}). Inside
 * the Deno Jupyter kernel it calls `Deno.jupyter.display(bundle, { raw: true })`; outside it
 * writes the bundle's `text/markdown` form if it has one, else its `text/plain` form (charts are
 * not rendered outside the kernel: only their one-line description is printed).
 *
 * @param item A bundle from this module or a chart spec.
 * @param options Kernel and writer overrides.
 * @returns When the output has been published.
 *
 * @example Outside the kernel, text is written
 * ```ts
 * import { display, markdownBundle } from "./display.ts";
 * const lines: string[] = [];
 * await display(markdownBundle("# Hi"), { write: (t) => lines.push(t) });
 * if (lines[0] !== "# Hi") throw new Error("written");
 * ```
 */
export async function display(
  item: MimeBundle | VegaLiteSpec | object,
  options: DisplayOptions = {},
): Promise<void> {
  const kernel = options.kernel === undefined ? jupyterKernel() : options.kernel;
  if (kernel) {
    const bundle = isMimeBundle(item) ? item : await chartBundle(item);
    await kernel.display(bundle, { raw: true });
    return;
  }
  const write = options.write ?? ((text: string) => console.log(text));
  if (isMimeBundle(item)) {
    const markdown = item["text/markdown"];
    write(typeof markdown === "string" ? markdown : item["text/plain"]);
  } else {
    write(`${specTitle(item)} (Vega-Lite chart)`);
  }
}

/**
 * Shows a chart: `display(await chartBundle(spec))` in the kernel; outside it only prints the
 * chart's title line (no rendering).
 *
 * @param spec A Vega-Lite spec.
 * @param options Bundle and display options.
 * @returns When the chart has been published.
 * @throws {Error} In the kernel, if the spec cannot be rendered to PNG.
 *
 * @example Outside the kernel only the title line is written
 * ```ts
 * import { showChart } from "./display.ts";
 * const spec = { title: "Tiny", width: 40, height: 30, mark: "point" as const, data: { values: [{}] } };
 * const lines: string[] = [];
 * await showChart(spec, { kernel: null, write: (t) => lines.push(t) });
 * if (lines.join() !== "Tiny (Vega-Lite chart)") throw new Error(lines.join());
 * ```
 *
 * @example With a kernel (here a stand-in) the chart's bundle is published raw
 * ```ts
 * import { showChart, VEGA_LITE_MIME } from "./display.ts";
 * const spec = { title: "Tiny", width: 40, height: 30, mark: "point" as const, data: { values: [{}] } };
 * const shown: unknown[] = [];
 * const kernel = { display: (obj: unknown) => (shown.push(obj), Promise.resolve()) };
 * await showChart(spec, { kernel, png: false });
 * const bundle = shown[0] as Record<string, unknown>;
 * if (shown.length !== 1 || bundle[VEGA_LITE_MIME] !== spec || "image/png" in bundle) {
 *   throw new Error("one bundle with the spec and no PNG");
 * }
 * ```
 */
export async function showChart(
  spec: VegaLiteSpec | object,
  options: ChartBundleOptions & DisplayOptions = {},
): Promise<void> {
  const kernel = options.kernel === undefined ? jupyterKernel() : options.kernel;
  const bundleOptions: ChartBundleOptions = {
    ...(options.png === undefined ? {} : { png: options.png }),
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  };
  await display(kernel ? await chartBundle(spec, bundleOptions) : spec, {
    ...options,
    kernel: kernel ?? null,
  });
}

/** Column-oriented data: column name → values (all the same length). */
export type ColumnTable = Readonly<Record<string, ArrayLike<unknown>>>;

/**
 * Turns column-oriented data into rows.
 *
 * @throws {TypeError} If the columns differ in length.
 */
function columnsToRows(columns: ColumnTable): Record<string, unknown>[] {
  const names = Object.keys(columns);
  const n = names.length === 0 ? 0 : columns[names[0]!]!.length;
  for (const name of names) {
    if (columns[name]!.length !== n) {
      throw new TypeError(
        `Table column "${name}" has ${columns[name]!.length} values, expected ${n}`,
      );
    }
  }
  return Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const name of names) row[name] = columns[name]![i];
    return row;
  });
}

/**
 * Builds the Markdown-table bundle of rows (array of objects) or columns (object of arrays),
 * formatted by {@linkcode markdownTable}.
 *
 * @param data Rows or columns.
 * @param options Columns to show and digits.
 * @returns A bundle with `text/markdown` and `text/plain` (the same table text).
 * @throws {TypeError} If column-oriented data has columns of different lengths.
 *
 * @example
 * ```ts
 * import { tableBundle } from "./display.ts";
 * const b = tableBundle({ x: [1, 2], y: ["a", "b"] });
 * if (!b["text/markdown"]!.toString().includes("| 2 | b |")) throw new Error();
 * ```
 */
export function tableBundle(
  data: readonly Readonly<Record<string, unknown>>[] | ColumnTable,
  options: MarkdownTableOptions = {},
): MimeBundle {
  const rows = Array.isArray(data) ? data : columnsToRows(data as ColumnTable);
  return markdownBundle(markdownTable(rows, options));
}

/**
 * Shows a table: `display(tableBundle(data, options))`.
 *
 * @param data Rows or columns.
 * @param options Table and display options.
 * @returns When the table has been published.
 * @throws {TypeError} If column-oriented data has columns of different lengths.
 *
 * @example Outside the kernel the Markdown table is written
 * ```ts
 * import { showTable } from "./display.ts";
 * const lines: string[] = [];
 * const write = (t: string) => lines.push(t);
 * await showTable([{ feature: "age", psi: 0.25 }], { digits: 2, kernel: null, write });
 * if (lines.length !== 1 || !lines[0]!.includes("| age | 0.25 |")) throw new Error(lines[0]);
 * ```
 */
export async function showTable(
  data: readonly Readonly<Record<string, unknown>>[] | ColumnTable,
  options: MarkdownTableOptions & DisplayOptions = {},
): Promise<void> {
  await display(tableBundle(data, options), options);
}
