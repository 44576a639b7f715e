/**
 * Parses an HTTP/1.x request head (request line and header fields) for `http_server.ts`.
 * Private to `lib/exporter`.
 *
 * @module
 */

/** A malformed request head; `status` is the answer (400, or 505 for another HTTP version). */
export class RequestHeadError extends Error {
  override name = "RequestHeadError";
  /** The HTTP status to answer with. */
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.status = status;
  }
}

/** A parsed request head. */
export interface RequestHead {
  /** The request, without a body. */
  request: Request;
  /** Whether the client keeps the connection (HTTP/1.1 unless `close`; 1.0 only if asked). */
  keepAlive: boolean;
  /** Whether a body was announced (`content-length` > 0 or `transfer-encoding`). */
  hasBody: boolean;
}

const DECODER = new TextDecoder("latin1");
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses `bytes` (a head ending with CRLFCRLF). The URL's authority is the listener's address,
 * never the client's `Host` header, so a bad `Host` cannot make `new URL` throw.
 *
 * @param bytes The head.
 * @param addr The listener's address.
 * @returns The request and connection flags.
 * @throws {RequestHeadError} On a malformed request line or header field.
 * @example
 * ```ts
 * import { parseRequestHead } from "./_http_head.ts";
 * const bytes = new TextEncoder().encode("GET /metrics HTTP/1.1\r\nAccept: text/plain\r\n\r\n");
 * const head = parseRequestHead(bytes, { transport: "tcp", hostname: "127.0.0.1", port: 80 });
 * if (new URL(head.request.url).pathname !== "/metrics" || !head.keepAlive) throw new Error();
 * ```
 */
export function parseRequestHead(bytes: Uint8Array, addr: Deno.NetAddr): RequestHead {
  const lines = DECODER.decode(bytes).split("\r\n");
  const [method, target, version, extra] = (lines[0] ?? "").split(" ");
  if (
    extra !== undefined || method === undefined || !TOKEN.test(method) ||
    target === undefined || !target.startsWith("/") || version === undefined
  ) {
    throw new RequestHeadError("Malformed request line");
  }
  if (version !== "HTTP/1.1" && version !== "HTTP/1.0") {
    throw new RequestHeadError("HTTP version not supported", 505);
  }
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  let request: Request;
  try {
    // Filling the request's own headers is ~2x cheaper than passing a Headers to the constructor.
    request = method === "GET"
      ? new Request(`http://${host}:${addr.port}${target}`)
      : new Request(`http://${host}:${addr.port}${target}`, { method });
  } catch {
    throw new RequestHeadError("Malformed request target");
  }
  const headers = request.headers;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "") continue;
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon) : "";
    if (!TOKEN.test(name)) throw new RequestHeadError("Malformed header field");
    try {
      headers.append(name, line.slice(colon + 1).trim());
    } catch {
      throw new RequestHeadError("Malformed header field");
    }
  }
  const connection = headers.get("connection")?.toLowerCase() ?? "";
  const keepAlive = version === "HTTP/1.1"
    ? !connection.includes("close")
    : connection.includes("keep-alive");
  const length = headers.get("content-length");
  const hasBody = headers.has("transfer-encoding") || (length !== null && length.trim() !== "0");
  return { request, keepAlive, hasBody };
}
