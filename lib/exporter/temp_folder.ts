/**
 * The launcher's temporary folder (`/tmp/vigil_export_*`, holding the notebook's generated module)
 * and the clean-up of folders that killed launchers left behind. A live launcher holds an
 * exclusive lock on `launcher.lock` in its folder for as long as it runs; the kernel drops the
 * lock when the process dies, however it dies, so a folder whose lock can be taken is stale.
 *
 * @module
 */
import { dirname, join } from "node:path";

/** Prefix of the launcher's temporary folders. */
export const TEMP_FOLDER_PREFIX = "vigil_export_";

/** The lock file a live launcher holds in its folder. */
export const LOCK_FILE = "launcher.lock";

/** A temporary folder held by this process. */
export interface TempFolder {
  /** Absolute path of the folder. */
  readonly path: string;
  /** Removes the folder, then releases its lock. Never throws. */
  remove(): Promise<void>;
}

/**
 * Creates a `vigil_export_*` folder in the system temp folder and locks it for this process.
 *
 * @returns The folder.
 * @throws {Deno.errors.PermissionDenied} When the temp folder is not writable.
 */
export async function createTempFolder(): Promise<TempFolder> {
  const path = await Deno.makeTempDir({ prefix: TEMP_FOLDER_PREFIX });
  const lock = await Deno.open(join(path, LOCK_FILE), { create: true, write: true });
  await lock.lock(true);
  await lock.write(new TextEncoder().encode(`${Deno.pid}\n`)); // for a human looking at it
  return {
    path,
    async remove() {
      await Deno.remove(path, { recursive: true }).catch(() => {});
      lock.close();
    },
  };
}

/** Options of {@linkcode removeStaleTempFolders}. */
export interface RemoveStaleOptions {
  /**
   * Only folders not modified for this long (covers a launcher between creating and locking its
   * folder). @default 60000
   */
  minAgeMs?: number;
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
}

async function lockIsFree(folder: string): Promise<boolean> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(join(folder, LOCK_FILE), { read: true, write: true });
  } catch {
    // No lock file: a launcher of an older version, maybe still running. Not ours to judge.
    return false;
  }
  try {
    return await file.tryLock(true);
  } finally {
    file.close();
  }
}

/**
 * Removes the `vigil_export_*` folders next to `own` (the caller's own temp folder, which is kept)
 * that killed launchers left behind: real folders (not symlinks), owned by the same user as `own`,
 * not modified for `minAgeMs`, with a lock file no live process holds (folders without one are
 * kept: an older launcher may still be using it). Errors (a folder another user
 * removes first, no permission to list the temp folder) skip that folder or the clean-up; they
 * never throw.
 *
 * @param own The caller's own temp folder, from {@linkcode createTempFolder}.
 * @param options See {@linkcode RemoveStaleOptions}.
 * @returns The folders removed.
 */
export async function removeStaleTempFolders(
  own: string,
  options: RemoveStaleOptions = {},
): Promise<string[]> {
  const minAgeMs = options.minAgeMs ?? 60_000;
  const now = (options.now ?? Date.now)();
  const removed: string[] = [];
  try {
    const uid = (await Deno.stat(own)).uid;
    const root = dirname(own);
    for await (const entry of Deno.readDir(root)) {
      if (!entry.name.startsWith(TEMP_FOLDER_PREFIX) || !entry.isDirectory) continue;
      const folder = join(root, entry.name);
      if (folder === own) continue;
      try {
        const info = await Deno.lstat(folder);
        const age = now - (info.mtime?.getTime() ?? now);
        if (!info.isDirectory || info.uid !== uid || age < minAgeMs) continue;
        if (!(await lockIsFree(folder))) continue;
        await Deno.remove(folder, { recursive: true });
        removed.push(folder);
      } catch {
        // gone meanwhile, or not ours to touch
      }
    }
  } catch {
    // the temp folder cannot be listed: nothing to clean
  }
  return removed;
}
