/**
 * Shared setup for the family tests (drift_families_test.ts, quality_families_test.ts): the
 * model the snapshot metrics are created for, its label pair and the exposition of a snapshot.
 *
 * @module
 */
import { Registry } from "prom-client";
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
