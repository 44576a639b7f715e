/**
 * Shared setup for the family tests (drift_families_test.ts, quality_families_test.ts): the
 * model the snapshot metrics are created for, its label pair, the exposition of a snapshot, and
 * `promtool check metrics`.
 *
 * @module
 */
import { Registry } from "prom-client";
import { requireBinary } from "../_binaries.ts";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { CLASSES, FEATURES, sampleSnapshot } from "../monitor/_fixtures.ts";

/** The model the snapshot metrics are created for. */
export const MODEL = { name: "iris_logreg", version: "1.0.0", classNames: CLASSES };
/** The model label pair every sample line carries. */
export const M = 'model="iris_logreg"';

/** The sample lines (no comments, no blank lines) of a fresh registry after one update. */
export async function exposition(snapshot = sampleSnapshot()): Promise<string[]> {
  const registry = new Registry();
  createSnapshotMetrics(registry, { model: MODEL, features: FEATURES }).update(snapshot);
  return (await registry.metrics()).split("\n").filter((l) => l !== "" && !l.startsWith("#"));
}

/** Runs `promtool check metrics` on an exposition; fails clearly when promtool is missing. */
export async function promtoolCheck(text: string): Promise<{ code: number; output: string }> {
  // Debian's path, not PATH: a missing promtool must fail with the setup hint, wherever PATH points.
  const child = new Deno.Command(requireBinary("/usr/bin/promtool"), {
    args: ["check", "metrics"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const { code, stdout, stderr } = await child.output();
  const output = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
  return { code, output };
}
