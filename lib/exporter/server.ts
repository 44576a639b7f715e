/**
 * The exporter's server process, started by the launcher (lib/exporter/launcher.ts) with narrow
 * permissions once the notebook's module is written and type-checked; its options (parsed once,
 * by the launcher) arrive as one JSON argument. Loads the
 * monitor in a worker (`_worker_main.ts`) and runs it there at start and on a schedule (never
 * overlapping), keeps the last good snapshot and serves `/metrics`, `/healthz` and `/` from the
 * main thread. See `--help` and DESIGN.md, "The exporter".
 *
 * Stops cleanly (after the run in progress) on SIGINT, SIGTERM or when its stdin closes (the
 * launcher died). Exit codes: 0 after a clean stop or a successful `--once`; 1 when the `--once`
 * run failed (or its `--history` append did) or a second signal forced the stop; 2 on bad input (no `monitor`, a notebook that
 * throws while loading, port in use).
 *
 * @module
 */
import { Registry } from "prom-client";
import { createExporterMetrics } from "../prometheus/exporter_metrics.ts";
import { createSnapshotMetrics } from "../prometheus/snapshot_metrics.ts";
import { createExporter } from "./exporter.ts";
import { createExportHandler } from "./handler.ts";
import { NotebookLoadError } from "./load_monitor.ts";
import { startMonitorWorker, type WorkerMonitor } from "./worker.ts";
import {
  type ExportOptions,
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

function listenError(e: unknown, options: ExportOptions): string | undefined {
  const where = `${options.host}:${options.port}`;
  if (e instanceof Deno.errors.AddrInUse) {
    return `Cannot listen on ${where}: address already in use`;
  }
  if (e instanceof Deno.errors.AddrNotAvailable) {
    return `Cannot listen on ${where}: no such address`;
  }
  if (e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied) {
    return `Cannot listen on ${where}: ${(e as Error).message}`;
  }
  return undefined;
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

  let monitor: WorkerMonitor;
  try {
    monitor = await startMonitorWorker(options.module, options.notebook, options.params);
  } catch (e) {
    if (e instanceof NotebookLoadError) return fail(e.message);
    throw e;
  }
  try {
    return await serve(options, timing, monitor);
  } finally {
    monitor.terminate();
  }
}

async function serve(
  options: ExportOptions,
  timing: ScheduleTiming,
  monitor: WorkerMonitor,
): Promise<number> {
  const { info, describeError } = monitor;

  const registry = new Registry();
  let snapshotMetrics: ReturnType<typeof createSnapshotMetrics>;
  try {
    snapshotMetrics = createSnapshotMetrics(registry, {
      model: info.model,
      checks: info.checks,
      ...(info.features === undefined ? {} : { features: info.features }),
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return fail(`Monitor "${monitor.name}" cannot be exported: ${e.message}`);
  }
  const metrics = createExporterMetrics(registry);
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

  const handler = createExportHandler(exporter, { maxAgeSeconds: 2 * timing.periodSeconds });
  const controller = new AbortController();
  let server: Deno.HttpServer;
  try {
    server = Deno.serve({
      hostname: options.host,
      port: options.port,
      signal: controller.signal,
      onListen: ({ hostname, port }) =>
        console.log(`vigil export: listening on http://${hostname}:${port}/ (metrics at /metrics)`),
    }, handler);
  } catch (e) {
    metrics.close();
    for (const [s, listener] of listeners) Deno.removeSignalListener(s, listener);
    const message = listenError(e, options);
    if (message !== undefined) return fail(message);
    throw e;
  }

  const scheduler = startScheduler(async () => {
    await exporter.runOnce();
  }, { next: timing.next, onSkip: () => exporter.recordSkip() });

  const reason = await stopping;
  console.error(`vigil export: ${reason}, stopping`);
  controller.abort();
  await scheduler.stop();
  await server.finished;
  metrics.close();
  for (const [s, listener] of listeners) Deno.removeSignalListener(s, listener);
  return 0;
}

if (import.meta.main) {
  Deno.exit(await runServer(Deno.args));
}
