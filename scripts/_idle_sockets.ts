/**
 * Idle sockets held open on the exporter for `soak_exporter.ts`. The server closes an idle socket
 * after its timeouts by design (a head must arrive within 10 s, a kept-alive connection idle for
 * `--idle-timeout` is closed), so each socket is reopened as soon as the server closes it: the
 * count stays at its target for the whole soak and the timeouts are exercised again and again.
 *
 * @module
 */

/** What {@linkcode holdIdleSockets} returns. */
export interface IdleSockets {
  /** Sockets open now. */
  held(): number;
  /** Sockets the server closed (each was reopened), so far. */
  reopened(): number;
  /** Failed connection attempts, so far (each retried after a second). */
  connectFailures(): number;
  /** Stops reopening and closes every socket. */
  close(): Promise<void>;
}

/** Options of {@linkcode holdIdleSockets}. */
export interface HoldIdleSocketsOptions {
  /** Loopback address to connect to. @default "127.0.0.1" */
  hostname?: string;
  /** A socket the server closed sooner than this is reopened only after this long. @default 1000 */
  minLifetimeMs?: number;
}

const HALF_HEAD = new TextEncoder().encode("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n");
const FULL_REQUEST = new TextEncoder().encode("GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Holds `count` sockets open on `port`, in three kinds by index: one that sends nothing, one that
 * sends half a request head (both meet the server's header timeout), and one that sends a whole
 * request, reads the answer and stays kept-alive (it meets the idle timeout). A socket closed by
 * the server is counted and reopened; one closed at once (refused, evicted) waits
 * `minLifetimeMs` first, so a server at capacity is not hammered.
 */
export function holdIdleSockets(
  port: number,
  count: number,
  options: HoldIdleSocketsOptions = {},
): IdleSockets {
  const hostname = options.hostname ?? "127.0.0.1";
  const minLifetimeMs = options.minLifetimeMs ?? 1000;
  const open = new Set<Deno.TcpConn>();
  let reopened = 0;
  let failures = 0;
  let stopping = false;

  async function keep(index: number): Promise<void> {
    await sleep(index * 2); // spread the first connects over the listen backlog
    while (!stopping) {
      let conn: Deno.TcpConn;
      try {
        conn = await Deno.connect({ hostname, port });
      } catch {
        failures++;
        await sleep(1000);
        continue;
      }
      if (stopping) {
        conn.close();
        return;
      }
      open.add(conn);
      const opened = performance.now();
      try {
        if (index % 3 === 1) await conn.write(HALF_HEAD);
        if (index % 3 === 2) await conn.write(FULL_REQUEST);
        await conn.readable.pipeTo(new WritableStream());
      } catch {
        // reset by the server, or closed by close() below
      }
      open.delete(conn);
      if (stopping) return;
      try {
        conn.close();
      } catch {
        // pipeTo closed it already
      }
      reopened++;
      const lived = performance.now() - opened;
      if (lived < minLifetimeMs) await sleep(minLifetimeMs - lived);
    }
  }

  const loops = Array.from({ length: count }, (_, i) => keep(i));
  return {
    held: () => open.size,
    reopened: () => reopened,
    connectFailures: () => failures,
    async close() {
      stopping = true;
      for (const conn of open) {
        try {
          conn.close();
        } catch {
          // closed by the server meanwhile
        }
      }
      await Promise.all(loops);
    },
  };
}
