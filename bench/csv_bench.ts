/**
 * CSV reading speed: `readCsv` (streaming from a file) and `parseCsv` (from text) on generated
 * numeric files of 1e5 and 1e6 rows × 6 columns (seeded, written to a temporary directory).
 * Run with `deno bench --allow-read --allow-write --allow-env --allow-sys bench/csv_bench.ts`;
 * `scripts/compare_csv.ts` puts the numbers beside pandas, csv-parse and arquero.
 *
 * @module
 */

import { parseCsv, readCsv } from "../lib/data/csv.ts";
import { writeNumericCsv } from "../scripts/compare_csv.ts";

const dir = await Deno.makeTempDir({ prefix: "vigil_csv_bench_" });
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));

for (const rows of [100_000, 1_000_000]) {
  const path = `${dir}/numeric_${rows}.csv`;
  await writeNumericCsv(path, rows, 42);
  const text = await Deno.readTextFile(path);
  const n = rows.toExponential(0).replace("+", "");
  Deno.bench(`readCsv ${n} rows × 6 numeric columns`, { group: n, baseline: true }, async () => {
    const t = await readCsv(path);
    if (t.nRows !== rows) throw new Error("wrong row count");
  });
  Deno.bench(`parseCsv ${n} rows × 6 numeric columns`, { group: n }, () => {
    const t = parseCsv(text);
    if (t.nRows !== rows) throw new Error("wrong row count");
  });
}
