import { assertEquals } from "../_assert.ts";
import { WORKER_PERMISSIONS } from "../../lib/exporter/worker_permissions.ts";

const MODULE = new URL("../../lib/exporter/worker_permissions.ts", import.meta.url).href;

Deno.test("the notebook's worker cannot run ls although the server process may", async () => {
  assertEquals(WORKER_PERMISSIONS.run, false);
  const dir = await Deno.makeTempDir({ prefix: "vigil_worker_perm_" });
  try {
    const probe = `
      let ran;
      try {
        new Deno.Command("ls", { args: ["/"] }).outputSync();
        ran = "ran";
      } catch (e) {
        ran = e.name;
      }
      self.postMessage(ran);`;
    await Deno.writeTextFile(`${dir}/probe.js`, probe);
    await Deno.writeTextFile(
      `${dir}/main.ts`,
      `import { confinedWorkerOptions } from "${MODULE}";
      const main = new Deno.Command("ls", { args: ["/"] }).outputSync().success ? "ran" : "failed";
      const worker = new Worker(new URL("./probe.js", import.meta.url).href, confinedWorkerOptions());
      worker.onmessage = (e) => { console.log(main, e.data); worker.terminate(); };`,
    );
    // The server's own flags: run of ls only, and the Worker options flag the launcher passes.
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--unstable-worker-options",
        "--allow-read",
        "--allow-run=ls",
        `${dir}/main.ts`,
      ],
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const decoder = new TextDecoder();
    assertEquals(decoder.decode(out.stdout), "ran NotCapable\n", decoder.decode(out.stderr));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
