import { assertEquals, assertThrows } from "../_assert.ts";
import { checkKey, createRunTrend, summarizeSnapshot } from "../../lib/exporter/run_trend.ts";
import { makeSnapshot } from "./_fixtures.ts";

Deno.test("the trend keeps only the last `capacity` summaries, oldest first, however many runs", () => {
  const trend = createRunTrend({ capacity: 3 });
  assertEquals(trend.summaries(), []);
  for (let run = 1; run <= 1000; run++) trend.record(makeSnapshot(run % 2 ? 0.9 : 0.5, run));
  assertEquals(trend.summaries().map((s) => s.run), [998, 999, 1000]);
  assertEquals(trend.summaries().map((s) => s.failing), [1, 0, 1]);
  const two = createRunTrend({ capacity: 3 });
  [1, 2].forEach((run) => two.record(makeSnapshot(0.9, run)));
  assertEquals(two.summaries().map((s) => s.run), [1, 2], "not yet full");
});

Deno.test("a failing check's streak starts at its first failing run and ends when it passes", () => {
  const trend = createRunTrend();
  const accuracies = [0.9, 0.5, 0.6, 0.9, 0.7, 0.7];
  const since: (number | undefined)[] = [];
  accuracies.forEach((a, i) => {
    trend.record(makeSnapshot(a, i + 1));
    since.push(trend.failingSince().get("accuracy_floor")?.run);
  });
  assertEquals(since, [undefined, 2, 2, undefined, 5, 5]);
  assertEquals(
    trend.failingSince().get("accuracy_floor")?.finishedAt,
    makeSnapshot(0.7, 5).finishedAt,
  );
});

Deno.test("summaries take the unlabelled accuracy and count failing checks; keys include labels", () => {
  assertEquals(summarizeSnapshot(makeSnapshot(0.5, 4)), {
    run: 4,
    finishedAt: makeSnapshot(0.5, 4).finishedAt,
    accuracy: 0.5,
    failing: 1,
    checks: 1,
  });
  const noAccuracy = { ...makeSnapshot(0.9), metrics: [] };
  assertEquals("accuracy" in summarizeSnapshot(noAccuracy), false);
  assertEquals(
    checkKey({ name: "recall", labels: { class: "a", group: "b" } }),
    "recall {class=a, group=b}",
  );
  assertEquals(checkKey({ name: "floor", labels: {} }), "floor");
  assertThrows(() => createRunTrend({ capacity: 0 }), RangeError, "got 0");
});
