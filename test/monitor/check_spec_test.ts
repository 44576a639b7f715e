import { checkName, isRelativeCheck, validateCheck } from "../../lib/monitor/check_spec.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("validateCheck() rejects malformed checks", () => {
  assertThrows(() => validateCheck({ metric: "", op: ">=", value: 1 }), TypeError, "metric");
  assertThrows(
    () => validateCheck({ metric: "a", op: "=>" as ">=", value: 1 }),
    RangeError,
    "unknown operator",
  );
  assertThrows(() => validateCheck({ metric: "a", op: ">=", value: NaN }), RangeError, "value");
  assertThrows(
    () => validateCheck({ metric: "a", op: "<=", value: 1, warn: 2 }),
    RangeError,
    "failing side",
  );
  assertThrows(
    () => validateCheck({ metric: "a", relativeTo: "baseline" }),
    TypeError,
    "exactly one of maxDrop",
  );
  assertThrows(
    () => validateCheck({ metric: "a", relativeTo: "baseline", maxDrop: 0.1, maxRise: 0.1 }),
    TypeError,
  );
  assertThrows(
    () => validateCheck({ metric: "a", relativeTo: "baseline", maxDrop: -0.1 }),
    RangeError,
    "non-negative",
  );
  assertThrows(
    () => validateCheck({ metric: "a", relativeTo: "baseline", maxDrop: 0.1, warnDrop: 0.2 }),
    RangeError,
    "warnDrop 0.2 exceeds maxDrop 0.1",
  );
  assertThrows(
    () => validateCheck({ metric: "a", relativeTo: "baseline", maxDrop: 0.1, warnRise: 0.05 }),
    TypeError,
    "warnRise does not go with maxDrop",
  );
});

Deno.test("checkName() prefers the given name and otherwise derives one", () => {
  assertEquals(checkName({ name: "floor", metric: "accuracy", op: ">=", value: 0.9 }), "floor");
  assertEquals(checkName({ metric: "accuracy", op: ">=", value: 0.9 }), "accuracy");
  assertEquals(
    checkName({ metric: "f1", labels: { class: "a" }, relativeTo: "baseline", maxDrop: 0 }),
    "f1_a_vs_baseline",
  );
});

Deno.test("isRelativeCheck() tells relative checks from absolute ones", () => {
  assert(isRelativeCheck({ metric: "a", relativeTo: "baseline", maxRise: 0 }));
  assert(!isRelativeCheck({ metric: "a", op: "<", value: 1 }));
});
