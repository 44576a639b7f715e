import { assert, assertEquals, assertThrows } from "../_assert.ts";
import {
  chartBundle,
  display,
  type JupyterDisplay,
  jupyterKernel,
  markdownBundle,
  type MimeBundle,
  showChart,
  showTable,
  tableBundle,
  VEGA_LITE_MIME,
} from "../../lib/notebook/display.ts";
import type { TopLevelSpec } from "vega-lite";

const spec: TopLevelSpec = {
  title: { text: "Tiny chart", subtitle: "sub" },
  width: 60,
  height: 40,
  mark: "bar",
  data: { values: [{ a: 1 }, { a: 2 }] },
  encoding: { y: { field: "a", type: "quantitative" } },
};

function fakeKernel(): JupyterDisplay & { calls: [unknown, unknown][] } {
  const calls: [unknown, unknown][] = [];
  return {
    calls,
    display(obj: unknown, options?: unknown) {
      calls.push([obj, options]);
      return Promise.resolve();
    },
  };
}

Deno.test("chartBundle() holds the Vega-Lite spec, a PNG and plain text, never HTML", async () => {
  const bundle = await chartBundle(spec, { scale: 1 });
  assertEquals(Object.keys(bundle).sort(), ["image/png", "text/plain", VEGA_LITE_MIME].sort());
  assertEquals(bundle[VEGA_LITE_MIME], spec);
  assertEquals(bundle["text/plain"], "Tiny chart (Vega-Lite chart)");
  const png = Uint8Array.from(atob(bundle["image/png"] as string), (c) => c.charCodeAt(0));
  assertEquals(Array.from(png.subarray(1, 4)), [0x50, 0x4e, 0x47]);
});

Deno.test("chartBundle() can leave out the PNG and names untitled charts 'Chart'", async () => {
  const { title: _, ...untitled } = spec as { title?: unknown };
  const bundle = await chartBundle(untitled as TopLevelSpec, { png: false });
  assertEquals(Object.keys(bundle).sort(), ["text/plain", VEGA_LITE_MIME].sort());
  assertEquals(bundle["text/plain"], "Chart (Vega-Lite chart)");
});

Deno.test("jupyterKernel() is undefined outside the Deno kernel", () => {
  assertEquals(jupyterKernel(), undefined);
});

Deno.test("display() hands the bundle to the kernel raw", async () => {
  const kernel = fakeKernel();
  const bundle = markdownBundle("**hi**");
  await display(bundle, { kernel });
  assertEquals(kernel.calls, [[bundle, { raw: true }]]);
});

Deno.test("display() of a spec in the kernel sends its chart bundle", async () => {
  const kernel = fakeKernel();
  await display(spec, { kernel });
  const sent = kernel.calls[0]![0] as MimeBundle;
  assertEquals(sent[VEGA_LITE_MIME], spec);
  assert(typeof sent["image/png"] === "string" && sent["image/png"].length > 100);
});

Deno.test("display() outside the kernel prints Markdown, else plain text", async () => {
  const out: string[] = [];
  const write = (t: string) => out.push(t);
  await display({ "text/plain": "plain", "text/markdown": "*md*" }, { kernel: null, write });
  await display({ "text/plain": "only plain" }, { kernel: null, write });
  await display(spec, { kernel: null, write });
  assertEquals(out, ["*md*", "only plain", "Tiny chart (Vega-Lite chart)"]);
});

Deno.test("showChart() outside the kernel prints the title line without rendering", async () => {
  const out: string[] = [];
  await showChart(spec, { write: (t) => out.push(t) });
  assertEquals(out, ["Tiny chart (Vega-Lite chart)"]);
});

Deno.test("showChart() in the kernel sends spec, PNG and text", async () => {
  const kernel = fakeKernel();
  await showChart(spec, { kernel, scale: 1 });
  assertEquals(Object.keys(kernel.calls[0]![0] as MimeBundle).length, 3);
});

Deno.test("showTable() renders rows and columns to the same Markdown table", async () => {
  const out: string[] = [];
  const write = (t: string) => out.push(t);
  await showTable([{ f: "a", v: 0.5 }, { f: "b", v: 2 }], { kernel: null, write });
  await showTable({ f: ["a", "b"], v: Float64Array.of(0.5, 2) }, { kernel: null, write });
  assertEquals(out[0], "| f | v |\n| --- | ---: |\n| a | 0.5000 |\n| b | 2 |");
  assertEquals(out[1], out[0]);
});

Deno.test("tableBundle() has Markdown and plain text, and rejects ragged columns", () => {
  const bundle = tableBundle([{ a: 1 }], { digits: 2 });
  assertEquals(Object.keys(bundle).sort(), ["text/markdown", "text/plain"]);
  assertThrows(() => tableBundle({ a: [1, 2], b: [1] }), TypeError, 'column "b" has 1 values');
});
