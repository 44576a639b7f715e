import { detect, pageHinkley } from "../../lib/concept/mod.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { riverExample } from "./_river.ts";

Deno.test("pageHinkley() fires at River's docstring index (1006)", () => {
  const ex = riverExample("page_hinkley");
  assertEquals(detect(pageHinkley(ex.options), ex.stream), { warnings: [], drifts: ex.drifts });
  assertEquals(detect(pageHinkley({ mode: "up" }), ex.stream).drifts, ex.drifts);
});

Deno.test("pageHinkley() mode picks the direction it watches", () => {
  const rising = [...Array(300).fill(0), ...Array(300).fill(5)];
  const falling = rising.map((x) => 5 - x);
  const up = detect(pageHinkley({ mode: "up" }), rising).drifts;
  assert(up.length > 0 && up[0]! >= 300);
  assertEquals(detect(pageHinkley({ mode: "down" }), rising).drifts, []);
  assertEquals(detect(pageHinkley({ mode: "up" }), falling).drifts, []);
  const down = detect(pageHinkley({ mode: "down" }), falling).drifts;
  assertEquals(detect(pageHinkley(), falling).drifts, down);
  assert(down.length > 0 && down[0]! >= 300);
});

Deno.test("pageHinkley() waits for minInstances values", () => {
  const jump = [...Array(5).fill(0), ...Array(50).fill(1000)];
  const drifts = detect(pageHinkley({ minInstances: 40 }), jump).drifts;
  assertEquals(drifts[0], 39);
});

Deno.test("pageHinkley() rejects unknown modes and bad options", () => {
  // @ts-expect-error: not a mode
  assertThrows(() => pageHinkley({ mode: "sideways" }), RangeError, `got "sideways"`);
  assertThrows(() => pageHinkley({ alpha: 0 }), RangeError, "alpha must be in (0, 1]");
  assertThrows(() => pageHinkley({ threshold: -1 }), RangeError, "threshold must be positive");
  assertThrows(() => pageHinkley().update(NaN), RangeError, "Cannot update Page-Hinkley");
});
