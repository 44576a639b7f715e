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
  PredictionColumns,
  PredictionRecord,
  PredictionStore,
} from "./prediction_store.ts";
import { packPredictions } from "./_transfer.ts";

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
  /**
   * Queues predictions (records or columns) and labels together; false (nothing queued) when
   * they do not fit. Copies the values, so the caller may reuse its arrays.
   */
  offer(
    predictions: readonly PredictionRecord[] | PredictionColumns,
    labels?: readonly LabelRecord[],
  ): boolean;
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
  const p = store.schema.featureNames.length;
  const k = store.schema.classNames.length;
  // The batch being filled, as plain arrays of numbers (no object per row, little for the GC).
  let staged = newStaging();
  let labels: LabelRecord[] = [];
  // Batches handed to the store and not yet written: label lookups must still find them.
  const inFlight = new Set<{ ids: readonly string[]; labels: readonly LabelRecord[] }>();
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

  function newStaging() {
    return {
      ids: [] as string[],
      modelVersions: [] as string[],
      timestamps: [] as number[],
      features: [] as number[],
      probabilities: [] as number[],
      predicted: [] as number[],
    };
  }

  async function write(columns: PredictionColumns, l: LabelRecord[]) {
    const batch = { ids: columns.ids, labels: l };
    inFlight.add(batch);
    const steps = [
      ["predictions", columns.ids.length, () => store.appendColumns(columns)],
      ["labels", l.length, () => store.appendLabels(l)],
    ] as const;
    for (const [table, rows, append] of steps) {
      if (rows === 0) continue;
      try {
        await append();
        if (table === "predictions") stats.predictionsWritten += rows;
        else stats.labelsWritten += rows;
        onWrite?.({ table, rows });
      } catch (error) {
        stats.writeFailures++;
        stats.rowsLost += rows;
        onWrite?.({ table, rows, error });
      }
    }
    inFlight.delete(batch);
    writing -= columns.ids.length + l.length;
  }

  function queued(): number {
    return staged.ids.length + labels.length;
  }

  function flush(): Promise<void> {
    if (queued() > 0) {
      writing += queued();
      const columns = staged;
      const l = labels;
      staged = newStaging();
      labels = [];
      chain = chain.then(() => write(columns, l));
    }
    return chain;
  }

  function stage(predictions: readonly PredictionRecord[] | PredictionColumns): void {
    const c = Array.isArray(predictions)
      ? packPredictions(predictions as readonly PredictionRecord[], p, k)
      : predictions as PredictionColumns;
    const n = c.ids.length;
    if (
      c.timestamps.length !== n || c.modelVersions.length !== n || c.predicted.length !== n ||
      c.features.length !== n * p || c.probabilities.length !== n * k
    ) {
      throw new TypeError(
        `Cannot queue predictions: columns disagree on ${n} rows of ${p} features and ${k} classes`,
      );
    }
    for (let i = 0; i < n; i++) {
      staged.ids.push(c.ids[i]!);
      staged.modelVersions.push(c.modelVersions[i]!);
      staged.timestamps.push(c.timestamps[i]!);
      staged.predicted.push(c.predicted[i]!);
    }
    for (let i = 0; i < n * p; i++) staged.features.push(c.features[i]!);
    for (let i = 0; i < n * k; i++) staged.probabilities.push(c.probabilities[i]!);
  }

  return {
    store,
    offer(predictions, l = []) {
      if (closed) return false;
      const n = Array.isArray(predictions)
        ? predictions.length
        : (predictions as PredictionColumns).ids.length;
      if (writing + queued() + n + l.length > capacity) {
        stats.rejected++;
        return false;
      }
      stage(predictions);
      for (const r of l) labels.push(r);
      if (queued() >= batchRows) void flush();
      return true;
    },
    async lookup(ids) {
      // Queued rows are few (at most `capacity`) and label lookups rare: a scan is enough.
      const queuedIds = new Set(staged.ids);
      const queuedLabels = new Map<string, number>();
      const note = (r: LabelRecord) => {
        if (!queuedLabels.has(r.id)) queuedLabels.set(r.id, r.label);
      };
      for (const batch of inFlight) {
        for (const id of batch.ids) queuedIds.add(id);
        batch.labels.forEach(note);
      }
      labels.forEach(note);
      const stored = await store.lookup(ids.filter((id) => !queuedIds.has(id)));
      const out = new Map<string, LabelState>();
      for (const id of ids) {
        const state = stored.get(id) ?? (queuedIds.has(id) ? { label: -1 } : undefined);
        if (state === undefined) continue;
        const label = queuedLabels.get(id);
        out.set(id, state.label < 0 && label !== undefined ? { label } : state);
      }
      return out;
    },
    stats: () => ({ queued: writing + queued(), ...stats }),
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
