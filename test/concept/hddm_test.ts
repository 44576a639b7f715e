import { detect, hddmA, hddmW } from "../../lib/concept/mod.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { firstWarnings, riverExample } from "./_river.ts";

Deno.test("hddmA() warns and fires at River's docstring indices (451, 1206)", () => {
  const ex = riverExample("hddm_a");
  const found = detect(hddmA(ex.options), ex.stream);
  assertEquals(found.drifts, ex.drifts);
  assertEquals(firstWarnings(found), ex.firstWarnings);
});

Deno.test("hddmW() warns and fires at River's docstring indices (451, 1077)", () => {
  const ex = riverExample("hddm_w");
  const found = detect(hddmW(ex.options), ex.stream);
  assertEquals(found.drifts, ex.drifts);
  assertEquals(firstWarnings(found), ex.firstWarnings);
});

const falling = Array.from({ length: 2000 }, (_, i) => Number(i % (i < 1000 ? 2 : 20) === 0));

Deno.test("HDDM detectors see a falling error rate only with the two-sided test", () => {
  for (const make of [hddmA, hddmW]) {
    assertEquals(detect(make(), falling).drifts, [], make.name);
    const two = detect(make({ twoSidedTest: true }), falling).drifts;
    assert(two.length > 0 && two[0]! >= 1000, `${make.name}: ${two}`);
  }
});

Deno.test("the two-sided HDDM tests still find increases where the one-sided ones do", () => {
  const ex = riverExample("hddm_a");
  for (const make of [hddmA, hddmW]) {
    const one = detect(make(), ex.stream).drifts[0]!;
    const two = detect(make({ twoSidedTest: true }), ex.stream).drifts;
    assert(two.some((i) => i <= one), `${make.name}: ${two} vs ${one}`);
  }
});

Deno.test("HDDM detectors are silent on a constant stream and reject bad options", () => {
  for (const make of [hddmA, hddmW]) {
    assertEquals(detect(make(), Array(5000).fill(1)).drifts, []);
    assertThrows(
      () => make({ driftConfidence: 0 }),
      RangeError,
      "driftConfidence must be in (0, 1)",
    );
    assertThrows(() => make({ warningConfidence: 1 }), RangeError, "warningConfidence");
    assertThrows(() => make().update(0.5), RangeError, "value must be 0 or 1");
  }
  assertThrows(() => hddmW({ lambda: 0 }), RangeError, "lambda must be in (0, 1)");
});
