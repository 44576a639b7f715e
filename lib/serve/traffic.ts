/**
 * A seeded traffic generator for the model service: production-like `/predict` requests whose
 * rows come from a drift scenario unfolding over time (healthy first, then a change), and true
 * labels posted to `/labels` after a delay, with a share of them never arriving. It only talks to
 * a loopback address and stops after a bounded time or request count.
 *
 * @module
 */
import { type DriftScenario, driftScenario, type ScenarioChange } from "../data/drift_scenario.ts";
import type { DriftSchedule } from "../data/drift_schedule.ts";
import type { Table } from "../data/table.ts";
import { seededRandom } from "../stats/random.ts";

/** The loopback hosts the generator agrees to send to. */
export const TRAFFIC_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** The default change: petal length shifted by 2 sd from the fourth window on, sudden. */
export const DEFAULT_TRAFFIC_CHANGE: ScenarioChange = {
  kind: "shift",
  column: "petal_length",
  amount: 2,
};

/** Options of {@linkcode runTraffic}. */
export interface TrafficOptions {
  /** The feature columns sent, in the model's order. */
  features: readonly string[];
  /** The label column of the table (its values are the class names `/labels` takes). @default "species" */
  labelColumn?: string;
  /** What changes over time. @default DEFAULT_TRAFFIC_CHANGE */
  change?: ScenarioChange;
  /** When it changes, counted in windows. @default sudden from window 3 */
  schedule?: DriftSchedule;
  /** Seconds one scenario window lasts. @default 10 */
  windowSeconds?: number;
  /** Requests per second. @default 20 */
  rate?: number;
  /** Rows per `/predict` request. @default 1 */
  batchRows?: number;
  /** Stop after this many seconds. @default 60 */
  durationSeconds?: number;
  /** Stop after this many `/predict` requests. @default Infinity */
  maxRequests?: number;
  /** Milliseconds between a prediction and its label. @default 5000 */
  labelDelayMs?: number;
  /** Share of labels that ever arrive, in [0, 1]. @default 0.8 */
  labelShare?: number;
  /** Seed of the rows drawn and the labels withheld. @default 0 */
  seed?: number;
  /** Most requests waiting for an answer at once; further ticks are skipped. @default 64 */
  maxInFlight?: number;
  /** Stops the run early (labels still pending are dropped). @default none */
  signal?: AbortSignal;
  /** Sends a request (tests pass the handler in-process). @default globalThis.fetch */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** What a run did. */
export interface TrafficReport {
  /** `/predict` requests answered, by HTTP status. */
  predictStatus: Record<string, number>;
  /** Rows predicted (answered 200). */
  predictions: number;
  /** Labels answered 200 by `/labels`. */
  labelsSent: number;
  /** Labels withheld on purpose (the `1 − labelShare` that never arrive). */
  labelsWithheld: number;
  /** Labels not yet due when the run stopped (dropped). */
  labelsDropped: number;
  /** `/labels` requests answered with another status, or failed. */
  labelErrors: number;
  /** Ticks skipped because `maxInFlight` requests were waiting. */
  skipped: number;
  /** Requests that failed to connect. */
  networkErrors: number;
}

function check(name: string, v: number, min: number, max = Infinity): void {
  if (!(v >= min && v <= max)) {
    throw new RangeError(`Cannot run traffic: ${name} must be in [${min}, ${max}], got ${v}`);
  }
}

/** Rows of the scenario as they come, window by window in time. */
function rowSource(
  scenario: DriftScenario,
  o: Required<
    Pick<
      TrafficOptions,
      "features" | "labelColumn" | "windowSeconds"
    >
  >,
) {
  let cached: { index: number; window: Table; next: number } | undefined;
  return (elapsedSeconds: number) => {
    const index = Math.floor(elapsedSeconds / o.windowSeconds);
    if (cached?.index !== index) cached = { index, window: scenario.window(index), next: 0 };
    const w = cached.window;
    const i = cached.next++ % w.nRows;
    const row = o.features.map((f) => Number((w.columns[f] as ArrayLike<number>)[i]));
    return { row, label: String((w.columns[o.labelColumn] as ArrayLike<unknown>)[i]) };
  };
}

/**
 * Sends `/predict` requests to the service at `baseUrl` at `rate` per second, each with
 * `batchRows` rows drawn from a {@linkcode driftScenario} over `table` whose window index is the
 * elapsed time over `windowSeconds`; for each prediction, posts its true label to `/labels`
 * `labelDelayMs` later with probability `labelShare`. Stops after `durationSeconds`, after
 * `maxRequests` or on `signal`, waits for the requests in flight and drops labels not yet due.
 * Everything drawn is seeded, so two runs send the same rows and withhold the same labels.
 *
 * @param baseUrl The service, e.g. `http://127.0.0.1:8080`; only loopback hosts are accepted.
 * @param table Rows with the feature and label columns (e.g. Iris' table).
 * @param options See {@linkcode TrafficOptions}.
 * @returns What the run did.
 * @throws {RangeError} When `baseUrl` is not a loopback http URL or an option is out of range.
 * @throws {TypeError} When `table` lacks a feature or the label column.
 * @example
 * ```ts
 * import { createServeHandler } from "./handler.ts";
 * import { loadServedModel } from "./load_model.ts";
 * import { runTraffic } from "./traffic.ts";
 * import { loadIris } from "../data/iris.ts";
 * import { createMemoryStore } from "../store/memory_store.ts";
 * import { createPredictionLog } from "../store/prediction_log.ts";
 * const served = await loadServedModel(new URL("../../data/baseline.json", import.meta.url).pathname);
 * const log = createPredictionLog(createMemoryStore(served.model), { flushMs: 1 });
 * const { handle } = createServeHandler({ model: served.model, log });
 * const report = await runTraffic("http://127.0.0.1:1", (await loadIris()).table, {
 *   features: served.model.featureNames, rate: 200, maxRequests: 10, labelDelayMs: 1, labelShare: 1,
 *   fetch: (url, init) => handle(new Request(url, init)),
 * });
 * if (report.predictions !== 10 || report.labelsSent !== 10) throw new Error(JSON.stringify(report));
 * await log.close();
 * ```
 */
export async function runTraffic(
  baseUrl: string,
  table: Table,
  options: TrafficOptions,
): Promise<TrafficReport> {
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" || !TRAFFIC_HOSTS.includes(url.hostname)) {
    throw new RangeError(`Cannot run traffic: "${baseUrl}" is not an http URL on a loopback host`);
  }
  const {
    labelColumn = "species",
    change = DEFAULT_TRAFFIC_CHANGE,
    schedule = { pattern: "sudden", start: 3 },
    windowSeconds = 10,
    rate = 20,
    batchRows = 1,
    durationSeconds = 60,
    maxRequests = Infinity,
    labelDelayMs = 5000,
    labelShare = 0.8,
    seed = 0,
    maxInFlight = 64,
    signal,
  } = options;
  check("rate", rate, 0.01, 100_000);
  check("windowSeconds", windowSeconds, 0.001);
  check("batchRows", batchRows, 1, 10_000);
  check("durationSeconds", durationSeconds, 0);
  check("maxRequests", maxRequests, 0);
  check("labelDelayMs", labelDelayMs, 0);
  check("labelShare", labelShare, 0, 1);
  check("maxInFlight", maxInFlight, 1);
  for (const name of [...options.features, labelColumn]) {
    if (!table.names.includes(name)) throw new TypeError(`Cannot run traffic: no column "${name}"`);
  }
  const send = options.fetch ?? ((u: string, init: RequestInit) => fetch(u, init));
  const scenario = driftScenario(table, { change, schedule, windowRows: 500, seed });
  const next = rowSource(scenario, {
    features: options.features,
    labelColumn,
    windowSeconds,
  });
  const random = seededRandom(seed + 1);
  const base = url.origin;
  const report: TrafficReport = {
    predictStatus: {},
    predictions: 0,
    labelsSent: 0,
    labelsWithheld: 0,
    labelsDropped: 0,
    labelErrors: 0,
    skipped: 0,
    networkErrors: 0,
  };
  const pending = new Set<Promise<void>>();
  const timers = new Map<ReturnType<typeof setTimeout>, number>();
  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  const post = (path: string, body: unknown) =>
    send(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  function sendLabels(labels: { id: string; label: string }[]): void {
    track((async () => {
      try {
        const res = await post("/labels", { labels });
        await res.body?.cancel();
        if (res.ok) report.labelsSent += labels.length;
        else report.labelErrors += labels.length;
      } catch {
        report.labelErrors += labels.length;
      }
    })());
  }

  async function predict(rows: { row: number[]; label: string }[]): Promise<void> {
    let res: Response;
    try {
      res = await post("/predict", { rows: rows.map((r) => r.row) });
    } catch {
      report.networkErrors++;
      return;
    }
    report.predictStatus[res.status] = (report.predictStatus[res.status] ?? 0) + 1;
    if (!res.ok) {
      await res.body?.cancel();
      return;
    }
    const body = await res.json() as { predictions: { id: string }[] };
    report.predictions += body.predictions.length;
    const due: { id: string; label: string }[] = [];
    body.predictions.forEach((p, i) => {
      if (random() < labelShare) due.push({ id: p.id, label: rows[i]!.label });
      else report.labelsWithheld++;
    });
    if (due.length === 0) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      sendLabels(due);
    }, labelDelayMs);
    timers.set(timer, due.length);
  }

  const start = performance.now();
  const end = start + durationSeconds * 1000;
  for (let i = 0; i < maxRequests && !signal?.aborted; i++) {
    const at = start + (i * 1000) / rate;
    if (at >= end) break;
    const wait = at - performance.now();
    if (wait > 0) await abortableSleep(wait, signal);
    if (signal?.aborted) break;
    if (pending.size >= maxInFlight) {
      report.skipped++;
      continue;
    }
    const elapsed = (performance.now() - start) / 1000;
    track(predict(Array.from({ length: batchRows }, () => next(elapsed))));
  }
  // Labels due before the end still go out (all of them when the run was bounded by count):
  // wait for their timers, which a loaded machine may run late, until the end or the signal.
  while (pending.size > 0) await Promise.all([...pending]);
  while (timers.size > 0 && !signal?.aborted && performance.now() < end) {
    await abortableSleep(Math.min(20, end - performance.now()), signal);
    while (pending.size > 0) await Promise.all([...pending]);
  }
  for (const [timer, n] of timers) {
    clearTimeout(timer);
    report.labelsDropped += n;
  }
  while (pending.size > 0) await Promise.all([...pending]);
  return report;
}

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
