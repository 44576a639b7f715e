/**
 * The golden cases of test/golden/fairness_golden.py (private to the tests).
 *
 * @module
 */
import type { GroupedPredictions } from "../../lib/fairness/metric_frame.ts";

/** One case of test/golden/fairness.json; NaN is written "NaN". */
export interface GoldenCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  sensitive: Record<string, string[]>;
  groups: string[];
  counts: number[];
  byGroup: Record<string, number | "NaN">[];
  overall: Record<string, number | "NaN">;
  fairlearn: Record<string, number | "NaN">;
  aif360: {
    privileged: string;
    unprivileged: string | null;
    expected: Record<string, number | "NaN">;
  }[];
  theil: number;
}

const text = await Deno.readTextFile(new URL("../golden/fairness.json", import.meta.url));

/** Every golden case. */
export const CASES: GoldenCase[] = JSON.parse(text).cases;

/** The case as input of the fairness functions. */
export function input(c: GoldenCase): GroupedPredictions {
  return { yTrue: c.yTrue, yPred: c.yPred, sensitive: c.sensitive };
}

/** A golden number ("NaN" → NaN). */
export function num(v: number | "NaN" | undefined): number {
  return v === "NaN" || v === undefined ? NaN : v;
}
