/**
 * Shared tables for the report benches (drift_report_bench.ts, quality_bench.ts): 10 numeric
 * columns × 1e6 rows of seeded normal data with 1 % missing values, a reference and a current
 * window shifted by 0.1 sd, and the reference profile.
 *
 * @module
 */
import { tableFromColumns } from "../lib/data/table.ts";
import { buildProfile } from "../lib/profile/mod.ts";
import { normalRandom, seededRandom } from "../lib/stats/random.ts";

/** Rows in each table. */
export const ROWS = 1_000_000;
/** Numeric columns in each table, named x0, x1, … */
export const COLUMNS = 10;

/** A seeded table of {@linkcode COLUMNS} normal columns (1 % NaN), shifted by `shift`. */
export function makeTable(seed: number, shift: number) {
  const random = seededRandom(seed);
  const normal = normalRandom(random);
  const columns: Record<string, Float64Array> = {};
  for (let j = 0; j < COLUMNS; j++) {
    const x = new Float64Array(ROWS);
    for (let i = 0; i < ROWS; i++) x[i] = random() < 0.01 ? NaN : normal() + shift;
    columns[`x${j}`] = x;
  }
  return tableFromColumns(columns);
}

/** The reference table (seed 1, no shift). */
export const reference = makeTable(1, 0);
/** The current window (seed 2, shifted by 0.1). */
export const current = makeTable(2, 0.1);
/** The profile of {@linkcode reference}. */
export const profile = buildProfile(reference);
