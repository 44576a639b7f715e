/**
 * Baselines: the values a model scored on its reference data, saved as JSON next to the notebook,
 * so that later windows are judged relative to them (`maxDrop: 0.05`).
 *
 * @module
 */
import type { MetricValue, Snapshot } from "./types.ts";

/**
 * A saved baseline. In the JSON file, NaN metric values are written as `null` (JSON has no NaN)
 * and read back as NaN.
 */
export interface Baseline {
  /** Baseline format version. */
  version: 1;
  /** The model the values belong to. */
  model: { name: string; version: string };
  /** ISO timestamp of when the baseline was made. */
  createdAt: string;
  /** The reference values, in the same form as {@linkcode Snapshot.metrics}. */
  metrics: MetricValue[];
  /** The serialised model (e.g. `LogisticRegression#toJSON()`), to reload the exact model. */
  model_json?: unknown;
}

/** Options of {@linkcode createBaseline}. */
export interface CreateBaselineOptions {
  /**
   * The serialised model to store with the values.
   * @default undefined (not stored)
   */
  modelJson?: unknown;
  /**
   * Creation time.
   * @default the snapshot's `finishedAt`
   */
  createdAt?: Date;
}

/**
 * Makes a baseline from a snapshot of the monitor run on reference data (a copy: later changes to
 * the snapshot do not affect it). O(metrics).
 *
 * @param snapshot The reference run.
 * @param options See {@linkcode CreateBaselineOptions}.
 * @returns The baseline.
 * @example
 * ```ts
 * import { createBaseline } from "./baseline.ts";
 * import type { Snapshot } from "./types.ts";
 * const snapshot = {
 *   model: { name: "iris", version: "1" }, finishedAt: "2026-01-01T00:00:00.000Z",
 *   metrics: [{ name: "accuracy", value: 0.96 }],
 * } as Snapshot;
 * const b = createBaseline(snapshot);
 * if (b.metrics[0]?.value !== 0.96 || b.createdAt !== snapshot.finishedAt) throw new Error();
 * ```
 */
export function createBaseline(snapshot: Snapshot, options: CreateBaselineOptions = {}): Baseline {
  return {
    version: 1,
    model: { name: snapshot.model.name, version: snapshot.model.version },
    createdAt: options.createdAt?.toISOString() ?? snapshot.finishedAt,
    metrics: snapshot.metrics.map((m) => ({
      name: m.name,
      value: m.value,
      ...(m.labels !== undefined ? { labels: { ...m.labels } } : {}),
      ...(m.reason !== undefined ? { reason: m.reason } : {}),
    })),
    ...(options.modelJson !== undefined ? { model_json: options.modelJson } : {}),
  };
}

/**
 * Writes a baseline as pretty-printed JSON (NaN values as `null`).
 *
 * @param path Where to write, e.g. `"data/iris_baseline.json"`.
 * @param baseline The baseline (validated first, so a bad one is never written).
 * @returns Resolves once written.
 * @throws {TypeError} When the baseline has the wrong shape.
 * @example
 * ```ts
 * import { loadBaseline, saveBaseline } from "./baseline.ts";
 * const path = await Deno.makeTempFile({ suffix: ".json" });
 * await saveBaseline(path, {
 *   version: 1, model: { name: "iris", version: "1" }, createdAt: "2026-01-01T00:00:00.000Z",
 *   metrics: [{ name: "roc_auc", value: NaN }],
 * });
 * const back = await loadBaseline(path);
 * if (!Number.isNaN(back.metrics[0]?.value)) throw new Error("NaN lost");
 * await Deno.remove(path);
 * ```
 */
export async function saveBaseline(path: string, baseline: Baseline): Promise<void> {
  validateBaseline(baseline, "the baseline to save");
  const json = JSON.stringify(baseline, (_key, value) => Number.isNaN(value) ? null : value, 2);
  await Deno.writeTextFile(path, json + "\n");
}

/**
 * Reads a baseline written by {@linkcode saveBaseline}; `null` metric values become NaN.
 *
 * @param path The JSON file.
 * @returns The validated baseline.
 * @throws {SyntaxError} When the file is not valid JSON (the message names the file).
 * @throws {TypeError} When the JSON has the wrong shape (the message names the file and field).
 * @throws {Deno.errors.NotFound} When the file does not exist.
 * @example
 * ```ts
 * import { loadBaseline } from "./baseline.ts";
 * const path = await Deno.makeTempFile({ suffix: ".json" });
 * await Deno.writeTextFile(path, "{ not json");
 * let threw = false;
 * try { await loadBaseline(path); } catch (e) { threw = e instanceof SyntaxError; }
 * await Deno.remove(path);
 * if (!threw) throw new Error("bad JSON accepted");
 * ```
 */
export async function loadBaseline(path: string): Promise<Baseline> {
  const text = await Deno.readTextFile(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SyntaxError(
      `Cannot read baseline "${path}": invalid JSON (${(e as Error).message})`,
      { cause: e },
    );
  }
  const metrics = (data as { metrics?: unknown } | null)?.metrics;
  if (Array.isArray(metrics)) {
    for (const m of metrics) {
      if (m !== null && typeof m === "object" && (m as { value?: unknown }).value === null) {
        (m as { value: number }).value = NaN;
      }
    }
  }
  validateBaseline(data, `baseline "${path}"`);
  return data;
}

function isStringRecord(x: unknown): x is Record<string, string> {
  return typeof x === "object" && x !== null && !Array.isArray(x) &&
    Object.values(x).every((v) => typeof v === "string");
}

/** Throws a TypeError naming `what` and the field when `data` is not a Baseline. */
function validateBaseline(data: unknown, what: string): asserts data is Baseline {
  const fail = (field: string, expected: string): never => {
    throw new TypeError(`Invalid ${what}: ${field} must be ${expected}`);
  };
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    fail("the top level", "an object");
  }
  const b = data as Record<string, unknown>;
  if (b.version !== 1) fail("version", `1, got ${JSON.stringify(b.version)}`);
  const model = b.model as Record<string, unknown> | null | undefined;
  if (typeof model !== "object" || model === null) fail("model", "an object {name, version}");
  if (typeof model!.name !== "string") fail("model.name", "a string");
  if (typeof model!.version !== "string") fail("model.version", "a string");
  if (typeof b.createdAt !== "string") fail("createdAt", "an ISO timestamp string");
  if (!Array.isArray(b.metrics)) fail("metrics", "an array");
  (b.metrics as unknown[]).forEach((m, i) => {
    if (typeof m !== "object" || m === null) fail(`metrics[${i}]`, "an object");
    const v = m as Record<string, unknown>;
    if (typeof v.name !== "string" || v.name === "") fail(`metrics[${i}].name`, "a string");
    if (typeof v.value !== "number") fail(`metrics[${i}].value`, "a number or null");
    if (v.labels !== undefined && !isStringRecord(v.labels)) {
      fail(`metrics[${i}].labels`, "an object of strings");
    }
  });
}
