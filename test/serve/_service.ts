/**
 * The Iris baseline model and a handler over a memory log, for the service tests.
 *
 * @module
 */
import {
  createServeHandler,
  loadServedModel,
  type ServeHandlerOptions,
} from "../../lib/serve/mod.ts";
import { createMemoryStore, createPredictionLog, type PredictionLog } from "../../lib/store/mod.ts";

/** The served Iris model. */
export const SERVED = await loadServedModel(
  new URL("../../data/baseline.json", import.meta.url).pathname,
);

/** A handler with a fresh memory log (flushed only on demand) and a fixed clock. */
export function irisService(
  options: Partial<ServeHandlerOptions> & { capacity?: number; logging?: boolean } = {},
) {
  const store = createMemoryStore(SERVED.model);
  const log: PredictionLog = createPredictionLog(store, {
    flushMs: 60_000,
    ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
  });
  let n = 0;
  const { logging = true, capacity: _, ...rest } = options;
  const handler = createServeHandler({
    model: SERVED.model,
    modelVersion: SERVED.version,
    ...(logging ? { log } : {}),
    now: () => 1_700_000_000_000,
    newId: () => `id${n++}`,
    ...rest,
  });
  return { ...handler, log, store };
}

/** POSTs a body (a string as is, anything else as JSON) to the handler. */
export async function post(
  handle: (r: Request) => Promise<Response>,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await handle(
    new Request(`http://localhost${path}`, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: res.status, json: await res.json() };
}
