/**
 * The exporter's state machine: runs the monitor, keeps the last good snapshot and a short trend of
 * the ones before, feeds the metrics, appends history, pushes to a gateway and rebuilds the status page. A failed run only bumps the
 * failure counters and logs; everything exported before stays as it was.
 *
 * @module
 */
import type { Registry } from "prom-client";
import type { Snapshot } from "../monitor/types.ts";
import type { ExporterMetrics } from "../prometheus/exporter_metrics.ts";
import { appendHistory, type AppendHistoryOptions } from "./history.ts";
import { toOpenMetrics } from "../prometheus/openmetrics.ts";
import { pushMetrics } from "../prometheus/push.ts";
import { renderStatusPage } from "./status_page.ts";
import { createRunTrend, type RunSummary } from "./run_trend.ts";

/** What the exporter needs of a monitor (lib/monitor's `Monitor` satisfies it). */
export interface RunnableMonitor {
  readonly name: string;
  run(): Promise<Snapshot>;
}

/** How one run went. */
export interface RunRecord {
  ok: boolean;
  /** Unix milliseconds. */
  startedAtMs: number;
  finishedAtMs: number;
  durationSeconds: number;
  /** One-line error description when `ok` is false. */
  error?: string;
  /** Why the snapshot could not be appended to `--history` (absent when it was, or no history). */
  historyError?: string;
}

/** Options of {@linkcode createExporter}. */
export interface ExporterOptions {
  registry: Registry;
  metrics: ExporterMetrics;
  /** Publishes a snapshot's values (lib/prometheus `createSnapshotMetrics(...)`). */
  snapshotMetrics: { update(snapshot: Snapshot): void };
  /** Append each good snapshot to this JSON-lines file. @default no history */
  history?: string;
  /** How the history file is opened (tests inject a failing file). @default a real file */
  historyOptions?: AppendHistoryOptions;
  /** Push the exposition after every run. @default no push */
  push?: { url: string; job: string; fetch?: typeof fetch };
  /**
   * Charts of a snapshot as SVG strings. Rendered at most once per snapshot, on the first status
   * page view after it (a Vega render blocks the event loop for ~100 ms: scrapes should not wait
   * for a page nobody looks at). @default no charts
   */
  charts?: (snapshot: Snapshot) => Promise<string[]>;
  /** Turns a run error into one line (e.g. with its notebook cell). @default the message */
  describeError?: (error: unknown) => string;
  /** @default console.error */
  log?: (line: string) => void;
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
  /**
   * Reuse a rendered exposition for this long unless a run ends or a tick is skipped first. The
   * process readings behind it are cached for 1 s anyway (lib/prometheus exporter_metrics), so
   * 1 s changes nothing a scraper can see and turns a scrape storm into string copies.
   * @default 1000
   */
  expositionCacheMs?: number;
  /** Good snapshots summarised in the status page's trend (a ring buffer). @default 20 */
  trendLength?: number;
}

/** A live exporter. */
export interface Exporter {
  readonly monitor: RunnableMonitor;
  readonly lastSnapshot: Snapshot | undefined;
  readonly lastRun: RunRecord | undefined;
  readonly lastSuccess: RunRecord | undefined;
  /**
   * The status page: built on the first request after a run, then served from cache. With
   * `details: false` a failed run's error text (which may hold paths and data) is replaced by
   * {@linkcode PUBLIC_ERROR}. @default details true
   */
  statusPage(view?: { details: boolean }): Promise<string>;
  /** Summaries of the last `trendLength` good snapshots, oldest first. */
  trend(): RunSummary[];
  /** Runs the monitor once; never throws. */
  runOnce(): Promise<RunRecord>;
  /** Counts a scheduled tick skipped because a run was in progress. */
  recordSkip(): void;
  /** The registry's exposition, in Prometheus text 0.0.4 or OpenMetrics 1.0. */
  exposition(format: "prometheus" | "openmetrics"): Promise<string>;
}

/** What clients without access to error details see instead of a run's error text. */
export const PUBLIC_ERROR = "the monitor's run threw (details in the exporter's log)";

function defaultDescribe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Creates the exporter around `monitor`. Cost: one `monitor.run()` per `runOnce()`; one registry
 * render per `expositionCacheMs` at most; chart rendering at most once per snapshot, when its
 * status page is first requested.
 */
export function createExporter(monitor: RunnableMonitor, options: ExporterOptions): Exporter {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.error(line));
  const describe = options.describeError ?? defaultDescribe;
  let lastSnapshot: Snapshot | undefined;
  let lastRun: RunRecord | undefined;
  let lastSuccess: RunRecord | undefined;
  let charts: { snapshot: Snapshot; svgs: Promise<string[]> } | undefined;
  const pages = new Map<boolean, Promise<string>>();
  const trend = createRunTrend({ capacity: options.trendLength ?? 20 });

  const cacheMs = options.expositionCacheMs ?? 1000;
  const cache = new Map<string, { at: number; text: Promise<string> }>();

  function exposition(format: "prometheus" | "openmetrics"): Promise<string> {
    const t = performance.now();
    const hit = cache.get(format);
    if (hit !== undefined && t - hit.at < cacheMs) return hit.text;
    const raw = options.registry.metrics();
    const text = format === "openmetrics" ? raw.then(toOpenMetrics) : raw;
    cache.set(format, { at: t, text });
    text.catch(() => cache.delete(format));
    return text;
  }

  function chartsOf(snapshot: Snapshot): Promise<string[]> {
    if (options.charts === undefined) return Promise.resolve([]);
    if (charts?.snapshot !== snapshot) {
      const svgs = options.charts(snapshot).catch((e) => {
        log(`vigil export: cannot render charts: ${defaultDescribe(e)}`);
        return [];
      });
      charts = { snapshot, svgs };
    }
    return charts.svgs;
  }

  async function buildPage(details: boolean): Promise<string> {
    const snapshot = lastSnapshot;
    const run = lastRun === undefined || lastRun.ok || details
      ? lastRun
      : { ...lastRun, error: PUBLIC_ERROR };
    return renderStatusPage({
      monitor: monitor.name,
      charts: snapshot === undefined ? [] : await chartsOf(snapshot),
      ...(snapshot === undefined ? {} : { snapshot }),
      ...(run === undefined ? {} : { lastRun: run }),
      trend: trend.summaries(),
      failingSince: trend.failingSince(),
    });
  }

  async function runOnce(): Promise<RunRecord> {
    const startedAtMs = now();
    const t0 = performance.now();
    let record: RunRecord;
    try {
      const snapshot = await monitor.run();
      const durationSeconds = (performance.now() - t0) / 1000;
      const finishedAtMs = now();
      options.snapshotMetrics.update(snapshot);
      options.metrics.recordSuccess(snapshot, {
        durationSeconds,
        finishedAtSeconds: finishedAtMs / 1000,
      });
      record = { ok: true, startedAtMs, finishedAtMs, durationSeconds };
      const failed = snapshot.checks.filter((c) => c.outcome === "fail").length;
      log(
        `vigil export: run ${snapshot.run} ok in ${durationSeconds.toFixed(3)} s ` +
          `(${failed} of ${snapshot.checks.length} checks failing)`,
      );
      if (options.history !== undefined) {
        try {
          await appendHistory(options.history, snapshot, options.historyOptions);
        } catch (e) {
          record.historyError = `Cannot append history to "${options.history}": ${
            defaultDescribe(e)
          }`;
          options.metrics.recordHistoryFailure();
          log(`vigil export: ${record.historyError}`);
        }
      }
      lastSnapshot = snapshot;
      lastSuccess = record;
      trend.record(snapshot);
    } catch (e) {
      const durationSeconds = (performance.now() - t0) / 1000;
      const finishedAtMs = now();
      const error = describe(e);
      options.metrics.recordFailure({ durationSeconds, finishedAtSeconds: finishedAtMs / 1000 });
      record = { ok: false, startedAtMs, finishedAtMs, durationSeconds, error };
      log(`vigil export: run failed after ${durationSeconds.toFixed(3)} s: ${error}`);
    }
    lastRun = record;
    cache.clear();
    pages.clear();
    if (options.push !== undefined) {
      const { url, job } = options.push;
      await pushMetrics(url, job, await exposition("prometheus"), {
        ...(options.push.fetch ? { fetch: options.push.fetch } : {}),
      }).catch((e) => log(`vigil export: push to ${url} failed: ${defaultDescribe(e)}`));
    }
    return record;
  }

  return {
    monitor,
    get lastSnapshot() {
      return lastSnapshot;
    },
    get lastRun() {
      return lastRun;
    },
    get lastSuccess() {
      return lastSuccess;
    },
    trend: () => trend.summaries(),
    statusPage(view = { details: true }) {
      let page = pages.get(view.details);
      if (page === undefined) {
        page = buildPage(view.details);
        pages.set(view.details, page);
      }
      return page;
    },
    runOnce,
    recordSkip() {
      options.metrics.recordSkip();
      cache.clear();
    },
    exposition,
  };
}
