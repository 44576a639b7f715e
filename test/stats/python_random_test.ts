import { pythonRandom } from "../../lib/stats/python_random.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

interface DrawCase {
  seed: string;
  random: number[];
  getrandbits: Record<string, string[]>;
  randrange: Record<"stop_10" | "stop_2_40" | "start_stop_step" | "negative_step", number[]>;
  sample: { n: number; k: number; values: number[] }[];
  choices: { plain: number[]; weighted: number[] };
}

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/concept.json", import.meta.url)),
) as { python_random: DrawCase[]; streams: Record<string, number[]> };

function seedOf(c: DrawCase): bigint {
  return BigInt(c.seed);
}

Deno.test("pythonRandom().random() equals CPython's random() for one- and two-word seeds", () => {
  for (const c of golden.python_random) {
    const rng = pythonRandom(seedOf(c));
    assertEquals(Array.from({ length: 5 }, rng.random), c.random, `seed ${c.seed}`);
    if (BigInt(Number(c.seed)) === seedOf(c)) {
      assertEquals(pythonRandom(Number(c.seed)).random(), c.random[0], `number seed ${c.seed}`);
    }
  }
});

Deno.test("pythonRandom().getrandbits() equals CPython's for 32, 64 and 100 bits", () => {
  for (const c of golden.python_random) {
    const rng = pythonRandom(seedOf(c));
    for (const k of ["32", "64", "100"]) {
      const got = Array.from({ length: 3 }, () => rng.getrandbits(Number(k)).toString());
      assertEquals(got, c.getrandbits[k], `seed ${c.seed}, k ${k}`);
    }
  }
});

Deno.test("pythonRandom().randrange() equals CPython's, with steps of both signs", () => {
  for (const c of golden.python_random) {
    const rng = pythonRandom(seedOf(c));
    const five = (f: () => number) => Array.from({ length: 5 }, f);
    assertEquals(five(() => rng.randrange(10)), c.randrange.stop_10, `seed ${c.seed}`);
    const big = Array.from({ length: 3 }, () => rng.randrange(2 ** 40));
    assertEquals(big, c.randrange.stop_2_40, `seed ${c.seed} 2^40`);
    assertEquals(five(() => rng.randrange(-7, 100, 3)), c.randrange.start_stop_step);
    assertEquals(five(() => rng.randrange(50, -50, -7)), c.randrange.negative_step);
  }
});

Deno.test("pythonRandom().sample() equals Python 3.11's in the pool and the set branch", () => {
  for (const c of golden.python_random) {
    const rng = pythonRandom(seedOf(c));
    for (const s of c.sample) {
      assertEquals(rng.sample(s.n, s.k), s.values, `seed ${c.seed}, sample(range(${s.n}), ${s.k})`);
    }
    // an array population draws the same positions as range(n)
    const again = pythonRandom(seedOf(c));
    const letters = Array.from({ length: 70 }, (_, i) => `v${i}`);
    assertEquals(again.sample(letters, 30), c.sample[0]!.values.map((i) => `v${i}`));
  }
});

Deno.test("pythonRandom().choices() equals CPython's with and without weights", () => {
  for (const c of golden.python_random) {
    const rng = pythonRandom(seedOf(c));
    assertEquals(rng.choices([0, 1, 2, 3, 4, 5, 6], 10), c.choices.plain, `seed ${c.seed}`);
    assertEquals(rng.choices([0, 1, 2], 10, [0.2, 0.5, 0.3]), c.choices.weighted);
  }
});

Deno.test("pythonRandom() seeds by |seed|, as CPython does", () => {
  assertEquals(pythonRandom(-42).random(), pythonRandom(42).random());
  assertEquals(pythonRandom(-(2n ** 40n + 7n)).random(), pythonRandom(2 ** 40 + 7).random());
});

Deno.test("pythonRandom() draws stay in range and samples are distinct", () => {
  const rng = pythonRandom(3);
  for (let i = 0; i < 1000; i++) {
    const u = rng.random();
    assert(u >= 0 && u < 1, `${u}`);
    const v = rng.randbelow(7);
    assert(Number.isInteger(v) && v >= 0 && v < 7, `${v}`);
  }
  for (const [n, k] of [[70, 30], [10 ** 6, 100], [5, 5], [5, 0]] as const) {
    const s = rng.sample(n, k);
    assertEquals(new Set(s).size, k);
    assert(s.every((x) => x >= 0 && x < n));
  }
  assertEquals(rng.getrandbits(0), 0n);
  assert(rng.getrandbits(100) < 2n ** 100n);
});

Deno.test("pythonRandom() rejects what CPython rejects", () => {
  assertThrows(() => pythonRandom(1.5), RangeError, "safe integer");
  assertThrows(() => pythonRandom(2 ** 60), RangeError, "safe integer");
  const rng = pythonRandom(0);
  assertThrows(() => rng.sample(5, 6), RangeError, "k must be an integer in [0, 5]");
  assertThrows(() => rng.sample([1, 2], -1), RangeError, "got -1");
  assertThrows(() => rng.randrange(0), RangeError, "empty range");
  assertThrows(() => rng.randrange(5, 5), RangeError, "empty range");
  assertThrows(() => rng.randrange(0, 10, 0), RangeError, "step must not be 0");
  assertThrows(() => rng.randbelow(0), RangeError, "n must be an integer in [1, 2^53]");
  assertThrows(() => rng.getrandbits(-1), RangeError, "non-negative");
  assertThrows(() => rng.choices([1, 2], 3, [1]), RangeError, "1 weights for a population of 2");
  assertThrows(() => rng.choices([1, 2], 3, [0, 0]), RangeError, "positive and finite");
  assertThrows(() => rng.choices([], 3), RangeError, "empty population");
});

Deno.test("pythonRandom().choices() redraws the streams of River's docstring examples", () => {
  const real = pythonRandom(12345);
  assertEquals(
    [...real.choices([0, 1], 1000), ...real.choices([4, 5, 6, 7], 1000)],
    golden.streams.real_12345,
  );
  const binary = pythonRandom(42);
  assertEquals(
    [...binary.choices([0, 1], 1000), ...binary.choices([0, 1], 1000, [0.3, 0.7])],
    golden.streams.binary_42,
  );
});
