/**
 * The running model service: `Deno.serve` over {@linkcode createServeHandler}, a DuckDB (on its own thread)
 * prediction log (or none), and a graceful stop that flushes the log.
 *
 * @module
 */
import { openDuckDbWorkerStore } from "../store/duckdb_worker_store.ts";
import {
  createPredictionLog,
  type PredictionLog,
  type PredictionLogOptions,
} from "../store/prediction_log.ts";
import { createServeHandler, type ServeHandler } from "./handler.ts";
import type { ServedModel } from "./load_model.ts";

/** Options of {@linkcode startModelService}. */
export interface ModelServiceOptions {
  /** Interface to listen on. @default "127.0.0.1" */
  hostname?: string;
  /** Port; 0 picks a free one. @default 8080 */
  port?: number;
  /** DuckDB file of the prediction log; null turns logging off. @default "log/predictions.duckdb" */
  logPath?: string | null;
  /** Queue options of the log. @default {} */
  logOptions?: PredictionLogOptions;
  /** Largest request body in bytes. @default 1048576 */
  maxBodyBytes?: number;
}

/** A started service. */
export interface ModelService {
  /** The address it listens on. */
  addr: Deno.NetAddr;
  /** The handler (metrics, registry). */
  handler: ServeHandler;
  /** The prediction log (its store, counters), or undefined when logging is off. */
  log: PredictionLog | undefined;
  /** Stops accepting requests, waits for those in flight, flushes and closes the log. */
  shutdown(): Promise<void>;
  /** Resolves when the service has stopped. */
  finished: Promise<void>;
}

/**
 * Starts the model service.
 *
 * @param served The model.
 * @param options See {@linkcode ModelServiceOptions}.
 * @returns The running service.
 * @throws {Deno.errors.AddrInUse} When the port is taken.
 * @example
 * ```ts ignore
 * import { loadServedModel, startModelService } from "./mod.ts";
 * const service = await startModelService(await loadServedModel("data/baseline.json"), { port: 0 });
 * await service.shutdown();
 * ```
 */
export async function startModelService(
  served: ServedModel,
  options: ModelServiceOptions = {},
): Promise<ModelService> {
  const { hostname = "127.0.0.1", port = 8080, logPath = "log/predictions.duckdb" } = options;
  const log = logPath === null ? undefined : createPredictionLog(
    await openDuckDbWorkerStore(logPath, served.model),
    options.logOptions ?? {},
  );
  const handler = createServeHandler({
    model: served.model,
    modelName: served.name,
    modelVersion: served.version,
    ...(log === undefined ? {} : { log }),
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  let server: Deno.HttpServer<Deno.NetAddr>;
  try {
    server = Deno.serve(
      { hostname, port, onListen: () => {} },
      (request) => handler.handle(request),
    );
  } catch (e) {
    await log?.close();
    throw e;
  }
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    stopping ??= (async () => {
      await server.shutdown();
      await log?.close();
    })();
  return {
    addr: server.addr,
    handler,
    log,
    shutdown,
    finished: server.finished.then(() => stopping),
  };
}
