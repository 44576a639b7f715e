/**
 * Loads the scipy golden cases of test/golden/drift.json (written by test/golden/drift_golden.py).
 *
 * @module
 */

/** scipy's KS result for one method. */
export interface GoldenKs {
  statistic: number;
  pvalue: number;
  location: number;
  sign: number;
  warned: boolean;
}

/** One golden case: inputs and scipy's outputs. */
export interface GoldenCase {
  name: string;
  reference: number[];
  current: number[];
  ks: Partial<Record<"auto" | "exact" | "asymp", GoldenKs>>;
  wasserstein: number;
  wasserstein_normed: number;
  energy: number;
  cvm?: Partial<Record<"auto" | "exact" | "asymptotic", { statistic: number; pvalue: number }>>;
  anderson?: { statistic: number; critical: number[]; pvalue: number; warning: string | null };
}

/** The golden document. */
export interface GoldenDoc {
  versions: Record<string, string>;
  cases: GoldenCase[];
}

/** Reads and parses the drift golden file. */
export function loadDriftGolden(): GoldenDoc {
  const url = new URL("../golden/drift.json", import.meta.url);
  return JSON.parse(Deno.readTextFileSync(url)) as GoldenDoc;
}
