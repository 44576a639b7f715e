/**
 * The DuckDB store's thread: opens the file and answers the calls of
 * `openDuckDbWorkerStore`, so that appends and window queries never block the service's event loop.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { type DuckDbStore, openDuckDbStore } from "./duckdb_store.ts";
import type { PredictionWindow } from "./prediction_store.ts";
import { windowBuffers } from "./_transfer.ts";

let store: DuckDbStore | undefined;

self.onmessage = async (event: MessageEvent) => {
  const { id, method, args } = event.data as { id: number; method: string; args: unknown[] };
  try {
    let result: unknown;
    let transfer: ArrayBuffer[] = [];
    if (method === "open") {
      store = await openDuckDbStore(args[0] as string, args[1] as never);
    } else if (store === undefined) {
      throw new TypeError("Cannot use the DuckDB worker: the store is not open");
    } else if (method === "window") {
      const w: PredictionWindow = await store.window(args[0] as never, args[1] as never);
      result = w;
      transfer = windowBuffers(w);
    } else if (method === "lookup") {
      result = [...(await store.lookup(args[0] as string[])).entries()];
    } else {
      const call =
        (store as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
      result = await call!.apply(store, args);
    }
    self.postMessage({ id, result }, transfer);
  } catch (e) {
    const error = e instanceof Error
      ? { name: e.name, message: e.message }
      : { name: "Error", message: String(e) };
    self.postMessage({ id, error });
  }
};
