/**
 * Reads a request's JSON body with a size cap.
 *
 * @module
 */
import { RequestError } from "./request_error.ts";

/**
 * Reads and parses a JSON body of at most `maxBytes` bytes: 413 when larger (by Content-Length
 * or while streaming), 400 when not JSON. O(bytes).
 *
 * @param request The request.
 * @param maxBytes The cap.
 * @returns The parsed value.
 * @throws {RequestError} 413 or 400 as above.
 * @example
 * ```ts
 * import { readJson } from "./read_json.ts";
 * const v = await readJson(new Request("http://x/", { method: "POST", body: '{"a":1}' }), 100);
 * if ((v as { a: number }).a !== 1) throw new Error();
 * ```
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = request.headers.get("content-length");
  let text: string;
  if (declared !== null && Number(declared) <= maxBytes) {
    text = await request.text();
  } else if (declared !== null) {
    await request.body?.cancel();
    throw new RequestError(413, `Body of ${declared} bytes is over the limit of ${maxBytes} bytes`);
  } else {
    const parts: Uint8Array[] = [];
    let size = 0;
    const reader = request.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) break;
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel();
        throw new RequestError(413, `Body is over the limit of ${maxBytes} bytes`);
      }
      parts.push(chunk.value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    text = new TextDecoder().decode(bytes);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RequestError(400, `Body is not valid JSON: ${(e as Error).message}`);
  }
}
