import {
  createMemoryStore,
  createPredictionLog,
  type PredictionStore,
} from "../../lib/store/mod.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { record, SCHEMA } from "./_contract.ts";

Deno.test("createPredictionLog() writes nothing until a flush, then everything in one batch", async () => {
  const store = createMemoryStore(SCHEMA);
  const log = createPredictionLog(store, { flushMs: 60_000 });
  assert(log.offer([record(0, 1), record(1, 2)], [{ id: "p0", label: 0, timestamp: 3 }]));
  assertEquals(await store.count(), { predictions: 0, labels: 0 });
  assertEquals(log.stats().queued, 3);
  await log.flush();
  assertEquals(await store.count(), { predictions: 2, labels: 1 });
  assertEquals(log.stats(), {
    queued: 0,
    predictionsWritten: 2,
    labelsWritten: 1,
    writeFailures: 0,
    rowsLost: 0,
    rejected: 0,
  });
  await log.close();
});

Deno.test("createPredictionLog() flushes on its timer and when a batch fills", async () => {
  const store = createMemoryStore(SCHEMA);
  const log = createPredictionLog(store, { flushMs: 20, batchRows: 3 });
  log.offer([record(0, 1), record(1, 1), record(2, 1)]);
  await new Promise((r) => setTimeout(r, 0));
  assertEquals((await store.count()).predictions, 3, "a full batch is written at once");
  log.offer([record(3, 1)]);
  await new Promise((r) => setTimeout(r, 80));
  assertEquals((await store.count()).predictions, 4, "the timer wrote the rest");
  await log.close();
});

Deno.test("createPredictionLog() refuses a whole request when it would overflow the queue", async () => {
  const store = createMemoryStore(SCHEMA);
  const log = createPredictionLog(store, { capacity: 3, flushMs: 60_000 });
  assert(log.offer([record(0, 1), record(1, 1)]));
  assert(!log.offer([record(2, 1), record(3, 1)]), "4 rows fit in 3");
  assert(log.offer([record(2, 1)]));
  assertEquals(log.stats().rejected, 1);
  await log.close();
  assertEquals(await store.count().catch(() => null), null, "close closes the store");
});

Deno.test("createPredictionLog() lookup sees queued predictions and labels before they are written", async () => {
  const store = createMemoryStore(SCHEMA);
  await store.append([record(9, 1)]);
  const log = createPredictionLog(store, { flushMs: 60_000 });
  log.offer([record(0, 1)], [{ id: "p9", label: 2, timestamp: 2 }]);
  const known = await log.lookup(["p0", "p9", "p5"]);
  assertEquals([...known.entries()].sort(), [["p0", { label: -1 }], ["p9", { label: 2 }]]);
  await log.flush();
  assertEquals([...(await log.lookup(["p9"])).values()], [{ label: 2 }]);
  await log.close();
});

Deno.test("createPredictionLog() counts a failed write, drops its rows and keeps going", async () => {
  const inner = createMemoryStore(SCHEMA);
  let fail = true;
  const store: PredictionStore = {
    ...inner,
    appendColumns: (columns) =>
      fail ? Promise.reject(new Error("disk full")) : inner.appendColumns(columns),
  };
  const errors: unknown[] = [];
  const log = createPredictionLog(store, {
    flushMs: 60_000,
    onWrite: (e) => e.error && errors.push(e.error),
  });
  log.offer([record(0, 1), record(1, 1)]);
  await log.flush();
  fail = false;
  log.offer([record(2, 1)]);
  await log.close();
  assertEquals(errors.length, 1);
  const s = log.stats();
  assertEquals([s.writeFailures, s.rowsLost, s.predictionsWritten, s.queued], [1, 2, 1, 0]);
  assert(!log.offer([record(3, 1)]), "a closed log takes nothing");
});

Deno.test("createPredictionLog() refuses options that are not positive", () => {
  assertThrows(
    () => createPredictionLog(createMemoryStore(SCHEMA), { capacity: 0 }),
    RangeError,
    "capacity",
  );
});

Deno.test("createPredictionLog() takes columns, copies them, and refuses columns that disagree", async () => {
  const store = createMemoryStore(SCHEMA);
  const log = createPredictionLog(store, { flushMs: 60_000 });
  const features = new Float64Array([1, 2, 3, 4]);
  const columns = {
    ids: ["c0", "c1"],
    timestamps: [5, 6],
    modelVersions: ["2", "2"],
    features,
    probabilities: [0.1, 0.2, 0.7, 0.3, 0.3, 0.4],
    predicted: new Int32Array([2, 2]),
  };
  assert(log.offer(columns));
  features.fill(0); // the caller reuses its buffer
  assertThrows(() => log.offer({ ...columns, predicted: [1] }), TypeError, "disagree");
  await log.flush();
  const w = await store.window({}, { ids: true });
  assertEquals([w.ids, Array.from(w.features.b!), w.probabilities[2]], [["c0", "c1"], [2, 4], 0.7]);
  await log.close();
});
