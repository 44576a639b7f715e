/**
 * The DuckDB store on its own thread: the same interface as {@linkcode openDuckDbStore}, with
 * every call answered by a worker, so that a batch append (tens of ms for thousands of rows)
 * or a window query never holds up the service's requests.
 *
 * @module
 */
import type { DuckDbStore } from "./duckdb_store.ts";
import type { LabelState, PredictionWindow, StoreSchema } from "./prediction_store.ts";
import { checkPrediction, checkSchema } from "./_columns.ts";
import {
  type ErrorData,
  errorFromData,
  packedBuffers,
  type PackedPredictions,
  packPredictions,
  toPacked,
  unpackPredictions,
} from "./_transfer.ts";

/**
 * Opens a DuckDB prediction store in a worker (same permissions as the caller). Predictions
 * cross to it as transferred typed-array columns; windows come back the same way. Errors keep
 * their class (TypeError, RangeError) and message.
 *
 * @param path The database file.
 * @param schema Feature and class names.
 * @returns The open store.
 * @throws {TypeError} When the schema is invalid or the file holds another schema.
 * @example
 * ```ts
 * import { openDuckDbWorkerStore } from "./duckdb_worker_store.ts";
 * const dir = await Deno.makeTempDir();
 * const store = await openDuckDbWorkerStore(`${dir}/log.duckdb`, { featureNames: ["x"], classNames: ["a", "b"] });
 * await store.append([
 *   { id: "p1", timestamp: 1, modelVersion: "1", features: [2], probabilities: [0.2, 0.8], predicted: 1 },
 * ]);
 * const w = await store.window({});
 * if (w.n !== 1 || w.features.x![0] !== 2) throw new Error();
 * await store.close();
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function openDuckDbWorkerStore(
  path: string,
  schema: StoreSchema,
): Promise<DuckDbStore> {
  const s = checkSchema(schema);
  const p = s.featureNames.length;
  const k = s.classNames.length;
  const worker = new Worker(new URL("./_duckdb_worker_main.ts", import.meta.url), {
    type: "module",
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  let closed = false;
  let failure: Error | undefined;
  worker.onmessage = (event: MessageEvent) => {
    const { id, result, error } = event.data as { id: number; result?: unknown; error?: ErrorData };
    const w = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) w?.reject(errorFromData(error));
    else w?.resolve(result);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    failure = new Error(`The DuckDB worker of "${path}" died: ${event.message}`);
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  function call<T>(method: string, args: unknown[], transfer: ArrayBuffer[] = []): Promise<T> {
    if (failure !== undefined) return Promise.reject(failure);
    if (closed) return Promise.reject(new TypeError(`Cannot ${method}: store "${path}" is closed`));
    return new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, method, args }, transfer);
    });
  }
  const sendColumns = (packed: PackedPredictions) =>
    call<void>("appendColumns", [packed], packedBuffers(packed));
  try {
    await call("open", [path, s]);
  } catch (e) {
    worker.terminate();
    throw e;
  }
  return {
    path,
    schema: s,
    append(records) {
      try {
        records.forEach((r, i) => checkPrediction(r, i, s));
      } catch (e) {
        return Promise.reject(e);
      }
      return sendColumns(packPredictions(records, p, k));
    },
    appendColumns(columns) {
      try {
        // Checks shapes here; values are checked on the worker's side.
        unpackPredictions(columns, p, k);
        return sendColumns(toPacked(columns));
      } catch (e) {
        return Promise.reject(e);
      }
    },
    appendLabels: (records) => call("appendLabels", [records.map((r) => ({ ...r }))]),
    lookup: async (ids) => new Map(await call<[string, LabelState][]>("lookup", [[...ids]])),
    window: (query, options = {}) => call<PredictionWindow>("window", [query, options]),
    count: () => call("count", []),
    flush: () => call("flush", []),
    exportCsv: (dir) => call("exportCsv", [dir]),
    importCsv: (dir) => call("importCsv", [dir]),
    exportParquet: (dir) => call("exportParquet", [dir]),
    async close() {
      if (closed) return;
      try {
        await call("close", []);
      } finally {
        closed = true;
        worker.terminate();
      }
    },
  };
}
