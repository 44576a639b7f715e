import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { meanAbsoluteError } from "../../lib/metrics/mean_absolute_error.ts";
import { rootMeanSquaredError } from "../../lib/metrics/root_mean_squared_error.ts";
import { meanAbsolutePercentageError } from "../../lib/metrics/mean_absolute_percentage_error.ts";
import { r2Score } from "../../lib/metrics/r2_score.ts";
import { GOLDEN } from "./_golden.ts";

Deno.test("regression metrics equal sklearn (MAE, RMSE, MAPE with eps, R² with constant y)", () => {
  assertEquals(GOLDEN.regression.length, 4);
  for (const c of GOLDEN.regression) {
    assertRelativeEquals(meanAbsoluteError(c.y, c.y_pred).value, c.mae, 1e-9, c.name);
    assertRelativeEquals(rootMeanSquaredError(c.y, c.y_pred).value, c.rmse, 1e-9, c.name);
    assertRelativeEquals(meanAbsolutePercentageError(c.y, c.y_pred).value, c.mape, 1e-9, c.name);
    assertRelativeEquals(r2Score(c.y, c.y_pred).value, c.r2, 1e-9, c.name);
  }
});

Deno.test("r2Score() of a constant target is 1 when exact, 0 otherwise, and flags it", () => {
  assertEquals(r2Score([3, 3, 3], [3, 3, 3]).value, 1);
  const off = r2Score([3, 3, 3], [3, 4, 3]);
  assertEquals([off.value, off.details.constantYTrue], [0, true]);
  assertEquals(r2Score([1], [1]).status, "error");
});

Deno.test("regression metrics reject NaN and mismatched lengths; empty input is an error result", () => {
  assertThrows(() => meanAbsoluteError([1, NaN], [1, 2]), RangeError, "yTrue[1] is NaN");
  assertThrows(() => rootMeanSquaredError([1, 2], [1]), TypeError);
  const r = meanAbsolutePercentageError([], []);
  assert(r.status === "error" && Number.isNaN(r.value));
});
