import { assert, assertEquals } from "../_assert.ts";
import { holdIdleSockets } from "../../scripts/_idle_sockets.ts";
import { serveHttp } from "../../lib/exporter/http_server.ts";
import { processTable, treeStats } from "../../scripts/_proc_tree.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(what: string, ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

Deno.test("holdIdleSockets() reopens the sockets the server's timeouts close, and holds them all", async () => {
  const drops: string[] = [];
  const server = serveHttp(() => Promise.resolve(new Response("ok")), {
    hostname: "127.0.0.1",
    port: 0,
    headerTimeoutMs: 150,
    idleTimeoutMs: 300,
    onDrop: (reason) => drops.push(reason),
  });
  const sockets = holdIdleSockets(server.addr.port, 6, { minLifetimeMs: 50 });
  try {
    await until("6 sockets", () => sockets.held() === 6);
    // each kind is closed by the server at least twice: silent and half-head ones on the header
    // timeout, kept-alive ones on the idle timeout
    await until(
      "repeated timeouts",
      () =>
        drops.filter((r) => r === "header_timeout").length >= 8 &&
        drops.filter((r) => r === "idle_timeout").length >= 4,
    );
    // every reopen follows a close by the server; at most one close per socket is not seen yet
    const reopened = sockets.reopened();
    assert(reopened <= drops.length && reopened >= drops.length - 6, `${reopened} of ${drops}`);
    assert(sockets.reopened() >= 12, `reopened ${sockets.reopened()}`);
    await until("6 sockets again", () => sockets.held() === 6);
    assertEquals(sockets.connectFailures(), 0);
  } finally {
    await sockets.close();
    await server.shutdown();
  }
  assertEquals(sockets.held(), 0);
});

Deno.test("holdIdleSockets() counts refused connects and retries without spinning", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close(); // nothing listens there now
  const sockets = holdIdleSockets(port, 2);
  await until("2 failures", () => sockets.connectFailures() >= 2);
  await sleep(300);
  assert(sockets.connectFailures() <= 4, `${sockets.connectFailures()} attempts in ~0.3 s`);
  assertEquals(sockets.held(), 0);
  await sockets.close();
});

Deno.test("treeStats() measures the root process alone and its whole tree", async () => {
  const child = new Deno.Command("/usr/bin/sleep", { args: ["5"] }).spawn();
  try {
    const stats = await treeStats(await processTable(), Deno.pid);
    assert(stats.pids.includes(child.pid), `${stats.pids}`);
    assert(stats.root.rssBytes > 0 && stats.root.fds > 0, JSON.stringify(stats.root));
    assert(stats.rssBytes > stats.root.rssBytes, "the child adds memory");
    assert(stats.fds > stats.root.fds, "the child adds files");
  } finally {
    child.kill();
    await child.status;
  }
});
