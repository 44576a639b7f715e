/**
 * The exporter's short memory of recent snapshots, for the status page: one small summary per good
 * snapshot in a ring buffer of fixed capacity (no growth however long the process runs), and for
 * each check that fails now, the run and time since which it has been failing without a break.
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";

/** What the status page's trend shows of one snapshot. */
export interface RunSummary {
  /** The snapshot's run number. */
  run: number;
  /** ISO time the run finished. */
  finishedAt: string;
  /** The unlabelled `accuracy` metric, when the monitor measures it. */
  accuracy?: number;
  /** Checks that failed in this snapshot. */
  failing: number;
  /** Checks in this snapshot. */
  checks: number;
}

/** Where a check's current failing streak began. */
export interface FailingSince {
  run: number;
  finishedAt: string;
}

/** Handle returned by {@linkcode createRunTrend}. */
export interface RunTrend {
  /** Adds a good snapshot (failed runs have none and are not recorded). */
  record(snapshot: Snapshot): void;
  /** The last `capacity` summaries, oldest first. */
  summaries(): RunSummary[];
  /** For each check failing in the last snapshot (by {@linkcode checkKey}): where its streak began. */
  failingSince(): ReadonlyMap<string, FailingSince>;
}

/** Options of {@linkcode createRunTrend}. */
export interface RunTrendOptions {
  /** Summaries kept. @default 20 */
  capacity?: number;
}

/**
 * A check's identity across snapshots: its name, with its labels when it has any
 * (`"recall_floor {class=setosa}"`).
 */
export function checkKey(check: { name: string; labels?: Record<string, string> }): string {
  const labels = Object.entries(check.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(", ");
  return labels === "" ? check.name : `${check.name} {${labels}}`;
}

/** Summarises `snapshot` for the trend. Cost O(metrics + checks). */
export function summarizeSnapshot(snapshot: Snapshot): RunSummary {
  const accuracy = snapshot.metrics.find((m) =>
    m.name === "accuracy" && Object.keys(m.labels ?? {}).length === 0
  )?.value;
  return {
    run: snapshot.run,
    finishedAt: snapshot.finishedAt,
    ...(accuracy === undefined ? {} : { accuracy }),
    failing: snapshot.checks.filter((c) => c.outcome === "fail").length,
    checks: snapshot.checks.length,
  };
}

/**
 * Creates an empty trend. Memory O(capacity + checks); `record` costs O(metrics + checks).
 *
 * @param options See {@linkcode RunTrendOptions}.
 * @throws {RangeError} When `capacity` is not a positive integer.
 * @example
 * ```ts
 * import { createRunTrend } from "./run_trend.ts";
 * import type { Snapshot } from "../monitor/types.ts";
 * const trend = createRunTrend({ capacity: 2 });
 * const snap = (run: number, outcome: "pass" | "fail") => ({
 *   run, finishedAt: `t${run}`, metrics: [], checks: [{ name: "floor", outcome }],
 * }) as unknown as Snapshot;
 * [snap(1, "pass"), snap(2, "fail"), snap(3, "fail")].forEach((s) => trend.record(s));
 * if (trend.summaries().map((s) => s.run).join() !== "2,3") throw new Error("ring of 2");
 * if (trend.failingSince().get("floor")?.run !== 2) throw new Error("failing since run 2");
 * ```
 */
export function createRunTrend(options: RunTrendOptions = {}): RunTrend {
  const capacity = options.capacity ?? 20;
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`Trend capacity must be a positive integer, got ${capacity}`);
  }
  const ring: RunSummary[] = [];
  let next = 0;
  let since = new Map<string, FailingSince>();
  return {
    record(snapshot) {
      const summary = summarizeSnapshot(snapshot);
      if (ring.length < capacity) ring.push(summary);
      else ring[next] = summary;
      next = (next + 1) % capacity;
      const now = new Map<string, FailingSince>();
      for (const check of snapshot.checks) {
        if (check.outcome !== "fail") continue;
        const key = checkKey(check);
        now.set(key, since.get(key) ?? { run: snapshot.run, finishedAt: snapshot.finishedAt });
      }
      since = now;
    },
    summaries() {
      return ring.length < capacity ? [...ring] : [...ring.slice(next), ...ring.slice(0, next)];
    },
    failingSince() {
      return since;
    },
  };
}
