import { fitIsotonic } from "../../lib/stats/isotonic.ts";
import { assert, assertAlmostEquals, assertThrows } from "../_assert.ts";

interface IsoCase {
  name: string;
  x: number[];
  y: number[];
  weights: number[] | null;
  fitted: number[];
  at: number[];
  predicted: number[];
}
const golden = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/cbpe.json", import.meta.url)),
) as { isotonic: IsoCase[] };

for (const c of golden.isotonic) {
  Deno.test(`fitIsotonic() matches scikit-learn's IsotonicRegression(clip): ${c.name}`, () => {
    const fit = fitIsotonic(c.x, c.y, c.weights === null ? {} : { weights: c.weights });
    c.x.forEach((x, i) => assertAlmostEquals(fit.predict(x), c.fitted[i]!, 1e-12, `fitted ${i}`));
    c.at.forEach((t, i) => assertAlmostEquals(fit.predict(t), c.predicted[i]!, 1e-12, `at ${t}`));
    for (let i = 1; i < fit.y.length; i++) assert(fit.y[i]! >= fit.y[i - 1]!, "non-decreasing");
  });
}

Deno.test("fitIsotonic() keeps an increasing input as is and refuses bad input", () => {
  const fit = fitIsotonic([3, 1, 2], [30, 10, 20]);
  assert(Array.from(fit.y).join() === "10,20,30");
  assert(Number.isNaN(fit.predict(NaN)));
  assert(fitIsotonic([5], [2]).predict(100) === 2, "one point: a constant");
  assertThrows(() => fitIsotonic([1, 2], [1]), RangeError, "x has 2 values but y has 1");
  assertThrows(() => fitIsotonic([], []), RangeError, "no points");
  assertThrows(() => fitIsotonic([1, NaN], [1, 2]), RangeError, "point 1");
  assertThrows(() => fitIsotonic([1, 2], [1, 2], { weights: [1, -1] }), RangeError, "weight 1");
  assertThrows(() => fitIsotonic([1, 2], [1, 2], { weights: [0, 0] }), RangeError, "sum to 0");
});
