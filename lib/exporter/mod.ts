/**
 * The exporter behind `deno task export`: runs the `monitor` a notebook binds at start and on a
 * schedule, in a worker, and serves its last snapshot as Prometheus metrics (`/metrics`),
 * `/healthz` (liveness), `/readyz` (freshness) and a status page (`/`). {@linkcode runExporter}
 * is the whole command line; {@linkcode startExporterProcess} starts it as a subprocess, as
 * `deno task export` does.
 *
 * @example
 * ```ts
 * import { parseExportArgs } from "./mod.ts";
 * const options = parseExportArgs(["--once", "--param", "seed=7"]);
 * if (!options.once || options.params.seed !== "7") throw new Error();
 * ```
 *
 * @module
 */
export { runExporter } from "./launcher.ts";
export {
  DEFAULT_NOTEBOOK,
  type ExportOptions,
  parseExportArgs,
  type Schedule,
  USAGE,
  UsageError,
} from "./options.ts";
export {
  type ExporterProcess,
  type StartExporterOptions,
  startExporterProcess,
} from "./subprocess.ts";
