import { assert, assertEquals } from "../_assert.ts";
import { launcherArgs } from "../../lib/exporter/subprocess.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const STUB = "test/fixtures/exporter/stub_monitor.ipynb";

Deno.test("export --once --history appends whole lines with the server's narrow permissions", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const history = `${dir}/runs.jsonl`;
    for (let i = 0; i < 2; i++) {
      const out = await new Deno.Command(Deno.execPath(), {
        args: launcherArgs([STUB, "--once", "--history", history]),
        cwd: ROOT,
        env: { NO_COLOR: "1" },
        stdout: "null",
        stderr: "piped",
      }).output();
      assertEquals(out.code, 0, new TextDecoder().decode(out.stderr));
    }
    const lines = (await Deno.readTextFile(history)).split("\n");
    assertEquals(lines.length, 3, "two lines and the final newline");
    assertEquals(lines.slice(0, 2).map((l) => JSON.parse(l).run), [1, 1]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("export --once --history to an unwritable path exits 1 and says why", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // The folder is writable (so --allow-write is granted), the path is a folder: open fails.
    const cases = [`${dir}/missing/runs.jsonl`, dir];
    for (const history of cases) {
      const out = await new Deno.Command(Deno.execPath(), {
        args: launcherArgs([STUB, "--once", "--history", history]),
        cwd: ROOT,
        env: { NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(out.stderr);
      assertEquals(out.code, 1, stderr);
      assert(stderr.includes(`vigil export: Cannot append history to "${history}"`), stderr);
      assert(
        new TextDecoder().decode(out.stdout).includes(
          "vigil_exporter_history_write_failures_total 1",
        ),
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
