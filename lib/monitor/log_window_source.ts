/**
 * A monitor source that reads its window from the prediction log (`lib/store`): tumbling or
 * sliding windows by time or by count, advancing run by run, with the labels that have arrived
 * so far and the probabilities the service logged (so the monitor does not re-score).
 *
 * @module
 */
import type { PredictionStore, PredictionWindow } from "../store/prediction_store.ts";
import { tableFromColumns } from "../data/table.ts";
import type { Batch } from "./batch.ts";

/** How windows are cut from the log. */
export interface LogWindowSpec {
  /** `"tumbling"`: windows follow each other without overlap; `"sliding"`: they overlap. */
  kind: "tumbling" | "sliding";
  /** `"time"`: size and step in milliseconds of prediction time; `"count"`: in predictions. */
  by: "time" | "count";
  /** Window length (ms, or predictions); a positive integer. */
  size: number;
  /**
   * How far the window moves per run (ms, or predictions), at most `size`; only for sliding
   * windows (a tumbling window moves by its size).
   * @default size
   */
  step?: number;
}

/** Options of {@linkcode logWindowSource}. */
export interface LogWindowSourceOptions {
  /** How windows are cut. */
  window: LogWindowSpec;
  /**
   * Time windows only: how long (ms) the window's end lags behind the clock, so that labels
   * have had time to arrive before the window is first read.
   * @default 0
   */
  labelDelay?: number;
  /**
   * Time windows only: where window boundaries are anchored (Unix ms); boundaries are
   * `origin + j · step`.
   * @default 0 (the Unix epoch, so hourly windows start on the hour in UTC)
   */
  origin?: number;
  /**
   * The clock, in Unix ms: windows end at or before `now() − labelDelay`, and a label counts only
   * if it arrived before `now()` (so a replay under an injected clock is deterministic).
   * @default Date.now
   */
  now?: () => number;
  /**
   * Also put the true labels (class names, `null` where none yet) in the window's table under
   * this column name, for profiles that include the label.
   * @default undefined (the table holds the feature columns only)
   */
  labelColumn?: string;
}

/** Where the last window was cut. */
export interface LogWindowState {
  /** Runs so far. */
  runs: number;
  /** Start of the last window: Unix ms (time windows) or row index in time order (count windows). */
  start: number;
  /** End (exclusive) of the last window, in the same unit; NaN before the first run. */
  end: number;
}

/** A monitor source over the log, with the state of its last window. */
export interface LogWindowSource {
  /** Reads the next window (see {@linkcode logWindowSource}). */
  (): Promise<Batch>;
  /** Where the last window was cut. */
  state(): LogWindowState;
}

/**
 * Makes a monitor `source` that reads windows from a prediction log. Each call (one per monitor
 * run) cuts the next window and returns it as a `Batch`: the features (flat `X`), `y` with −1
 * for rows whose label has not arrived by `now()`, the logged probabilities as `proba` (the
 * monitor then skips the model) and the features as a `table` (for drift and quality checks).
 *
 * Windows advance with state (the last window's end):
 * - by time, boundaries sit at `origin + j · step`; the first run reads the latest complete window
 *   ending at or before `now() − labelDelay`; each later run moves one step on if that window is
 *   complete, otherwise re-reads the same window (late labels may have filled in). Runs that come
 *   less often than the step catch up one step per run, so no window is skipped.
 * - by count, rows are counted in time order (ties in insertion order; a log written out of time
 *   order shifts the counting); boundaries sit at multiples of `step`; the first run reads the
 *   last complete window, later runs move one step on when `step` more rows have been logged.
 * A time window with no prediction fails the run (in phase `source`) with a `RangeError` naming
 * the range, and still counts as read (the next run moves on); a count window the log cannot fill
 * yet fails the same way without moving.
 *
 * @param store The prediction log.
 * @param options See {@linkcode LogWindowSourceOptions}.
 * @returns The source, for `defineMonitor({ source })`.
 * @throws {RangeError} When `size` or `step` is not a positive integer, `step > size`, a tumbling
 *   window is given a different `step`, `labelDelay` is negative or given for count windows.
 * @throws {TypeError} When `kind` or `by` is not one of its values.
 * @example Hourly tumbling windows under an injected clock
 * ```ts
 * import { logWindowSource } from "./log_window_source.ts";
 * import { createMemoryStore } from "../store/memory_store.ts";
 * const H = 3_600_000;
 * const store = createMemoryStore({ featureNames: ["x"], classNames: ["a", "b"] });
 * await store.append([0.5, 1.5, 1.7, 2.5].map((h, i) => ({
 *   id: `p${i}`, timestamp: h * H, modelVersion: "1", features: [h],
 *   probabilities: [0.3, 0.7], predicted: 1,
 * })));
 * await store.appendLabels([{ id: "p1", label: 1, timestamp: 2.2 * H }]);
 * let clock = 2.1 * H;
 * const source = logWindowSource(store, {
 *   window: { kind: "tumbling", by: "time", size: H },
 *   now: () => clock,
 * });
 * const first = await source(); // [1 h, 2 h): two rows; the label came at 2.2 h, after "now"
 * if (first.proba?.length !== 4 || Array.from(first.y!).join() !== "-1,-1") throw new Error();
 * clock = 3.5 * H;
 * const second = await source(); // [2 h, 3 h)
 * if (source.state().start !== 2 * H || second.proba?.length !== 2) throw new Error();
 * ```
 */
export function logWindowSource(
  store: PredictionStore,
  options: LogWindowSourceOptions,
): LogWindowSource {
  const spec = options?.window;
  if (spec?.kind !== "tumbling" && spec?.kind !== "sliding") {
    throw new TypeError(
      `Invalid log window: kind must be "tumbling" or "sliding", got ${spec?.kind}`,
    );
  }
  if (spec.by !== "time" && spec.by !== "count") {
    throw new TypeError(`Invalid log window: by must be "time" or "count", got ${spec.by}`);
  }
  const { size } = spec;
  const step = spec.step ?? size;
  for (const [what, v] of [["size", size], ["step", step]] as const) {
    if (!(Number.isInteger(v) && v > 0)) {
      throw new RangeError(`Invalid log window: ${what} must be a positive integer, got ${v}`);
    }
  }
  if (step > size) {
    throw new RangeError(`Invalid log window: step ${step} is larger than size ${size}`);
  }
  if (spec.kind === "tumbling" && step !== size) {
    throw new RangeError(
      `Invalid log window: a tumbling window moves by its size (${size}), got step ${step}`,
    );
  }
  const labelDelay = options.labelDelay ?? 0;
  if (!(Number.isFinite(labelDelay) && labelDelay >= 0)) {
    throw new RangeError(`Invalid log window: labelDelay must be >= 0 ms, got ${labelDelay}`);
  }
  if (spec.by === "count" && options.labelDelay !== undefined) {
    throw new RangeError("Invalid log window: labelDelay applies to time windows only");
  }
  const origin = options.origin ?? 0;
  const now = options.now ?? (() => Date.now());
  const { labelColumn } = options;
  const state: LogWindowState = { runs: 0, start: NaN, end: NaN };

  /** The end of the next window, given the latest end the log allows. */
  function nextEnd(latest: number): number {
    if (state.runs === 0 || Number.isNaN(state.end)) return latest;
    return state.end + step <= latest ? state.end + step : state.end;
  }

  async function read(): Promise<Batch> {
    const t = now();
    let w: PredictionWindow, start: number, end: number;
    if (spec.by === "time") {
      end = nextEnd(origin + Math.floor((t - labelDelay - origin) / step) * step);
      start = end - size;
      w = await store.window({ from: start, to: end }, { labelsBefore: t });
      // An empty window still counts as read, so a quiet hour does not hold the windows back.
      Object.assign(state, { runs: state.runs + 1, start, end });
      if (w.n === 0) {
        throw new RangeError(
          `No prediction logged in the window [${new Date(start).toISOString()}, ${
            new Date(end).toISOString()
          })`,
        );
      }
    } else {
      const total = (await store.count()).predictions;
      const latest = Math.floor(total / step) * step;
      end = nextEnd(latest);
      start = end - size;
      if (start < 0) {
        throw new RangeError(
          `Only ${total} predictions logged; a count window needs ${size} (rows ${start}..${
            end - 1
          })`,
        );
      }
      const tail = await store.window({ lastN: total - start }, { labelsBefore: t });
      w = sliceWindow(tail, 0, size);
      Object.assign(state, { runs: state.runs + 1, start, end });
    }
    return toBatch(w, labelColumn);
  }
  const source = read as LogWindowSource;
  source.state = () => ({ ...state });
  return source;
}

/** Rows `a..b-1` of a window (views, no copy). */
function sliceWindow(w: PredictionWindow, a: number, b: number): PredictionWindow {
  const k = w.classNames.length;
  b = Math.min(b, w.n);
  const features: Record<string, Float64Array> = {};
  for (const name of w.featureNames) features[name] = w.features[name]!.subarray(a, b);
  return {
    ...w,
    n: b - a,
    timestamps: w.timestamps.subarray(a, b),
    features,
    probabilities: w.probabilities.subarray(a * k, b * k),
    predicted: w.predicted.subarray(a, b),
    labels: w.labels.subarray(a, b),
    labelTimestamps: w.labelTimestamps.subarray(a, b),
    ...(w.ids !== undefined ? { ids: w.ids.slice(a, b) } : {}),
  };
}

/** A log window as a monitor batch: flat X, labels (−1 = none yet), logged probabilities, table. */
function toBatch(w: PredictionWindow, labelColumn: string | undefined): Batch {
  const f = w.featureNames.length;
  const X = new Float64Array(w.n * f);
  w.featureNames.forEach((name, j) => {
    const col = w.features[name]!;
    for (let i = 0; i < w.n; i++) X[i * f + j] = col[i]!;
  });
  const columns: Record<string, Float64Array | (string | null)[]> = { ...w.features };
  if (labelColumn !== undefined) {
    columns[labelColumn] = Array.from(w.labels, (l) => l < 0 ? null : w.classNames[l] ?? null);
  }
  return {
    X,
    nFeatures: f,
    y: w.labels,
    proba: Float64Array.from(w.probabilities),
    table: tableFromColumns(columns),
  };
}
