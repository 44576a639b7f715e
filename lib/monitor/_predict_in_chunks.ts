/**
 * Private: calls a model over a window in chunks, timing each call.
 *
 * @module
 */
import { batchRows, type CheckedBatch } from "./batch.ts";
import type { MonitoredModel } from "./define_monitor.ts";

/** Options of {@linkcode predictInChunks}. */
export interface PredictInChunksOptions {
  /** The model's number of classes k. */
  nClasses: number;
  /** Rows per call (Infinity: one call). */
  chunkRows: number;
  /** Monotonic clock in milliseconds. */
  clock: () => number;
}

/**
 * Row-major n×k probabilities for the whole window and each call's latency in seconds. A flat `X`
 * goes to `predictProbaRowMajor` when the model has it (no per-row views), otherwise rows go to
 * `predictProba`. Each call's output must be a Float64Array of `rows × k` values.
 *
 * @throws {TypeError} When the model returns something else (names the rows).
 */
export async function predictInChunks(
  model: MonitoredModel,
  batch: CheckedBatch,
  options: PredictInChunksOptions,
): Promise<{ proba: Float64Array; latenciesSeconds: number[] }> {
  const { nClasses: k, chunkRows, clock } = options;
  const { n, nFeatures: f, X } = batch;
  const proba = new Float64Array(n * k);
  const latenciesSeconds: number[] = [];
  const step = Math.max(1, Math.min(n, chunkRows));
  const rowMajor = X instanceof Float64Array && typeof model.predictProbaRowMajor === "function";
  for (let start = 0; start < n; start += step) {
    const end = Math.min(n, start + step);
    let p: unknown;
    if (rowMajor) {
      const x = (X as Float64Array).subarray(start * f, end * f);
      const c0 = clock();
      p = await model.predictProbaRowMajor!(x, f);
      latenciesSeconds.push((clock() - c0) / 1000);
    } else {
      const rows = batchRows(batch, { start, end });
      const c0 = clock();
      p = await model.predictProba(rows);
      latenciesSeconds.push((clock() - c0) / 1000);
    }
    if (!(p instanceof Float64Array) || p.length !== (end - start) * k) {
      const what = p instanceof Float64Array ? `${p.length} values` : "a non-Float64Array";
      throw new TypeError(
        `model.${rowMajor ? "predictProbaRowMajor" : "predictProba"} returned ${what} for ` +
          `${end - start} rows × ${k} classes (rows ${start}..${end - 1})`,
      );
    }
    proba.set(p, start * k);
  }
  return { proba, latenciesSeconds };
}
