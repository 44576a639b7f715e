import { detect, kswin } from "../../lib/concept/mod.ts";
import { kolmogorovSmirnov } from "../../lib/drift/mod.ts";
import { pythonRandom, seededRandom } from "../../lib/stats/mod.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { riverExample } from "./_river.ts";

Deno.test("kswin() fires at River's docstring index (1016) with seed 42", () => {
  const ex = riverExample("kswin");
  assertEquals(detect(kswin(ex.options), ex.stream), { warnings: [], drifts: ex.drifts });
});

Deno.test("kswin() re-seeds after a drift: a reset detector repeats a fresh one", () => {
  const ex = riverExample("kswin");
  const d = kswin(ex.options);
  const first = detect(d, ex.stream).drifts[0]!;
  const rest = ex.stream.slice(first + 1);
  // d resets at its next update, so it now behaves as a new detector with the same seed
  assertEquals(detect(d, rest), detect(kswin(ex.options), rest));
});

Deno.test("kswin() depends on the seed, and takes an injected uniform source", () => {
  const ex = riverExample("kswin");
  const bySeed = [1, 2, 3].map((seed) => detect(kswin({ ...ex.options, seed }), ex.stream).drifts);
  for (const drifts of bySeed) assert(drifts.length > 0 && drifts[0]! >= 1000, `${drifts}`);
  const injected = detect(kswin({ ...ex.options, random: seededRandom(9) }), ex.stream).drifts;
  assert(injected.length > 0 && injected[0]! >= 1000, `${injected}`);
  const bigSeed = detect(kswin({ ...ex.options, seed: 2n ** 40n + 7n }), ex.stream).drifts;
  assertEquals(bigSeed, detect(kswin({ ...ex.options, seed: 2 ** 40 + 7 }), ex.stream).drifts);
});

Deno.test("kswin() starts testing once the window is full, or at once with an initial window", () => {
  const rng = pythonRandom(3);
  const old = Array.from({ length: 100 }, () => rng.random());
  const shifted = Array.from({ length: 40 }, () => 10 + rng.random());
  const cold = detect(kswin(), shifted).drifts;
  assertEquals(cold, []);
  const warm = detect(kswin({ window: old }), shifted).drifts;
  assert(warm.length > 0 && warm[0]! < 30, `${warm}`);
});

Deno.test("kswin() rejects sizes Python's sample would reject and bad values", () => {
  assertThrows(() => kswin({ windowSize: 50, statSize: 30 }), RangeError, "[1, 25]");
  assertThrows(() => kswin({ alpha: 2 }), RangeError, "alpha must be in [0, 1]");
  assertThrows(() => kswin({ seed: 0.5 }), RangeError, "safe integer");
  assertThrows(() => kswin().update(NaN), RangeError, "Cannot update KSWIN");
});

/** KSWIN spelled out with lib/drift's scipy-equal KS test, River's loop line by line. */
function kswinByHand(stream: number[], alpha: number, seed: number): number[] {
  const windowSize = 100, statSize = 30, drifts: number[] = [];
  let window: number[] = [], rng = pythonRandom(seed), drift = false;
  stream.forEach((x, i) => {
    if (drift) [window, rng, drift] = [[], pythonRandom(seed), false];
    window.push(x);
    if (window.length > windowSize) window.shift();
    if (window.length < windowSize) return;
    const reference = rng.sample(windowSize - statSize, statSize).map((r) => window[r]!);
    const recent = window.slice(windowSize - statSize);
    const r = kolmogorovSmirnov(reference, recent, { method: "auto" });
    drift = r.pValue! <= alpha && r.statistic! > 0.1;
    if (drift) drifts.push(i);
  });
  return drifts;
}

Deno.test("kswin() decides as River's loop with scipy's ks_2samp would, ties included", () => {
  const rng = pythonRandom(11);
  const streams = [
    riverExample("kswin").stream,
    Array.from({ length: 3000 }, (_, i) => rng.randrange(5) + (i > 1500 ? 1 : 0)),
    Array.from({ length: 3000 }, (_, i) => rng.random() * (i > 2000 ? 1.5 : 1)),
  ];
  for (const [k, stream] of streams.entries()) {
    for (const alpha of [0.005, 0.0001]) {
      const found = detect(kswin({ alpha, seed: 7 }), stream).drifts;
      assertEquals(found, kswinByHand(stream, alpha, 7), `stream ${k}, alpha ${alpha}`);
      if (k > 0) assert(found.length > 0, `stream ${k} should drift`);
    }
  }
});
