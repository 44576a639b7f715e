import { assertEquals, assertThrows } from "../_assert.ts";
import {
  binCounts,
  binCountsSorted,
  equalWidthEdges,
  nextUp,
  quantileEdges,
  sturgesBins,
} from "../../lib/stats/histogram.ts";
import { sortedFinite } from "../../lib/stats/sort.ts";
import { GOLDEN } from "../drift/_distances_golden.ts";

Deno.test("quantileEdges() and equalWidthEdges() reproduce numpy's edges on the golden cases", () => {
  for (const c of GOLDEN.numeric) {
    const ref = sortedFinite(c.reference).sorted;
    for (const b of c.binnings) {
      if (b.binning === "quantile") {
        assertEquals(
          Array.from(quantileEdges(ref, b.bins, { separateAboveMax: true })),
          b.edges,
          c.name,
        );
      }
      if (b.binning === "equal_width") {
        const e = equalWidthEdges(ref[0]!, ref[ref.length - 1]!, b.bins);
        assertEquals(Array.from(e.subarray(1, -1)), b.edges.slice(1, -1), c.name);
      }
      if (b.binning === "sturges_both") {
        const all = sortedFinite([...c.reference, ...c.current]).sorted;
        const lo = all[0]!;
        const hi = all[all.length - 1]!;
        const e = equalWidthEdges(lo, hi, sturgesBins(all.length, lo, hi));
        assertEquals(Array.from(e), b.edges, `${c.name} sturges`);
      }
    }
  }
});

Deno.test("binCounts() and binCountsSorted() equal numpy's counts and each other", () => {
  for (const c of GOLDEN.numeric) {
    for (const b of c.binnings) {
      const cur = sortedFinite(c.current).sorted;
      assertEquals(Array.from(binCounts(c.current, b.edges)), b.currentCounts, c.name);
      assertEquals(Array.from(binCountsSorted(cur, b.edges)), b.currentCounts, c.name);
    }
  }
});

Deno.test("bins are right-open [a, b) except the last, which is closed; outside values are not counted", () => {
  const edges = [0, 1, 2];
  const x = [-1, 0, 0.5, 1, 2, 3];
  assertEquals(Array.from(binCounts(x, edges)), [2, 2]);
  assertEquals(Array.from(binCountsSorted(x, edges)), [2, 2]);
  const open = [-Infinity, 1, Infinity];
  assertEquals(Array.from(binCounts([-1e308, 1, 1e308, NaN], open)), [1, 2]);
  assertEquals(Array.from(binCountsSorted([1, 1, 1, 2], [0, 1, 2])), [0, 4]);
});

Deno.test("quantileEdges() collapses tied quantiles and keeps open outer edges", () => {
  assertEquals(Array.from(quantileEdges([2, 2, 2, 2], 10)), [-Infinity, 2, Infinity]);
  assertEquals(Array.from(quantileEdges([1, 1, 1, 5], 4)), [-Infinity, 1, 2, Infinity]);
  const above = Array.from(quantileEdges([1, 2, 2, 2], 4, { separateAboveMax: true }));
  assertEquals(above, [-Infinity, 1.75, 2, nextUp(2), Infinity]);
  assertEquals(Array.from(quantileEdges([1, 2, 3, 4], 4, { separateAboveMax: true })).length, 5);
  assertEquals([nextUp(1) - 1, nextUp(0), nextUp(-1) + 1], [
    Number.EPSILON,
    Number.MIN_VALUE,
    Number.EPSILON / 2,
  ]);
  assertEquals(Array.from(equalWidthEdges(3, 3, 2)), [2.5, 3, 3.5]);
  assertEquals([sturgesBins(0, 0, 0), sturgesBins(10, 1, 1), sturgesBins(1024, 0, 1)], [1, 1, 11]);
});

Deno.test("histogram helpers reject invalid bins and edges", () => {
  assertThrows(() => quantileEdges([1], 0), RangeError, "bins");
  assertThrows(() => quantileEdges([], 3), RangeError, "empty");
  assertThrows(() => equalWidthEdges(2, 1, 3), RangeError, "range");
  assertThrows(() => binCounts([1], [1]), RangeError, "two edges");
  assertThrows(() => binCountsSorted([1], [0, 2, 1]), RangeError, "increasing");
});
