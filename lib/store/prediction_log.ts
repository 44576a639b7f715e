/**
 * The write queue in front of a {@linkcode PredictionStore}: requests hand their records over
 * and return at once; a timer (every `flushMs`) or a full batch (`batchRows`) writes them in one
 * store call, off the request path.
 *
 * @module
 */
import type {
  LabelRecord,
  LabelState,
  PredictionRecord,
  PredictionStore,
} from "./prediction_store.ts";

/** Options of {@linkcode createPredictionLog}. */
export interface PredictionLogOptions {
  /**
   * Longest time a record waits in the queue before it is written.
   * @default 200
   */
  flushMs?: number;
  /**
   * Rows that trigger a write before the timer fires.
   * @default 5000
   */
  batchRows?: number;
  /**
   * Most rows (predictions + labels) waiting or being written. When full, {@linkcode PredictionLog.offer}
   * refuses the whole request (the service answers 503): memory stays bounded and no request is
   * half logged.
   * @default 100000
   */
  capacity?: number;
  /** Called after each write (rows written, or the error that lost them). */
  onWrite?: (event: { table: "predictions" | "labels"; rows: number; error?: unknown }) => void;
}

/** Counters of a {@linkcode PredictionLog}. */
export interface PredictionLogStats {
  /** Rows waiting or being written. */
  queued: number;
  /** Prediction rows written. */
  predictionsWritten: number;
  /** Label rows written. */
  labelsWritten: number;
  /** Store writes that failed (their rows are lost and counted in `rowsLost`). */
  writeFailures: number;
  /** Rows lost by failed writes. */
  rowsLost: number;
  /** Requests refused because the queue was full. */
  rejected: number;
}

/** A write-behind queue over a store. */
export interface PredictionLog {
  /** The store written to. */
  readonly store: PredictionStore;
  /** Queues predictions and labels together; false (nothing queued) when they do not fit. */
  offer(predictions: readonly PredictionRecord[], labels?: readonly LabelRecord[]): boolean;
  /** Label state of ids, queued records first, then the store. */
  lookup(ids: readonly string[]): Promise<Map<string, LabelState>>;
  /** Counters. */
  stats(): PredictionLogStats;
  /** Writes everything queued so far. */
  flush(): Promise<void>;
  /** Flushes, stops the timer and closes the store. */
  close(): Promise<void>;
}

/**
 * Wraps a store in a bounded write-behind queue. Records that are queued but not yet written are
 * lost if the process is killed (at most `flushMs` of traffic); a graceful {@linkcode PredictionLog.close}
 * writes them. A failed store write is counted and its rows dropped (the service keeps serving).
 *
 * @param store Where rows go.
 * @param options See {@linkcode PredictionLogOptions}.
 * @returns The log.
 * @throws {RangeError} When an option is not a positive number.
 * @example
 * ```ts
 * import { createMemoryStore, createPredictionLog } from "./mod.ts";
 * const store = createMemoryStore({ featureNames: ["x"], classNames: ["a", "b"] });
 * const log = createPredictionLog(store, { capacity: 1 });
 * const p = { id: "p1", timestamp: 0, modelVersion: "1", features: [1], probabilities: [0.5, 0.5], predicted: 0 };
 * if (!log.offer([p]) || log.offer([{ ...p, id: "p2" }])) throw new Error("capacity ignored");
 * await log.flush();
 * if ((await store.count()).predictions !== 1 || log.stats().rejected !== 1) throw new Error();
 * await log.close();
 * ```
 */
export function createPredictionLog(
  store: PredictionStore,
  options: PredictionLogOptions = {},
): PredictionLog {
  const { flushMs = 200, batchRows = 5000, capacity = 100_000, onWrite } = options;
  for (
    const [name, v] of [["flushMs", flushMs], ["batchRows", batchRows], [
      "capacity",
      capacity,
    ]] as const
  ) {
    if (!(v > 0) || !Number.isFinite(v)) {
      throw new RangeError(`Cannot create the prediction log: ${name} must be > 0, got ${v}`);
    }
  }
  let predictions: PredictionRecord[] = [];
  let labels: LabelRecord[] = [];
  const pending = new Map<string, LabelState>();
  let writing = 0;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;
  const stats = {
    predictionsWritten: 0,
    labelsWritten: 0,
    writeFailures: 0,
    rowsLost: 0,
    rejected: 0,
  };
  const timer = setInterval(() => void flush(), flushMs);
  Deno.unrefTimer(timer);

  async function write(p: PredictionRecord[], l: LabelRecord[]) {
    for (const [table, rows] of [["predictions", p], ["labels", l]] as const) {
      if (rows.length === 0) continue;
      try {
        if (table === "predictions") await store.append(p);
        else await store.appendLabels(l);
        if (table === "predictions") stats.predictionsWritten += rows.length;
        else stats.labelsWritten += rows.length;
        onWrite?.({ table, rows: rows.length });
      } catch (error) {
        stats.writeFailures++;
        stats.rowsLost += rows.length;
        onWrite?.({ table, rows: rows.length, error });
      }
    }
    for (const r of p) if (pending.get(r.id)?.label === -1) pending.delete(r.id);
    for (const r of l) pending.delete(r.id);
    writing -= p.length + l.length;
  }

  function flush(): Promise<void> {
    if (predictions.length + labels.length > 0) {
      writing += predictions.length + labels.length;
      const p = predictions;
      const l = labels;
      predictions = [];
      labels = [];
      chain = chain.then(() => write(p, l));
    }
    return chain;
  }

  return {
    store,
    offer(p, l = []) {
      if (closed) return false;
      if (writing + predictions.length + labels.length + p.length + l.length > capacity) {
        stats.rejected++;
        return false;
      }
      for (const r of p) {
        predictions.push(r);
        pending.set(r.id, { label: -1 });
      }
      for (const r of l) {
        labels.push(r);
        const state = pending.get(r.id);
        if (state === undefined || state.label === -1) pending.set(r.id, { label: r.label });
      }
      if (predictions.length + labels.length >= batchRows) void flush();
      return true;
    },
    async lookup(ids) {
      const out = new Map<string, LabelState>();
      const rest: string[] = [];
      for (const id of ids) {
        const state = pending.get(id);
        if (state === undefined) rest.push(id);
        else out.set(id, state);
      }
      const stored = await store.lookup(rest);
      for (const [id, state] of stored) out.set(id, state);
      // A label queued for a prediction already in the store.
      for (const id of ids) {
        const queued = pending.get(id);
        if (queued !== undefined && queued.label >= 0 && out.get(id)?.label === -1) {
          out.set(id, queued);
        }
      }
      return out;
    },
    stats: () => ({ queued: writing + predictions.length + labels.length, ...stats }),
    flush,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await flush();
      await store.close();
    },
  };
}
