import { detect, eddm } from "../../lib/concept/mod.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { firstWarnings, riverExample } from "./_river.ts";

Deno.test("eddm() warns and fires at River's docstring indices (1059, 1278)", () => {
  const ex = riverExample("eddm");
  const found = detect(eddm(ex.options), ex.stream);
  assertEquals(found.drifts, ex.drifts);
  assertEquals(firstWarnings(found), ex.firstWarnings);
});

Deno.test("eddm() only looks at errors: correct predictions change nothing", () => {
  const d = eddm();
  assertEquals(detect(d, Array(5000).fill(0)), { warnings: [], drifts: [] });
});

Deno.test("eddm() needs more than warmStart errors before it can warn or fire", () => {
  // 20 errors 50 apart, then 80 errors 2 apart: 100 errors in all
  const stream: number[] = [];
  for (let e = 0; e < 100; e++) stream.push(...Array(e < 20 ? 49 : 1).fill(0), 1);
  const found = detect(eddm(), stream);
  assert(found.drifts.length === 1 && found.drifts[0]! > 1000, `${found.drifts}`);
  assert(found.warnings.length > 0 && found.warnings[0]! < found.drifts[0]!);
  assertEquals(detect(eddm({ warmStart: 100 }), stream), { warnings: [], drifts: [] });
  // with warmStart 99 only the 100th error (the last value) may fire
  assertEquals(detect(eddm({ warmStart: 99 }), stream).drifts, [stream.length - 1]);
});

Deno.test("eddm() rejects alpha < beta as River does, and values other than 0/1", () => {
  assertThrows(() => eddm({ alpha: 0.8, beta: 0.9 }), RangeError, "alpha must be in [beta, 1]");
  assertThrows(() => eddm({ beta: 0 }), RangeError, "beta must be in (0, 1]");
  assertThrows(() => eddm().update(-1), RangeError, "Cannot update EDDM");
});
