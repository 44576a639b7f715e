/**
 * The exporter survives what the notebook's code does to its process: an unhandled rejection, an
 * uncaught error, running out of heap, a run that hangs or spins. Each fixture run misbehaves
 * while a flag file exists; the test removes it and checks that the next run works.
 */
import { assert, assertEquals } from "../_assert.ts";
import { type ExporterProcess, startExporterProcess } from "../../lib/exporter/subprocess.ts";
import { sample } from "./_fixtures.ts";

const FAULTS = "test/fixtures/exporter/fault_monitor.ipynb";

async function scrape(exporter: ExporterProcess): Promise<string> {
  return await (await fetch(`http://127.0.0.1:${exporter.port}/metrics`)).text();
}

/** Scrapes every 100 ms until `done(text)` holds; fails after `timeoutMs`. */
async function waitFor(
  exporter: ExporterProcess,
  what: string,
  done: (text: string) => boolean,
  timeoutMs = 30_000,
): Promise<string> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    const text = await scrape(exporter);
    if (done(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}:\n${exporter.stderr()}`);
}

const restarts = (text: string, reason: string) =>
  sample(text, `vigil_exporter_worker_restarts_total{reason="${reason}"}`) ?? 0;
const accuracy = (text: string) => sample(text, 'vigil_model_accuracy_ratio{model="faults"}');

/** Starts the fault fixture misbehaving, waits for a restart by `reason`, ends the fault. */
async function recovers(fault: string, reason: string, extra: string[] = []) {
  const dir = await Deno.makeTempDir({ prefix: "vigil_fault_" });
  const flag = `${dir}/misbehave`;
  await Deno.writeTextFile(flag, "");
  const exporter = await startExporterProcess([
    FAULTS,
    ...["--host", "127.0.0.1", "--port", "0", "--interval", "300ms", "--read", dir],
    ...["--param", `fault=${fault}`, "--param", `faultFile=${flag}`, ...extra],
  ]);
  try {
    const failed = await waitFor(exporter, `a ${reason} restart`, (t) => restarts(t, reason) >= 1);
    assert((sample(failed, "vigil_exporter_run_failures_total") ?? 0) >= 1, "the run failed");
    assertEquals(accuracy(failed), undefined, "no values before a good run");
    await Deno.remove(flag);
    const recovered = await waitFor(exporter, "a good run", (t) => accuracy(t) === 1);
    assertEquals(await exporter.stop("SIGTERM"), 0, exporter.stderr());
    return { text: recovered, log: exporter.stderr() };
  } finally {
    await exporter.stop("SIGKILL");
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("an unhandled rejection in notebook code restarts the monitor's process and the next run works", async () => {
  const { log } = await recovers("reject", "crash");
  assert(
    /run failed .*Unhandled rejection Error: async boom \(notebook .*fault_monitor\.ipynb, cell 4/
      .test(log),
    log,
  );
  assert(!log.includes("restart the exporter"), log);
});

Deno.test("an uncaught error in a timer of notebook code restarts the monitor's process and the next run works", async () => {
  const { log } = await recovers("throw", "crash");
  assert(log.includes("Uncaught Error: timer boom"), log);
});

Deno.test("a run that exhausts --max-heap fails without taking the exporter down; the next run works", async () => {
  const { text, log } = await recovers("oom", "out_of_memory", ["--max-heap", "64"]);
  assert(log.includes("ran out of memory (heap cap 64 MiB"), log);
  assertEquals(restarts(text, "crash"), 0);
});

Deno.test("a run that hangs is ended by --run-timeout, counted, and the next run works", async () => {
  const { text, log } = await recovers("hang", "timeout", ["--run-timeout", "1s"]);
  assert((sample(text, "vigil_exporter_run_timeouts_total") ?? 0) >= 1, text);
  assert(log.includes("Run timed out after 1 s"), log);
});

Deno.test("a spinning run is ended by --run-timeout and does not keep SIGTERM from stopping the exporter", async () => {
  const exporter = await startExporterProcess([
    FAULTS,
    ...["--host", "127.0.0.1", "--port", "0", "--param", "fault=spin"],
    ...["--interval", "1s", "--run-timeout", "2s"],
  ]);
  try {
    // Scrapes answer while the run spins; the timeout ends it and the process is restarted.
    const text = await waitFor(exporter, "a restart", (t) => restarts(t, "timeout") >= 1);
    assertEquals(sample(text, "vigil_exporter_run_timeouts_total"), 1);
    assertEquals(sample(text, "vigil_exporter_run_failures_total"), 1);
    // SIGTERM in the middle of the next spinning run: the stop waits at most the run timeout.
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    const code = await exporter.stop("SIGTERM");
    const seconds = (performance.now() - t0) / 1000;
    assertEquals(code, 0, exporter.stderr());
    assert(seconds < 5, `stopped in ${seconds.toFixed(1)} s:\n${exporter.stderr()}`);
  } finally {
    await exporter.stop("SIGKILL");
  }
});
