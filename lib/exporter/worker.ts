/**
 * The main thread's handle on the exporter's worker (`_worker_main.ts`): loads the notebook
 * there and forwards `run()` to it, so the HTTP server keeps answering while a run burns CPU.
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";
import type { RunnableMonitor } from "./exporter.ts";
import { type MonitorInfo, NotebookLoadError } from "./load_monitor.ts";
import type { WorkerReply, WorkerRequest } from "./_worker_main.ts";
import { confinedWorkerOptions } from "./worker_permissions.ts";

/** A run that failed in the worker; the message is already one line located in the notebook. */
export class WorkerRunError extends Error {
  override name = "WorkerRunError";
}

/** A monitor living in a worker. */
export interface WorkerMonitor extends RunnableMonitor {
  readonly info: MonitorInfo;
  /** The run error's one-line description (for the exporter's `describeError`). */
  describeError(error: unknown): string;
  /** Ends the worker (a run in progress is abandoned: wait for it first). */
  terminate(): void;
  /** Whether the worker can still run the monitor (false once it stopped on an uncaught error). */
  alive(): boolean;
}

/**
 * Starts the worker and loads the generated module `file` of `notebook` in it. Inherits the
 * process's permissions except running programs (`worker_permissions.ts`).
 *
 * @throws {NotebookLoadError} When the notebook fails to load or binds no monitor (one line).
 */
export async function startMonitorWorker(
  file: string,
  notebook: string,
  params: Readonly<Record<string, string>>,
): Promise<WorkerMonitor> {
  const worker = new Worker(
    new URL("./_worker_main.ts", import.meta.url).href,
    confinedWorkerOptions(),
  );
  let pending: PromiseWithResolvers<WorkerReply> | undefined;
  let crashed: string | undefined;
  const request = (message: WorkerRequest): Promise<WorkerReply> => {
    if (crashed !== undefined) {
      return Promise.resolve({ type: "run-error", message: `${crashed} (restart the exporter)` });
    }
    if (pending !== undefined) throw new Error("Worker is busy");
    pending = Promise.withResolvers<WorkerReply>();
    worker.postMessage(message);
    return pending.promise;
  };
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const p = pending;
    pending = undefined;
    p?.resolve(event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const p = pending;
    pending = undefined;
    // An uncaught error ends the worker: this run fails, and so does every later one, visibly.
    crashed = `The monitor's worker stopped on an uncaught error: ${event.message}`;
    p?.resolve({ type: "run-error", message: crashed });
  };

  const first = await request({ type: "load", file, notebook, params: { ...params } });
  if (first.type !== "loaded") {
    worker.terminate();
    throw new NotebookLoadError(
      "message" in first ? first.message : `Unexpected reply "${first.type}" from the worker`,
    );
  }
  const info = first.info;
  return {
    name: info.name,
    info,
    async run(): Promise<Snapshot> {
      const answer = await request({ type: "run" });
      if (answer.type === "result") return answer.snapshot;
      throw new WorkerRunError("message" in answer ? answer.message : "Unexpected reply");
    },
    describeError(error) {
      if (error instanceof WorkerRunError) return error.message;
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    },
    terminate() {
      worker.terminate();
    },
    alive() {
      return crashed === undefined;
    },
  };
}
