import { logWindowSource } from "../../lib/monitor/log_window_source.ts";
import { defineMonitor } from "../../lib/monitor/define_monitor.ts";
import { metricValue } from "../../lib/monitor/find_metric.ts";
import { createMemoryStore } from "../../lib/store/memory_store.ts";
import { openDuckDbStore } from "../../lib/store/duckdb_store.ts";
import type { PredictionStore } from "../../lib/store/prediction_store.ts";
import { assertEquals, assertRejects, assertThrows } from "../_assert.ts";

const M = 60_000;

/** A log with one prediction per minute from minute 0 to `minutes − 1`; the class alternates. */
async function minuteLog(
  minutes: number,
  store: PredictionStore = createMemoryStore({ featureNames: ["x"], classNames: ["a", "b"] }),
): Promise<PredictionStore> {
  await store.append(Array.from({ length: minutes }, (_, i) => ({
    id: `p${i}`,
    timestamp: i * M,
    modelVersion: "1",
    features: [i],
    probabilities: i % 2 ? [0.2, 0.8] : [0.9, 0.1],
    predicted: i % 2,
  })));
  return store;
}

const minutesOf = (X: unknown): number[] => Array.from(X as Float64Array);

Deno.test("tumbling time windows: latest complete window first, then one step per run", async () => {
  const store = await minuteLog(60);
  let now = 25.5 * M;
  const source = logWindowSource(store, {
    window: { kind: "tumbling", by: "time", size: 10 * M },
    now: () => now,
  });
  assertEquals(minutesOf((await source()).X), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  assertEquals(source.state(), { runs: 1, start: 10 * M, end: 20 * M });
  // The clock has not reached the next boundary: the same window again (labels may have come).
  now = 29 * M;
  assertEquals(source.state().end, 20 * M);
  assertEquals(minutesOf((await source()).X)[0], 10);
  // Far ahead: catch up one step per run, skipping no window.
  now = 55 * M;
  assertEquals(minutesOf((await source()).X)[0], 20);
  assertEquals(minutesOf((await source()).X)[0], 30);
  assertEquals(minutesOf((await source()).X)[0], 40);
  assertEquals(minutesOf((await source()).X)[0], 40, "[50, 60) is not complete at minute 55");
});

Deno.test("sliding time windows with a label delay, anchored on an origin", async () => {
  const store = await minuteLog(60);
  let now = 40 * M;
  const source = logWindowSource(store, {
    window: { kind: "sliding", by: "time", size: 10 * M, step: 5 * M },
    labelDelay: 12 * M,
    origin: 1 * M,
    now: () => now,
  });
  const first = minutesOf((await source()).X); // ends at ≤ 28: boundary 26
  assertEquals([first[0], first.at(-1)], [16, 25]);
  now = 100 * M;
  const second = minutesOf((await source()).X);
  assertEquals([second[0], second.at(-1)], [21, 30]);
});

Deno.test("count windows: tumbling and sliding, waiting for enough rows", async () => {
  const store = await minuteLog(25);
  const tumbling = logWindowSource(store, { window: { kind: "tumbling", by: "count", size: 10 } });
  assertEquals(minutesOf((await tumbling()).X), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  assertEquals(minutesOf((await tumbling()).X)[0], 10, "rows 20..29 not all logged yet");
  await store.append(Array.from({ length: 5 }, (_, j) => ({
    id: `q${j}`,
    timestamp: (25 + j) * M,
    modelVersion: "1",
    features: [25 + j],
    probabilities: [0.5, 0.5],
    predicted: 0,
  })));
  assertEquals(minutesOf((await tumbling()).X)[0], 20);
  const sliding = logWindowSource(store, {
    window: { kind: "sliding", by: "count", size: 10, step: 4 },
  });
  assertEquals(minutesOf((await sliding()).X)[0], 18); // 30 rows: last end at 28
  assertEquals(sliding.state(), { runs: 1, start: 18, end: 28 });
  const few = logWindowSource(await minuteLog(3), {
    window: { kind: "tumbling", by: "count", size: 10 },
  });
  await assertRejects(() => few(), RangeError, "Only 3 predictions logged");
});

Deno.test("a log window carries the labels that arrived by now (−1 otherwise) and the logged probabilities", async () => {
  const store = await minuteLog(20);
  await store.appendLabels([
    { id: "p10", label: 0, timestamp: 21 * M },
    { id: "p11", label: 0, timestamp: 27 * M }, // wrong, and arrives late
    { id: "p12", label: 0, timestamp: 22 * M },
  ]);
  let now = 25 * M;
  const source = logWindowSource(store, {
    window: { kind: "tumbling", by: "time", size: 10 * M },
    now: () => now,
    labelColumn: "label",
  });
  const batch = await source();
  assertEquals(Array.from(batch.y!).slice(0, 3), [0, -1, 0]);
  assertEquals(Array.from(batch.proba!.subarray(0, 4)), [0.9, 0.1, 0.2, 0.8]);
  assertEquals(batch.table!.names, ["x", "label"]);
  assertEquals((batch.table!.columns.label as (string | null)[]).slice(0, 3), ["a", null, "a"]);
  now = 28 * M; // same window [10, 20) re-read, now with the late label
  assertEquals(Array.from((await source()).y!).slice(0, 3), [0, 0, 0]);
});

Deno.test("a monitor over the log: coverage grows as labels arrive, the model is never called", async () => {
  const store = await minuteLog(20);
  let now = 21 * M;
  const monitor = defineMonitor({
    name: "log",
    model: {
      name: "m",
      version: "1",
      classNames: ["a", "b"],
      predictProba: () => {
        throw new Error("not called");
      },
    },
    source: logWindowSource(store, {
      window: { kind: "tumbling", by: "time", size: 10 * M },
      now: () => now,
    }),
    checks: [{ metric: "accuracy", op: ">=", value: 0.9 }],
  });
  const before = await monitor.run();
  assertEquals(metricValue(before, "label_coverage_ratio"), 0);
  assertEquals(before.checks[0]!.outcome, "error");
  await store.appendLabels(
    Array.from({ length: 8 }, (_, j) => ({ id: `p${10 + j}`, label: j % 2, timestamp: 22 * M })),
  );
  now = 23 * M;
  const after = await monitor.run();
  assertEquals(metricValue(after, "label_coverage_ratio"), 0.8);
  assertEquals(metricValue(after, "accuracy"), 1);
  assertEquals(after.checks[0]!.outcome, "pass");
  assertEquals(after.predictions.calls, 0);
});

const few = (store: PredictionStore) =>
  logWindowSource(store, { window: { kind: "tumbling", by: "count", size: 5 } })();

Deno.test("logWindowSource() refuses windows it cannot cut, naming the option", async () => {
  const store = await minuteLog(1);
  const make = (window: Parameters<typeof logWindowSource>[1]) => () =>
    logWindowSource(store, window);
  assertThrows(
    make({ window: { kind: "hopping" as never, by: "time", size: 1 } }),
    TypeError,
    "kind",
  );
  assertThrows(
    make({ window: { kind: "sliding", by: "rows" as never, size: 1 } }),
    TypeError,
    "by",
  );
  assertThrows(make({ window: { kind: "sliding", by: "time", size: 0 } }), RangeError, "size");
  assertThrows(
    make({ window: { kind: "sliding", by: "time", size: 5, step: 6 } }),
    RangeError,
    "step 6",
  );
  assertThrows(
    make({ window: { kind: "tumbling", by: "time", size: 5, step: 2 } }),
    RangeError,
    "tumbling",
  );
  assertThrows(
    make({ window: { kind: "tumbling", by: "time", size: 5 }, labelDelay: -1 }),
    RangeError,
    "labelDelay",
  );
  assertThrows(
    make({ window: { kind: "tumbling", by: "count", size: 5 }, labelDelay: 1 }),
    RangeError,
    "time windows only",
  );
  const empty = logWindowSource(store, {
    window: { kind: "tumbling", by: "time", size: M },
    now: () => 10 * M,
  });
  await assertRejects(() => empty(), RangeError, "No prediction logged in the window");
  assertEquals(empty.state().end, 10 * M, "an empty time window still counts as read");
  await assertRejects(() => few(store), RangeError, "Only 1 predictions");
});

Deno.test("the same windows out of the DuckDB log", async () => {
  const dir = await Deno.makeTempDir();
  const store = await minuteLog(
    30,
    await openDuckDbStore(`${dir}/log.duckdb`, { featureNames: ["x"], classNames: ["a", "b"] }),
  );
  try {
    await store.appendLabels([{ id: "p21", label: 1, timestamp: 25 * M }]);
    const byTime = logWindowSource(store, {
      window: { kind: "tumbling", by: "time", size: 10 * M },
      now: () => 31 * M,
    });
    const b = await byTime();
    assertEquals(minutesOf(b.X), [20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    assertEquals(Array.from(b.y!).slice(0, 3), [-1, 1, -1]);
    const byCount = logWindowSource(store, {
      window: { kind: "sliding", by: "count", size: 4, step: 4 },
    });
    assertEquals(minutesOf((await byCount()).X), [24, 25, 26, 27]);
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});
