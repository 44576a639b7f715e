import { assert, assertEquals } from "../_assert.ts";
import { type HttpServerOptions, serveHttp } from "../../lib/exporter/http_server.ts";
import type { ConnectionDropReason } from "../../lib/prometheus/exporter_metrics.ts";
import { startExporterProcess } from "../../lib/exporter/subprocess.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function start(options: Partial<HttpServerOptions> = {}) {
  const drops: ConnectionDropReason[] = [];
  const server = serveHttp(
    (request, info) =>
      Promise.resolve(
        new Response(
          `${request.method} ${new URL(request.url).pathname} ${info.remoteAddr.hostname}`,
          {
            headers: { "content-type": "text/plain" },
          },
        ),
      ),
    {
      hostname: "127.0.0.1",
      port: 0,
      headerTimeoutMs: 300,
      idleTimeoutMs: 300,
      maxConnections: 8,
      onDrop: (reason) => drops.push(reason),
      ...options,
    },
  );
  return { server, drops, port: server.addr.port };
}

async function connect(port: number): Promise<Deno.TcpConn> {
  return await Deno.connect({ hostname: "127.0.0.1", port });
}

/** Reads from `conn` until the peer closes it or `ms` pass; returns the text and whether it closed. */
async function readUntilClosed(
  conn: Deno.Conn,
  ms: number,
): Promise<{ text: string; closed: boolean }> {
  const buffer = new Uint8Array(65536);
  let text = "";
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    let id: ReturnType<typeof setTimeout> | undefined;
    const timer = new Promise<"timeout">((r) => {
      id = setTimeout(() => r("timeout"), deadline - Date.now());
    });
    const n = await Promise.race([conn.read(buffer).catch(() => null), timer]);
    clearTimeout(id);
    if (n === "timeout") return { text, closed: false };
    if (n === null) return { text, closed: true };
    text += decoder.decode(buffer.subarray(0, n));
  }
  return { text, closed: false };
}

/** One full request on a fresh connection; the server closes after it (Connection: close). */
async function get(port: number, path: string, method = "GET"): Promise<string> {
  const conn = await connect(port);
  await conn.write(
    encoder.encode(`${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
  );
  const { text, closed } = await readUntilClosed(conn, 2000);
  conn.close();
  assert(closed, `connection left open after "Connection: close": ${text}`);
  return text;
}

Deno.test("serveHttp answers /metrics while idle and half-sent sockets beyond the cap are held, then times them out", async () => {
  const { server, drops, port } = start();
  const idle = await Promise.all(Array.from({ length: 8 }, () => connect(port)));
  const half = await Promise.all(Array.from({ length: 8 }, () => connect(port)));
  for (const conn of half) await conn.write(encoder.encode("GET /metrics HTTP/1.1\r\nHo"));
  await new Promise((r) => setTimeout(r, 50));
  assert(server.openConnections() <= 8, `open ${server.openConnections()} > cap 8`);
  const t0 = performance.now();
  const answer = await get(port, "/metrics");
  assert(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
  assert(answer.endsWith("GET /metrics 127.0.0.1"), answer);
  assert(performance.now() - t0 < 250, "answered before any timeout, by evicting a waiting socket");
  assert(drops.includes("evicted"), drops.join());
  // Every attacker socket is closed by the server within the timeouts (300 ms + sweep).
  const results = await Promise.all([...idle, ...half].map((c) => readUntilClosed(c, 1500)));
  for (const conn of [...idle, ...half]) conn.close();
  assertEquals(results.filter((r) => !r.closed).length, 0);
  assert(drops.includes("header_timeout"), drops.join());
  assertEquals(server.openConnections(), 0);
  await server.shutdown();
});

Deno.test("serveHttp keeps a connection alive between requests and closes it after the idle timeout", async () => {
  const { server, drops, port } = start({ idleTimeoutMs: 200, headerTimeoutMs: 1000 });
  const conn = await connect(port);
  for (const path of ["/a", "/b"]) {
    await conn.write(encoder.encode(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`));
    // One small response arrives in one read; a second read would stay pending on keep-alive.
    const buffer = new Uint8Array(4096);
    const n = await conn.read(buffer);
    const text = decoder.decode(buffer.subarray(0, n ?? 0));
    assert(text.endsWith(`GET ${path} 127.0.0.1`), text);
    assert(text.includes("\r\ncontent-length: 16\r\n"), text);
  }
  const { closed } = await readUntilClosed(conn, 1000);
  conn.close();
  assert(closed, "idle keep-alive connection was not closed");
  assertEquals(drops, ["idle_timeout"]);
  await server.shutdown();
});

Deno.test("serveHttp refuses a connection at the cap when none is waiting, and answers bad heads with 4xx", async () => {
  // A handler that never finishes keeps its connection busy, so it cannot be evicted.
  const { promise: never, resolve } = Promise.withResolvers<Response>();
  const drops: ConnectionDropReason[] = [];
  const server = serveHttp(() => never, {
    hostname: "127.0.0.1",
    port: 0,
    maxConnections: 1,
    idleTimeoutMs: 5000,
    onDrop: (reason) => drops.push(reason),
  });
  const port = server.addr.port;
  const busy = await connect(port);
  await busy.write(encoder.encode("GET / HTTP/1.1\r\n\r\n"));
  await new Promise((r) => setTimeout(r, 50));
  const refused = await connect(port);
  assert((await readUntilClosed(refused, 1000)).closed, "over-cap connection was not closed");
  refused.close();
  assertEquals(drops, ["at_capacity"]);
  resolve(new Response("late"));
  assert((await readUntilClosed(busy, 300)).text.endsWith("late"));
  busy.close();
  await server.shutdown();

  const t = start({ maxHeadBytes: 256 });
  assert((await get(t.port, "/x", "HEAD")).endsWith("\r\n\r\n"), "HEAD has no body");
  const huge = await connect(t.port);
  await huge.write(encoder.encode(`GET /${"a".repeat(400)} HTTP/1.1\r\n`));
  const tooLarge = await readUntilClosed(huge, 1000);
  huge.close();
  assert(tooLarge.closed && tooLarge.text.startsWith("HTTP/1.1 431 "), tooLarge.text);
  for (const line of ["GARBAGE\r\n\r\n", "GET /x HTTP/2.0\r\n\r\n", "GET x HTTP/1.1\r\n\r\n"]) {
    const conn = await connect(t.port);
    await conn.write(encoder.encode(line));
    const r = await readUntilClosed(conn, 1000);
    conn.close();
    assert(r.closed && /^HTTP\/1\.1 (400|505) /.test(r.text), `${JSON.stringify(line)}: ${r.text}`);
  }
  await t.server.shutdown();
});

Deno.test("the exporter survives running out of file descriptors and answers /metrics again", async () => {
  const exporter = await startExporterProcess([
    "test/fixtures/exporter/stub_monitor.ipynb",
    ...["--host", "127.0.0.1", "--port", "0", "--interval", "1s"],
    // No cap and no timeout to save it: only the EMFILE handling is under test.
    ...["--max-connections", "100000", "--idle-timeout", "1h"],
  ], { fdLimit: 256 });
  const port = exporter.port;
  const attacker: Deno.TcpConn[] = [];
  try {
    for (let i = 0; i < 400; i++) attacker.push(await connect(port));
    await new Promise((r) => setTimeout(r, 1500));
    const status = await Promise.race([
      exporter.child.status.then((s) => `exited with ${s.code}`),
      new Promise((r) => setTimeout(() => r("running"), 200)),
    ]);
    assertEquals(status, "running", exporter.stderr());
    // While the attacker still holds its sockets, a scrape gets in (the oldest held are evicted).
    const held = await get(port, "/metrics");
    assert(held.startsWith("HTTP/1.1 200"), held.slice(0, 200));
  } finally {
    for (const conn of attacker) conn.close();
  }
  let text = "";
  for (let i = 0; i < 50 && !text.startsWith("HTTP/1.1 200"); i++) {
    await new Promise((r) => setTimeout(r, 100));
    text = await get(port, "/metrics").catch((e) => String(e));
  }
  const code = await exporter.stop();
  assert(text.startsWith("HTTP/1.1 200"), `${text.slice(0, 200)}\n${exporter.stderr()}`);
  const errors = Number(/^vigil_exporter_accept_errors_total (\d+)$/m.exec(text)?.[1] ?? 0);
  assert(errors > 0, "the descriptor limit was never reached: the test proves nothing");
  assert(exporter.stderr().includes("cannot accept a connection"), exporter.stderr());
  assertEquals(code, 0, exporter.stderr());
});
