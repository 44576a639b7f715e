import { assertEquals } from "../_assert.ts";
import { driftError, driftResult, prepareSamples } from "../../lib/drift/_result.ts";
import { compare } from "../../lib/stats/compare.ts";

Deno.test("driftResult() compares the p-value when there is one, else the statistic", () => {
  const base = { method: "x", threshold: 0.05, operator: "<" as const, nReference: 3, nCurrent: 4 };
  assertEquals(driftResult({ ...base, statistic: 0.9, pValue: 0.01 }).detected, true);
  assertEquals(driftResult({ ...base, statistic: 0.01 }).detected, true);
  assertEquals(driftResult({ ...base, statistic: 0.05 }).detected, false);
  const r = driftResult({ ...base, statistic: 1, column: "a", details: { k: 1 } });
  assertEquals(JSON.parse(JSON.stringify(r)), {
    kind: "drift",
    method: "x",
    status: "ok",
    statistic: 1,
    threshold: 0.05,
    operator: "<",
    detected: false,
    nReference: 3,
    nCurrent: 4,
    column: "a",
    details: { k: 1 },
  });
});

Deno.test("driftError() has NaN statistic, detected false and the reason", () => {
  const e = driftError(
    { method: "psi", threshold: 0.1, operator: ">=", nReference: 0, nCurrent: 2 },
    "Cannot compute PSI: reference has no finite values",
  );
  assertEquals([e.status, e.statistic, e.detected, e.reason], [
    "error",
    NaN,
    false,
    "Cannot compute PSI: reference has no finite values",
  ]);
  assertEquals("pValue" in e, false);
});

Deno.test("compare() implements the four operators and is false for NaN", () => {
  assertEquals([compare(1, "<", 2), compare(2, "<=", 2), compare(3, ">", 2), compare(2, ">=", 2)], [
    true,
    true,
    true,
    true,
  ]);
  assertEquals([compare(NaN, "<", 1), compare(NaN, ">=", 1)], [false, false]);
});

Deno.test("prepareSamples() reports a side below minSize with counts", () => {
  const p = prepareSamples([1], [1, 2, 3], { method: "Test", column: "c", minSize: 2 });
  assertEquals(
    "reason" in p ? p.reason : "",
    'Cannot compute Test: reference column "c" has 1 finite value, at least 2 needed',
  );
});
