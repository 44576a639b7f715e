/**
 * A small HTTP/1.1 server for the exporter's GET/HEAD routes, on `Deno.listen`. `Deno.serve` (Deno
 * 2.9) has no header-read or keep-alive idle timeout and dies when `accept()` fails with `EMFILE`,
 * so ~1,000 idle sockets under `ulimit -n 1024` took the exporter down. This server owns the accept
 * loop: every connection has a deadline (head within `headerTimeoutMs`, the next request within
 * `idleTimeoutMs`, a response written within `idleTimeoutMs`), at most `maxConnections` are open
 * (a new one evicts the oldest connection that is waiting for bytes, so a scrape always gets in),
 * and an `accept()` error is counted, logged, answered by evicting a waiting connection (freeing a
 * descriptor) and retried, at once if one was evicted, else after a short backoff. Request bodies are not read: a request that
 * announces one is answered and the connection closed.
 *
 * @module
 */
import type { ConnectionDropReason } from "../prometheus/exporter_metrics.ts";
import { parseRequestHead, RequestHeadError } from "./_http_head.ts";

/** Connection information passed to the handler, as `Deno.serve` does. */
export interface ConnectionInfo {
  /** The client's address. */
  remoteAddr: Deno.NetAddr;
}

/** A request handler: the same shape `Deno.serve` accepts. */
export type HttpHandler = (request: Request, info: ConnectionInfo) => Promise<Response>;

/** Options of {@linkcode serveHttp}. */
export interface HttpServerOptions {
  /** Address to bind. */
  hostname: string;
  /** Port to bind; 0 picks a free one. */
  port: number;
  /** A request's head must arrive within this many ms of its first byte (or of accept). @default 10000 */
  headerTimeoutMs?: number;
  /** A kept-alive connection is closed after this many idle ms. @default 30000 */
  idleTimeoutMs?: number;
  /** Most connections open at once. @default 256 */
  maxConnections?: number;
  /** Largest request head accepted, in bytes (larger gets 431). @default 8192 */
  maxHeadBytes?: number;
  /** Wait after a failed `accept()` before the next one, in ms. @default 100 */
  acceptBackoffMs?: number;
  /** Called once listening. */
  onListen?: (addr: Deno.NetAddr) => void;
  /** Called when the server closes a connection itself. */
  onDrop?: (reason: ConnectionDropReason) => void;
  /** Called when `accept()` fails (e.g. out of file descriptors); the loop goes on. */
  onAcceptError?: (error: Error) => void;
}

/** Handle returned by {@linkcode serveHttp}. */
export interface HttpServer {
  /** The bound address (with the real port when 0 was asked). */
  readonly addr: Deno.NetAddr;
  /** Connections open now. */
  openConnections(): number;
  /** Stops accepting, closes waiting connections, lets requests in progress finish. */
  shutdown(): Promise<void>;
}

interface Connection {
  conn: Deno.Conn;
  /** Waiting for bytes (idle or mid-head), so it may be evicted. */
  waiting: boolean;
  deadline: number;
  /** The reason if the deadline passes now. */
  expiry: ConnectionDropReason;
  closed: boolean;
  /** Reused output buffer (grown to the largest response so far). */
  out: Uint8Array;
}

const ENCODER = new TextEncoder();
const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Content Too Large",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  503: "Service Unavailable",
  505: "HTTP Version Not Supported",
};

/**
 * Listens on `hostname:port` and serves `handler` over HTTP/1.1 (keep-alive, no pipelining
 * needed, GET/HEAD without bodies). Cost per request: one head scan, one `Request`, one write.
 *
 * @param handler Called for each request; a throw becomes a 500.
 * @param options See {@linkcode HttpServerOptions}.
 * @returns The running server.
 * @throws {Error} The `Deno.listen` error (address in use, bad address, permission), synchronously.
 * @example
 * ```ts
 * import { serveHttp } from "./http_server.ts";
 * const server = serveHttp(() => Promise.resolve(new Response("hi")), {
 *   hostname: "127.0.0.1",
 *   port: 0,
 * });
 * const response = await fetch(`http://127.0.0.1:${server.addr.port}/`);
 * if ((await response.text()) !== "hi") throw new Error();
 * await server.shutdown();
 * ```
 */
export function serveHttp(handler: HttpHandler, options: HttpServerOptions): HttpServer {
  const headerTimeoutMs = options.headerTimeoutMs ?? 10_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const maxConnections = options.maxConnections ?? 256;
  const maxHeadBytes = options.maxHeadBytes ?? 8192;
  const acceptBackoffMs = options.acceptBackoffMs ?? 100;
  const listener = Deno.listen({ hostname: options.hostname, port: options.port });
  const addr = listener.addr;
  options.onListen?.(addr);
  // Insertion order is age order, so the first waiting entry is the oldest.
  const open = new Set<Connection>();
  const active = new Set<Promise<void>>();
  let stopping = false;

  function close(c: Connection, reason?: ConnectionDropReason): void {
    if (c.closed) return;
    c.closed = true;
    open.delete(c);
    try {
      c.conn.close();
    } catch {
      // already closed by the peer
    }
    if (reason !== undefined) options.onDrop?.(reason);
  }

  function evictOldestWaiting(): boolean {
    for (const c of open) {
      if (c.waiting) {
        close(c, "evicted");
        return true;
      }
    }
    return false;
  }

  const sweepMs = Math.max(10, Math.min(1000, Math.min(headerTimeoutMs, idleTimeoutMs) / 4));
  const sweeper = setInterval(() => {
    const now = performance.now();
    for (const c of open) if (now >= c.deadline) close(c, c.expiry);
  }, sweepMs);

  async function serveConnection(c: Connection): Promise<void> {
    const remoteAddr = c.conn.remoteAddr as Deno.NetAddr;
    const buffer = new Uint8Array(maxHeadBytes);
    let length = 0;
    let first = true;
    try {
      while (!c.closed && !stopping) {
        c.waiting = true;
        c.deadline = performance.now() + (first ? headerTimeoutMs : idleTimeoutMs);
        c.expiry = first ? "header_timeout" : "idle_timeout";
        let end = headEnd(buffer, length);
        while (end < 0) {
          if (length === buffer.length) {
            await respond(
              c,
              new Response("Request head too large\n", { status: 431 }),
              false,
              true,
            );
            return close(c, "bad_request");
          }
          const n = await c.conn.read(buffer.subarray(length));
          if (n === null) return close(c);
          if (length === 0) {
            // The head's first byte: from here it must arrive whole within the header timeout.
            c.deadline = performance.now() + headerTimeoutMs;
            c.expiry = "header_timeout";
          }
          // Rescan only the new bytes (and the 3 before them): a trickled head costs O(n), not O(n²).
          end = headEnd(buffer, length + n, length - 3);
          length += n;
        }
        c.waiting = false;
        c.deadline = performance.now() + idleTimeoutMs;
        c.expiry = "idle_timeout";
        first = false;
        let head;
        try {
          head = parseRequestHead(buffer.subarray(0, end), addr);
        } catch (e) {
          if (!(e instanceof RequestHeadError)) throw e;
          await respond(c, new Response(`${e.message}\n`, { status: e.status }), false, true);
          return close(c, "bad_request");
        }
        buffer.copyWithin(0, end, length);
        length -= end;
        let response: Response;
        try {
          response = await handler(head.request, { remoteAddr });
        } catch {
          response = new Response("Internal server error\n", { status: 500 });
        }
        const keepAlive = head.keepAlive && !head.hasBody && !stopping;
        await respond(c, response, head.request.method === "HEAD", !keepAlive);
        if (!keepAlive) return close(c);
      }
    } catch {
      // reset by the peer, or closed by the sweeper mid-read: nothing to answer
    } finally {
      close(c);
    }
  }

  async function acceptLoop(): Promise<void> {
    let backoff = acceptBackoffMs;
    while (!stopping) {
      let conn: Deno.Conn;
      try {
        conn = await listener.accept();
        backoff = acceptBackoffMs;
      } catch (e) {
        if (stopping || e instanceof Deno.errors.BadResource) return;
        options.onAcceptError?.(e instanceof Error ? e : new Error(String(e)));
        // Out of descriptors, most likely: give one back and accept again at once, so a backlog
        // of held sockets drains and a scrape behind it gets in; with nothing to give, wait.
        if (evictOldestWaiting()) continue;
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(backoff * 2, 10 * acceptBackoffMs);
        continue;
      }
      if (open.size >= maxConnections && !evictOldestWaiting()) {
        try {
          conn.close();
        } catch {
          // gone already
        }
        options.onDrop?.("at_capacity");
        continue;
      }
      const c: Connection = {
        conn,
        waiting: true,
        deadline: 0,
        expiry: "header_timeout",
        closed: false,
        out: new Uint8Array(0),
      };
      open.add(c);
      const task = serveConnection(c);
      active.add(task);
      task.finally(() => active.delete(task));
    }
  }
  const accepting = acceptLoop();

  return {
    addr,
    openConnections: () => open.size,
    async shutdown() {
      stopping = true;
      listener.close();
      await accepting;
      for (const c of open) if (c.waiting) close(c);
      await Promise.all(active);
      clearInterval(sweeper);
    },
  };
}

/** Index just past the first CRLFCRLF in `buffer[0, length)` at or after `from`, or -1. */
function headEnd(buffer: Uint8Array, length: number, from = 0): number {
  for (let i = Math.max(3, from + 3); i < length; i++) {
    if (
      buffer[i] === 10 && buffer[i - 1] === 13 && buffer[i - 2] === 10 && buffer[i - 3] === 13
    ) return i + 1;
  }
  return -1;
}

/** Room kept before the body in a connection's output buffer for the response head. */
const HEAD_ROOM = 1024;

async function respond(
  c: Connection,
  response: Response,
  headOnly: boolean,
  closing: boolean,
): Promise<void> {
  const text = await response.text();
  // The body is encoded straight into the connection's reused buffer, after room for the head:
  // two fresh 20 kB arrays per scrape were most of the garbage collector's work.
  let out = c.out;
  let encoded = { read: 0, written: 0 };
  if (out.length >= HEAD_ROOM + text.length) {
    encoded = ENCODER.encodeInto(text, out.subarray(HEAD_ROOM));
  }
  if (encoded.read < text.length) {
    out = c.out = new Uint8Array(HEAD_ROOM + text.length * 3);
    encoded = ENCODER.encodeInto(text, out.subarray(HEAD_ROOM));
  }
  const bodyLength = encoded.written;
  let head = `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ""}\r\n`;
  for (const [name, value] of response.headers) {
    if (name !== "content-length" && name !== "connection") head += `${name}: ${value}\r\n`;
  }
  head += `content-length: ${bodyLength}\r\n${closing ? "connection: close\r\n" : ""}\r\n`;
  const headBytes = ENCODER.encode(head);
  let bytes: Uint8Array;
  if (headBytes.length <= HEAD_ROOM) {
    out.set(headBytes, HEAD_ROOM - headBytes.length);
    bytes = out.subarray(HEAD_ROOM - headBytes.length, HEAD_ROOM + (headOnly ? 0 : bodyLength));
  } else {
    bytes = new Uint8Array(headBytes.length + (headOnly ? 0 : bodyLength));
    bytes.set(headBytes);
    if (!headOnly) bytes.set(out.subarray(HEAD_ROOM, HEAD_ROOM + bodyLength), headBytes.length);
  }
  let written = 0;
  while (written < bytes.length) written += await c.conn.write(bytes.subarray(written));
}
