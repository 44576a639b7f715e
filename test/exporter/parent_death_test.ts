/**
 * The exporter must not outlive whatever started it: SIGKILL of the launcher (the server's stdin
 * closes) and SIGTERM to a wrapper that dies without passing it on, as `npx` can.
 */
import { assert } from "../_assert.ts";
import { launcherArgs, startExporterProcess } from "../../lib/exporter/subprocess.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const STUB = "test/fixtures/exporter/stub_monitor.ipynb";
const ARGS = [STUB, "--host", "127.0.0.1", "--port", "0", "--interval", "1s"];

async function ps(args: string[]): Promise<string[]> {
  const out = await new Deno.Command("ps", { args, stdout: "piped", stderr: "null" }).output();
  return new TextDecoder().decode(out.stdout).split("\n").map((l) => l.trim()).filter((l) => l);
}

/** PIDs whose parent is `pid` (Deno only reads /proc with --allow-all, so ask `ps`). */
async function childrenOf(pid: number): Promise<number[]> {
  return (await ps(["-o", "pid=", "--ppid", String(pid)])).map(Number);
}

/** Whether `pid` runs (a zombie has exited; it only waits for its parent to reap it). */
async function alive(pid: number): Promise<boolean> {
  const [stat] = await ps(["-o", "stat=", "-p", String(pid)]);
  return stat !== undefined && !stat.startsWith("Z");
}

/** Resolves with how long `pid` took to exit, or rejects after `timeoutMs`. */
async function exitWithin(pid: number, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (!(await alive(pid))) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Process ${pid} still running after ${timeoutMs} ms`);
}

function kill(pid: number): void {
  try {
    Deno.kill(pid, "SIGKILL");
  } catch {
    // gone
  }
}

Deno.test("the server exits within 3 s when its launcher is SIGKILLed", async () => {
  const exporter = await startExporterProcess(ARGS);
  let server: number | undefined;
  let tempDir: string | undefined;
  try {
    [server] = await childrenOf(exporter.child.pid);
    assert(server !== undefined && await alive(server), "the launcher has a server child");
    // A SIGKILLed launcher cannot remove its temp folder: the test does.
    const [command = ""] = await ps(["-o", "args=", "-p", String(server)]);
    tempDir = /\/tmp\/vigil_export_\w+/.exec(command)?.[0];
    exporter.child.kill("SIGKILL");
    await exporter.child.status;
    const ms = await exitWithin(server, 3000);
    console.log(`server exited ${ms.toFixed(0)} ms after its launcher was killed`);
  } finally {
    if (server !== undefined) kill(server);
    await exporter.stop().catch(() => 0);
    if (tempDir !== undefined) await Deno.remove(tempDir, { recursive: true }).catch(() => {});
  }
});

Deno.test("SIGTERM to a wrapper that does not pass it on (like npx) stops launcher and server", async () => {
  // `; exit` keeps sh as the parent (no exec), and sh dies of SIGTERM without forwarding it.
  const command = [Deno.execPath(), ...launcherArgs(ARGS)].map((a) => `'${a}'`).join(" ");
  const wrapper = new Deno.Command("sh", {
    args: ["-c", `${command}; exit $?`],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const pids: number[] = [];
  let err = "";
  const errDone = (async () => {
    for await (const chunk of wrapper.stderr) err += new TextDecoder().decode(chunk);
  })();
  try {
    const reader = wrapper.stdout.getReader();
    let out = "";
    while (!out.includes("listening on")) {
      const { value, done } = await reader.read();
      assert(!done, `the exporter did not start: ${err}`);
      out += new TextDecoder().decode(value);
    }
    reader.releaseLock();
    const [launcher] = await childrenOf(wrapper.pid);
    assert(launcher !== undefined, "sh has a launcher child");
    const [server] = await childrenOf(launcher);
    assert(server !== undefined, "the launcher has a server child");
    pids.push(launcher, server);

    wrapper.kill("SIGTERM");
    await wrapper.status;
    const [launcherMs, serverMs] = await Promise.all([
      exitWithin(launcher, 5000),
      exitWithin(server, 5000),
    ]);
    console.log(
      `launcher exited after ${launcherMs.toFixed(0)} ms, server ${serverMs.toFixed(0)} ms`,
    );
    await wrapper.stdout.cancel();
    await errDone;
    assert(err.includes("vigil export: parent process gone, stopping"), err);
  } finally {
    pids.forEach(kill);
    kill(wrapper.pid);
    await wrapper.status;
  }
});
