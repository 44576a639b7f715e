import { assertEquals, assertThrows } from "../_assert.ts";
import { parseCron } from "../../lib/exporter/cron.ts";
import { UsageError } from "../../lib/exporter/options.ts";

function next(expression: string, after: string): string {
  return parseCron(expression).next(new Date(after)).toISOString();
}

Deno.test("parseCron() every-five-minutes matches the next multiple of five", () => {
  assertEquals(next("*/5 * * * *", "2026-03-01T10:02:30Z"), "2026-03-01T10:05:00.000Z");
  assertEquals(next("*/5 * * * *", "2026-03-01T10:05:00Z"), "2026-03-01T10:10:00.000Z");
});

Deno.test("parseCron() next() is strictly after the given time", () => {
  assertEquals(next("* * * * *", "2026-03-01T10:00:00Z"), "2026-03-01T10:01:00.000Z");
  assertEquals(next("* * * * *", "2026-03-01T10:00:59.999Z"), "2026-03-01T10:01:00.000Z");
});

Deno.test("parseCron() handles lists, ranges with steps and rolls over hours, days and years", () => {
  assertEquals(next("0,30 9-17/4 * * *", "2026-03-01T17:31:00Z"), "2026-03-02T09:00:00.000Z");
  assertEquals(next("0,30 9-17/4 * * *", "2026-03-02T09:00:00Z"), "2026-03-02T09:30:00.000Z");
  assertEquals(next("0 0 1 1 *", "2026-06-15T12:00:00Z"), "2027-01-01T00:00:00.000Z");
});

Deno.test("parseCron() reads month and weekday names and 7 as Sunday", () => {
  // 2026-03-01 is a Sunday.
  assertEquals(next("0 8 * * mon-fri", "2026-02-28T12:00:00Z"), "2026-03-02T08:00:00.000Z");
  assertEquals(next("0 8 * * 7", "2026-02-28T12:00:00Z"), "2026-03-01T08:00:00.000Z");
  assertEquals(next("0 0 1 jun *", "2026-03-01T00:00:00Z"), "2026-06-01T00:00:00.000Z");
});

Deno.test("parseCron() matches day-of-month OR day-of-week when both are restricted", () => {
  // The 13th, or any Friday: after Thu 2026-03-05 comes Fri 2026-03-06, then the 13th (a Friday).
  assertEquals(next("0 0 13 * fri", "2026-03-05T01:00:00Z"), "2026-03-06T00:00:00.000Z");
  assertEquals(next("0 0 13 * 1", "2026-03-10T01:00:00Z"), "2026-03-13T00:00:00.000Z");
});

Deno.test("parseCron() finds February 29 up to eight years ahead", () => {
  assertEquals(next("0 0 29 2 *", "2026-03-01T00:00:00Z"), "2028-02-29T00:00:00.000Z");
  assertEquals(next("0 0 29 2 *", "2096-03-01T00:00:00Z"), "2104-02-29T00:00:00.000Z");
});

Deno.test("parseCron() rejects malformed and unsatisfiable expressions", () => {
  assertThrows(() => parseCron("* * * *"), UsageError, "5 fields");
  assertThrows(() => parseCron("60 * * * *"), UsageError, "minute");
  assertThrows(() => parseCron("* 24 * * *"), UsageError, "hour");
  assertThrows(() => parseCron("* * 0 * *"), UsageError, "day of month");
  assertThrows(() => parseCron("*/0 * * * *"), UsageError, "step");
  assertThrows(() => parseCron("5-1 * * * *"), UsageError, "reversed");
  assertThrows(() => parseCron("* * * foo *"), UsageError, '"foo"');
  assertThrows(() => parseCron("0 0 30 2 *").next(new Date(0)), UsageError, "never matches");
});
