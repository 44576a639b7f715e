/**
 * `deno task demo`: the production loop on one machine. In this process: the model service
 * (lib/serve, logging every prediction and label to a DuckDB file under log/) and the seeded
 * traffic generator (lib/serve/traffic.ts) sending to it over loopback. In a child process: the
 * exporter (`deno task export`'s launcher and permissions) on a monitoring notebook. Prometheus
 * scrapes the service's RED metrics (job vigil-serve) and the exporter's model metrics (job vigil).
 *
 * Stops cleanly on SIGINT/SIGTERM, after `--duration`, or when its parent process goes away:
 * traffic first, then the exporter (SIGTERM), then the service (requests in flight finished, the
 * log flushed). Exit codes: 0 after a clean stop, 1 when the exporter or the service failed, 2 on
 * bad options. See `--help`.
 *
 * @module
 */
import { launcherArgs } from "../lib/exporter/subprocess.ts";
import { watchParent } from "../lib/exporter/parent_watch.ts";
import { loadIris } from "../lib/data/iris.ts";
import { loadServedModel } from "../lib/serve/load_model.ts";
import { startModelService } from "../lib/serve/model_service.ts";
import { runTraffic } from "../lib/serve/traffic.ts";
import type { PredictionLog } from "../lib/store/prediction_log.ts";
import { parseDuration } from "../lib/exporter/options.ts";
import {
  DEMO_USAGE,
  demoExporterArgs,
  type DemoOptions,
  parseDemoArgs,
  snapshotPath,
} from "./_demo_options.ts";
import { snapshotLog } from "./_log_snapshot.ts";

const ROOT = new URL("..", import.meta.url).pathname;

async function duckdbPackageDir(): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), { args: ["info", "--json"] }).output();
  const { npmCache } = JSON.parse(new TextDecoder().decode(out.stdout)) as { npmCache: string };
  return `${npmCache}/registry.npmjs.org/@duckdb`;
}

async function removeLog(path: string): Promise<void> {
  for (const file of [path, `${path}.wal`]) {
    await Deno.remove(file).catch((e) => {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    });
  }
}

async function startSnapshots(log: PredictionLog, options: DemoOptions) {
  const target = snapshotPath(options.log);
  await snapshotLog(log, target);
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => snapshotLog(log, target)).then(
      () => {},
      (e) => console.error(`vigil demo: log snapshot failed: ${(e as Error).message}`),
    );
  }, Math.max(1, parseDuration(options.interval)) * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

async function run(options: DemoOptions): Promise<number> {
  await Deno.mkdir(options.log.slice(0, options.log.lastIndexOf("/")), { recursive: true });
  await removeLog(options.log);
  if (options.watchLog) await removeLog(snapshotPath(options.log));
  const served = await loadServedModel(`${ROOT}data/baseline.json`);
  const service = await startModelService(served, {
    port: options.port,
    logPath: options.log,
    logOptions: { capacity: options.queueCapacity },
  });
  const serviceUrl = `http://127.0.0.1:${service.addr.port}`;
  // A watching notebook reads a copy renewed every interval, there before its first run.
  const snapshots = options.watchLog ? await startSnapshots(service.log!, options) : undefined;
  const exporterArgs = demoExporterArgs(
    options,
    options.exporterPort,
    options.watchLog ? await duckdbPackageDir() : "",
    Deno.cwd(),
  );
  const exporter = new Deno.Command(Deno.execPath(), {
    args: launcherArgs(exporterArgs),
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  const stopping = new AbortController();
  const stop = (why: string) => {
    if (stopping.signal.aborted) return;
    console.log(`vigil demo: stopping (${why})`);
    stopping.abort();
  };
  const exited = exporter.status.then((s) => {
    if (!stopping.signal.aborted) stop(`the exporter exited with code ${s.code}`);
    return s;
  });
  const onInt = () => stop("SIGINT");
  const onTerm = () => stop("SIGTERM");
  Deno.addSignalListener("SIGINT", onInt);
  Deno.addSignalListener("SIGTERM", onTerm);
  const parent = watchParent(() => stop("parent process gone"));
  const drift = options.driftAfter * options.windowSeconds;
  console.log(
    [
      `vigil demo: model service ${serviceUrl} (POST /predict, /labels; GET /metrics)`,
      `vigil demo: exporter      http://127.0.0.1:${options.exporterPort}/ (status page; /metrics)`,
      `vigil demo: prediction log ${options.log}`,
      `vigil demo: traffic ${options.rate} req/s; petal_length drifts after ${drift} s; ` +
      `labels after ${options.labelDelayMs / 1000} s, ${Math.round(options.labelShare * 100)}% ` +
      `of them`,
      "vigil demo: Prometheus: prometheus --config.file=deploy/prometheus.yml (jobs vigil, vigil-serve)",
    ].join("\n"),
  );
  let code = 0;
  try {
    const report = await runTraffic(serviceUrl, (await loadIris()).table, {
      features: served.model.featureNames,
      rate: options.rate,
      windowSeconds: options.windowSeconds,
      schedule: { pattern: "sudden", start: options.driftAfter },
      durationSeconds: options.durationSeconds,
      labelDelayMs: options.labelDelayMs,
      labelShare: options.labelShare,
      seed: options.seed,
      signal: stopping.signal,
    });
    stop("traffic done");
    console.log(`vigil demo: traffic ${JSON.stringify(report)}`);
  } catch (e) {
    console.error(`vigil demo: traffic failed: ${(e as Error).message}`);
    code = 1;
  } finally {
    Deno.removeSignalListener("SIGINT", onInt);
    Deno.removeSignalListener("SIGTERM", onTerm);
    parent.stop();
    try {
      exporter.kill("SIGTERM");
    } catch {
      // already exited
    }
    const status = await exited;
    await snapshots?.stop();
    // 143: killed by our SIGTERM before its handler was installed (still type-checking).
    if (status.code !== 0 && status.code !== 143) code = 1;
    await service.shutdown();
    console.log("vigil demo: stopped (prediction log flushed)");
  }
  return code;
}

async function main(args: string[]): Promise<number> {
  let options: DemoOptions;
  try {
    options = parseDemoArgs(args);
  } catch (e) {
    console.error(`vigil demo: ${(e as Error).message}\n\n${DEMO_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(DEMO_USAGE);
    return 0;
  }
  try {
    return await run(options);
  } catch (e) {
    console.error(`vigil demo: ${(e as Error).message}`);
    return 2;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
