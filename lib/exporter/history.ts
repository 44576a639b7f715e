/**
 * `--history FILE`: each good snapshot appended as one JSON line, so a run's numbers can be read
 * back later (`jq`, a notebook) without Prometheus.
 *
 * A write can fail half-way (a full disk takes the first bytes and refuses the rest). The file is
 * then truncated back to the size it had before the write, so the next snapshot starts on a line of
 * its own instead of being glued onto a fragment: every line of the file stays whole JSON.
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";

/** The part of `Deno.FsFile` the history writer uses (tests inject a failing one). */
export interface HistoryFile {
  /** `seek(0, Deno.SeekMode.End)` gives the size (unlike `stat()`, it needs no read permission). */
  seek(offset: number, whence: Deno.SeekMode): Promise<number>;
  write(bytes: Uint8Array): Promise<number>;
  truncate(length: number): Promise<void>;
  close(): void;
}

/** Options of {@linkcode appendHistory}. */
export interface AppendHistoryOptions {
  /**
   * Opens `path` for appending, creating it if needed.
   * @default Deno.open(path, { append: true, create: true })
   */
  open?: (path: string) => Promise<HistoryFile>;
}

function openForAppend(path: string): Promise<HistoryFile> {
  return Deno.open(path, { append: true, create: true });
}

/**
 * Appends `snapshot` to `path` as one JSON line, creating the file if needed. When any part of the
 * write fails, the file is truncated back to its size before the write and the error is rethrown,
 * so a failed append leaves no partial line behind. Cost: one `seek`, one or more `write` calls.
 *
 * @param path The JSON-lines file.
 * @param snapshot The snapshot to append.
 * @param options See {@linkcode AppendHistoryOptions}.
 * @throws {Deno.errors.PermissionDenied} Without write permission for `path`.
 * @throws {Error} What the file system threw (e.g. `No space left on device`), after truncating.
 * @example
 * ```ts
 * import { appendHistory } from "./history.ts";
 * const path = await Deno.makeTempFile();
 * const snapshot = { run: 1 } as unknown as Parameters<typeof appendHistory>[1];
 * await appendHistory(path, snapshot);
 * if (await Deno.readTextFile(path) !== '{"run":1}\n') throw new Error("not one line");
 * await Deno.remove(path);
 * ```
 */
export async function appendHistory(
  path: string,
  snapshot: Snapshot,
  options: AppendHistoryOptions = {},
): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(snapshot) + "\n");
  const file = await (options.open ?? openForAppend)(path);
  try {
    const size = await file.seek(0, Deno.SeekMode.End);
    try {
      let written = 0;
      while (written < bytes.length) written += await file.write(bytes.subarray(written));
    } catch (e) {
      await file.truncate(size).catch(() => {});
      throw e;
    }
  } finally {
    file.close();
  }
}
