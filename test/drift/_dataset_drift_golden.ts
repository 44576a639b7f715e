/**
 * Loads test/golden/dataset_drift.json (written by test/golden/dataset_drift_golden.py).
 *
 * @module
 */

function revive(_key: string, v: unknown): unknown {
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  return v;
}

/** One p-value vector with its statsmodels-equivalent corrections. */
export interface CorrectionCase {
  name: string;
  pValues: number[];
  bonferroni: number[];
  benjaminiHochberg: number[];
}

/** Chunk statistics and thresholds of one comparison mode. */
export interface ThresholdGolden {
  statistics: number[];
  mean: number;
  sd: number;
  lower: number;
  upper: number;
}

/** One data-driven threshold case. */
export interface DataDrivenCase {
  name: string;
  reference: number[];
  chunks: number;
  chunkSizes: number[];
  whole: ThresholdGolden;
  rest: ThresholdGolden;
}

/** The parsed golden file. */
export const GOLDEN: {
  versions: Record<string, string>;
  scipyHasFalseDiscoveryControl: boolean;
  corrections: CorrectionCase[];
  dataDriven: DataDrivenCase[];
} = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/dataset_drift.json", import.meta.url)),
  revive,
);
