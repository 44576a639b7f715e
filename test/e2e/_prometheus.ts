/**
 * A real Prometheus for the end-to-end tests: started on a free loopback port with a 1 s scrape
 * and evaluation interval, queried through its HTTP API, stopped and cleaned up by `stop()`.
 * Needs /usr/bin/prometheus (`deno task setup`): a missing binary fails the test, never skips it.
 *
 * @module
 */
import { requireBinary } from "../_binaries.ts";
import { freePort } from "../../lib/exporter/subprocess.ts";

/** One element of an instant-vector answer. */
export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** A running Prometheus. */
export interface TestPrometheus {
  /** Base URL, e.g. `http://127.0.0.1:9123`. */
  base: string;
  /** The instant vector for `promql` now (empty while Prometheus is not ready). */
  query(promql: string): Promise<VectorSample[]>;
  /** Polls `promql` every 250 ms until it returns samples; throws naming `what` after `ms`. */
  waitFor(what: string, promql: string, ms: number): Promise<VectorSample[]>;
  /** Stops Prometheus and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts Prometheus scraping `target` (host:port) as job `vigil`, with `rules` as its rule file.
 *
 * @param target The exporter's `host:port`.
 * @param rules Absolute path of the rule file to load.
 * @param jobs More scrape jobs: job name → `host:port` (e.g. `vigil-serve`, the model service).
 */
export async function startPrometheus(
  target: string,
  rules: string,
  jobs: Record<string, string> = {},
): Promise<TestPrometheus> {
  const bin = requireBinary("/usr/bin/prometheus");
  const dir = await Deno.makeTempDir({ prefix: "vigil_prometheus_" });
  const port = freePort();
  await Deno.writeTextFile(
    `${dir}/prometheus.yml`,
    [
      "global: { scrape_interval: 1s, evaluation_interval: 1s }",
      `rule_files: ["${rules}"]`,
      "scrape_configs:",
      "  - job_name: vigil",
      `    static_configs: [{ targets: ["${target}"] }]`,
      ...Object.entries(jobs).flatMap(([job, t]) => [
        `  - job_name: ${job}`,
        `    static_configs: [{ targets: ["${t}"] }]`,
      ]),
      "",
    ].join("\n"),
  );
  const child = new Deno.Command(bin, {
    args: [
      `--config.file=${dir}/prometheus.yml`,
      `--storage.tsdb.path=${dir}/data`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
    ],
    stdout: "null",
    stderr: "null",
  }).spawn();
  const base = `http://127.0.0.1:${port}`;

  async function query(promql: string): Promise<VectorSample[]> {
    const response = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
    if (!response.ok) {
      await response.body?.cancel();
      return [];
    }
    const body = await response.json() as { data?: { result?: VectorSample[] } };
    return body.data?.result ?? [];
  }

  return {
    base,
    query,
    async waitFor(what, promql, ms) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const result = await query(promql).catch(() => []);
        if (result.length > 0) return result;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`Timed out after ${ms} ms waiting for ${what} (${promql})`);
    },
    async stop() {
      child.kill("SIGTERM");
      await child.status;
      await Deno.remove(dir, { recursive: true });
    },
  };
}
