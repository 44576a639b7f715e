import { assert, assertEquals } from "../_assert.ts";
import { writeNotebookModule } from "../../lib/exporter/notebook_module.ts";
import { startMonitorWorker, WorkerRunError } from "../../lib/exporter/worker.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const FAULTS = "test/fixtures/exporter/fault_monitor.ipynb";

async function rejection(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (e) {
    assert(e instanceof WorkerRunError, String(e));
    return e;
  }
  throw new Error("the run succeeded");
}

/** The fault fixture's module in a fresh folder, misbehaving while `flag` exists. */
async function faultMonitor(fault: string, extra: Parameters<typeof startMonitorWorker>[3] = {}) {
  const dir = await Deno.makeTempDir({ prefix: "vigil_worker_test_" });
  const flag = `${dir}/misbehave`;
  await Deno.writeTextFile(flag, "");
  const params = { fault, faultFile: flag };
  const { file } = await writeNotebookModule(`${ROOT}${FAULTS}`, params, dir);
  const logs: string[] = [];
  const restarts: string[] = [];
  const monitor = await startMonitorWorker(file, `${ROOT}${FAULTS}`, params, {
    permissions: { read: [ROOT, dir], net: [] },
    backoffInitialMs: 50,
    log: (line) => logs.push(line),
    onRestart: (reason) => restarts.push(reason),
    ...extra,
  });
  return {
    monitor,
    flag,
    logs,
    restarts,
    async close() {
      await monitor.close(0);
      await Deno.remove(dir, { recursive: true });
    },
  };
}

Deno.test("startMonitorWorker() restarts a crashed process with doubling backoff, reset by a good run", async () => {
  const t = await faultMonitor("reject");
  try {
    assert(t.monitor.alive);
    for (let i = 0; i < 3; i++) {
      const e = await rejection(() => t.monitor.run());
      assert(!t.monitor.alive, "dead until restarted");
      assert(e.message.includes("Unhandled rejection Error: async boom"), e.message);
    }
    await Deno.remove(t.flag);
    assertEquals((await t.monitor.run()).monitor, "faults");
    await Deno.writeTextFile(t.flag, "");
    await rejection(() => t.monitor.run());
    const delays = t.logs.map((l) => /in ([\d.]+) s \(crash\)/.exec(l)?.[1]);
    assertEquals(delays, ["0.05", "0.1", "0.2", "0.05"]);
    assertEquals(t.restarts, ["crash", "crash", "crash"]);
  } finally {
    await t.close();
  }
});

Deno.test("startMonitorWorker() ends a run past its timeout and close() ends a spinning run after the grace time", async () => {
  const timeouts: number[] = [];
  const t = await faultMonitor("spin", { runTimeoutMs: 1000, onTimeout: () => timeouts.push(1) });
  try {
    const e = await rejection(() => t.monitor.run());
    assert(e.message.startsWith("Run timed out after 1 s"), e.message);
    assertEquals(timeouts.length, 1);
    const running = rejection(() => t.monitor.run()); // waits for the restart, then spins
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    await t.monitor.close(200);
    const closeMs = performance.now() - t0;
    assert(closeMs < 1000, `close took ${closeMs.toFixed(0)} ms`);
    await running;
    assertEquals(t.restarts, ["timeout"]);
  } finally {
    await t.close();
  }
});

Deno.test("startMonitorWorker() grants the monitor's process FFI of the given paths only", async () => {
  const notebook = `${ROOT}test/fixtures/exporter/ffi_monitor.ipynb`;
  const dir = await Deno.makeTempDir({ prefix: "vigil_worker_ffi_" });
  const params = { ffiPath: `${dir}/lib` };
  const { file } = await writeNotebookModule(notebook, params, dir);
  const start = (ffi: string[] | undefined) =>
    startMonitorWorker(file, notebook, params, {
      permissions: { read: [ROOT, dir], net: [], ...(ffi === undefined ? {} : { ffi }) },
      log: () => {},
    });
  const granted = await start([`${dir}/lib`]);
  const denied = await start(undefined);
  const other = await start([`${dir}/elsewhere`]);
  try {
    assertEquals((await granted.run()).monitor, "ffi");
    assert((await rejection(() => denied.run())).message.includes("is prompt"));
    assert((await rejection(() => other.run())).message.includes("is prompt"));
  } finally {
    await Promise.all([granted.close(0), denied.close(0), other.close(0)]);
    await Deno.remove(dir, { recursive: true });
  }
});
