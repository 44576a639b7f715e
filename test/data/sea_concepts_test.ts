import { seaConcepts } from "../../lib/data/sea_concepts.ts";
import { staggerConcepts } from "../../lib/data/stagger_concepts.ts";
import { assertEquals, assertThrows } from "../_assert.ts";

interface SeaCase {
  n: number;
  variant: number;
  noise: number;
  seed: number;
  switch_at: number | null;
  variant_after: number | null;
  X: number[][];
  y: number[];
}
interface StaggerCase {
  n: number;
  function: number;
  seed: number;
  balance: boolean;
  X: number[][];
  y: number[];
}
const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/scenario.json", import.meta.url)),
) as { sea: SeaCase[]; stagger: StaggerCase[] };

Deno.test("seaConcepts() draws River's SEA rows and labels exactly (noise, variant switch)", () => {
  for (const c of golden.sea) {
    const at = c.switch_at;
    const out = seaConcepts(c.n, {
      variant: at === null ? c.variant : (i) => (i >= at ? c.variant_after! : c.variant),
      noise: c.noise,
      seed: c.seed,
    });
    assertEquals(out.X, c.X);
    assertEquals(out.y, c.y);
  }
});

Deno.test("seaConcepts() switching the variant changes labels, never inputs", () => {
  const before = seaConcepts(500, { seed: 3 });
  const after = seaConcepts(500, { seed: 3, variant: 3 });
  assertEquals(after.X, before.X);
  const changed = before.y.filter((v, i) => v !== after.y[i]).length;
  // x0 + x1 in (8, 9.5]: about 13 % of rows
  if (changed < 40 || changed > 95) throw new Error(`changed ${changed}`);
});

Deno.test("staggerConcepts() draws River's STAGGER rows exactly (numpy RandomState, balancing)", () => {
  for (const c of golden.stagger) {
    const out = staggerConcepts(c.n, {
      classificationFunction: c.function,
      seed: c.seed,
      balanceClasses: c.balance,
    });
    assertEquals(out.X, c.X);
    assertEquals(out.y, c.y);
  }
});

Deno.test("SEA and STAGGER reject bad sizes, variants and noise", () => {
  assertThrows(() => seaConcepts(-1), RangeError, "n must be");
  assertThrows(() => seaConcepts(3, { variant: 4 }), RangeError, "row 0 has variant 4");
  assertThrows(() => seaConcepts(3, { noise: 2 }), RangeError, "noise");
  assertThrows(() => staggerConcepts(3, { classificationFunction: 3 }), RangeError, "function 3");
  assertEquals(seaConcepts(0).X, []);
});
