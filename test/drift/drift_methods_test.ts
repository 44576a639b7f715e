import { assert, assertEquals } from "../_assert.ts";
import {
  DEFAULT_DRIFT_THRESHOLDS,
  DRIFT_METHOD_INFO,
  DRIFT_METHODS,
  isDriftMethod,
} from "../../lib/drift/drift_methods.ts";
import { columnDrift } from "../../lib/drift/column_drift.ts";

Deno.test("every drift method has a default threshold and metadata, and nothing else does", () => {
  assertEquals(Object.keys(DEFAULT_DRIFT_THRESHOLDS).sort(), [...DRIFT_METHODS].sort());
  assertEquals(Object.keys(DRIFT_METHOD_INFO).sort(), [...DRIFT_METHODS].sort());
  assertEquals(new Set(DRIFT_METHODS).size, DRIFT_METHODS.length);
  for (const m of DRIFT_METHODS) {
    const info = DRIFT_METHOD_INFO[m];
    assert(isDriftMethod(m));
    assertEquals(info.operator, info.output === "p_value" ? "<" : ">=", m);
    assertEquals(DEFAULT_DRIFT_THRESHOLDS[m], info.output === "p_value" ? 0.05 : 0.1, m);
    const minimums = [info.minRows, info.minRowsPerBin, info.minExpectedCount];
    assertEquals(minimums.filter((v) => v !== undefined).length, 1, `${m} has one minimum`);
  }
  assert(!isDriftMethod("toString") && !isDriftMethod(undefined));
});

Deno.test("the metadata agrees with what each method returns", () => {
  const reference = Array.from({ length: 80 }, (_, i) => (i * 37) % 23);
  const current = reference.map((x) => x + 3);
  const binaryRef = reference.map((x) => (x % 2 === 0 ? "a" : "b"));
  const binaryCur = current.map((x) => (x % 3 === 0 ? "a" : "b"));
  for (const method of DRIFT_METHODS) {
    const info = DRIFT_METHOD_INFO[method];
    const r = method === "z_test"
      ? columnDrift(binaryRef, binaryCur, { method })
      : columnDrift(reference, current, { method });
    assertEquals(r.status, "ok", method);
    assertEquals(r.method, method);
    assertEquals(r.operator, info.operator, method);
    assertEquals(r.threshold, DEFAULT_DRIFT_THRESHOLDS[method], method);
    assertEquals(r.pValue !== undefined, info.output === "p_value", `${method} p-value`);
  }
});
