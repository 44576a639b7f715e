/**
 * Waiting for a server a comparison script started (shared by the scrape and service comparisons).
 *
 * @module
 */

/**
 * Resolves once `url` answers 2xx, polling every 100 ms.
 *
 * @throws {Error} When it has not answered 2xx within `timeoutMs`.
 */
export async function waitUntilUp(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms`);
}
