import { assertEquals, assertRelativeEquals } from "../_assert.ts";
import { binCounts, categoryCounts, equalWidthEdges } from "../../lib/charts/_histogram.ts";

interface GoldenCase {
  name: string;
  reference: number[];
  current: number[];
  bins: number;
  edges: number[];
  referenceCounts: number[];
  currentCounts: number[];
}
const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/charts.json", import.meta.url)),
) as { cases: GoldenCase[] };

for (const c of golden.cases) {
  Deno.test(`equalWidthEdges() matches numpy.histogram_bin_edges (${c.name})`, () => {
    const edges = equalWidthEdges([c.reference, c.current], c.bins);
    assertEquals(edges.length, c.edges.length);
    edges.forEach((e, i) => assertRelativeEquals(e, c.edges[i]!, 1e-9, `edge ${i}`, 1e-300));
  });

  Deno.test(`binCounts() matches numpy.histogram counts (${c.name})`, () => {
    assertEquals(Array.from(binCounts(c.reference, c.edges)), c.referenceCounts);
    assertEquals(Array.from(binCounts(Float64Array.from(c.current), c.edges)), c.currentCounts);
  });
}

Deno.test("binCounts() counts values outside the edges in the end bins and skips non-finite values", () => {
  assertEquals(Array.from(binCounts([-5, 0, 0.5, 1, 2, 99, NaN, Infinity], [0, 1, 2])), [3, 3]);
});

Deno.test("equalWidthEdges() gives a constant sample one unit-wide bin, and none when empty", () => {
  assertEquals(equalWidthEdges([[3, 3], [3]], 10), [2.5, 3.5]);
  assertEquals(equalWidthEdges([[NaN], []], 10), []);
});

Deno.test("categoryCounts() skips null, undefined, NaN and empty strings", () => {
  assertEquals([...categoryCounts(["a", null, "b", "a", undefined, NaN, ""])], [["a", 2], [
    "b",
    1,
  ]]);
});
