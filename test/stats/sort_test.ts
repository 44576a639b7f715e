import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { averageRanks, ensureSorted, isSortedSample, sortedFinite } from "../../lib/stats/sort.ts";
import { seededRandom } from "../../lib/stats/random.ts";

Deno.test("sortedFinite() sorts numerically and drops NaN and infinities as missing", () => {
  const s = sortedFinite([10, 2, NaN, -1, Infinity, 2, -Infinity]);
  assertEquals(Array.from(s.sorted), [-1, 2, 2, 10]);
  assertEquals(s.nMissing, 3);
});

Deno.test("sortedFinite() equals a typed-array sort of the finite values above the radix cut-off", () => {
  const rand = seededRandom(5);
  const x = Float64Array.from({ length: 20_000 }, (_, i) => {
    if (i % 997 === 0) return [NaN, Infinity, -Infinity, -0][i % 4]!;
    return i % 4 === 0 ? Math.round((rand() - 0.5) * 20) : (rand() - 0.5) * 1e6;
  });
  const finite = x.filter((v) => Number.isFinite(v));
  const want = finite.slice().sort();
  for (const input of [x, Array.from(x)]) {
    const s = sortedFinite(input);
    assertEquals(s.nMissing, x.length - finite.length);
    assertEquals(s.sorted.length, want.length);
    for (let i = 0; i < want.length; i++) assert(Object.is(s.sorted[i], want[i]), `index ${i}`);
  }
});

Deno.test("sortedFinite() never mutates its input", () => {
  const x = new Float64Array([3, 1, 2]);
  sortedFinite(x);
  assertEquals(Array.from(x), [3, 1, 2]);
});

Deno.test("sortedFinite() counts null as missing and rejects strings", () => {
  const s = sortedFinite([1, null as unknown as number, 0]);
  assertEquals(s.nMissing, 1);
  assertThrows(() => sortedFinite([1, "2" as unknown as number]), TypeError, "entry 1");
  assertThrows(() => sortedFinite(5 as unknown as number[]), TypeError, "expected an array");
});

Deno.test("ensureSorted() reuses a SortedSample and rejects an unsorted one", () => {
  const s = sortedFinite([3, 1, 2]);
  assert(ensureSorted(s, "x").sorted === s.sorted);
  assert(isSortedSample(s) && !isSortedSample([1]));
  assertThrows(
    () => ensureSorted({ sorted: new Float64Array([2, 1]), nMissing: 0 }, "reference"),
    TypeError,
    "not sorted",
  );
});

Deno.test("averageRanks() equals scipy.stats.rankdata(method='average')", () => {
  const golden = JSON.parse(
    Deno.readTextFileSync(new URL("../golden/drift.json", import.meta.url)),
  ).distributions.rankdata as { values: number[]; ranks: number[] }[];
  assert(golden.length > 0);
  for (const c of golden) assertEquals(Array.from(averageRanks(c.values)), c.ranks);
});

Deno.test("averageRanks() gives NaN to non-finite values and ranks the rest", () => {
  assertEquals(Array.from(averageRanks([5, NaN, 1, 5])), [2.5, NaN, 1, 2.5]);
});
