import { compareRetraining } from "../../lib/concept/compare_retraining.ts";
import { seaConcepts } from "../../lib/data/sea_concepts.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

// SEA concepts, threshold 8 → 9.5 at row 8000 → 7 at row 14000, 5 % label noise
const stream = seaConcepts(20000, {
  variant: (i) => (i < 8000 ? 0 : i < 14000 ? 3 : 2),
  noise: 0.05,
  seed: 1,
});
const result = compareRetraining(stream);
const by = Object.fromEntries(result.policies.map((p) => [p.policy, p]));
const windowAcc = (policy: string, start: number) =>
  result.timeline.find((w) => w.policy === policy && w.start === start)!.accuracy;

Deno.test("compareRetraining(): never retraining falls after the change, the others recover", () => {
  // the first window after the change at 8000 and a window well after it
  assert(windowAcc("never", 9500) < 0.86, `${windowAcc("never", 9500)}`);
  for (const policy of ["on_alarm", "scheduled", "online"]) {
    assert(windowAcc(policy, 9500) > 0.9, `${policy} ${windowAcc(policy, 9500)}`);
  }
  assert(by.never!.accuracy < by.scheduled!.accuracy);
  assert(by.scheduled!.accuracy < by.on_alarm!.accuracy);
  assert(by.never!.accuracy < by.online!.accuracy);
});

Deno.test("compareRetraining(): retrains follow confirmed alarms, schedules and nothing else", () => {
  assertEquals([by.never!.retrains, by.online!.retrains], [0, 0]);
  assertEquals(by.scheduled!.retrainedAt, [
    3000,
    5000,
    7000,
    9000,
    11000,
    13000,
    15000,
    17000,
    19000,
  ]);
  const alarm = by.on_alarm!;
  assertEquals(alarm.retrains, alarm.retrainedAt.length);
  assertEquals(alarm.alarms.length, alarm.retrains + alarm.unconfirmedAlarms);
  // each concept change is followed by a retrain within 1000 rows
  for (const change of [8000, 14000]) {
    assert(alarm.retrainedAt.some((r) => r > change && r < change + 1000), `${alarm.retrainedAt}`);
  }
  // training work: 20 SGD passes per (re)training, plus one update per row when online
  assertEquals(by.never!.trainingRowUpdates, 20 * 1000);
  assertEquals(by.scheduled!.trainingRowUpdates, 20 * 1000 + 9 * 20 * 500);
  assertEquals(by.online!.trainingRowUpdates, 20 * 1000 + 19000);
  assertEquals(result.timeline.length, 4 * 38);
});

Deno.test("compareRetraining() is deterministic and rejects short streams and bad sizes", () => {
  const again = compareRetraining(stream, { policies: ["on_alarm"] });
  assertEquals(again.policies[0]!.retrainedAt, by.on_alarm!.retrainedAt);
  assertEquals(again.policies[0]!.accuracy, by.on_alarm!.accuracy);
  assertThrows(() => compareRetraining(seaConcepts(10)), RangeError, "more than trainRows");
  assertThrows(() => compareRetraining(stream, { every: 0 }), RangeError, "every");
  const bad = {
    X: stream.X.slice(0, 1200),
    y: [...stream.y.slice(0, 1100), ...Array(100).fill(2)],
  };
  assertThrows(() => compareRetraining(bad), RangeError, "label of row 1100");
});
