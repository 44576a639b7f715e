/**
 * Private: the bytes the PNG renderer needs — the resvg WebAssembly module and the DejaVu fonts —
 * read from the npm packages in Deno's cache (works with `nodeModulesDir: "none"`).
 *
 * @module
 */
// Pulls dejavu-fonts-ttf (which has no JavaScript) into the module graph, so `deno install`,
// `deno cache` and `deno test` download it like any other dependency.
import "dejavu-fonts-ttf/package.json" with { type: "json" };

/** DejaVu font files loaded for PNG rendering (regular and bold: what chart text uses). */
export const FONT_FILES: readonly string[] = [
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique.ttf",
];

/** Reads the `index_bg.wasm` file shipped in `@resvg/resvg-wasm`. Needs read permission on it. */
export function readResvgWasm(): Promise<Uint8Array> {
  return Deno.readFile(new URL(import.meta.resolve("@resvg/resvg-wasm/index_bg.wasm")));
}

/** Reads the DejaVu TTF files of {@linkcode FONT_FILES} from `dejavu-fonts-ttf`. */
export function readFonts(): Promise<Uint8Array[]> {
  return Promise.all(
    FONT_FILES.map((f) => Deno.readFile(new URL(import.meta.resolve(`dejavu-fonts-ttf/ttf/${f}`)))),
  );
}
