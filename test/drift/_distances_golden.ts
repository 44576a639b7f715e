/**
 * Loader of test/golden/drift_distances.json (written by drift_distances_golden.py with numpy
 * 1.24 / scipy 1.10.1). "NaN"/"Infinity"/"-Infinity" strings become numbers.
 *
 * @module
 */
import type { Binning } from "../../lib/drift/mod.ts";

/** One binning of a numeric case with scipy's distances on its counts. */
export interface GoldenBinning {
  binning: Binning;
  bins: number;
  edges: number[];
  referenceCounts: number[];
  currentCounts: number[];
  psi: number;
  js: number;
  js2: number;
  kl: number;
  klReverse: number;
  kl2: number;
  hellinger: number;
}

/** A numeric case: raw columns and several binnings. */
export interface GoldenNumeric {
  name: string;
  reference: number[];
  current: number[];
  binnings: GoldenBinning[];
}

/** A test's statistic and p-value. */
export interface GoldenTest {
  statistic: number;
  pValue: number;
  dof?: number;
}

/** A categorical case. */
export interface GoldenCategorical extends Omit<GoldenBinning, "binning" | "bins" | "edges"> {
  name: string;
  reference: (string | null)[];
  current: (string | null)[];
  categories: string[];
  chiSquare: GoldenTest;
  contingency: GoldenTest;
  contingencyNoCorrection: GoldenTest;
  zTest?: GoldenTest;
}

/** The whole fixture. */
export interface DistancesGolden {
  versions: Record<string, string>;
  epsilon: number;
  numeric: GoldenNumeric[];
  categorical: GoldenCategorical[];
  special: {
    x: number[];
    erf: number[];
    erfc: number[];
    ndtr: number[];
    normSf: number[];
    gamma: [number, number, number, number][];
    chi2: [number, number, number][];
    gammaln: [number, number][];
    quantile: [number[], number, number][];
  };
}

function revive(_key: string, v: unknown): unknown {
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  return v;
}

/** The parsed fixture. */
export const GOLDEN: DistancesGolden = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/drift_distances.json", import.meta.url)),
  revive,
);

/** Options reproducing a golden binning. */
export function binningOptions(b: GoldenBinning): { binning: Binning; bins?: number } {
  return b.binning === "sturges_both"
    ? { binning: b.binning }
    : { binning: b.binning, bins: b.bins };
}
