/**
 * The exporter's worker: imports the notebook and runs `monitor.run()` off the main thread, so a
 * CPU-bound run never delays a scrape. Protocol (structured clone), one request at a time:
 *
 * - main → worker `{ type: "load", file, notebook, params }`; worker → main
 *   `{ type: "loaded", info }` or `{ type: "load-error", message }`.
 * - main → worker `{ type: "run" }`; worker → main `{ type: "result", snapshot }` or
 *   `{ type: "run-error", message }` (message already located in the notebook).
 *
 * @module
 */
/// <reference lib="deno.worker" />
import type { Snapshot } from "../monitor/types.ts";
import { type LoadedMonitor, loadMonitor, type MonitorInfo } from "./load_monitor.ts";

/** Requests the main thread sends. */
export type WorkerRequest =
  | { type: "load"; file: string; notebook: string; params: Record<string, string> }
  | { type: "run" };

/** Replies the worker sends. */
export type WorkerReply =
  | { type: "loaded"; info: MonitorInfo }
  | { type: "load-error"; message: string }
  | { type: "result"; snapshot: Snapshot }
  | { type: "run-error"; message: string };

let loaded: LoadedMonitor | undefined;

function reply(message: WorkerReply): void {
  self.postMessage(message);
}

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === "load") {
    try {
      loaded = await loadMonitor(request.file, request.notebook, request.params);
      reply({ type: "loaded", info: loaded.info });
    } catch (e) {
      reply({ type: "load-error", message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  if (loaded === undefined) {
    reply({ type: "run-error", message: "Error: no monitor loaded" });
    return;
  }
  try {
    const snapshot = await loaded.monitor.run();
    try {
      reply({ type: "result", snapshot });
    } catch (e) {
      reply({ type: "run-error", message: `Snapshot cannot be sent: ${loaded.describeError(e)}` });
    }
  } catch (e) {
    reply({ type: "run-error", message: loaded.describeError(e) });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  handle(event.data);
};
