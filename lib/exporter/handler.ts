/**
 * The exporter's HTTP routes: `/metrics`, `/healthz` and `/`. A plain `(Request) => Response`
 * function, so tests call it without a server.
 *
 * @module
 */
import type { Exporter } from "./exporter.ts";
import { OPENMETRICS_CONTENT_TYPE } from "../prometheus/openmetrics.ts";

/** Prometheus text format 0.0.4, the default of `/metrics`. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Options of {@linkcode createExportHandler}. */
export interface ExportHandlerOptions {
  /** `/healthz` fails when the last success is older than this (two intervals). */
  maxAgeSeconds: number;
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
}

/** Why `/healthz` fails, or `undefined` when healthy. */
export function unhealthyReason(
  exporter: Pick<Exporter, "lastRun" | "lastSuccess">,
  maxAgeSeconds: number,
  nowMs: number,
): string | undefined {
  const last = exporter.lastRun;
  if (last === undefined) return "no run has finished yet";
  if (!last.ok) return `last run failed: ${last.error ?? "unknown error"}`;
  const age = (nowMs - last.finishedAtMs) / 1000;
  if (age > maxAgeSeconds) {
    return `last successful run finished ${age.toFixed(1)} s ago (limit ${maxAgeSeconds} s)`;
  }
  return undefined;
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
): (request: Request) => Promise<Response> {
  const now = options.now ?? Date.now;
  return async function handle(request: Request): Promise<Response> {
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
      case "/healthz": {
        const reason = unhealthyReason(exporter, options.maxAgeSeconds, now());
        return reason === undefined ? text("ok\n", 200) : text(`unhealthy: ${reason}\n`, 503);
      }
      case "/":
        return text(await exporter.statusPage(), 200, "text/html; charset=utf-8");
      default:
        return text("Not found: try /metrics, /healthz or /\n", 404);
    }
  };
}
