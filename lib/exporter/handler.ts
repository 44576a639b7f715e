/**
 * The exporter's HTTP routes: `/metrics`, `/healthz` and `/livez` (liveness), `/readyz`
 * (readiness: a fresh good snapshot) and `/`. A plain `(Request, info?) => Response` function, so
 * tests call it without a server.
 *
 * Liveness never depends on runs: one bad batch or a slow run must not make Kubernetes restart a
 * healthy process. Readiness fails only once the last good snapshot is older than
 * `staleAfterSeconds`, so a single failed run (the last good snapshot stays exported) does not flap
 * it. Error text and paths are shown to loopback clients only (or to all with `showErrors`);
 * others get a generic reason and the details stay in the log.
 *
 * @module
 */
import { type Exporter, PUBLIC_ERROR } from "./exporter.ts";
import { OPENMETRICS_CONTENT_TYPE } from "../prometheus/openmetrics.ts";

/** Prometheus text format 0.0.4, the default of `/metrics`. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Options of {@linkcode createExportHandler}. */
export interface ExportHandlerOptions {
  /** `/readyz` fails once the last good snapshot is older than this (`--stale-after` intervals). */
  staleAfterSeconds: number;
  /** Show error text to every client, not only loopback ones. @default false */
  showErrors?: boolean;
  /** Whether the monitor's worker is alive, for `/healthz` and `/livez`. @default always true */
  alive?: () => boolean;
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
}

/** The client's address, as `Deno.serve` and `serveHttp` pass it. */
export interface ClientInfo {
  /** Where the request came from. */
  remoteAddr: Deno.NetAddr;
}

/**
 * Why `/readyz` fails, or `undefined` when a good snapshot at most `staleAfterSeconds` old exists.
 * The last run's error is named (in `details` form) but a failure alone does not make it unready.
 *
 * @example
 * ```ts
 * import { notReadyReason } from "./handler.ts";
 * const good = { ok: true, startedAtMs: 0, finishedAtMs: 1000, durationSeconds: 1 };
 * const bad = { ...good, ok: false, finishedAtMs: 61_000, error: "Error: gone" };
 * const state = { lastRun: bad, lastSuccess: good };
 * if (notReadyReason(state, 180, 62_000) !== undefined) throw new Error("one failure is ready");
 * if (!notReadyReason(state, 180, 182_000)?.includes("Error: gone")) throw new Error();
 * ```
 */
export function notReadyReason(
  exporter: Pick<Exporter, "lastRun" | "lastSuccess">,
  staleAfterSeconds: number,
  nowMs: number,
  details = true,
): string | undefined {
  const success = exporter.lastSuccess;
  const last = exporter.lastRun;
  const failure = last !== undefined && !last.ok
    ? `; last run failed: ${details ? last.error ?? "unknown error" : PUBLIC_ERROR}`
    : "";
  if (success === undefined) {
    return last === undefined ? "no run has finished yet" : `no run has succeeded yet${failure}`;
  }
  const age = (nowMs - success.finishedAtMs) / 1000;
  if (age > staleAfterSeconds) {
    return `last good snapshot is ${age.toFixed(1)} s old (limit ${staleAfterSeconds} s)${failure}`;
  }
  return undefined;
}

/**
 * Whether `addr` is a loopback address (127.0.0.0/8, ::1 or IPv4-mapped 127.x).
 *
 * @example
 * ```ts
 * import { isLoopback } from "./handler.ts";
 * const at = (hostname: string) => ({ transport: "tcp" as const, hostname, port: 1 });
 * if (!isLoopback(at("127.0.0.1")) || !isLoopback(at("::1")) || isLoopback(at("10.0.0.1"))) {
 *   throw new Error();
 * }
 * ```
 */
export function isLoopback(addr: Deno.NetAddr): boolean {
  const h = addr.hostname;
  return h === "::1" || /^(::ffff:)?127\./.test(h);
}

function text(body: string, status: number, contentType = "text/plain; charset=utf-8"): Response {
  return new Response(body, { status, headers: { "content-type": contentType } });
}

/**
 * Builds the request handler. `/metrics` answers OpenMetrics when the `Accept` header names
 * `application/openmetrics-text` (as Prometheus does), else Prometheus text 0.0.4; `HEAD` is
 * accepted wherever `GET` is. Cost per `/metrics`: one registry render; `/` serves a cached page.
 *
 * @param exporter The exporter whose state is served.
 * @param options See {@linkcode ExportHandlerOptions}.
 * @returns The handler for `Deno.serve`.
 */
export function createExportHandler(
  exporter: Exporter,
  options: ExportHandlerOptions,
): (request: Request, info?: ClientInfo) => Promise<Response> {
  const now = options.now ?? Date.now;
  const details = (info: ClientInfo | undefined): boolean =>
    options.showErrors === true || (info !== undefined && isLoopback(info.remoteAddr));
  const alive = options.alive ?? (() => true);
  return async function handle(request: Request, info?: ClientInfo): Promise<Response> {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response("Method not allowed\n", { status: 405, headers: { allow: "GET, HEAD" } });
    }
    const path = new URL(request.url).pathname;
    switch (path) {
      case "/metrics": {
        const open = request.headers.get("accept")?.includes("application/openmetrics-text");
        return open
          ? text(await exporter.exposition("openmetrics"), 200, OPENMETRICS_CONTENT_TYPE)
          : text(await exporter.exposition("prometheus"), 200, PROMETHEUS_CONTENT_TYPE);
      }
      case "/healthz":
      case "/livez":
        return alive()
          ? text("ok\n", 200)
          : text("not alive: the monitor's process stopped and is not being replaced\n", 503);
      case "/readyz": {
        const reason = notReadyReason(exporter, options.staleAfterSeconds, now(), details(info));
        return reason === undefined ? text("ready\n", 200) : text(`not ready: ${reason}\n`, 503);
      }
      case "/":
        return text(
          await exporter.statusPage({ details: details(info) }),
          200,
          "text/html; charset=utf-8",
        );
      default:
        return text("Not found: try /metrics, /healthz, /readyz or /\n", 404);
    }
  };
}
