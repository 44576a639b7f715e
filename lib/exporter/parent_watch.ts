/**
 * Notices that the process which started this one has gone. Wrappers such as `npx` may exit on
 * SIGTERM without passing it on; the exporter they started is then re-parented (to PID 1 or a
 * subreaper) and would run on, orphaned. Polling `Deno.ppid` catches that: once it differs from
 * its value at start, the parent is gone.
 *
 * @module
 */

/** Options of {@linkcode watchParent}. */
export interface WatchParentOptions {
  /** How often the parent PID is read, in milliseconds. @default 500 */
  intervalMs?: number;
  /** Reads the parent PID (tests inject one). @default () => Deno.ppid */
  ppid?: () => number;
}

/** Handle returned by {@linkcode watchParent}. */
export interface ParentWatch {
  /** Stops watching (idempotent). */
  stop(): void;
}

/**
 * Calls `onGone` once, within `intervalMs`, after the parent PID changes from its value now. The
 * timer keeps the event loop alive: call `stop()` when done. Cost: one `getppid` per tick.
 *
 * @param onGone Called once with the old and the new parent PID.
 * @param options See {@linkcode WatchParentOptions}.
 * @throws {RangeError} When `intervalMs` is not a positive number.
 * @example
 * ```ts
 * import { watchParent } from "./parent_watch.ts";
 * let ppid = 100;
 * const { promise, resolve } = Promise.withResolvers<string>();
 * const watch = watchParent((from, to) => resolve(`${from}->${to}`), { intervalMs: 5, ppid: () => ppid });
 * ppid = 1;
 * if (await promise !== "100->1") throw new Error("parent change missed");
 * watch.stop();
 * ```
 */
export function watchParent(
  onGone: (from: number, to: number) => void,
  options: WatchParentOptions = {},
): ParentWatch {
  const intervalMs = options.intervalMs ?? 500;
  if (!(intervalMs > 0)) {
    throw new RangeError(`Parent watch interval must be positive, got ${intervalMs} ms`);
  }
  const read = options.ppid ?? (() => Deno.ppid);
  const initial = read();
  const timer = setInterval(() => {
    const now = read();
    if (now === initial) return;
    clearInterval(timer);
    onGone(initial, now);
  }, intervalMs);
  return { stop: () => clearInterval(timer) };
}
