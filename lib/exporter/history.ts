/**
 * `--history FILE`: each good snapshot appended as one JSON line, so a run's numbers can be read
 * back later (`jq`, a notebook) without Prometheus.
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";

/**
 * Appends `snapshot` to `path` as one JSON line, creating the file if needed. One write call per
 * snapshot, so concurrent readers see whole lines.
 *
 * @throws {Deno.errors.PermissionDenied} Without write permission for `path`.
 */
export async function appendHistory(path: string, snapshot: Snapshot): Promise<void> {
  await Deno.writeTextFile(path, JSON.stringify(snapshot) + "\n", { append: true, create: true });
}
