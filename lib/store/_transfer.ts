/**
 * Packing predictions and windows into typed arrays so that they cross to and from the DuckDB
 * worker by transfer (no per-row structured clone on the service's thread), and errors back.
 *
 * @module
 */
import type { PredictionColumns, PredictionRecord, PredictionWindow } from "./prediction_store.ts";

/** Predictions as typed columns, ready to transfer. */
export interface PackedPredictions extends PredictionColumns {
  ids: string[];
  modelVersions: string[];
  timestamps: Float64Array;
  features: Float64Array;
  probabilities: Float64Array;
  predicted: Int32Array;
}

/** Packs checked records (rows of `p` features and `k` probabilities) into columns. O(n·(p+k)). */
export function packPredictions(
  records: readonly PredictionRecord[],
  p: number,
  k: number,
): PackedPredictions {
  const n = records.length;
  const out: PackedPredictions = {
    ids: new Array(n),
    modelVersions: new Array(n),
    timestamps: new Float64Array(n),
    features: new Float64Array(n * p),
    probabilities: new Float64Array(n * k),
    predicted: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    out.ids[i] = r.id;
    out.modelVersions[i] = r.modelVersion;
    out.timestamps[i] = r.timestamp;
    for (let j = 0; j < p; j++) out.features[i * p + j] = r.features[j]!;
    for (let c = 0; c < k; c++) out.probabilities[i * k + c] = r.probabilities[c]!;
    out.predicted[i] = r.predicted;
  }
  return out;
}

/**
 * Columns as records (rows are views when the columns are typed arrays). Throws a TypeError when
 * the columns disagree on the number of rows.
 */
export function unpackPredictions(c: PredictionColumns, p: number, k: number): PredictionRecord[] {
  const n = c?.ids?.length;
  const ok = Number.isInteger(n) && c.timestamps?.length === n && c.modelVersions?.length === n &&
    c.features?.length === n * p && c.probabilities?.length === n * k && c.predicted?.length === n;
  if (!ok) {
    throw new TypeError(
      `Cannot log prediction columns: expected ${n} ids, times, versions and classes, ` +
        `${n} × ${p} features and ${n} × ${k} probabilities`,
    );
  }
  const view = (a: ArrayLike<number>, start: number, end: number) =>
    ArrayBuffer.isView(a)
      ? (a as Float64Array).subarray(start, end)
      : Array.prototype.slice.call(a, start, end) as number[];
  return c.ids.map((id, i) => ({
    id,
    modelVersion: c.modelVersions[i]!,
    timestamp: c.timestamps[i]!,
    features: view(c.features, i * p, (i + 1) * p),
    probabilities: view(c.probabilities, i * k, (i + 1) * k),
    predicted: c.predicted[i]!,
  }));
}

/** Columns as typed arrays (copied when they are not already Float64Array / Int32Array). */
export function toPacked(c: PredictionColumns): PackedPredictions {
  const f64 = (a: ArrayLike<number>) => a instanceof Float64Array ? a : Float64Array.from(a);
  return {
    ids: [...c.ids],
    modelVersions: [...c.modelVersions],
    timestamps: f64(c.timestamps),
    features: f64(c.features),
    probabilities: f64(c.probabilities),
    predicted: c.predicted instanceof Int32Array ? c.predicted : Int32Array.from(c.predicted),
  };
}

/** The buffers of packed predictions, to transfer them. */
export function packedBuffers(p: PackedPredictions): ArrayBuffer[] {
  return [p.timestamps, p.features, p.probabilities, p.predicted].map((a) =>
    a.buffer as ArrayBuffer
  );
}

/** The buffers of a window, to transfer it. */
export function windowBuffers(w: PredictionWindow): ArrayBuffer[] {
  return [
    w.timestamps,
    w.probabilities,
    w.predicted,
    w.labels,
    w.labelTimestamps,
    ...Object.values(w.features),
  ].map((a) => a.buffer as ArrayBuffer);
}

/** An error as plain data. */
export interface ErrorData {
  name: string;
  message: string;
}

/** Rebuilds an error of the same standard class (TypeError, RangeError…) from its data. */
export function errorFromData(data: ErrorData): Error {
  const classes: Record<string, ErrorConstructor> = {
    TypeError,
    RangeError,
    SyntaxError,
  };
  const e = new (classes[data.name] ?? Error)(data.message);
  return e;
}
