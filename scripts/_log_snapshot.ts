/**
 * A consistent copy of a live prediction log, for a process that must read it while the service
 * writes it: DuckDB lets one process hold a database file, so a monitoring notebook cannot open
 * the service's file, even read-only. The copy is written beside the log and renamed into place,
 * so a reader sees the old copy or the new one, never half of one.
 *
 * @module
 */
import { openDuckDbStore } from "../lib/store/duckdb_store.ts";
import type { PredictionLog } from "../lib/store/prediction_log.ts";

/**
 * Flushes `log`, exports it as CSV to a temp folder beside `target`, imports that into a new
 * DuckDB file `target + ".tmp"` and renames it to `target`. O(rows in the log).
 *
 * @param log The live log.
 * @param target The snapshot's DuckDB file.
 * @returns The rows the snapshot holds.
 */
export async function snapshotLog(
  log: PredictionLog,
  target: string,
): Promise<{ predictions: number; labels: number }> {
  await log.flush();
  const folder = `${target}.csv`;
  await Deno.remove(folder, { recursive: true }).catch(() => {});
  await Deno.mkdir(folder, { recursive: true });
  const temporary = `${target}.tmp`;
  await Deno.remove(temporary).catch(() => {});
  try {
    await log.store.exportCsv(folder);
    const copy = await openDuckDbStore(temporary, log.store.schema);
    let counts;
    try {
      await copy.importCsv(folder);
      counts = await copy.count();
    } finally {
      await copy.close();
    }
    await Deno.rename(temporary, target);
    return counts;
  } finally {
    await Deno.remove(folder, { recursive: true }).catch(() => {});
  }
}
