import { assert, assertEquals, assertRelativeEquals } from "../_assert.ts";
import { zTest } from "../../lib/drift/z_test.ts";
import { GOLDEN } from "./_distances_golden.ts";

Deno.test("zTest() equals the pooled two-proportion formula with 2 * scipy.stats.norm.sf(|z|)", () => {
  let n = 0;
  for (const c of GOLDEN.categorical) {
    if (c.zTest === undefined) continue;
    n++;
    const r = zTest(c.reference, c.current);
    assertEquals([r.method, r.status, r.operator], ["z_test", "ok", "<"]);
    assertRelativeEquals(r.statistic, c.zTest.statistic, 1e-9, c.name);
    assertRelativeEquals(r.pValue!, c.zTest.pValue, 1e-9, c.name);
    assertEquals(r.details?.positiveCategory, c.categories[1]);
  }
  assert(n >= 2);
});

Deno.test("zTest() treats 0/1 numbers and booleans as two categories", () => {
  const a = zTest([0, 1, 1, 0, 0], [1, 1, 1, 0]);
  const b = zTest([false, true, true, false, false], [true, true, true, false]);
  assertEquals(a.statistic, b.statistic);
  assertEquals(b.details?.positiveCategory, "true");
  assert(a.statistic > 0 && a.pValue! > 0 && a.pValue! <= 1);
});

Deno.test("zTest() gives z = 0, p = 1 for one shared category and an error for three categories", () => {
  const same = zTest(["a", "a"], ["a"]);
  assertEquals([same.statistic, same.pValue, same.detected], [0, 1, false]);
  const three = zTest(["a", "b"], ["c"], { column: "k" });
  assertEquals(three.status, "error");
  assertEquals(
    three.reason,
    'Cannot compute Z-test: column "k" has 3 categories, at most 2 allowed',
  );
  assertEquals(zTest([NaN], [1]).status, "error");
});

Deno.test("zTest() is antisymmetric in its statistic and symmetric in its p-value", () => {
  const ab = zTest(["x", "y", "y"], ["x", "x", "x", "y"]);
  const ba = zTest(["x", "x", "x", "y"], ["x", "y", "y"]);
  assertRelativeEquals(ab.statistic, -ba.statistic, 1e-15);
  assertRelativeEquals(ab.pValue!, ba.pValue!, 1e-15);
});
