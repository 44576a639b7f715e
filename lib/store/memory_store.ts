/**
 * The in-memory prediction store: the same interface as the DuckDB file, for tests and notebooks.
 *
 * @module
 */
import {
  checkLabel,
  checkPrediction,
  checkSchema,
  labelsCsv,
  parseLabelsCsv,
  parsePredictionsCsv,
  predictionsCsv,
} from "./_columns.ts";
import type {
  LabelRecord,
  LabelState,
  PredictionRecord,
  PredictionStore,
  PredictionWindow,
  StoreCounts,
  StoreSchema,
  WindowOptions,
  WindowQuery,
} from "./prediction_store.ts";
import { checkWindowQuery } from "./window_query.ts";
import { unpackPredictions } from "./_transfer.ts";

/**
 * Creates an empty in-memory {@linkcode PredictionStore}. Records are copied on append; windows
 * cost O(n log n) for the sort by time. Nothing survives the process.
 *
 * @param schema Feature and class names.
 * @returns The store.
 * @throws {TypeError} When the schema has no features, fewer than 2 classes or repeated names.
 * @example
 * ```ts
 * import { createMemoryStore } from "./memory_store.ts";
 * const store = createMemoryStore({ featureNames: ["x"], classNames: ["a", "b"] });
 * await store.append([
 *   { id: "p1", timestamp: 1000, modelVersion: "1", features: [0.5], probabilities: [0.3, 0.7], predicted: 1 },
 *   { id: "p2", timestamp: 2000, modelVersion: "1", features: [0.1], probabilities: [0.9, 0.1], predicted: 0 },
 * ]);
 * await store.appendLabels([{ id: "p2", label: 1, timestamp: 5000 }]);
 * const w = await store.window({ from: 1500 });
 * if (w.n !== 1 || w.labels[0] !== 1 || w.features.x![0] !== 0.1) throw new Error();
 * ```
 */
export function createMemoryStore(schema: StoreSchema): PredictionStore {
  const s = checkSchema(schema);
  let predictions: PredictionRecord[] = [];
  let labels: LabelRecord[] = [];
  let closed = false;
  // Errors reject (as the DuckDB store's do) rather than throw.
  function run<T>(what: string, task: () => T | Promise<T>): Promise<T> {
    try {
      if (closed) throw new TypeError(`Cannot ${what}: the memory store is closed`);
      return Promise.resolve(task());
    } catch (e) {
      return Promise.reject(e);
    }
  }
  const copy = (r: PredictionRecord): PredictionRecord => ({
    ...r,
    features: Array.from(r.features),
    probabilities: Array.from(r.probabilities),
  });
  return {
    schema: s,
    append: (records) =>
      run("append predictions", () => {
        records.forEach((r, i) => checkPrediction(r, i, s));
        predictions = predictions.concat(records.map(copy));
      }),
    appendColumns: (columns) =>
      run("append predictions", () => {
        const records = unpackPredictions(columns, s.featureNames.length, s.classNames.length);
        records.forEach((r, i) => checkPrediction(r, i, s));
        predictions = predictions.concat(records.map(copy));
      }),
    appendLabels: (records) =>
      run("append labels", () => {
        records.forEach((r, i) => checkLabel(r, i, s));
        labels = labels.concat(records.map((r) => ({ ...r })));
      }),
    lookup: (ids) =>
      run("look up ids", () => {
        const wanted = new Set(ids);
        const out = new Map<string, LabelState>();
        for (const p of predictions) if (wanted.has(p.id)) out.set(p.id, { label: -1 });
        for (const l of earliestLabels(labels, Infinity).values()) {
          if (out.has(l.id)) out.set(l.id, { label: l.label });
        }
        return out;
      }),
    window: (query, options = {}) =>
      run("read a window", () => memoryWindow(predictions, labels, s, query, options)),
    count: (): Promise<StoreCounts> =>
      run("count", () => ({ predictions: predictions.length, labels: labels.length })),
    flush: () => run("flush", () => {}),
    exportCsv: (dir) =>
      run("export CSV", async () => {
        await Deno.writeTextFile(`${dir}/predictions.csv`, predictionsCsv(predictions, s));
        await Deno.writeTextFile(`${dir}/labels.csv`, labelsCsv(labels));
      }),
    importCsv: (dir) =>
      run("import CSV", async () => {
        const p = `${dir}/predictions.csv`;
        const l = `${dir}/labels.csv`;
        const newPredictions = parsePredictionsCsv(await Deno.readTextFile(p), s, p);
        const newLabels = parseLabelsCsv(await Deno.readTextFile(l), s, l);
        predictions = predictions.concat(newPredictions);
        labels = labels.concat(newLabels);
      }),
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}

function earliestLabels(labels: readonly LabelRecord[], before: number): Map<string, LabelRecord> {
  const out = new Map<string, LabelRecord>();
  for (const l of labels) {
    if (!(l.timestamp < before)) continue;
    const seen = out.get(l.id);
    if (seen === undefined || l.timestamp < seen.timestamp) out.set(l.id, l);
  }
  return out;
}

function memoryWindow(
  predictions: readonly PredictionRecord[],
  labels: readonly LabelRecord[],
  schema: StoreSchema,
  query: WindowQuery,
  options: WindowOptions,
): PredictionWindow {
  const q = checkWindowQuery(query);
  const byLabel = earliestLabels(labels, options.labelsBefore ?? Infinity);
  const order = predictions.map((_, i) => i).sort((a, b) =>
    predictions[a]!.timestamp - predictions[b]!.timestamp || a - b
  );
  let rows = order.map((i) => predictions[i]!);
  if ("lastN" in q) rows = rows.slice(Math.max(0, rows.length - q.lastN));
  else rows = rows.filter((r) => r.timestamp >= q.from && r.timestamp < q.to);
  if (options.labelledOnly) rows = rows.filter((r) => byLabel.has(r.id));
  const n = rows.length;
  const k = schema.classNames.length;
  const w: PredictionWindow = {
    n,
    featureNames: schema.featureNames,
    classNames: schema.classNames,
    timestamps: Float64Array.from(rows, (r) => r.timestamp),
    features: Object.fromEntries(
      schema.featureNames.map((f, j) => [f, Float64Array.from(rows, (r) => r.features[j]!)]),
    ),
    probabilities: new Float64Array(n * k),
    predicted: Int32Array.from(rows, (r) => r.predicted),
    labels: Int32Array.from(rows, (r) => byLabel.get(r.id)?.label ?? -1),
    labelTimestamps: Float64Array.from(rows, (r) => byLabel.get(r.id)?.timestamp ?? NaN),
  };
  rows.forEach((r, i) => w.probabilities.set(Array.from(r.probabilities), i * k));
  if (options.ids) w.ids = rows.map((r) => r.id);
  return w;
}
