import { ddm, detect } from "../../lib/concept/mod.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { firstWarnings, riverExample } from "./_river.ts";

Deno.test("ddm() warns and fires at River's docstring indices (1084, 1334, then 1492)", () => {
  const ex = riverExample("ddm");
  const found = detect(ddm(ex.options), ex.stream);
  assertEquals(found.drifts, ex.drifts);
  assertEquals(firstWarnings(found), ex.firstWarnings);
});

Deno.test("ddm() never fires during the warm start, whatever the errors", () => {
  const found = detect(ddm({ warmStart: 50 }), [...Array(50).fill(0), ...Array(50).fill(1)]);
  assert(found.drifts.every((i) => i >= 50) && found.warnings.every((i) => i >= 50));
  assertEquals(detect(ddm(), Array(30).fill(1)).drifts, []);
});

Deno.test("ddm() resets at the update after a drift: the drift flag lasts one update", () => {
  const d = ddm({ warmStart: 5 });
  const stream = [...Array(200).fill(0).map((_, i) => Number(i % 10 === 0)), ...Array(50).fill(1)];
  const found = detect(d, stream);
  assert(found.drifts.length >= 1);
  for (const i of found.drifts) assert(!found.drifts.includes(i + 1), `drift at ${i} and ${i + 1}`);
  // a fresh detector fed what follows a drift sees the same thing as the reset one
  const after = stream.slice(found.drifts[0]! + 1);
  const fresh = detect(ddm({ warmStart: 5 }), after);
  const again = detect(ddm({ warmStart: 5 }), stream);
  assertEquals(
    again.drifts.filter((i) => i > found.drifts[0]!).map((i) => i - found.drifts[0]! - 1),
    fresh.drifts,
  );
});

Deno.test("ddm() is silent on a stationary stream of correct predictions", () => {
  assertEquals(detect(ddm(), Array(10000).fill(0)), { warnings: [], drifts: [] });
});

Deno.test("ddm() accepts booleans, rejects other values and bad options", () => {
  const a = detect(ddm(), riverExample("ddm").stream.map((x) => x === 1));
  assertEquals(a.drifts, riverExample("ddm").drifts);
  assertThrows(() => ddm().update(2), RangeError, "value must be 0 or 1 (or a boolean), got 2");
  assertThrows(() => ddm().update(NaN), RangeError, "got NaN");
  assertThrows(() => ddm({ warmStart: -1 }), RangeError, "warmStart must be a non-negative");
  assertThrows(() => ddm({ warningThreshold: 4 }), RangeError, "driftThreshold must be");
});
