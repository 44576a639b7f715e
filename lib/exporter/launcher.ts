/**
 * `deno task export [NOTEBOOK] [options]`: turns a notebook that binds `monitor` into a Prometheus
 * exporter. This is the LAUNCHER: it parses the options, writes the notebook's module to a temp
 * folder and type-checks it, then starts the server (`server.ts`) in a second Deno process
 * whose permissions are computed from the options ({@linkcode serverPermissions}): network to its
 * own address (and the push gateway's), reads of the repository and named data, writes only for
 * `--history`, `ls` and `deno` as the only programs. The launcher itself needs
 * `--allow-read=.,/tmp`, `--allow-write=/tmp` and `--allow-run=<deno>`; the notebook's code never
 * runs with those. At start it removes the temp folders killed launchers left behind
 * (`temp_folder.ts`).
 * See `--help` and DESIGN.md, "The exporter".
 *
 * Exit codes: the server's (0 after a clean stop or a successful `--once`; 1 when the `--once` run
 * failed or a second signal forced the stop; 2 on bad input), or 2 when the options are bad or the
 * notebook is missing, is not notebook JSON, rejects a parameter or does not type-check.
 *
 * @module
 */
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { checkNotebookModule, writeNotebookModule } from "./notebook_module.ts";
import { NotebookLoadError } from "./load_monitor.ts";
import { createTempFolder, removeStaleTempFolders, type TempFolder } from "./temp_folder.ts";
import { watchParent } from "./parent_watch.ts";
import {
  type ExportOptions,
  parseExportArgs,
  serverOptionsToJson,
  USAGE,
  UsageError,
} from "./options.ts";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);

function fail(message: string): number {
  console.error(`vigil export: ${message}`);
  return 2;
}

function inside(path: string, folder: string): boolean {
  const r = relative(folder, path);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
}

/** Where the server may go: the values of its `--allow-*` flags. */
export interface ServerPermissions {
  net: string[];
  read: string[];
  write: string[];
  run: string[];
  /** Native libraries the monitor's process may load (`--ffi`); empty: no FFI at all. */
  ffi: string[];
}

/**
 * The server's permissions for `options`: net to `host:port` (the host alone for port 0, whose
 * real port is not known in advance) and the push gateway's `host:port`; read of the repository,
 * `moduleDir`, the notebook's folder and a `--param source=PATH` when outside the repository, and
 * every `--read PATH` and `--ffi PATH`; write of the `--history` file's folder only; run of `ls`
 * (to count open descriptors) and of `deno` (to start the monitor's process, which gets the read
 * and net lists, and FFI of the `--ffi` paths only) only. The server itself never gets FFI.
 *
 * @param options Parsed options.
 * @param moduleDir The folder holding the generated module.
 * @param root The repository root. @default the repository this script is in
 * @param cwd Folder relative paths are resolved against. @default Deno.cwd()
 * @param deno The deno executable. @default Deno.execPath()
 * @example
 * ```ts
 * import { serverPermissions } from "./launcher.ts";
 * import { parseExportArgs } from "./options.ts";
 * const options = parseExportArgs(["--port", "9100", "--history", "/var/vigil/h.jsonl"]);
 * const p = serverPermissions(options, "/tmp/m", { root: "/r", cwd: "/r", deno: "/bin/deno" });
 * if (p.net.join() !== "0.0.0.0:9100" || p.write.join() !== "/var/vigil") throw new Error();
 * if (p.read.join() !== "/r,/tmp/m" || p.run.join() !== "ls,/bin/deno") throw new Error();
 * if (p.ffi.length !== 0) throw new Error("FFI is off unless asked for");
 * ```
 */
export function serverPermissions(
  options: ExportOptions,
  moduleDir: string,
  { root = ROOT, cwd = Deno.cwd(), deno = Deno.execPath() }: {
    root?: string;
    cwd?: string;
    deno?: string;
  } = {},
): ServerPermissions {
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const net = [options.port === 0 ? host : `${host}:${options.port}`];
  if (options.pushGateway !== undefined) {
    const url = new URL(options.pushGateway);
    net.push(`${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`);
  }
  const read = [root, moduleDir];
  const extra = (path: string) => {
    const absolute = resolve(cwd, path);
    if (!read.some((r) => inside(absolute, r))) read.push(absolute);
  };
  extra(dirname(resolve(cwd, options.notebook)));
  const source = options.params.source;
  if (source !== undefined && source !== "") extra(source);
  options.reads.forEach(extra);
  const ffi = options.ffi.map((path) => resolve(cwd, path));
  ffi.forEach(extra);
  const write = options.history === undefined ? [] : [dirname(resolve(cwd, options.history))];
  return { net, read, write, run: ["ls", deno], ffi };
}

/** The `deno run` arguments of the server process: its flags, then the options as one JSON text. */
function serverArgs(
  options: ExportOptions,
  permissions: ServerPermissions,
  module: string,
): string[] {
  const flags = [
    `--allow-net=${permissions.net.join(",")}`,
    `--allow-read=${permissions.read.join(",")}`,
    ...(permissions.write.length > 0 ? [`--allow-write=${permissions.write.join(",")}`] : []),
    `--allow-run=${permissions.run.join(",")}`,
  ];
  return [
    "run",
    "--no-prompt",
    "--config",
    `${ROOT}/deno.json`,
    ...flags,
    `${ROOT}/lib/exporter/server.ts`,
    serverOptionsToJson(options, module, {
      monitorPermissions: { read: permissions.read, net: permissions.net, ffi: permissions.ffi },
    }),
  ];
}

/**
 * Runs the exporter: checks the notebook, then runs the server to completion, forwarding SIGINT
 * and SIGTERM to it, and SIGTERM when this process' parent goes away (the server itself stops
 * when this process dies, even by SIGKILL: its stdin closes).
 *
 * @param args Command-line arguments (without the script name).
 * @returns The process exit code.
 */
export async function runExporter(args: readonly string[]): Promise<number> {
  let options: ExportOptions;
  try {
    options = parseExportArgs(args);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }

  // A wrapper (npx) may die on SIGTERM without passing it on: then stop as if it had been sent.
  let spawned: Deno.ChildProcess | undefined;
  let parentGone = false;
  const parent = watchParent(() => {
    parentGone = true;
    console.error("vigil export: parent process gone, stopping");
    try {
      spawned?.kill("SIGTERM");
    } catch {
      // already exited
    }
  });
  let folder: TempFolder;
  try {
    folder = await createTempFolder();
  } catch (e) {
    parent.stop();
    return fail(`Cannot create a temporary folder: ${(e as Error).message}`);
  }
  await removeStaleTempFolders(folder.path);
  const dir = folder.path;
  try {
    let file: string;
    try {
      const module = await writeNotebookModule(options.notebook, options.params, dir);
      await checkNotebookModule(module, `${ROOT}/deno.json`);
      file = module.file;
    } catch (e) {
      if (e instanceof NotebookLoadError) return fail(e.message);
      throw e;
    }
    if (parentGone) return 1;
    const child = new Deno.Command(Deno.execPath(), {
      args: serverArgs(options, serverPermissions(options, dir), file),
      env: { NO_COLOR: "1" },
      stdin: "piped", // held open: the server stops when it closes (this process died)
      stdout: "inherit",
      stderr: "inherit",
    }).spawn();
    spawned = child;
    const signals: Deno.Signal[] = ["SIGINT", "SIGTERM"];
    const listeners = signals.map((signal) => {
      const listener = () => {
        try {
          child.kill(signal);
        } catch {
          // already exited
        }
      };
      Deno.addSignalListener(signal, listener);
      return [signal, listener] as const;
    });
    const status = await child.status;
    for (const [s, listener] of listeners) Deno.removeSignalListener(s, listener);
    await child.stdin.close().catch(() => {});
    return status.code;
  } finally {
    parent.stop();
    await folder.remove();
  }
}
