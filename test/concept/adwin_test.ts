import { adwin, detect } from "../../lib/concept/mod.ts";
import { pythonRandom } from "../../lib/stats/mod.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { riverExample } from "./_river.ts";

Deno.test("adwin() fires at River's docstring index (1023)", () => {
  const ex = riverExample("adwin");
  assertEquals(detect(adwin(ex.options), ex.stream), { warnings: [], drifts: ex.drifts });
});

Deno.test("adwin() only tests every `clock` values and after the grace period", () => {
  const stream = [...Array(100).fill(0), ...Array(100).fill(10)];
  for (const clock of [1, 7, 32]) {
    const drifts = detect(adwin({ clock }), stream).drifts;
    assert(drifts.length > 0, `clock ${clock}`);
    // ticks restart after each reset, so the first detection is on a multiple of the clock
    assertEquals((drifts[0]! + 1) % clock, 0, `clock ${clock}: ${drifts}`);
  }
  assertEquals(detect(adwin({ clock: 1, gracePeriod: 1000 }), stream).drifts, []);
});

Deno.test("adwin() stays quiet on a long stationary stream (δ = 0.002)", () => {
  const rng = pythonRandom(5);
  const stream = Array.from({ length: 200000 }, () => rng.random());
  assertEquals(detect(adwin(), stream).drifts, []);
});

Deno.test("adwin() finds a shift after a million values (bucket rows grow to log W)", () => {
  const rng = pythonRandom(6);
  const d = adwin();
  for (let i = 0; i < 1_000_000; i++) assert(!d.update(rng.random()).drift);
  let at = -1;
  for (let i = 0; i < 5000 && at < 0; i++) if (d.update(rng.random() + 0.5).drift) at = i;
  assert(at >= 0 && at < 1000, `detected ${at} values after the shift`);
});

Deno.test("adwin() rejects non-finite values and bad options", () => {
  assertThrows(() => adwin().update(Infinity), RangeError, "finite number, got Infinity");
  assertThrows(() => adwin({ delta: 1 }), RangeError, "delta must be in (0, 1)");
  assertThrows(() => adwin({ clock: 0 }), RangeError, "clock must be an integer ≥ 1");
  assertThrows(() => adwin({ maxBuckets: 1.5 }), RangeError, "maxBuckets");
});
