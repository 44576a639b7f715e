/**
 * The exporter's scheduler: one run at start, then one per due time (fixed interval or cron), never
 * two at once. A tick that comes while a run is still going, or that passed while the event loop
 * was blocked, is skipped and counted, never queued.
 *
 * @module
 */
import { parseCron } from "./cron.ts";
import type { Schedule } from "./options.ts";

/**
 * The longest delay `setTimeout` honours (2^31 − 1 ms, about 24.8 days): a longer one fires at
 * once, so longer waits are chained in chunks of at most this.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** The timer functions the scheduler uses; tests pass a fake. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Calls `callback` after `delayMs` (at most {@linkcode MAX_TIMER_DELAY_MS}: callers chain longer
   * waits, see {@linkcode setLongTimer}); returns a function that cancels it.
   */
  setTimer(callback: () => void, delayMs: number): () => void;
}

/** The real clock (`Date.now`, `setTimeout`). */
export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const id = setTimeout(callback, delayMs);
    return () => clearTimeout(id);
  },
};

/**
 * Calls `callback` once `clock.now()` has reached `dueMs`, however far away: waits in chunks of at
 * most {@linkcode MAX_TIMER_DELAY_MS} and re-reads the clock after each (a timer that fires early
 * or a clock that jumps back just waits again).
 *
 * @param clock The clock to wait on.
 * @param dueMs When to call, in ms since the epoch.
 * @param callback What to call.
 * @returns A function that cancels the wait.
 * @example
 * ```ts
 * import { setLongTimer, SYSTEM_CLOCK } from "./scheduler.ts";
 * let fired = false;
 * const cancel = setLongTimer(SYSTEM_CLOCK, Date.now() + 40 * 86_400_000, () => (fired = true));
 * await new Promise((r) => setTimeout(r, 20));
 * cancel();
 * if (fired) throw new Error("a 40-day wait fired at once");
 * ```
 */
export function setLongTimer(clock: Clock, dueMs: number, callback: () => void): () => void {
  let cancel: (() => void) | undefined;
  let cancelled = false;
  function wait(): void {
    if (cancelled) return;
    const delay = dueMs - clock.now();
    if (delay <= 0) {
      cancel = undefined;
      callback();
      return;
    }
    cancel = clock.setTimer(wait, Math.min(delay, MAX_TIMER_DELAY_MS));
  }
  wait();
  return () => {
    cancelled = true;
    cancel?.();
  };
}

/** Missed due times counted one by one before the scheduler resyncs to the clock. */
const MAX_COUNTED_SKIPS = 1000;

/** Options of {@linkcode startScheduler}. */
export interface SchedulerOptions {
  /** The next due time (ms since epoch) strictly after `afterMs`. */
  next: (afterMs: number) => number;
  /** Called once per skipped tick. @default no-op */
  onSkip?: () => void;
  /** @default SYSTEM_CLOCK */
  clock?: Clock;
}

/** A running schedule. */
export interface Scheduler {
  /** Whether a run is in progress. */
  readonly running: boolean;
  /** Ticks skipped so far. */
  readonly skipped: number;
  /** Stops scheduling and resolves when the run in progress (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Starts `run` now and at every due time after, without overlap. Waits longer than a timer allows
 * (a monthly cron, `--interval 600h`) are chained, never cut short. `run` must not throw (the
 * exporter catches and counts failures itself); a rejection is swallowed to keep the schedule.
 *
 * @param run One monitor run.
 * @param options See {@linkcode SchedulerOptions}.
 * @returns The handle to stop it.
 */
export function startScheduler(run: () => Promise<void>, options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const onSkip = options.onSkip ?? (() => {});
  let current: Promise<void> | undefined;
  let cancel: (() => void) | undefined;
  let stopped = false;
  let skipped = 0;

  function skip(): void {
    skipped++;
    onSkip();
  }

  function start(): void {
    current = run().catch(() => {}).finally(() => {
      current = undefined;
    });
  }

  function arm(due: number): void {
    if (stopped) return;
    // Due times come from the schedule (never "now + interval"), so they do not creep.
    cancel = setLongTimer(clock, due, () => fire(due));
  }

  function fire(due: number): void {
    cancel = undefined;
    if (stopped) return;
    const now = clock.now();
    let next = options.next(due);
    for (let missed = 0; next <= now; missed++) {
      skip(); // due while the loop was blocked
      // A clock that jumped far ahead: resync rather than count every missed tick one by one.
      next = missed < MAX_COUNTED_SKIPS ? options.next(next) : options.next(now);
    }
    if (current !== undefined) skip();
    else start();
    arm(next);
  }

  const t0 = clock.now();
  start();
  arm(options.next(t0));

  return {
    get running() {
      return current !== undefined;
    },
    get skipped() {
      return skipped;
    },
    async stop() {
      stopped = true;
      cancel?.();
      cancel = undefined;
      await current;
    },
  };
}

/** When runs are due, from the options' {@linkcode Schedule}. */
export interface ScheduleTiming {
  /** The next due time (ms since epoch) strictly after `afterMs`. */
  next: (afterMs: number) => number;
  /** The longest gap between due times, in seconds (what `/healthz` allows twice). */
  periodSeconds: number;
}

/**
 * The due times of `schedule`: every `seconds`, or the minutes a cron expression matches (its
 * period is the longest of the next eight gaps).
 *
 * @param schedule From the parsed options.
 * @param nowMs Where the cron gaps are measured from. @default Date.now()
 * @returns The next-due function and the period.
 * @throws {UsageError} When the cron expression is invalid.
 * @example
 * ```ts
 * import { scheduleTiming } from "./scheduler.ts";
 * const t = scheduleTiming({ kind: "cron", expression: "0 * * * *" }, Date.UTC(2026, 0, 1));
 * if (t.periodSeconds !== 3600 || t.next(Date.UTC(2026, 0, 1)) !== Date.UTC(2026, 0, 1, 1)) {
 *   throw new Error();
 * }
 * ```
 */
export function scheduleTiming(schedule: Schedule, nowMs: number = Date.now()): ScheduleTiming {
  if (schedule.kind === "interval") {
    const ms = schedule.seconds * 1000;
    return { next: (t) => t + ms, periodSeconds: schedule.seconds };
  }
  const cron = parseCron(schedule.expression);
  const next = (t: number) => cron.next(new Date(t)).getTime();
  let t = next(nowMs);
  let gap = 0;
  for (let i = 0; i < 8; i++) {
    const u = next(t);
    gap = Math.max(gap, u - t);
    t = u;
  }
  return { next, periodSeconds: gap / 1000 };
}
