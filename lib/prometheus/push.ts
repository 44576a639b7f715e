/**
 * `--push-gateway URL`: batch mode. After each run the exposition is PUT to the Pushgateway under
 * `/metrics/job/<job>`; PUT replaces every series of the group, so stale values never linger.
 *
 * @module
 */

/** Options of {@linkcode pushMetrics}. */
export interface PushOptions {
  /** The fetch used for the PUT (tests pass a fake). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Give up after this long. @default 10000 */
  timeoutMs?: number;
}

/**
 * PUTs a Prometheus text exposition to `<gateway>/metrics/job/<job>`.
 *
 * @param gateway The Pushgateway base URL, e.g. `http://localhost:9091`.
 * @param job The job name (URL-encoded into the path).
 * @param body Prometheus text format 0.0.4.
 * @param options See {@linkcode PushOptions}.
 * @throws {Error} When the gateway answers with a non-2xx status (message has status and body).
 */
export async function pushMetrics(
  gateway: string,
  job: string,
  body: string,
  options: PushOptions = {},
): Promise<void> {
  const doFetch = options.fetch ?? fetch;
  const url = `${gateway.replace(/\/+$/, "")}/metrics/job/${encodeURIComponent(job)}`;
  const response = await doFetch(url, {
    method: "PUT",
    headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" },
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `Push gateway ${url} answered ${response.status}: ${text.trim().slice(0, 200)}`,
    );
  }
}
