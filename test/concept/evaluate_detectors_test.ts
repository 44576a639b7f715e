import {
  type ChangeStream,
  errorStreams,
  evaluateDetectors,
} from "../../lib/concept/evaluate_detectors.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";

Deno.test("evaluateDetectors() reproduces the table in its JSDoc on errorStreams()'s defaults", async () => {
  const doc = await Deno.readTextFile(
    new URL("../../lib/concept/evaluate_detectors.ts", import.meta.url),
  );
  const rows = evaluateDetectors(errorStreams());
  for (const r of rows) {
    const line = ` * | ${r.method.padEnd(12)} | ${r.meanDelay.toFixed(1).padEnd(10)} | ${
      String(r.medianDelay).padEnd(12)
    } | ${r.falseAlarmsPer10k.toFixed(2).padEnd(18)} | ${`${r.missed} / ${r.changes}`.padEnd(7)} |`;
    assert(doc.includes(line), `JSDoc lacks the line:\n${line}`);
    assertEquals(r.detected + r.missed, r.changes);
    assertEquals(r.points, 200000);
  }
});

Deno.test("evaluateDetectors() counts delays, extra drifts as false alarms, and misses", () => {
  // a fake stream scored by hand: one change at 100; ddm fires once on the constant-1 tail
  const stream: ChangeStream = {
    values: [...Array(100).fill(0), ...Array(400).fill(1)],
    changePoints: [100],
  };
  const [row] = evaluateDetectors([stream], { methods: ["page_hinkley"] });
  assertEquals(row!.detected, 1);
  assert(row!.meanDelay > 0 && row!.meanDelay < 100, `${row!.meanDelay}`);
  // with a 1-point window the same drift is too late: a miss and a false alarm
  const [late] = evaluateDetectors([stream], { methods: ["page_hinkley"], maxDelay: 1 });
  assertEquals([late!.detected, late!.missed, late!.falseAlarms], [0, 1, 1]);
  assertAlmostEquals(late!.falseAlarmsPer10k, 10000 / 500, 1e-9);
  assert(Number.isNaN(late!.meanDelay) && Number.isNaN(late!.medianDelay));
});

Deno.test("evaluateDetectors() on streams without change counts only false alarms", () => {
  const quiet = errorStreams({ n: 5000, changePoints: [], rates: [0.2], runs: 5, seed: 3 });
  for (const r of evaluateDetectors(quiet)) {
    assertEquals([r.changes, r.detected, r.missed], [0, 0, 0]);
    assert(Number.isNaN(r.missedRate));
    assertAlmostEquals(r.falseAlarmsPer10k, (r.falseAlarms / 25000) * 10000, 1e-9);
  }
});

Deno.test("errorStreams() draws the requested rates and rejects bad layouts", () => {
  const [s] = errorStreams({ n: 20000, changePoints: [10000], rates: [0.1, 0.4], runs: 1 });
  const mean = (a: number, b: number) => {
    let sum = 0;
    for (let i = a; i < b; i++) sum += s!.values[i]!;
    return sum / (b - a);
  };
  assertAlmostEquals(mean(0, 10000), 0.1, 0.01);
  assertAlmostEquals(mean(10000, 20000), 0.4, 0.015);
  assertThrows(() => errorStreams({ changePoints: [0] }), RangeError, "change point 0");
  assertThrows(() => errorStreams({ rates: [0.1] }), RangeError, "need 2 rates");
  assertThrows(() => evaluateDetectors([], { maxDelay: 0 }), RangeError, "maxDelay");
});
