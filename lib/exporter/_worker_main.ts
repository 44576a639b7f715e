/**
 * The monitor's process (the exporter's "worker"): imports the notebook and runs `monitor.run()`
 * in a Deno process of its own, started by `worker.ts` with a capped heap and only read (and the
 * server's net) permissions. A process, not a `Worker`: a Worker that runs out of memory aborts
 * the whole exporter, a process only itself. Protocol, one request at a time:
 *
 * - parent → child, one JSON line on stdin: `{ type: "load", file, notebook, params }` or
 *   `{ type: "run" }`. End of stdin: the child exits.
 * - child → parent, one line on stdout per reply: {@linkcode REPLY_PREFIX} then the reply
 *   serialised with `node:v8` (the structured clone a Worker's `postMessage` used) in base64:
 *   `{ type: "loaded", info }` or `{ type: "load-error", message }`; `{ type: "result", snapshot }`
 *   or `{ type: "run-error", message }` (located in the notebook); `{ type: "crash", message }`
 *   just before it exits on an uncaught error or unhandled rejection.
 *
 * The notebook's `console.log` goes to stderr, so stdout carries replies only.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { serialize } from "node:v8";
import type { Snapshot } from "../monitor/types.ts";
import { type LoadedMonitor, loadMonitor, type MonitorInfo } from "./load_monitor.ts";

/** Requests the parent sends. */
export type WorkerRequest =
  | { type: "load"; file: string; notebook: string; params: Record<string, string> }
  | { type: "run" };

/** Replies the child sends. */
export type WorkerReply =
  | { type: "loaded"; info: MonitorInfo }
  | { type: "load-error"; message: string }
  | { type: "result"; snapshot: Snapshot }
  | { type: "run-error"; message: string }
  | { type: "crash"; message: string };

/** Starts every reply line (anything else on the child's stdout is the notebook's own output). */
export const REPLY_PREFIX = "\u0001vigil-reply ";

function reply(message: WorkerReply): void {
  const line = `${REPLY_PREFIX}${Buffer.from(serialize(message)).toString("base64")}\n`;
  const bytes = new TextEncoder().encode(line);
  // Synchronous, so that a crash reply is out before the process exits.
  for (let done = 0; done < bytes.length;) done += Deno.stdout.writeSync(bytes.subarray(done));
}

function describe(loaded: LoadedMonitor | undefined, error: unknown): string {
  if (loaded !== undefined) return loaded.describeError(error);
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function handle(request: WorkerRequest, state: { loaded?: LoadedMonitor }): Promise<void> {
  if (request.type === "load") {
    try {
      state.loaded = await loadMonitor(request.file, request.notebook, request.params);
      reply({ type: "loaded", info: state.loaded.info });
    } catch (e) {
      reply({ type: "load-error", message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  const loaded = state.loaded;
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

async function main(): Promise<void> {
  const state: { loaded?: LoadedMonitor } = {};
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  // The parent ends this process; a terminal's Ctrl-C (sent to the whole group) must not.
  for (const signal of ["SIGINT", "SIGTERM"] as const) Deno.addSignalListener(signal, () => {});
  globalThis.addEventListener("error", (event) => {
    event.preventDefault();
    reply({ type: "crash", message: `Uncaught ${describe(state.loaded, event.error)}` });
    Deno.exit(1);
  });
  globalThis.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    reply({
      type: "crash",
      message: `Unhandled rejection ${describe(state.loaded, event.reason)}`,
    });
    Deno.exit(1);
  });
  let buffered = "";
  for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
    buffered += chunk;
    for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.trim() !== "") await handle(JSON.parse(line) as WorkerRequest, state);
    }
  }
  Deno.exit(0); // the parent is gone or done
}

if (import.meta.main) await main();
