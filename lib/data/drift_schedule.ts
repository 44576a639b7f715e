/**
 * How a drift unfolds over time: sudden, gradual, incremental or recurring (the four patterns of
 * Gama et al. 2014, "A survey on concept drift adaptation", ACM Computing Surveys 46(4), fig. 2).
 *
 * @module
 */

/**
 * The four shapes of drift over time:
 * - `"sudden"`: the new concept replaces the old one at `start`;
 * - `"gradual"`: from `start` over `width` steps, each row comes from the new concept with a
 *   probability rising linearly from 0 to 1 (the two concepts alternate, the new one more and more);
 * - `"incremental"`: from `start` over `width` steps the concept itself moves linearly from the old
 *   to the new one (every row is a blend of the same intermediate size);
 * - `"recurring"`: from `start`, the new concept is on for `duration` steps out of every `period`,
 *   then the old one comes back (seasonality).
 */
export type DriftPattern = "sudden" | "gradual" | "incremental" | "recurring";

/** When and how a drift happens, in steps (rows or windows, whichever the caller counts). */
export interface DriftSchedule {
  /** The shape of the drift. */
  pattern: DriftPattern;
  /** First step at which the new concept can appear (≥ 0). */
  start: number;
  /** Steps from start to the full new concept, for `"gradual"` and `"incremental"`. @default {1} */
  width?: number;
  /** Steps of one cycle, for `"recurring"`. @default {2 · duration} */
  period?: number;
  /** Steps the new concept lasts in each cycle, for `"recurring"`. @default {1} */
  duration?: number;
}

/**
 * The weight of the new concept at step `t`, in [0, 1]: for `"sudden"` and `"recurring"` 0 or 1;
 * for `"incremental"` the size of the change applied to every row; for `"gradual"` the
 * probability that a row comes from the new concept. The ramp of `"gradual"` and
 * `"incremental"` is `(t − start + 1) / width` clipped to [0, 1], so with `width` 1 both are
 * sudden. O(1).
 *
 * @param schedule When and how.
 * @param t The step (a row or window index).
 * @returns The new concept's weight at `t`.
 * @throws {RangeError} When `start`, `width`, `period` or `duration` is out of range, or `t` is
 * not a finite number.
 * @throws {TypeError} When the pattern is unknown.
 * @example
 * ```ts
 * import { driftWeight } from "./drift_schedule.ts";
 * const ramp = { pattern: "incremental", start: 10, width: 4 } as const;
 * const w = [9, 10, 11, 13, 20].map((t) => driftWeight(ramp, t));
 * if (w.join() !== "0,0.25,0.5,1,1") throw new Error(w.join());
 * const season = { pattern: "recurring", start: 0, period: 4, duration: 1 } as const;
 * if ([0, 1, 4, 5].map((t) => driftWeight(season, t)).join() !== "1,0,1,0") throw new Error();
 * ```
 */
export function driftWeight(schedule: DriftSchedule, t: number): number {
  const { pattern, start } = schedule;
  const width = schedule.width ?? 1;
  const duration = schedule.duration ?? 1;
  const period = schedule.period ?? 2 * duration;
  const fail = (what: string, v: unknown) =>
    new RangeError(`Invalid ${pattern} drift schedule: ${what}, got ${String(v)}`);
  if (!(Number.isFinite(start) && start >= 0)) throw fail("start must be >= 0", start);
  if (!Number.isFinite(t)) throw new RangeError(`Invalid drift step: t must be finite, got ${t}`);
  if (t < start) return 0;
  switch (pattern) {
    case "sudden":
      return 1;
    case "gradual":
    case "incremental":
      if (!(Number.isFinite(width) && width >= 1)) throw fail("width must be >= 1", width);
      return Math.min(1, (t - start + 1) / width);
    case "recurring":
      if (!(Number.isFinite(duration) && duration >= 1)) {
        throw fail("duration must be >= 1", duration);
      }
      if (!(Number.isFinite(period) && period > duration)) {
        throw fail("period must be > duration", period);
      }
      return (t - start) % period < duration ? 1 : 0;
  }
  throw new TypeError(`Cannot schedule drift: unknown pattern "${String(pattern)}"`);
}
