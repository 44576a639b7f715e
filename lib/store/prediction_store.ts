/**
 * The prediction log's small interface: what a model service writes (predictions, late labels)
 * and what a monitor reads (windows by time or by count, as typed columns). Implemented by
 * `createMemoryStore` (tests, notebooks) and `openDuckDbStore` (the embedded default).
 *
 * @module
 */

/** What a store holds: the model's feature and class names, fixed when the store is created. */
export interface StoreSchema {
  /** Feature names, in the model's column order. */
  featureNames: readonly string[];
  /** Class names, in class-index order. */
  classNames: readonly string[];
}

/** One logged prediction. */
export interface PredictionRecord {
  /** Unique id handed back to the client; labels refer to it. */
  id: string;
  /** When the prediction was made, in Unix milliseconds. */
  timestamp: number;
  /** Version of the model that made it. */
  modelVersion: string;
  /** Feature values in schema order (`featureNames.length` of them). */
  features: ArrayLike<number>;
  /** Class probabilities in schema order (`classNames.length` of them). */
  probabilities: ArrayLike<number>;
  /** Predicted class index. */
  predicted: number;
}

/**
 * Predictions as columns (what a service logs per request without making an object per row):
 * `n` ids, times and versions, row-major `n × features` values and `n × classes` probabilities.
 */
export interface PredictionColumns {
  /** Unique ids. */
  ids: readonly string[];
  /** Unix ms per prediction. */
  timestamps: ArrayLike<number>;
  /** Model version per prediction. */
  modelVersions: readonly string[];
  /** Row-major `n × featureNames.length` feature values. */
  features: ArrayLike<number>;
  /** Row-major `n × classNames.length` probabilities. */
  probabilities: ArrayLike<number>;
  /** Predicted class index per prediction. */
  predicted: ArrayLike<number>;
}

/** One true label that arrived for a logged prediction. */
export interface LabelRecord {
  /** The prediction's id. */
  id: string;
  /** True class index. */
  label: number;
  /** When the label arrived, in Unix milliseconds. */
  timestamp: number;
}

/**
 * Which predictions to read: a time range `[from, to)` in Unix milliseconds (either end may be
 * left open), or the last `lastN` predictions by timestamp.
 */
export type WindowQuery = { from?: number; to?: number } | { lastN: number };

/** Options of {@linkcode PredictionStore.window}. */
export interface WindowOptions {
  /**
   * Only predictions whose label has arrived (by `labelsBefore`, when given).
   * @default false
   */
  labelledOnly?: boolean;
  /**
   * Count a label only when it arrived before this time (Unix ms), to replay "what was known then".
   * @default Infinity
   */
  labelsBefore?: number;
  /**
   * Also return the prediction ids (slow in DuckDB: about 6 s per million rows here, against
   * 0.5 s for the numeric columns).
   * @default false
   */
  ids?: boolean;
}

/**
 * A window of the log as typed columns, ordered by timestamp (ties in insertion order). Turn it
 * into a monitor `Batch` with `features` (columns) or a `Table` with `tableFromColumns`.
 */
export interface PredictionWindow {
  /** Number of predictions. */
  n: number;
  /** Feature names (the store's schema). */
  featureNames: readonly string[];
  /** Class names (the store's schema). */
  classNames: readonly string[];
  /** Prediction times, Unix ms. */
  timestamps: Float64Array;
  /** One column per feature, by name. */
  features: Record<string, Float64Array>;
  /** Row-major `n × classNames.length` probabilities. */
  probabilities: Float64Array;
  /** Predicted class index per row. */
  predicted: Int32Array;
  /** True class index per row, −1 where no label has arrived. */
  labels: Int32Array;
  /** When each label arrived (Unix ms), NaN where none has. */
  labelTimestamps: Float64Array;
  /** Prediction ids, when asked for with `ids: true`. */
  ids?: string[];
}

/** Row counts of a store. */
export interface StoreCounts {
  /** Logged predictions. */
  predictions: number;
  /** Logged labels. */
  labels: number;
}

/** What a store knows about one prediction id: its label, −1 when none yet. */
export type LabelState = { label: number };

/**
 * The prediction log. Writes are batched by the caller (see `createPredictionLog`); a store
 * writes what it is given in one transaction per call.
 */
export interface PredictionStore {
  /** The schema the store was created with. */
  readonly schema: StoreSchema;
  /** Appends predictions (ids are not checked for uniqueness; the service makes them unique). */
  append(records: readonly PredictionRecord[]): Promise<void>;
  /** Appends predictions given as columns (checked like {@linkcode PredictionStore.append}). */
  appendColumns(columns: PredictionColumns): Promise<void>;
  /** Appends labels; for an id with several labels, windows use the earliest. */
  appendLabels(records: readonly LabelRecord[]): Promise<void>;
  /** For each known prediction id, its label (−1 when none); unknown ids are absent. */
  lookup(ids: readonly string[]): Promise<Map<string, LabelState>>;
  /** A window of predictions with their labels. */
  window(query: WindowQuery, options?: WindowOptions): Promise<PredictionWindow>;
  /** How many predictions and labels are stored. */
  count(): Promise<StoreCounts>;
  /** Makes everything written so far durable. */
  flush(): Promise<void>;
  /** Writes `predictions.csv` and `labels.csv` into a folder. */
  exportCsv(dir: string): Promise<void>;
  /** Appends the rows of `predictions.csv` and `labels.csv` from a folder (as `exportCsv` wrote). */
  importCsv(dir: string): Promise<void>;
  /** Flushes and releases the store; later calls throw. */
  close(): Promise<void>;
}
