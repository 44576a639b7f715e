/**
 * Loads test/golden/quality.json (written by test/golden/quality_golden.py), restoring NaN.
 *
 * @module
 */

interface GoldenNumericProfile {
  nMissing: number;
  summary: {
    count: number;
    mean: number;
    std: number;
    min: number;
    max: number;
    quantiles: Record<string, number>;
  };
  edges: number[];
  binCounts: number[];
  sketch?: number[];
}

/** The parsed golden file. */
export const GOLDEN: {
  versions: Record<string, string>;
  iris: Record<string, GoldenNumericProfile>;
  irisSpecies: Record<string, number>;
  irisDuplicates: number;
  synthetic: { values: number[]; profile: GoldenNumericProfile };
  table: {
    columns: { a: number[]; b: number[]; c: string[] };
    duplicates: number;
    duplicatesAB: number;
    missingShare: Record<string, number>;
  };
} = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/quality.json", import.meta.url)),
  (_key, v) => (v === "NaN" ? NaN : v),
);
