/**
 * Scrape speed, side by side: wrk against Vigil's `/metrics` (every system metric on, a monitor
 * run in progress the whole time: the stub notebook waiting 3 s, and the real Iris notebook with
 * `batchSize=1000000`, whose runs burn seconds of CPU in the exporter's worker) and against the
 * classic Python exporter (prometheus_client's
 * `start_http_server` with one gauge, its default process/platform/gc collectors on), one after
 * the other on loopback, same wrk settings. Prints requests/s, p50 and p99 latency and the ratio.
 * Target: Vigil at least 2× the Python rate, with p99 under 10 ms.
 *
 *   deno run --allow-run --allow-net=127.0.0.1 --allow-read --allow-sys scripts/compare_scrape.ts [--duration 5s] [--connections 2]
 *
 * p99 on a small shared machine is dominated by CPU contention (wrk, both servers and whatever
 * else runs share the cores), so the load average is printed beside the numbers.
 *
 * Needs /usr/bin/wrk and /usr/bin/python3 with prometheus_client
 * (`VIGIL_SETUP_BENCH=1 deno task setup`).
 *
 * @module
 */
import { freePort, startExporterProcess } from "../lib/exporter/subprocess.ts";
import { runWrk, type WrkResult } from "./_wrk.ts";
import { waitUntilUp } from "./_wait_until_up.ts";

const PYTHON_EXPORTER = `
import sys, time
from prometheus_client import Gauge, start_http_server
g = Gauge("vigil_model_accuracy_ratio", "Share of rows predicted right")
g.set(0.93)
start_http_server(int(sys.argv[1]), addr="127.0.0.1")
print("listening", flush=True)
while True:
    time.sleep(3600)
`;

function requireFile(path: string): void {
  try {
    Deno.statSync(path);
  } catch {
    throw new Error(`${path} is missing: run \`VIGIL_SETUP_BENCH=1 deno task setup\``);
  }
}

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] as string : fallback;
}

async function main(args: string[]): Promise<number> {
  const duration = option(args, "--duration", "5s");
  const connections = Number(option(args, "--connections", "2"));
  requireFile("/usr/bin/wrk");
  requireFile("/usr/bin/python3");

  const loopback = ["--host", "127.0.0.1", "--port", "0", "--interval", "1s"];
  // Stub: runs wait 3 s and are due every second, so a run is in progress the whole time.
  const stub = await startExporterProcess([
    "test/fixtures/exporter/stub_monitor.ipynb",
    ...loopback,
    ...["--param", "delayMs=3000"],
  ]);
  // The real Iris notebook with a million flowers per batch: each run burns several seconds of
  // CPU (in the exporter's worker), and a new one starts a second after the last.
  const real = await startExporterProcess([
    "notebooks/04_iris_monitoring.ipynb",
    ...loopback,
    ...["--param", "batchSize=1000000"],
  ]);
  const pyPort = freePort();
  const python = new Deno.Command("/usr/bin/python3", {
    args: ["-c", PYTHON_EXPORTER, String(pyPort)],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const pyErr = python.stderr.pipeTo(new WritableStream());
  try {
    const targets = [
      { name: "vigil (deno), stub notebook, 3 s idle run", url: `http://127.0.0.1:${stub.port}` },
      {
        name: "vigil (deno), iris notebook, CPU-bound run",
        url: `http://127.0.0.1:${real.port}`,
      },
      { name: "python prometheus_client", url: `http://127.0.0.1:${pyPort}` },
    ].map((t) => ({ ...t, url: `${t.url}/metrics` }));
    await Promise.all(targets.map((t) => waitUntilUp(t.url, 60_000)));
    const ran = (p: { stderr(): string }) => p.stderr().includes("run 1 ok");
    while (!ran(stub) || !ran(real)) await new Promise((r) => setTimeout(r, 100));
    const bytes = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength;
    const results: { name: string; bytes: number; wrk: WrkResult }[] = [];
    for (const t of targets) {
      const size = await bytes(t.url);
      await runWrk(t.url, { duration: "1s", connections }); // warm-up (JIT, caches)
      results.push({
        name: t.name,
        bytes: size,
        wrk: await runWrk(t.url, { duration, connections }),
      });
    }
    const runsDuring = [...real.stderr().matchAll(/run \d+ ok in ([\d.]+) s/g)].map((m) =>
      Number(m[1])
    );
    const ms = (s: number) => (s * 1000).toFixed(2);
    const rows = [
      ["exporter", "bytes", "req/s", "p50 ms", "p99 ms", "errors"],
      ...results.map((r) => [
        r.name,
        r.bytes,
        r.wrk.requestsPerSecond.toFixed(0),
        ms(r.wrk.p50Seconds),
        ms(r.wrk.p99Seconds),
        r.wrk.errors,
      ]),
    ].map((r) => r.map(String));
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
    let load = "unknown (run with --allow-sys)";
    try {
      load = `${
        Deno.loadavg().map((x) => x.toFixed(2)).join(", ")
      } on ${navigator.hardwareConcurrency} cores`;
    } catch {
      // no --allow-sys
    }
    console.log(`wrk -t1 -c${connections} -d${duration} --latency, loopback, one after the other`);
    console.log(`load average: ${load}`);
    console.log(
      `iris runs so far: ${runsDuring.length}, ${
        runsDuring.map((s) => s.toFixed(1)).join(", ")
      } s each`,
    );
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  "));
    const p = results[2]?.wrk;
    let met = p !== undefined;
    for (const r of results.slice(0, 2)) {
      const ratio = p === undefined ? NaN : r.wrk.requestsPerSecond / p.requestsPerSecond;
      const ok = ratio >= 2 && r.wrk.p99Seconds < 0.01;
      met &&= ok;
      console.log(
        `${r.name}: ${ratio.toFixed(2)}x python; target (>= 2x and p99 < 10 ms): ${
          ok ? "met" : "NOT met"
        }`,
      );
    }
    return met ? 0 : 1;
  } finally {
    python.kill("SIGTERM");
    await python.status;
    await pyErr.catch(() => {});
    await Promise.all([stub.stop("SIGTERM"), real.stop("SIGTERM")]);
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
