/**
 * The server's handle on the monitor's process (`_worker_main.ts`): loads the notebook there and
 * forwards `run()` to it, so the HTTP server keeps answering while a run burns CPU, and so that
 * nothing the notebook's code does can stop the server. A run that crashes the process (uncaught
 * error, unhandled rejection, heap cap reached) or outlives its timeout fails, the process is
 * ended and started again after an exponential backoff, and the next run works.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { deserialize } from "node:v8";
import type { Snapshot } from "../monitor/types.ts";
import type { WorkerRestartReason } from "../prometheus/exporter_metrics.ts";
import type { RunnableMonitor } from "./exporter.ts";
import { type MonitorInfo, NotebookLoadError } from "./load_monitor.ts";
import { REPLY_PREFIX, type WorkerReply, type WorkerRequest } from "./_worker_main.ts";
import { type Clock, setLongTimer, SYSTEM_CLOCK } from "./scheduler.ts";

/** A run that failed in the monitor's process; the message is one line. */
export class WorkerRunError extends Error {
  override name = "WorkerRunError";
}

/** Why the monitor's process was started again (the `reason` label of the restarts counter). */
export type RestartReason = WorkerRestartReason;

/** Options of {@linkcode startMonitorWorker}. */
export interface MonitorWorkerOptions {
  /**
   * The process's `--allow-read`, `--allow-net` and `--allow-ffi` lists (an empty or absent
   * `ffi`: no FFI). @default read of the module's folder
   */
  permissions?: { read: string[]; net: string[]; ffi?: string[] };
  /** Heap cap of the process (`--max-old-space-size`), in MiB. @default 1024 */
  maxHeapMb?: number;
  /** A run taking longer is ended (its process killed). @default 180000 */
  runTimeoutMs?: number;
  /**
   * Restart delay after the first death; it doubles with each death before a good run.
   * @default 1000
   */
  backoffInitialMs?: number;
  /** The longest restart delay. @default 60000 */
  backoffMaxMs?: number;
  /** Called when the process is started again. @default no-op */
  onRestart?: (reason: RestartReason) => void;
  /** Called when a run times out. @default no-op */
  onTimeout?: () => void;
  /** @default console.error */
  log?: (line: string) => void;
  /** The deno configuration file. @default the repository's deno.json */
  config?: string;
  /** @default SYSTEM_CLOCK */
  clock?: Clock;
}

/** A monitor living in a process of its own. */
export interface WorkerMonitor extends RunnableMonitor {
  readonly info: MonitorInfo;
  /** Whether the monitor's process is up (false while it waits to be restarted). */
  readonly alive: boolean;
  /** Whether a restart of the monitor's process is scheduled (after a crash, OOM or timeout). */
  readonly restarting: boolean;
  /** The run error's one-line description (for the exporter's `describeError`). */
  describeError(error: unknown): string;
  /**
   * Stops restarting; waits up to `graceMs` for the run in progress, then kills the process
   * (that run then fails). Resolves once the process is gone.
   */
  close(graceMs: number): Promise<void>;
  /** Kills the process now. */
  terminate(): void;
}

const ROOT = new URL("../..", import.meta.url).pathname;
const OOM_MARKERS = ["out of memory", "Reached heap limit"];

type Ended = { type: "ended"; reason: RestartReason; message: string };

/** One started process: send a request, get the next reply or how it ended. */
interface Child {
  request(message: WorkerRequest): Promise<WorkerReply | Ended>;
  /** Kills the process; its end then gives the reason "timeout". */
  kill(): void;
  readonly ended: Promise<Ended>;
  /** Whether the process has ended (set before `ended` resolves). */
  readonly exited: boolean;
}

function spawnChild(options: MonitorWorkerOptions, moduleDir: string): Child {
  const permissions = options.permissions ?? { read: [moduleDir], net: [] };
  const args = [
    "run",
    "--no-prompt",
    "--config",
    options.config ?? `${ROOT}deno.json`,
    `--v8-flags=--max-old-space-size=${options.maxHeapMb ?? 1024}`,
    `--allow-read=${permissions.read.join(",")}`,
    ...(permissions.net.length > 0 ? [`--allow-net=${permissions.net.join(",")}`] : []),
    ...((permissions.ffi?.length ?? 0) > 0 ? [`--allow-ffi=${permissions.ffi!.join(",")}`] : []),
    `${ROOT}lib/exporter/_worker_main.ts`,
  ];
  const process = new Deno.Command(Deno.execPath(), {
    args,
    env: { NO_COLOR: "1" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = process.stdin.getWriter();
  let pending: PromiseWithResolvers<WorkerReply | Ended> | undefined;
  let crash: string | undefined;
  let tail = "";
  let killed = false;
  let end: Ended | undefined;

  const stderrDone = (async () => {
    for await (const chunk of process.stderr) {
      await Deno.stderr.write(chunk).catch(() => {}); // the notebook's output stays visible
      tail = (tail + new TextDecoder().decode(chunk)).slice(-4096);
    }
  })().catch(() => {});
  const stdoutDone = (async () => {
    let buffered = "";
    for await (const text of process.stdout.pipeThrough(new TextDecoderStream())) {
      buffered += text;
      for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        // Output the notebook wrote to stdout itself (without a newline) may precede a reply.
        const at = line.indexOf(REPLY_PREFIX);
        if (at !== 0) (options.log ?? console.error)(at < 0 ? line : line.slice(0, at));
        if (at < 0) continue;
        const reply = deserialize(Buffer.from(line.slice(at + REPLY_PREFIX.length), "base64"));
        if ((reply as WorkerReply).type === "crash") {
          crash = (reply as { message: string }).message;
          continue;
        }
        const p = pending;
        pending = undefined;
        p?.resolve(reply as WorkerReply);
      }
    }
  })().catch(() => {});

  const ended = (async (): Promise<Ended> => {
    const status = await process.status;
    await Promise.all([stdoutDone, stderrDone]);
    const oom = OOM_MARKERS.some((m) => tail.includes(m));
    const how = status.signal === null ? `code ${status.code}` : `signal ${status.signal}`;
    const reason: RestartReason = killed ? "timeout" : oom ? "out_of_memory" : "crash";
    const message = oom
      ? `ran out of memory (heap cap ${options.maxHeapMb ?? 1024} MiB, see --max-heap)`
      : crash ?? `exited with ${how}`;
    const result: Ended = { type: "ended", reason, message };
    end = result;
    const p = pending;
    pending = undefined;
    p?.resolve(result);
    writer.close().catch(() => {});
    return result;
  })();

  return {
    ended,
    get exited() {
      return end !== undefined;
    },
    request(message) {
      if (end !== undefined) return Promise.resolve(end);
      if (pending !== undefined) throw new Error("The monitor's process is busy");
      pending = Promise.withResolvers();
      const answer = pending.promise;
      writer.write(new TextEncoder().encode(JSON.stringify(message) + "\n")).catch(() => {});
      return answer;
    },
    kill() {
      killed = true;
      try {
        process.kill("SIGKILL");
      } catch {
        // already exited
      }
    },
  };
}

/**
 * Starts the monitor's process and loads the generated module `file` of `notebook` in it.
 *
 * @param file The generated `.gen.ts` module.
 * @param notebook The notebook it was generated from.
 * @param params The parameter overrides it was generated with.
 * @param options See {@linkcode MonitorWorkerOptions}.
 * @throws {NotebookLoadError} When the notebook fails to load or binds no monitor (one line).
 */
export async function startMonitorWorker(
  file: string,
  notebook: string,
  params: Readonly<Record<string, string>>,
  options: MonitorWorkerOptions = {},
): Promise<WorkerMonitor> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const log = options.log ?? ((line: string) => console.error(line));
  const runTimeoutMs = options.runTimeoutMs ?? 180_000;
  const moduleDir = file.slice(0, file.lastIndexOf("/"));
  const load: WorkerRequest = { type: "load", file, notebook, params: { ...params } };
  let child: Child | undefined;
  let restart: { ready: Promise<Child>; cancel(): void } | undefined;
  let deaths = 0;
  let closed = false;
  let inFlight: Promise<unknown> | undefined;

  async function startChild(): Promise<{ child: Child; info: MonitorInfo }> {
    const started = spawnChild(options, moduleDir);
    const first = await started.request(load);
    if (first.type === "loaded") {
      child = started;
      // A death at any time, during a run or between runs, schedules a restart.
      started.ended.then((end) => {
        if (child === started) {
          child = undefined;
          if (!closed) restartLater(end.reason);
        }
      });
      return { child: started, info: first.info };
    }
    started.kill();
    throw new NotebookLoadError(
      "message" in first ? first.message : `Unexpected reply "${first.type}" from the monitor`,
    );
  }

  function restartLater(reason: RestartReason): void {
    deaths++;
    const initial = options.backoffInitialMs ?? 1000;
    const delay = Math.min(options.backoffMaxMs ?? 60_000, initial * 2 ** (deaths - 1));
    log(`vigil export: restarting the monitor's process in ${delay / 1000} s (${reason})`);
    const waited = Promise.withResolvers<void>();
    const cancelTimer = setLongTimer(clock, clock.now() + delay, waited.resolve);
    const ready = waited.promise.then(() => {
      options.onRestart?.(reason);
      return startChild();
    }).then((started) => started.child);
    const entry = {
      ready,
      cancel() {
        cancelTimer();
        waited.reject(new WorkerRunError("The exporter is stopping"));
      },
    };
    restart = entry;
    ready.catch(() => {}).finally(() => {
      if (restart === entry) restart = undefined;
    });
  }

  async function ready(): Promise<Child> {
    if (child !== undefined) return child;
    try {
      return await (restart?.ready ?? startChild().then((started) => started.child));
    } catch (e) {
      if (restart === undefined && !closed) restartLater("crash");
      throw new WorkerRunError(`The monitor's process cannot start: ${(e as Error).message}`);
    }
  }

  async function run(): Promise<Snapshot> {
    if (closed) throw new WorkerRunError("The exporter is stopping");
    const runner = await ready();
    let timedOut = false;
    const cancelTimeout = setLongTimer(clock, clock.now() + runTimeoutMs, () => {
      timedOut = true;
      options.onTimeout?.();
      runner.kill();
    });
    const answer = await runner.request({ type: "run" }).finally(cancelTimeout);
    if (answer.type === "result") {
      deaths = 0;
      return answer.snapshot;
    }
    if (timedOut) {
      throw new WorkerRunError(
        `Run timed out after ${runTimeoutMs / 1000} s: its process was ended (see --run-timeout)`,
      );
    }
    if (answer.type === "ended") {
      throw new WorkerRunError(`The monitor's process stopped: ${answer.message}`);
    }
    throw new WorkerRunError("message" in answer ? answer.message : "Unexpected reply");
  }

  const { info } = await startChild();
  return {
    name: info.name,
    info,
    get alive() {
      return child !== undefined && !child.exited;
    },
    get restarting() {
      return restart !== undefined;
    },
    describeError(error) {
      if (error instanceof WorkerRunError) return error.message;
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    },
    run() {
      const p = run();
      inFlight = p.catch(() => {});
      return p;
    },
    async close(graceMs) {
      closed = true;
      restart?.cancel();
      if (inFlight !== undefined) {
        let cancel: (() => void) | undefined;
        await Promise.race([
          inFlight,
          new Promise<void>((r) => (cancel = setLongTimer(clock, clock.now() + graceMs, r))),
        ]);
        cancel?.();
      }
      const last = child;
      last?.kill();
      await last?.ended;
    },
    terminate() {
      closed = true;
      restart?.cancel();
      child?.kill();
    },
  };
}
