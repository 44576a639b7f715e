import { mt19937 } from "../../lib/stats/mt19937.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { assertGoldenIndices, type GoldenIndices } from "../_golden_indices.ts";

interface RawCase {
  seed: number | number[];
  at: number[];
  uint32: number[];
  randomSample: number[];
}
interface PermutationCase {
  seed: number;
  n: number;
  permutation: GoldenIndices;
}

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/sklearn_split.json", import.meta.url)),
) as { raw: RawCase[]; permutations: PermutationCase[] };

Deno.test("mt19937() draws numpy's RandomState outputs for integer and array seeds", () => {
  for (const c of golden.raw) {
    const rng = mt19937(c.seed);
    const draws: number[] = [];
    for (let i = 0; i <= Math.max(...c.at); i++) draws.push(rng.nextUint32());
    assertEquals(c.at.map((i) => draws[i]), c.uint32, `seed ${JSON.stringify(c.seed)}`);
    const u = mt19937(c.seed).randomSample;
    assertEquals(Array.from({ length: 5 }, u), c.randomSample, `random_sample, seed ${c.seed}`);
  }
});

Deno.test("mt19937().permutation() equals numpy's RandomState.permutation", async () => {
  for (const c of golden.permutations) {
    const p = mt19937(c.seed).permutation(c.n);
    await assertGoldenIndices(p, c.permutation, `seed ${c.seed}, n ${c.n}`);
  }
});

Deno.test("mt19937().randomInterval() stays in [0, max] and reaches both ends", () => {
  const rng = mt19937(9);
  for (const max of [0, 1, 2, 5, 2 ** 31, 2 ** 32 - 1]) {
    for (let i = 0; i < 200; i++) {
      const v = rng.randomInterval(max);
      assert(Number.isInteger(v) && v >= 0 && v <= max, `${v} outside [0, ${max}]`);
    }
  }
  const seen = new Set<number>();
  for (let i = 0; i < 200; i++) seen.add(rng.randomInterval(2));
  assertEquals([...seen].sort(), [0, 1, 2]);
});

Deno.test("mt19937() rejects seeds numpy rejects", () => {
  for (const seed of [-1, 2 ** 32, 1.5, NaN]) {
    assertThrows(() => mt19937(seed), RangeError, "integer in [0, 2^32 - 1]");
  }
  assertThrows(() => mt19937([]), RangeError, "seed array is empty");
  assertThrows(() => mt19937([1, -2]), RangeError, "seed[1]");
  const rng = mt19937(0);
  assertThrows(() => rng.randomInterval(2 ** 32), RangeError, "max must be");
  assertThrows(() => rng.permutation(-1), RangeError, "n must be");
});

Deno.test("mt19937() generators are independent: drawing from one leaves another unchanged", () => {
  const a = mt19937(5), b = mt19937(5);
  for (let i = 0; i < 1000; i++) a.nextUint32();
  assertEquals(b.nextUint32(), mt19937(5).nextUint32());
});
