import { validateWindowChecks } from "../../lib/monitor/window_checks.ts";
import { buildProfile, type ReferenceProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { assertEquals, assertThrows } from "../_assert.ts";

const PROFILE = buildProfile(
  tableFromColumns({ x: [1, 2, 3], y: [4, 5, 6], c: ["a", "b", "a"] }),
  { createdAt: new Date(0) },
);

Deno.test("validateWindowChecks() declares the checked columns in profile order", () => {
  assertEquals(validateWindowChecks(PROFILE, {}, {}), ["x", "y", "c"]);
  assertEquals(validateWindowChecks(PROFILE, { columns: ["c"] }, { columns: ["x"] }), ["x", "c"]);
  assertEquals(validateWindowChecks(PROFILE, false, false), []);
});

Deno.test("validateWindowChecks() rejects columns, methods and options that do not fit", () => {
  const bad: [Parameters<typeof validateWindowChecks>, ErrorConstructor, string][] = [
    [[PROFILE, { columns: ["z"] }, false], TypeError, 'drift column "z" is not in'],
    [[PROFILE, false, { columns: ["z"] }], TypeError, 'quality column "z"'],
    [[PROFILE, { columns: ["x"], methods: { y: "ks" } }, false], TypeError, "not compared"],
    [[PROFILE, { methods: { x: "t_test" as "ks" } }, false], TypeError, '"t_test"'],
    [[PROFILE, { methods: { c: "wasserstein" } }, false], TypeError, "categorical column"],
    [[PROFILE, { driftShare: 1.5 }, false], RangeError, "driftShare"],
    [[PROFILE, { correction: "holm" as "none" }, false], TypeError, '"holm"'],
    [[PROFILE, { thresholds: { ks: NaN } }, false], RangeError, '"ks"'],
    [[{ version: 2 } as unknown as ReferenceProfile, {}, {}], TypeError, "version 1"],
  ];
  for (const [args, Type, message] of bad) {
    assertThrows(() => validateWindowChecks(...args), Type, message);
  }
});
