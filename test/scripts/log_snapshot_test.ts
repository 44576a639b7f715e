import { assertEquals } from "../_assert.ts";
import { snapshotLog } from "../../scripts/_log_snapshot.ts";
import { openDuckDbStore } from "../../lib/store/duckdb_store.ts";
import { openDuckDbWorkerStore } from "../../lib/store/duckdb_worker_store.ts";
import { createPredictionLog } from "../../lib/store/prediction_log.ts";
import type { PredictionRecord } from "../../lib/store/prediction_store.ts";

const SCHEMA = { featureNames: ["a", "b"], classNames: ["x", "y"] };

function prediction(i: number): PredictionRecord {
  return {
    id: `p${i}`,
    timestamp: 1_700_000_000_000 + i,
    modelVersion: "1",
    features: [i, -i],
    probabilities: [0.25, 0.75],
    predicted: 1,
  };
}

Deno.test("snapshotLog() copies a live DuckDB log to a file another store can open, and renews it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "vigil_snapshot_test_" });
  const log = createPredictionLog(await openDuckDbWorkerStore(`${dir}/live.duckdb`, SCHEMA));
  try {
    log.offer([prediction(0), prediction(1), prediction(2)]);
    log.offer([], [{ id: "p1", label: 0, timestamp: 1_700_000_000_100 }]);
    assertEquals(await snapshotLog(log, `${dir}/snap.duckdb`), { predictions: 3, labels: 1 });
    log.offer([prediction(3)]);
    assertEquals(await snapshotLog(log, `${dir}/snap.duckdb`), { predictions: 4, labels: 1 });
    // The live log stays open (and locked) all along; the copy opens beside it.
    const copy = await openDuckDbStore(`${dir}/snap.duckdb`, SCHEMA);
    const window = await copy.window({ lastN: 10 }, { ids: true });
    assertEquals([...window.ids ?? []].sort(), ["p0", "p1", "p2", "p3"]);
    assertEquals(Array.from(window.labels).sort(), [-1, -1, -1, 0]);
    await copy.close();
    const left = [];
    for await (const entry of Deno.readDir(dir)) left.push(entry.name);
    assertEquals(left.sort().filter((n) => n.startsWith("snap")), ["snap.duckdb"]);
  } finally {
    await log.close();
    await Deno.remove(dir, { recursive: true });
  }
});
