/**
 * `deno task jupyter` end to end: Debian's classic notebook starts with the project's Deno kernel,
 * lists it, runs a cell against a notebook's folder through its REST and websocket API (what the
 * browser page does), and stops cleanly on SIGTERM leaving no kernelspec behind. Needs the Debian
 * package jupyter-notebook (`deno task setup`).
 */
import { assert, assertEquals } from "../_assert.ts";
import { taskRunArgs } from "./_task.ts";
import { requireBinary } from "../_binaries.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const TOKEN = crypto.randomUUID().replaceAll("-", "");

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Sends `code` to the kernel on its channels websocket; returns what it printed on stdout. */
async function execute(socketUrl: string, code: string): Promise<string> {
  const ws = new WebSocket(socketUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  const msgId = crypto.randomUUID();
  try {
    const result = new Promise<string>((resolve, reject) => {
      let printed = "";
      ws.onmessage = (event) => {
        const m = JSON.parse(event.data);
        if (m.parent_header?.msg_id !== msgId) return;
        if (m.msg_type === "stream" && m.content.name === "stdout") printed += m.content.text;
        if (m.msg_type === "error") reject(new Error(`${m.content.ename}: ${m.content.evalue}`));
        if (m.msg_type === "status" && m.content.execution_state === "idle") resolve(printed);
      };
    });
    ws.send(JSON.stringify({
      header: {
        msg_id: msgId,
        msg_type: "execute_request",
        username: "test",
        session: crypto.randomUUID(),
        version: "5.3",
        date: new Date().toISOString(),
      },
      parent_header: {},
      metadata: {},
      channel: "shell",
      content: { code, silent: false, store_history: false, user_expressions: {} },
    }));
    return await result;
  } finally {
    ws.close();
  }
}

Deno.test("deno task jupyter serves the notebooks with the Deno kernel, which runs a cell", async () => {
  requireBinary("/usr/bin/jupyter-notebook");
  const port = freePort();
  const base = `http://127.0.0.1:${port}`;
  const extra = [`--port=${port}`, "--port-retries=0", `--NotebookApp.token=${TOKEN}`];
  if (Deno.uid() === 0) extra.push("--allow-root");
  const server = new Deno.Command(Deno.execPath(), {
    args: [...await taskRunArgs("jupyter", "scripts/jupyter.ts"), ...extra],
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const log = server.stderr.pipeThrough(new TextDecoderStream());
  const headers = { Authorization: `token ${TOKEN}`, "Content-Type": "application/json" };
  let kernelspecDir = "";
  try {
    let specs: { kernelspecs?: Record<string, { spec: { argv: string[] } }> } = {};
    for (let i = 0; i < 100 && specs.kernelspecs === undefined; i++) {
      await new Promise((r) => setTimeout(r, 200));
      try {
        const response = await fetch(`${base}/api/kernelspecs`, { headers });
        specs = await response.json();
      } catch {
        // not listening yet
      }
    }
    const deno = specs.kernelspecs?.deno;
    assert(deno !== undefined, `no "deno" kernelspec: ${JSON.stringify(specs)}`);
    assertEquals(deno.spec.argv[0], Deno.execPath());

    const session = await (await fetch(`${base}/api/sessions`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        path: "01_iris_baseline.ipynb",
        type: "notebook",
        kernel: { name: "deno" },
      }),
    })).json();
    assertEquals(session.kernel?.name, "deno", JSON.stringify(session));
    const socket = `ws://127.0.0.1:${port}/api/kernels/${session.kernel.id}/channels` +
      `?token=${TOKEN}`;
    const printed = await execute(
      socket,
      'const { loadIris } = await import("../lib/mod.ts");\n' +
        "console.log(JSON.stringify(" +
        '[(await loadIris()).X.length, Deno.cwd(), Deno.env.get("JUPYTER_PATH")]));',
    );
    const [rows, cwd, jupyterPath] = JSON.parse(printed);
    assertEquals([rows, cwd], [150, `${ROOT}notebooks`]);
    kernelspecDir = String(jupyterPath).split(":")[0]!;
    assert(kernelspecDir.includes("vigil-jupyter-"), `JUPYTER_PATH is ${jupyterPath}`);
  } finally {
    server.kill("SIGTERM");
    const status = await server.status;
    const text = (await Array.fromAsync(log)).join("");
    await server.stdout.cancel();
    assertEquals(status.code, 0, text);
  }
  assert(kernelspecDir !== "", "the kernel never reported its JUPYTER_PATH");
  const left = await Deno.stat(kernelspecDir).then(() => true, () => false);
  assert(!left, `${kernelspecDir} was left behind`);
});
