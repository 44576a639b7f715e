/**
 * A small 5-field cron parser (`minute hour day-of-month month day-of-week`, evaluated in UTC) for
 * the exporter's `--cron` option. Supports `*`, numbers, ranges `a-b`, steps `*\/n` and `a-b/n`,
 * lists `a,b`, month and weekday names (`jan`, `mon`), and 7 for Sunday. As in Vixie cron, when
 * both day-of-month and day-of-week are restricted a day matches if either does.
 *
 * @module
 */
import { UsageError } from "./options.ts";

/** A parsed cron expression. */
export interface CronSchedule {
  /** The expression as given. */
  readonly expression: string;
  /** The first matching minute strictly after `after` (seconds and milliseconds zero). */
  next(after: Date): Date;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  namesFrom?: number;
}

const FIELDS: FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { name: "day of week", min: 0, max: 7, names: DAYS, namesFrom: 0 },
];

function parseValue(text: string, spec: FieldSpec, expression: string): number {
  const lower = text.toLowerCase();
  const named = spec.names?.indexOf(lower) ?? -1;
  const value = named >= 0
    ? named + (spec.namesFrom ?? 0)
    : /^\d+$/.test(text)
    ? Number(text)
    : NaN;
  if (!(value >= spec.min && value <= spec.max)) {
    throw new UsageError(
      `Invalid cron expression "${expression}": ${spec.name} "${text}" is outside ${spec.min}-${spec.max}`,
    );
  }
  return value;
}

/** Returns the allowed values of one field and whether it was `*` (unrestricted). */
function parseField(text: string, spec: FieldSpec, expression: string): [Set<number>, boolean] {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (
      !Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText))
    ) {
      throw new UsageError(`Invalid cron expression "${expression}": bad step in "${part}"`);
    }
    let lo: number;
    let hi: number;
    if (range === "*") {
      [lo, hi] = [spec.min, spec.max];
    } else if (range.includes("-")) {
      const [a = "", b = ""] = range.split("-");
      [lo, hi] = [parseValue(a, spec, expression), parseValue(b, spec, expression)];
      if (lo > hi) {
        throw new UsageError(
          `Invalid cron expression "${expression}": range "${range}" is reversed`,
        );
      }
    } else {
      lo = parseValue(range, spec, expression);
      hi = stepText === undefined ? lo : spec.max;
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return [values, text === "*" || text === "*/1"];
}

/**
 * Parses a 5-field cron expression. Cost of `next()`: at most a few hundred field comparisons
 * (it skips whole months, days and hours that cannot match).
 *
 * @param expression E.g. `"*\/5 * * * *"` (every five minutes).
 * @returns The schedule.
 * @throws {UsageError} When the expression does not have 5 fields or a field is invalid.
 * @example
 * ```ts
 * import { parseCron } from "./cron.ts";
 * const next = parseCron("*\/5 * * * *").next(new Date("2026-03-01T10:02:30Z"));
 * if (next.toISOString() !== "2026-03-01T10:05:00.000Z") throw new Error(next.toISOString());
 * ```
 */
export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    throw new UsageError(
      `Invalid cron expression "${expression}": expected 5 fields (minute hour day month weekday)`,
    );
  }
  const field = (i: number) => parseField(parts[i] ?? "", FIELDS[i] as FieldSpec, expression);
  const [minute] = field(0);
  const [hour] = field(1);
  const [dom, domStar] = field(2);
  const [month] = field(3);
  const [dow, dowStar] = field(4);
  if (dow.has(7)) dow.add(0);

  function dayMatches(d: Date): boolean {
    const a = dom.has(d.getUTCDate());
    const b = dow.has(d.getUTCDay());
    if (domStar) return b;
    if (dowStar) return a;
    return a || b;
  }

  return {
    expression,
    next(after) {
      const t = new Date(after.getTime());
      t.setUTCSeconds(0, 0);
      t.setUTCMinutes(t.getUTCMinutes() + 1);
      // Eight years cover every satisfiable expression (Feb 29 can be 8 years apart: 2096, 2104).
      const limit = after.getTime() + 8 * 366 * 86_400_000;
      while (t.getTime() <= limit) {
        if (!month.has(t.getUTCMonth() + 1)) {
          t.setUTCMonth(t.getUTCMonth() + 1, 1);
          t.setUTCHours(0, 0);
        } else if (!dayMatches(t)) {
          t.setUTCDate(t.getUTCDate() + 1);
          t.setUTCHours(0, 0);
        } else if (!hour.has(t.getUTCHours())) {
          t.setUTCHours(t.getUTCHours() + 1, 0);
        } else if (!minute.has(t.getUTCMinutes())) {
          t.setUTCMinutes(t.getUTCMinutes() + 1);
        } else {
          return t;
        }
      }
      throw new UsageError(`Invalid cron expression "${expression}": it never matches`);
    },
  };
}
