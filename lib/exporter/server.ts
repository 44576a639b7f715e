/**
 * The exporter's server process, started by the launcher (lib/exporter/launcher.ts) with narrow
 * permissions once the notebook's module is written and type-checked; its options (parsed once,
 * by the launcher) arrive as one JSON argument. Loads the
 * monitor in a worker (`_worker_main.ts`) and runs it there at start and on a schedule (never
 * overlapping), keeps the last good snapshot and serves `/metrics`, `/healthz`, `/readyz` and `/`
 * from the main thread, through its own HTTP server (`http_server.ts`: timeouts, a connection cap,
 * survives running out of descriptors). See `--help` and DESIGN.md, "The exporter".
 *
 * The notebook's code runs in a process of its own (`worker.ts`): with a capped heap, ended when a
 * run outlives `--run-timeout`, restarted with backoff when it dies.
 *
 * Stops cleanly (after the run in progress, which gets at most 10 s or the run timeout if shorter)
 * on SIGINT, SIGTERM or when its stdin closes (the
 * launcher died). Exit codes: 0 after a clean stop or a successful `--once`; 1 when the `--once`
 * run failed (or its `--history` append did) or a second signal forced the stop; 2 on bad input (no `monitor`, a notebook that
 * throws while loading, port in use).
 *
 * @module
 */
import { Registry } from "prom-client";
import { createExporterMetrics, type ExporterMetrics } from "../prometheus/exporter_metrics.ts";
import { createSnapshotMetrics } from "../prometheus/snapshot_metrics.ts";
import { createExporter } from "./exporter.ts";
import { createExportHandler } from "./handler.ts";
import { type HttpServer, serveHttp } from "./http_server.ts";
import { NotebookLoadError } from "./load_monitor.ts";
import { startMonitorWorker, type WorkerMonitor } from "./worker.ts";
import {
  type ExportOptions,
  HEADER_TIMEOUT_SECONDS,
  runTimeoutSeconds,
  type ServerOptions,
  serverOptionsFromJson,
  UsageError,
} from "./options.ts";
import { type ScheduleTiming, scheduleTiming, startScheduler } from "./scheduler.ts";
import { loadSnapshotCharts } from "./status_page.ts";

function fail(message: string): number {
  console.error(`vigil export: ${message}`);
  return 2;
}

/** One line for any error `Deno.listen` throws (the listener is the only thing that can fail). */
function listenError(e: unknown, options: ExportOptions): string {
  const where = `${options.host}:${options.port}`;
  if (e instanceof Deno.errors.AddrInUse) {
    return `Cannot listen on ${where}: address already in use`;
  }
  if (e instanceof Deno.errors.AddrNotAvailable) {
    return `Cannot listen on ${where}: no such address on this machine`;
  }
  const message = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
  if (/lookup address/i.test(message)) {
    return `Cannot listen on ${where}: host name "${options.host}" does not resolve`;
  }
  return `Cannot listen on ${where}: ${message}`;
}

/**
 * Runs the exporter's server. The launcher passes one argument: the options it parsed, plus the
 * generated module, as JSON (`serverOptionsToJson`); the command line is never parsed again here.
 *
 * @param args Command-line arguments (without the script name): the options' JSON text.
 * @returns The process exit code.
 */
export async function runServer(args: readonly string[]): Promise<number> {
  let options: ServerOptions;
  let timing: ScheduleTiming;
  try {
    if (args.length !== 1) throw new TypeError(`expected 1 argument, got ${args.length}`);
    options = serverOptionsFromJson(args[0] ?? "");
    timing = scheduleTiming(options.schedule);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    if (e instanceof SyntaxError || e instanceof TypeError) {
      return fail(`Bad server options (${e.message}): start the exporter with scripts/export.ts`);
    }
    throw e;
  }

  if (
    options.history !== undefined &&
    Deno.permissions.querySync({ name: "write", path: options.history }).state !== "granted"
  ) {
    return fail(`Cannot write history file "${options.history}": not allowed by --allow-write`);
  }

  // Created before the monitor's process so that its restarts and timeouts are counted.
  const registry = new Registry();
  const metrics = createExporterMetrics(registry);
  let monitor: WorkerMonitor;
  try {
    monitor = await startMonitorWorker(options.module, options.notebook, options.params, {
      ...(options.monitorPermissions === undefined
        ? {}
        : { permissions: options.monitorPermissions }),
      maxHeapMb: options.maxHeapMb,
      runTimeoutMs: runTimeoutSeconds(options, timing.periodSeconds) * 1000,
      onRestart: (reason) => metrics.recordWorkerRestart(reason),
      onTimeout: () => metrics.recordRunTimeout(),
    });
  } catch (e) {
    metrics.close();
    if (e instanceof NotebookLoadError) return fail(e.message);
    throw e;
  }
  try {
    return await serve(options, timing, monitor, { registry, metrics });
  } finally {
    monitor.terminate();
  }
}

/**
 * How long SIGTERM waits for the run in progress before ending it (at most the run timeout):
 * a hung or spinning run must not keep the process from stopping.
 */
const STOP_GRACE_MS = 10_000;

async function serve(
  options: ExportOptions,
  timing: ScheduleTiming,
  monitor: WorkerMonitor,
  { registry, metrics }: { registry: Registry; metrics: ExporterMetrics },
): Promise<number> {
  const { info, describeError } = monitor;

  let snapshotMetrics: ReturnType<typeof createSnapshotMetrics>;
  try {
    snapshotMetrics = createSnapshotMetrics(registry, {
      model: info.model,
      checks: info.checks,
      ...(info.features === undefined ? {} : { features: info.features }),
      ...(info.detectors === undefined ? {} : { detectors: info.detectors }),
      articleAliases: options.articleMetrics,
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    metrics.close();
    return fail(`Monitor "${monitor.name}" cannot be exported: ${e.message}`);
  }
  const exporter = createExporter(monitor, {
    registry,
    metrics,
    snapshotMetrics,
    describeError,
    ...(options.once ? {} : { charts: loadSnapshotCharts }),
    ...(options.history === undefined ? {} : { history: options.history }),
    ...(options.pushGateway === undefined
      ? {}
      : { push: { url: options.pushGateway, job: options.job } }),
  });

  if (options.once) {
    const record = await exporter.runOnce();
    await Deno.stdout.write(new TextEncoder().encode(await exporter.exposition("prometheus")));
    metrics.close();
    // A batch job whose history was not kept has failed too (the reason is already logged).
    return record.ok && record.historyError === undefined ? 0 : 1;
  }

  // Listening before the server announces itself: a signal sent right after must not kill us.
  // A Ctrl-C reaches both the launcher and us, and the launcher forwards it: a repeat within a
  // second is that same signal, a later one forces the stop.
  const signals: Deno.Signal[] = ["SIGINT", "SIGTERM"];
  const { promise: stopping, resolve } = Promise.withResolvers<string>();
  let signalledAt: number | undefined;
  const listeners = signals.map((signal) => {
    const listener = () => {
      if (signalledAt !== undefined) {
        if (performance.now() - signalledAt > 1000) Deno.exit(1);
        return;
      }
      signalledAt = performance.now();
      resolve(`${signal} received`);
    };
    Deno.addSignalListener(signal, listener);
    return [signal, listener] as const;
  });
  // The launcher holds our stdin open: end of input means it is gone, so stop rather than linger.
  (async () => {
    try {
      for await (const _ of Deno.stdin.readable) {
        // nothing is ever sent
      }
    } catch {
      // closed
    }
    if (signalledAt === undefined) {
      signalledAt = performance.now();
      resolve("stdin closed");
    }
  })();

  const handler = createExportHandler(exporter, {
    staleAfterSeconds: options.staleAfterIntervals * timing.periodSeconds,
    showErrors: options.showErrors,
    // Live while the monitor's process is up or being replaced: a probe restarting the whole
    // exporter would not do better than the respawn already under way.
    alive: () => monitor.alive || monitor.restarting,
  });
  let server: HttpServer;
  let lastAcceptLog = -Infinity;
  try {
    server = serveHttp(handler, {
      hostname: options.host,
      port: options.port,
      headerTimeoutMs: HEADER_TIMEOUT_SECONDS * 1000,
      idleTimeoutMs: options.idleTimeoutSeconds * 1000,
      maxConnections: options.maxConnections,
      onListen: ({ hostname, port }) =>
        console.log(`vigil export: listening on http://${hostname}:${port}/ (metrics at /metrics)`),
      onDrop: (reason) => metrics.recordConnectionDrop(reason),
      onAcceptError: (e) => {
        metrics.recordAcceptError();
        // Once a minute at most: a descriptor storm must not flood the log too.
        if (performance.now() - lastAcceptLog > 60_000) {
          lastAcceptLog = performance.now();
          console.error(`vigil export: cannot accept a connection (${e.message}), retrying`);
        }
      },
    });
  } catch (e) {
    metrics.close();
    for (const [s, listener] of listeners) Deno.removeSignalListener(s, listener);
    return fail(listenError(e, options));
  }
  metrics.watchConnections(() => server.openConnections());

  const scheduler = startScheduler(async () => {
    await exporter.runOnce();
  }, { next: timing.next, onSkip: () => exporter.recordSkip() });

  const reason = await stopping;
  console.error(`vigil export: ${reason}, stopping`);
  const schedulerStopped = scheduler.stop();
  const graceMs = Math.min(STOP_GRACE_MS, runTimeoutSeconds(options, timing.periodSeconds) * 1000);
  await monitor.close(graceMs);
  await schedulerStopped;
  await server.shutdown();
  metrics.close();
  for (const [s, listener] of listeners) Deno.removeSignalListener(s, listener);
  return 0;
}

if (import.meta.main) {
  Deno.exit(await runServer(Deno.args));
}
