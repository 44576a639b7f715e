import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { normalRandom, permutation, seededRandom } from "../../lib/stats/random.ts";

/** Number of draws of the distribution checks. */
const N = 100_000;
/** Distribution checks allow 5 standard errors: a false failure has probability < 1e-6. */
const Z = 5;

function draw(next: () => number, n: number): Float64Array {
  return Float64Array.from({ length: n }, next);
}

Deno.test("seededRandom() is reproducible: the same seed gives the same sequence", () => {
  assertEquals([...draw(seededRandom(42), 1000)], [...draw(seededRandom(42), 1000)]);
  // The seed is truncated to an unsigned 32-bit integer.
  assertEquals([...draw(seededRandom(2 ** 32 + 5), 10)], [...draw(seededRandom(5), 10)]);
});

Deno.test("seededRandom() draws lie in [0, 1) with mean 1/2 and variance 1/12", () => {
  const x = draw(seededRandom(7), N);
  let sum = 0;
  for (const v of x) {
    assert(v >= 0 && v < 1, `draw ${v} outside [0, 1)`);
    sum += v;
  }
  const mean = sum / N;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  // Standard errors of the mean (σ/√n, σ² = 1/12) and of the variance (√((μ₄ − σ⁴)/n), μ₄ = 1/80).
  assertAlmostEquals(mean, 0.5, Z * Math.sqrt(1 / 12 / N), "mean");
  assertAlmostEquals(ss / (N - 1), 1 / 12, Z * Math.sqrt((1 / 80 - 1 / 144) / N), "variance");
});

Deno.test("seededRandom() sequences of different seeds differ", () => {
  const a = draw(seededRandom(1), 100), b = draw(seededRandom(2), 100);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  assertEquals(same, 0);
});

Deno.test("seededRandom() rejects a seed that is not a finite number with a TypeError", () => {
  assertThrows(() => seededRandom(NaN), TypeError, "seed");
  assertThrows(() => seededRandom(Infinity), TypeError, "seed");
  assertThrows(() => seededRandom("1" as unknown as number), TypeError, "seed");
});

Deno.test("normalRandom() has mean 0, sd 1 and 68.27% of draws within one sd over 1e5 draws", () => {
  const z = draw(normalRandom(seededRandom(3)), N);
  let sum = 0, inside = 0;
  for (const v of z) {
    assert(Number.isFinite(v));
    sum += v;
    if (Math.abs(v) <= 1) inside++;
  }
  const mean = sum / N;
  let ss = 0;
  for (const v of z) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (N - 1));
  // Standard errors: mean 1/√n; sd ≈ 1/√(2n) for a normal sample; a proportion √(p(1−p)/n).
  assertAlmostEquals(mean, 0, Z / Math.sqrt(N), "mean");
  assertAlmostEquals(sd, 1, Z / Math.sqrt(2 * N), "sd");
  const p = 0.6826894921370859; // P(|Z| ≤ 1) = erf(1/√2)
  assertAlmostEquals(inside / N, p, Z * Math.sqrt((p * (1 - p)) / N), "share within 1 sd");
});

Deno.test("normalRandom() is reproducible from a seeded source and skips u = 0", () => {
  assertEquals(
    [...draw(normalRandom(seededRandom(9)), 101)],
    [...draw(normalRandom(seededRandom(9)), 101)],
  );
  // A source that starts with 0 must not produce log(0) = -Infinity.
  const values = [0, 0.5, 0.25];
  let i = 0;
  const z = normalRandom(() => values[i++ % values.length]!);
  const first = z(), second = z();
  assertAlmostEquals(first, Math.sqrt(-2 * Math.log(0.5)) * Math.cos(2 * Math.PI * 0.25), 1e-15);
  assertAlmostEquals(second, Math.sqrt(-2 * Math.log(0.5)) * Math.sin(2 * Math.PI * 0.25), 1e-15);
});

Deno.test("permutation() returns each of 0..n-1 exactly once and leaves n = 0 and 1 trivial", () => {
  for (const n of [2, 10, 1000]) {
    const p = permutation(n, seededRandom(n));
    assert(p instanceof Uint32Array);
    assertEquals([...p].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i));
  }
  assertEquals([...permutation(0, seededRandom(1))], []);
  assertEquals([...permutation(1, seededRandom(1))], [0]);
});

Deno.test("permutation() is deterministic for a seed and differs between seeds", () => {
  assertEquals([...permutation(50, seededRandom(11))], [...permutation(50, seededRandom(11))]);
  assert(
    permutation(50, seededRandom(11)).join() !== permutation(50, seededRandom(12)).join(),
    "seeds 11 and 12 gave the same order",
  );
});

Deno.test("permutation() draws the 6 orders of 3 items equally often", () => {
  const trials = 24_000, random = seededRandom(5);
  const counts = new Map<string, number>();
  for (let t = 0; t < trials; t++) {
    const key = permutation(3, random).join();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assertEquals(counts.size, 6);
  const p = 1 / 6;
  for (const [key, count] of counts) {
    assertAlmostEquals(count, trials * p, Z * Math.sqrt(trials * p * (1 - p)), key);
  }
});

Deno.test("permutation() rejects n that is not a non-negative integer with a RangeError", () => {
  const random = seededRandom(1);
  for (const n of [-1, 1.5, NaN, Infinity]) {
    assertThrows(() => permutation(n, random), RangeError, "non-negative integer");
  }
  assertThrows(() => permutation("3" as unknown as number, random), RangeError);
});
