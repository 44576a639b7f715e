import { assertEquals } from "../_assert.ts";
import { compare } from "../../lib/stats/compare.ts";
import { nextUp } from "../../lib/stats/histogram.ts";
import type { Operator } from "../../lib/types.ts";

const THRESHOLD = 0.05;
const BELOW = 0.049, ABOVE = 0.051;

Deno.test("compare() with < holds strictly below the threshold only", () => {
  assertEquals(
    [
      compare(BELOW, "<", THRESHOLD),
      compare(THRESHOLD, "<", THRESHOLD),
      compare(ABOVE, "<", THRESHOLD),
    ],
    [true, false, false],
  );
});

Deno.test("compare() with <= holds below and at the threshold", () => {
  assertEquals(
    [
      compare(BELOW, "<=", THRESHOLD),
      compare(THRESHOLD, "<=", THRESHOLD),
      compare(ABOVE, "<=", THRESHOLD),
    ],
    [true, true, false],
  );
});

Deno.test("compare() with > holds strictly above the threshold only", () => {
  assertEquals(
    [
      compare(BELOW, ">", THRESHOLD),
      compare(THRESHOLD, ">", THRESHOLD),
      compare(ABOVE, ">", THRESHOLD),
    ],
    [false, false, true],
  );
});

Deno.test("compare() with >= holds at and above the threshold", () => {
  assertEquals(
    [
      compare(BELOW, ">=", THRESHOLD),
      compare(THRESHOLD, ">=", THRESHOLD),
      compare(ABOVE, ">=", THRESHOLD),
    ],
    [false, true, true],
  );
});

Deno.test("compare() separates the threshold from the next representable double", () => {
  const up = nextUp(THRESHOLD);
  assertEquals([compare(up, ">", THRESHOLD), compare(up, "<=", THRESHOLD)], [true, false]);
});

Deno.test("compare() never holds when the value or the threshold is NaN", () => {
  for (const operator of ["<", "<=", ">", ">="] as const satisfies readonly Operator[]) {
    assertEquals(
      [compare(NaN, operator, 0), compare(0, operator, NaN), compare(NaN, operator, NaN)],
      [false, false, false],
      operator,
    );
  }
});

Deno.test("compare() orders infinities like numbers", () => {
  assertEquals(
    [
      compare(Infinity, ">=", 1e308),
      compare(-Infinity, "<", -1e308),
      compare(Infinity, "<=", Infinity),
    ],
    [true, true, true],
  );
});
