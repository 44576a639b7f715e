import { DuckDBInstance } from "@duckdb/node-api";
import { openDuckDbStore, openDuckDbWorkerStore } from "../../lib/store/mod.ts";
import { assertEquals, assertRejects } from "../_assert.ts";
import { record, SCHEMA, storeContract } from "./_contract.ts";

const dir = await Deno.makeTempDir({ prefix: "vigil_store_" });
let opened = 0;
storeContract("openDuckDbStore", () => openDuckDbStore(`${dir}/s${opened++}.duckdb`, SCHEMA));
storeContract(
  "openDuckDbWorkerStore",
  () => openDuckDbWorkerStore(`${dir}/s${opened++}.duckdb`, SCHEMA),
);

Deno.test("openDuckDbWorkerStore() reads what openDuckDbStore wrote, and reports its errors by class", async () => {
  const path = `${dir}/worker.duckdb`;
  const direct = await openDuckDbStore(path, SCHEMA);
  await direct.append([record(0, 1), record(1, 2)]);
  await direct.close();
  const store = await openDuckDbWorkerStore(path, SCHEMA);
  assertEquals((await store.window({ from: 2 })).features.a, new Float64Array([1]));
  await assertRejects(() => store.window({ lastN: 1.5 }), RangeError, "lastN");
  await store.close();
  await assertRejects(
    () => openDuckDbWorkerStore(path, { featureNames: ["q"], classNames: ["x", "y"] }),
    TypeError,
    "the schema needs",
  );
});

Deno.test("openDuckDbStore() keeps every prediction and label across a close and reopen", async () => {
  const path = `${dir}/restart.duckdb`;
  let store = await openDuckDbStore(path, SCHEMA);
  await store.append(Array.from({ length: 5000 }, (_, i) => record(i, i)));
  await store.appendLabels([{ id: "p4999", label: 1, timestamp: 9 }]);
  await store.close();
  store = await openDuckDbStore(path, SCHEMA);
  assertEquals(await store.count(), { predictions: 5000, labels: 1 });
  const w = await store.window({ lastN: 1 });
  assertEquals([w.features.a![0], w.labels[0]], [4999, 1]);
  await store.close();
});

Deno.test("openDuckDbStore() refuses a file made for another schema", async () => {
  const path = `${dir}/schema.duckdb`;
  await (await openDuckDbStore(path, SCHEMA)).close();
  await assertRejects(
    () => openDuckDbStore(path, { featureNames: ["a"], classNames: ["x", "y", "z"] }),
    TypeError,
    "the schema needs",
  );
});

Deno.test("openDuckDbStore() exports Parquet that DuckDB reads back", async () => {
  const store = await openDuckDbStore(`${dir}/parquet.duckdb`, SCHEMA);
  await store.append([record(0, 1), record(1, 2)]);
  await store.appendLabels([{ id: "p0", label: 0, timestamp: 3 }]);
  await store.exportParquet(dir);
  await store.close();
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const rows = (await con.runAndReadAll(
    `SELECT (SELECT count(*) FROM '${dir}/predictions.parquet'), (SELECT count(*) FROM '${dir}/labels.parquet')`,
  )).getRows();
  assertEquals(rows.map((r) => r.map(Number)), [[2, 1]]);
  con.closeSync();
  instance.closeSync();
});

Deno.test("openDuckDbStore() quotes ids in lookups so that a quote cannot break the query", async () => {
  const store = await openDuckDbStore(`${dir}/quote.duckdb`, SCHEMA);
  await store.append([{ ...record(0, 1), id: "it's" }]);
  const known = await store.lookup(["it's", "x' OR '1'='1"]);
  assertEquals([...known.keys()], ["it's"]);
  await store.close();
});

Deno.test("openDuckDbStore({ readOnly }) reads an existing log, refuses writes and never creates a file", async () => {
  const path = `${dir}/read_only.duckdb`;
  await assertRejects(() => openDuckDbStore(path, SCHEMA, { readOnly: true }));
  assertEquals(await Deno.stat(path).then(() => true, () => false), false, "a reader created it");
  const writer = await openDuckDbStore(path, SCHEMA);
  await writer.append([record(0, 1), record(1, 2)]);
  await writer.appendLabels([{ id: "p0", label: 1, timestamp: 5 }]);
  await writer.close();
  const reader = await openDuckDbStore(path, SCHEMA, { readOnly: true });
  const w = await reader.window({ lastN: 5 });
  assertEquals([w.n, w.labels[0], w.labels[1]], [2, 1, -1]);
  await assertRejects(() => reader.append([record(2, 3)]));
  assertEquals((await reader.count()).predictions, 2);
  await reader.close();
});

Deno.test("openDuckDbStore() takes DuckDB's thread count, one by default, and refuses a bad one", async () => {
  const path = `${dir}/threads.duckdb`;
  await assertRejects(() => openDuckDbStore(path, SCHEMA, { threads: 0 }), RangeError, "threads");
  await assertRejects(() => openDuckDbStore(path, SCHEMA, { threads: 1.5 }), RangeError, "threads");
  const store = await openDuckDbStore(path, SCHEMA, { threads: 2 });
  await store.append([record(0, 1)]);
  assertEquals(await store.count(), { predictions: 1, labels: 0 });
  await store.close();
});
