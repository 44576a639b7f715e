/**
 * Times Vigil's `readCsv` against pandas, csv-parse and arquero on the same generated numeric
 * file (rows × 6 numeric columns, seeded), and prints a markdown table with ratios to pandas.
 *
 * Usage: `deno run --allow-read --allow-write --allow-run --allow-env scripts/compare_csv.ts
 * [rows=1000000] [repeats=3]`. pandas is timed inside Python (interpreter start and import
 * excluded) with `/usr/bin/python3`; every reader's time is the best of `repeats` runs and includes
 * turning the text into numeric columns.
 *
 * @module
 */

import { parse } from "csv-parse/sync";
import "@uwdata/flechette";
import { fromCSV } from "arquero";
import { readCsv } from "../lib/data/csv.ts";
import { normalRandom, seededRandom } from "../lib/stats/random.ts";

/** Column names of the generated file. */
export const BENCH_COLUMNS = ["id", "score", "ratio", "count", "amount", "residual"];

/**
 * Writes a numeric CSV of `rows` rows in the forms real exports use: an integer id, fixed
 * decimals (1 % missing in `ratio`), small integers, 6 significant digits and exponent notation.
 *
 * @param path Where to write.
 * @param rows Number of data rows.
 * @param seed Seed of the generator.
 * @returns The number of bytes written.
 */
export async function writeNumericCsv(path: string, rows: number, seed = 42): Promise<number> {
  const random = seededRandom(seed);
  const normal = normalRandom(random);
  const encoder = new TextEncoder();
  using file = await Deno.open(path, { write: true, create: true, truncate: true });
  let bytes = 0;
  let text = BENCH_COLUMNS.join(",") + "\n";
  for (let i = 0; i < rows; i++) {
    const ratio = random() < 0.01 ? "" : random().toFixed(6);
    text += `${i},${(normal() * 10).toFixed(4)},${ratio},${Math.floor(random() * 1000)},${
      Math.exp(normal()).toPrecision(6)
    },${(normal() * 1e-3).toExponential(5)}\n`;
    if (text.length > 1 << 16 || i === rows - 1) {
      const chunk = encoder.encode(text);
      for (let off = 0; off < chunk.length;) off += await file.write(chunk.subarray(off));
      bytes += chunk.length;
      text = "";
    }
  }
  if (text.length > 0) bytes += await file.write(encoder.encode(text));
  return bytes;
}

async function best(repeats: number, run: () => Promise<number>): Promise<number> {
  let min = Infinity;
  for (let r = 0; r < repeats; r++) min = Math.min(min, await run());
  return min;
}

async function timeVigil(path: string): Promise<number> {
  const t0 = performance.now();
  const table = await readCsv(path);
  const s = (performance.now() - t0) / 1000;
  if (table.nRows === 0) throw new Error("no rows");
  return s;
}

async function timePandas(path: string, repeats: number): Promise<number> {
  const code = `import sys, time, pandas as pd
best = float("inf")
for _ in range(${repeats}):
    t0 = time.perf_counter(); df = pd.read_csv(sys.argv[1]); best = min(best, time.perf_counter() - t0)
print(best, pd.__version__)`;
  const out = await new Deno.Command("/usr/bin/python3", { args: ["-c", code, path] }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return Number(new TextDecoder().decode(out.stdout).split(" ")[0]);
}

async function timeCsvParse(path: string): Promise<number> {
  const t0 = performance.now();
  const records: string[][] = parse(await Deno.readTextFile(path), { from_line: 2 });
  const columns = BENCH_COLUMNS.map(() => new Float64Array(records.length));
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    for (let j = 0; j < columns.length; j++) {
      const v = rec[j]!;
      columns[j]![i] = v === "" ? NaN : Number(v);
    }
  }
  return (performance.now() - t0) / 1000;
}

async function timeArquero(path: string): Promise<number> {
  const t0 = performance.now();
  const table = fromCSV(await Deno.readTextFile(path));
  const s = (performance.now() - t0) / 1000;
  if (table.numRows() === 0) throw new Error("no rows");
  return s;
}

if (import.meta.main) {
  const rows = Number(Deno.args[0] ?? 1_000_000);
  const repeats = Number(Deno.args[1] ?? 3);
  const dir = await Deno.makeTempDir({ prefix: "vigil_csv_" });
  try {
    const path = `${dir}/numeric.csv`;
    const bytes = await writeNumericCsv(path, rows);
    const results: [string, number][] = [
      ["pandas.read_csv (C engine)", await timePandas(path, repeats)],
      ["Vigil readCsv (streaming)", await best(repeats, () => timeVigil(path))],
      ["arquero fromCSV", await best(repeats, () => timeArquero(path))],
      ["csv-parse (sync) + Number()", await best(repeats, () => timeCsvParse(path))],
    ];
    const pandas = results[0]![1];
    console.log(
      `${rows} rows × ${BENCH_COLUMNS.length} numeric columns, ${
        (bytes / 1e6).toFixed(1)
      } MB, best of ${repeats}\n`,
    );
    console.log("| reader | seconds | × pandas |\n|---|---:|---:|");
    for (const [name, s] of results) {
      console.log(`| ${name} | ${s.toFixed(3)} | ${(s / pandas).toFixed(2)} |`);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
