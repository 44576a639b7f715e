/**
 * Loads test/golden/metrics.json (written by test/golden/metrics_golden.py) and compares arrays.
 *
 * @module
 */
import { assertEquals, assertRelativeEquals } from "../_assert.ts";

type Json = number | string | boolean | null | Json[] | { [k: string]: Json };

// deno-lint-ignore no-explicit-any
export type Case = any;

function revive(_key: string, v: Json): unknown {
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  return v;
}

/** The parsed golden file; NaN/±Infinity restored from their string markers. */
export const GOLDEN: {
  versions: Record<string, string>;
  cases: Case[];
  regression: Case[];
} = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/metrics.json", import.meta.url)),
  revive,
);

/** Golden cases of one kind. */
export function cases(kind: "binary" | "multiclass" | "labels"): Case[] {
  return GOLDEN.cases.filter((c) => c.kind === kind);
}

/** Element-wise relative comparison at `rel` (lengths must match exactly). */
export function assertArrayRelative(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel = 1e-9,
  message = "",
): void {
  assertEquals(actual.length, expected.length, `${message} length`);
  for (let i = 0; i < expected.length; i++) {
    assertRelativeEquals(actual[i]!, expected[i]!, rel, `${message}[${i}]`);
  }
}
