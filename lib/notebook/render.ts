/**
 * Rendering Vega-Lite specs to static images: SVG with Vega's headless renderer, PNG with resvg
 * (WebAssembly) and the DejaVu Sans fonts, so text is drawn on machines without system fonts.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { VegaLiteSpec } from "../charts/theme.ts";
import process from "node:process";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { readFonts, readResvgWasm } from "./_fonts.ts";

/** Options of {@linkcode renderPng}. */
export interface RenderPngOptions {
  /** Pixel density: 2 draws each SVG pixel as 2×2 PNG pixels (sharp on HiDPI screens). @default 2 */
  scale?: number;
  /** Background colour (CSS). @default "white" */
  background?: string;
}

/**
 * Imports Vega and Vega-Lite without their one-off `punycode` deprecation warning (node-fetch,
 * required by vega-loader, loads the deprecated module), which would otherwise be printed into
 * every notebook's output. Node checks the flag synchronously when the warning is raised, so it is
 * restored right after the imports.
 */
async function loadVega(): Promise<[typeof import("vega"), typeof import("vega-lite")]> {
  // Node's documented flag, missing from Deno's bundled typings.
  const flags = process as unknown as { noDeprecation?: boolean };
  const previous = flags.noDeprecation;
  flags.noDeprecation = true;
  try {
    return await Promise.all([import("vega"), import("vega-lite")]);
  } finally {
    flags.noDeprecation = previous ?? false;
  }
}

/**
 * Renders a Vega-Lite spec to an SVG string: Vega-Lite `compile` → Vega `View` with the `"none"`
 * renderer → `view.toSVG()`. Runs headless (no DOM, no canvas; Vega estimates text widths).
 * Inline data only: the spec is not allowed to load URLs.
 *
 * @param spec A Vega-Lite spec, e.g. from `lib/charts`.
 * @returns The SVG document text.
 * @throws {Error} If Vega-Lite or Vega cannot compile or run the spec.
 *
 * @example
 * ```ts
 * import { renderSvg } from "./render.ts";
 * const svg = await renderSvg({
 *   width: 100, height: 80, mark: "point",
 *   data: { values: [{ a: 1 }] }, encoding: { x: { field: "a", type: "quantitative", title: "Alpha" } },
 * });
 * if (!svg.startsWith("<svg") || !svg.includes("Alpha")) throw new Error("svg");
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec | object): Promise<string> {
  const [vega, vegaLite] = await loadVega();
  const vgSpec = vegaLite.compile(spec as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

// initWasm may run only once per process: the pending initialisation is shared by all calls. This
// is the one module-level cache in lib/notebook; it holds immutable bytes, not configuration.
let resources: Promise<Uint8Array[]> | undefined;

function loadResources(): Promise<Uint8Array[]> {
  resources ??= (async () => {
    const [wasm, fonts] = await Promise.all([readResvgWasm(), readFonts()]);
    await initWasm(wasm);
    return fonts;
  })();
  // A failed load (e.g. missing read permission) is retried on the next call.
  resources.catch(() => {
    resources = undefined;
  });
  return resources;
}

/**
 * Renders a Vega-Lite spec to PNG bytes: {@linkcode renderSvg}, then resvg with the DejaVu fonts
 * (system fonts are not loaded, so output is the same on every machine). The image is the SVG size
 * times `scale`. The first call loads the WebAssembly module and fonts (~60 ms).
 *
 * Permissions: reads `@resvg/resvg-wasm` and `dejavu-fonts-ttf` from Deno's npm cache.
 *
 * @param spec A Vega-Lite spec.
 * @param options Scale and background.
 * @returns PNG file bytes.
 * @throws {RangeError} If `scale` is not a positive finite number.
 *
 * @example
 * ```ts
 * import { renderPng } from "./render.ts";
 * const png = await renderPng({ width: 50, height: 40, mark: "bar", data: { values: [{ a: 1 }] },
 *   encoding: { y: { field: "a", type: "quantitative" } } }, { scale: 1 });
 * if (png[1] !== 0x50 || png[2] !== 0x4e || png[3] !== 0x47) throw new Error("not a PNG");
 * ```
 */
export async function renderPng(
  spec: VegaLiteSpec | object,
  options: RenderPngOptions = {},
): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw new RangeError(`PNG scale must be a positive number, got ${scale}`);
  }
  const [svg, fonts] = await Promise.all([renderSvg(spec), loadResources()]);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: options.background ?? "white",
    font: { fontBuffers: fonts, defaultFontFamily: "DejaVu Sans", loadSystemFonts: false },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
