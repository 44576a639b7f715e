import { assert, assertEquals } from "../_assert.ts";
import { serverPermissions } from "../../lib/exporter/launcher.ts";
import { parseExportArgs } from "../../lib/exporter/options.ts";
import { LAUNCHER_FLAGS } from "../../lib/exporter/subprocess.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

Deno.test("serverPermissions grants net to the bound address only, no run but ls and deno and no write without history", () => {
  const options = parseExportArgs(["--host", "127.0.0.1", "--port", "9100"]);
  const p = serverPermissions(options, "/tmp/vigil_export_x", {
    root: "/repo",
    cwd: "/repo",
    deno: "/usr/bin/deno",
  });
  assertEquals(p, {
    net: ["127.0.0.1:9100"],
    read: ["/repo", "/tmp/vigil_export_x"],
    write: [],
    run: ["ls", "/usr/bin/deno"],
    ffi: [],
  });
});

Deno.test("serverPermissions grants FFI of the --ffi paths only (to the monitor), and makes them readable", () => {
  const options = parseExportArgs(["--ffi", "/cache/@duckdb", "--ffi", "lib/x.so"]);
  const p = serverPermissions(options, "/tmp/m", { root: "/repo", cwd: "/repo" });
  assertEquals(p.ffi, ["/cache/@duckdb", "/repo/lib/x.so"]);
  assertEquals(p.read, ["/repo", "/tmp/m", "/cache/@duckdb"]);
});

Deno.test("serverPermissions adds the push gateway, outside data, extra reads and the history folder", () => {
  const options = parseExportArgs([
    "/nb/n.ipynb",
    ...["--port", "0", "--push-gateway", "https://gw.example:9091/", "--history", "h/x.jsonl"],
    ...["--param", "source=/data/batches", "--read", "/srv/ref", "--read", "lib"],
  ]);
  const p = serverPermissions(options, "/tmp/m", { root: "/repo", cwd: "/repo" });
  assertEquals(p.net, ["0.0.0.0", "gw.example:9091"]);
  assertEquals(p.read, ["/repo", "/tmp/m", "/nb", "/data/batches", "/srv/ref"]);
  assertEquals(p.write, ["/repo/h"]);
  const plain = serverPermissions(parseExportArgs(["--push-gateway", "http://gw"]), "/tmp/m", {
    root: "/repo",
    cwd: "/repo",
  });
  assertEquals(plain.net, ["0.0.0.0:8000", "gw:80"]);
});

Deno.test("serverPermissions brackets an IPv6 host in --allow-net", () => {
  const at = (args: string[]) =>
    serverPermissions(parseExportArgs(args), "/tmp/m", { root: "/repo", cwd: "/repo" }).net;
  assertEquals(at(["--host", "::1", "--port", "9100"]), ["[::1]:9100"]);
  assertEquals(at(["--host", "[::1]", "--port", "0"]), ["[::1]"]);
});

Deno.test("deno task export runs the launcher with the flags the tests use, and nothing wider", async () => {
  const config = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
  const task: string = config.tasks.export.command;
  assertEquals(
    task,
    `deno run ${
      LAUNCHER_FLAGS.join(" ")
    } --allow-run="$(realpath $(which deno))" scripts/export.ts`,
  );
  assert(!/--allow-net|-A\b|--allow-all/.test(task), task);
});
