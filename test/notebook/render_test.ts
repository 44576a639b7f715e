import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { renderPng, renderSvg } from "../../lib/notebook/render.ts";
import { readFonts, readResvgWasm } from "../../lib/notebook/_fonts.ts";
import { EXAMPLES } from "../charts/_examples.ts";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

/** Width and height attributes of the root <svg> element. */
function svgSize(svg: string): [number, number] {
  const m = svg.match(/^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/);
  assert(m !== null, "svg has width and height");
  return [Number(m[1]), Number(m[2])];
}

/** Text as Vega writes it into SVG (XML-escaped). */
function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

for (const { name, spec, texts } of EXAMPLES) {
  Deno.test(`renderSvg() draws ${name} with its axis titles and labels`, async () => {
    const svg = await renderSvg(spec);
    assert(svg.startsWith("<svg"), "starts with <svg");
    for (const text of texts) assert(svg.includes(xmlEscape(text)), `SVG contains "${text}"`);
    assert(svg.includes("DejaVu Sans"), "text uses the theme font");
  });
}

Deno.test("renderPng() returns a PNG of the SVG's size times the scale", async () => {
  const spec = EXAMPLES[0]!.spec;
  const [w, h] = svgSize(await renderSvg(spec));
  const one = await renderPng(spec, { scale: 1 });
  assertEquals(Array.from(one.subarray(0, 8)), PNG_MAGIC);
  assertEquals(pngSize(one), [Math.round(w), Math.round(h)]);
  const two = await renderPng(spec);
  assertEquals(pngSize(two), [Math.round(2 * w), Math.round(2 * h)]);
});

Deno.test("renderPng() rejects a non-positive scale", async () => {
  await assertRejects(() => renderPng(EXAMPLES[0]!.spec, { scale: 0 }), RangeError, "scale");
});

Deno.test("the PNG renderer's WebAssembly module and DejaVu fonts load from the npm packages", async () => {
  const wasm = await readResvgWasm();
  assertEquals(Array.from(wasm.subarray(0, 4)), [0x00, 0x61, 0x73, 0x6d]); // "\0asm"
  const fonts = await readFonts();
  assert(fonts.length >= 1);
  for (const f of fonts) assertEquals(Array.from(f.subarray(0, 4)), [0, 1, 0, 0]); // TrueType
});
