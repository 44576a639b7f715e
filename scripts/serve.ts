/**
 * `deno task serve`: the model service for the Iris baseline (or any saved model), logging every
 * prediction and label to a DuckDB file. See `--help` and lib/serve/mod.ts.
 *
 * Exit codes: 0 after a clean stop (SIGINT/SIGTERM: stop accepting, finish requests in flight,
 * flush the log); 2 on bad options, an unreadable model or a port in use.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { loadServedModel, startModelService } from "../lib/serve/mod.ts";

const USAGE = `Usage: deno task serve [options]

  --model PATH          baseline or LogisticRegressionModel JSON (default data/baseline.json)
  --host HOST           interface to listen on (default 127.0.0.1)
  --port N              port (default 8080; 0 picks a free one)
  --log PATH            DuckDB file of the prediction log (default log/predictions.duckdb)
  --no-log              serve without logging (/labels and /log answer 503)
  --flush-ms N          longest wait of a logged row before it is written (default 200)
  --batch-rows N        rows that trigger a write (default 5000)
  --queue-capacity N    rows queued before /predict answers 503 (default 100000)
  --max-body-bytes N    largest request body (default 1048576)
  --help                show this text

The task's permissions: net to 127.0.0.1, read of the repository and DuckDB's package, write of
log/ and ffi for DuckDB. A log file outside log/ needs --allow-write for its folder.`;

function positive(name: string, text: string | undefined, fallback: number, zero = false): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isInteger(v) || v < (zero ? 0 : 1)) {
    throw new TypeError(`Option --${name} must be an integer >= ${zero ? 0 : 1}, got "${text}"`);
  }
  return v;
}

async function main(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        model: { type: "string", default: "data/baseline.json" },
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string" },
        log: { type: "string", default: "log/predictions.duckdb" },
        "no-log": { type: "boolean", default: false },
        "flush-ms": { type: "string" },
        "batch-rows": { type: "string" },
        "queue-capacity": { type: "string" },
        "max-body-bytes": { type: "string" },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (e) {
    console.error(`vigil serve: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const served = await loadServedModel(values.model);
    const logPath = values["no-log"] ? null : values.log;
    if (logPath !== null && logPath.includes("/")) {
      await Deno.mkdir(logPath.slice(0, logPath.lastIndexOf("/")), { recursive: true });
    }
    const service = await startModelService(served, {
      hostname: values.host,
      port: positive("port", values.port, 8080, true),
      logPath,
      maxBodyBytes: positive("max-body-bytes", values["max-body-bytes"], 1 << 20),
      logOptions: {
        flushMs: positive("flush-ms", values["flush-ms"], 200),
        batchRows: positive("batch-rows", values["batch-rows"], 5000),
        capacity: positive("queue-capacity", values["queue-capacity"], 100_000),
      },
    });
    const stop = () => {
      console.log("vigil serve: stopping (flushing the prediction log)");
      void service.shutdown();
    };
    Deno.addSignalListener("SIGINT", stop);
    Deno.addSignalListener("SIGTERM", stop);
    console.log(
      `vigil serve: model ${served.name} version ${served.version} on ` +
        `http://${service.addr.hostname}:${service.addr.port} (log: ${logPath ?? "off"})`,
    );
    await service.finished;
    Deno.removeSignalListener("SIGINT", stop);
    Deno.removeSignalListener("SIGTERM", stop);
    console.log("vigil serve: stopped");
    return 0;
  } catch (e) {
    console.error(`vigil serve: ${(e as Error).message}`);
    return 2;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
