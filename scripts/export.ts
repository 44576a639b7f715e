/**
 * `deno task export [NOTEBOOK] [options]`: serves a notebook's `monitor` as a Prometheus exporter.
 * The application lives in lib/exporter (see `--help` and DESIGN.md, "The exporter").
 *
 * @module
 */
import { runExporter } from "../lib/exporter/mod.ts";

if (import.meta.main) {
  Deno.exit(await runExporter(Deno.args));
}
