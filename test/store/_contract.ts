/**
 * The claims every PredictionStore must meet, run against each implementation.
 *
 * @module
 */
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import type { PredictionRecord, PredictionStore, StoreSchema } from "../../lib/store/mod.ts";

/** Two features, three classes. */
export const SCHEMA: StoreSchema = { featureNames: ["a", "b"], classNames: ["x", "y", "z"] };

/** Prediction `i` at time `t`: features (i, −i), probabilities favouring class i mod 3. */
export function record(i: number, t: number): PredictionRecord {
  const probabilities = [0.1, 0.1, 0.1];
  probabilities[i % 3] = 0.8;
  return {
    id: `p${i}`,
    timestamp: t,
    modelVersion: "v,1",
    features: [i, -i],
    probabilities,
    predicted: i % 3,
  };
}

/** Registers the contract tests for stores made by `open` (each call a fresh, empty store). */
export function storeContract(name: string, open: () => Promise<PredictionStore>): void {
  Deno.test(`${name}: a time window is [from, to), sorted by time, ties in insertion order`, async () => {
    const store = await open();
    // Out of time order on purpose; p3 and p4 share a timestamp.
    await store.append([record(0, 50), record(1, 10), record(2, 30), record(3, 20), record(4, 20)]);
    const w = await store.window({ from: 10, to: 50 });
    assertEquals(w.n, 4);
    assertEquals(Array.from(w.timestamps), [10, 20, 20, 30]);
    assertEquals(Array.from(w.features.a!), [1, 3, 4, 2]);
    assertEquals(Array.from(w.features.b!), [-1, -3, -4, -2]);
    assertEquals(Array.from(w.predicted), [1, 0, 1, 2]);
    assertEquals(Array.from(w.probabilities.subarray(0, 3)), [0.1, 0.8, 0.1]);
    assertEquals(Array.from(w.labels), [-1, -1, -1, -1]);
    assert(w.labelTimestamps.every(Number.isNaN));
    assertEquals(w.ids, undefined);
    const open_ = await store.window({});
    assertEquals(open_.n, 5);
    const empty = await store.window({ from: 100 });
    assertEquals([empty.n, empty.features.a!.length, empty.probabilities.length], [0, 0, 0]);
    await store.close();
  });

  Deno.test(`${name}: lastN keeps the latest predictions in time order`, async () => {
    const store = await open();
    await store.append([record(0, 5), record(1, 1), record(2, 3), record(3, 4)]);
    const w = await store.window({ lastN: 2 }, { ids: true });
    assertEquals(w.ids, ["p3", "p0"]);
    assertEquals(Array.from(w.timestamps), [4, 5]);
    assertEquals((await store.window({ lastN: 0 })).n, 0);
    assertEquals((await store.window({ lastN: 10 })).n, 4);
    await store.close();
  });

  Deno.test(`${name}: late labels join their predictions; the earliest label counts`, async () => {
    const store = await open();
    await store.append([record(0, 1), record(1, 2), record(2, 3)]);
    await store.appendLabels([
      { id: "p1", label: 2, timestamp: 100 },
      { id: "p1", label: 0, timestamp: 90 },
      { id: "p2", label: 1, timestamp: 200 },
    ]);
    const w = await store.window({}, { ids: true });
    assertEquals(Array.from(w.labels), [-1, 0, 1]);
    assertEquals(Array.from(w.labelTimestamps).map(String), ["NaN", "90", "200"]);
    const labelled = await store.window({}, { labelledOnly: true, ids: true });
    assertEquals(labelled.ids, ["p1", "p2"]);
    const then = await store.window({}, { labelledOnly: true, labelsBefore: 150, ids: true });
    assertEquals(then.ids, ["p1"]);
    assertEquals(Array.from(then.labels), [0]);
    const known = await store.lookup(["p0", "p1", "nope"]);
    assertEquals([...known.entries()].sort(), [["p0", { label: -1 }], ["p1", { label: 0 }]]);
    assertEquals(await store.count(), { predictions: 3, labels: 3 });
    await store.close();
  });

  Deno.test(`${name}: CSV export then import gives back the same window`, async () => {
    const store = await open();
    await store.append([record(0, 1.5), record(1, 2), record(2, 3)]);
    await store.appendLabels([{ id: "p2", label: 2, timestamp: 7 }]);
    const dir = await Deno.makeTempDir();
    try {
      await store.exportCsv(dir);
      const header = (await Deno.readTextFile(`${dir}/predictions.csv`)).split("\n")[0];
      assertEquals(header, "id,timestamp_ms,model_version,a,b,proba_x,proba_y,proba_z,predicted");
      const copy = await open();
      await copy.importCsv(dir);
      const [w, c] = [await store.window({}, { ids: true }), await copy.window({}, { ids: true })];
      assertEquals(c, w);
      await copy.close();
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
    await store.close();
  });

  Deno.test(`${name}: bad records and bad windows are refused and change nothing`, async () => {
    const store = await open();
    await assertRejects(
      async () => await store.append([record(0, 1), { ...record(1, 2), features: [1] }]),
      TypeError,
      'prediction 1: field "features"',
    );
    await assertRejects(
      async () => await store.appendLabels([{ id: "p0", label: 3, timestamp: 1 }]),
      TypeError,
      'label 0: field "label"',
    );
    await assertRejects(async () => await store.window({ from: 5, to: 1 }), RangeError, "from 5");
    await assertRejects(async () => await store.window({ lastN: -1 }), RangeError, "lastN");
    assertEquals(await store.count(), { predictions: 0, labels: 0 });
    await store.close();
    await assertRejects(async () => await store.count(), TypeError, "closed");
  });
}
