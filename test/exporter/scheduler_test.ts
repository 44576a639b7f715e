import { assert, assertEquals } from "../_assert.ts";
import {
  type Clock,
  MAX_TIMER_DELAY_MS,
  scheduleTiming,
  startScheduler,
  SYSTEM_CLOCK,
} from "../../lib/exporter/scheduler.ts";

/** A manual clock: timers fire only when `advance()` passes their due time. */
function fakeClock(start = 0): Clock & { advance(ms: number): Promise<void>; pending(): number } {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimer(callback, delayMs) {
      const id = ++seq;
      // As setTimeout does: a delay past 2^31 - 1 ms fires at once.
      timers.set(id, { at: now + (delayMs > MAX_TIMER_DELAY_MS ? 0 : delayMs), callback });
      return () => timers.delete(id);
    },
    pending: () => timers.size,
    async advance(ms) {
      const end = now + ms;
      for (let fired = 0;; fired++) {
        if (fired > 10_000) {
          throw new Error("Timer storm: over 10000 timers fired in one advance()");
        }
        await new Promise((r) => setTimeout(r, 0)); // settle finished runs, as the real loop does
        const due = [...timers.entries()].filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = end;
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

/** A run whose completion the test controls. */
function controlledRun() {
  const starts: number[] = [];
  let finish: (() => void) | undefined;
  let active = 0;
  let maxActive = 0;
  return {
    starts,
    get maxActive() {
      return maxActive;
    },
    finish() {
      finish?.();
    },
    run(now: () => number) {
      return () => {
        starts.push(now());
        active++;
        maxActive = Math.max(maxActive, active);
        return new Promise<void>((resolve) => {
          finish = () => {
            active--;
            finish = undefined;
            resolve();
          };
        });
      };
    },
  };
}

Deno.test("startScheduler() runs at start and then at every interval", async () => {
  const clock = fakeClock();
  const runs: number[] = [];
  const scheduler = startScheduler(() => {
    runs.push(clock.now());
    return Promise.resolve();
  }, { next: (t) => t + 1000, clock });
  await clock.advance(3500);
  assertEquals(runs, [0, 1000, 2000, 3000]);
  assertEquals(scheduler.skipped, 0);
  await scheduler.stop();
  assertEquals(clock.pending(), 0);
});

Deno.test("startScheduler() never overlaps runs: a tick during a run is skipped and counted", async () => {
  const clock = fakeClock();
  const c = controlledRun();
  let skips = 0;
  const scheduler = startScheduler(c.run(clock.now), {
    next: (t) => t + 1000,
    clock,
    onSkip: () => skips++,
  });
  assert(scheduler.running);
  await clock.advance(2500); // ticks at 1000 and 2000 come while run 1 is still going
  assertEquals(c.starts, [0]);
  assertEquals([scheduler.skipped, skips], [2, 2]);
  c.finish();
  await clock.advance(600); // tick at 3000 starts run 2
  assertEquals(c.starts, [0, 3000]);
  assertEquals(c.maxActive, 1);
  c.finish();
  await scheduler.stop();
});

Deno.test("startScheduler() counts due times missed while the event loop was blocked", async () => {
  let now = 0;
  let fire: (() => void) | undefined;
  const clock: Clock = {
    now: () => now,
    setTimer(callback) {
      fire = callback;
      return () => (fire = undefined);
    },
  };
  const runs: number[] = [];
  const scheduler = startScheduler(() => {
    runs.push(now);
    return Promise.resolve();
  }, { next: (t) => t + 1000, clock });
  await new Promise((r) => setTimeout(r, 0));
  now = 3500; // the timer due at 1000 fires late: 2000 and 3000 were missed
  fire?.();
  assertEquals(runs, [0, 3500]);
  assertEquals(scheduler.skipped, 2);
  await scheduler.stop();
});

Deno.test("startScheduler() stop() waits for the run in progress and schedules nothing after", async () => {
  const clock = fakeClock();
  const c = controlledRun();
  const scheduler = startScheduler(c.run(clock.now), { next: (t) => t + 1000, clock });
  let stopped = false;
  const stopping = scheduler.stop().then(() => (stopped = true));
  await new Promise((r) => setTimeout(r, 0));
  assert(!stopped, "stop() resolved while a run was in progress");
  c.finish();
  await stopping;
  assert(stopped);
  assertEquals(clock.pending(), 0);
  await clock.advance(5000);
  assertEquals(c.starts, [0]);
});

Deno.test("startScheduler() keeps its schedule when a run rejects", async () => {
  const clock = fakeClock();
  let calls = 0;
  const scheduler = startScheduler(() => {
    calls++;
    return Promise.reject(new Error("boom"));
  }, { next: (t) => t + 1000, clock });
  await clock.advance(2000);
  assertEquals(calls, 3);
  await scheduler.stop();
});

const HOUR = 3_600_000;

Deno.test("startScheduler() waits 600 h between runs: long delays are chained, not fired at once", async () => {
  const clock = fakeClock();
  const runs: number[] = [];
  const scheduler = startScheduler(() => {
    runs.push(clock.now());
    return Promise.resolve();
  }, { next: (t) => t + 600 * HOUR, clock });
  await clock.advance(599 * HOUR);
  assertEquals(runs, [0]);
  await clock.advance(1201 * HOUR - 599 * HOUR);
  // Exactly on the schedule: due times do not creep by the time a run or a chunk takes.
  assertEquals(runs, [0, 600 * HOUR, 1200 * HOUR]);
  assertEquals(scheduler.skipped, 0);
  await scheduler.stop();
  assertEquals(clock.pending(), 0);
});

Deno.test("startScheduler() runs a monthly cron once a month, on the first at 00:00 UTC", async () => {
  const start = Date.UTC(2026, 0, 15, 12);
  const clock = fakeClock(start);
  const timing = scheduleTiming({ kind: "cron", expression: "0 0 1 * *" }, start);
  const runs: string[] = [];
  const scheduler = startScheduler(() => {
    runs.push(new Date(clock.now()).toISOString());
    return Promise.resolve();
  }, { next: timing.next, clock });
  await clock.advance(Date.UTC(2026, 3, 20) - start);
  assertEquals(runs, [
    "2026-01-15T12:00:00.000Z",
    "2026-02-01T00:00:00.000Z",
    "2026-03-01T00:00:00.000Z",
    "2026-04-01T00:00:00.000Z",
  ]);
  await scheduler.stop();
});

Deno.test("startScheduler() re-arms a timer that fires before its due time", async () => {
  let now = 0;
  const timers: (() => void)[] = [];
  const clock: Clock = {
    now: () => now,
    setTimer(callback) {
      timers.push(callback);
      return () => {};
    },
  };
  let runs = 0;
  const scheduler = startScheduler(() => {
    runs++;
    return Promise.resolve();
  }, { next: (t) => t + 1000, clock });
  await new Promise((r) => setTimeout(r, 0)); // the first run settles
  now = 999; // fires 1 ms early
  timers.shift()?.();
  assertEquals([runs, timers.length], [1, 1]);
  now = 1000;
  timers.shift()?.();
  assertEquals(runs, 2);
  await scheduler.stop();
});

Deno.test("startScheduler() with the real clock does not fire a delay past 2^31 ms early", async () => {
  let runs = 0;
  const scheduler = startScheduler(() => {
    runs++;
    return Promise.resolve();
  }, { next: (t) => t + MAX_TIMER_DELAY_MS + 60_000, clock: SYSTEM_CLOCK });
  await new Promise((r) => setTimeout(r, 300));
  await scheduler.stop();
  assertEquals(runs, 1, "only the run at start");
});
