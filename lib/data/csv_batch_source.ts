/**
 * A monitor `source` that reads labelled windows from CSV files: one file, read on every call, or
 * a folder of `.csv` files taken one per call in name order, cycling.
 *
 * @module
 */
import { readCsv } from "./csv.ts";
import { categoricalColumn, numericColumn, type Table } from "./table.ts";

/** Options of {@linkcode csvBatchSource}. */
export interface CsvBatchSourceOptions {
  /** The feature columns, in the order the model expects. */
  featureNames: readonly string[];
  /** Class names; the label column holds these names. */
  classNames: readonly string[];
  /** The column with the true class name of each row. @default "label" */
  labelColumn?: string;
}

/** One window read from a CSV file; fits `lib/monitor`'s `Batch`. */
export interface CsvBatch {
  /** Feature rows, in `featureNames` order. */
  X: Float64Array[];
  /** Class indices into `classNames`. */
  y: Int32Array;
  /** The file as read (all its columns). */
  table: Table;
  /** The file the window came from. */
  file: string;
}

/** The `.csv` files to read: the file itself, or the folder's `.csv` files sorted by name. */
async function csvFiles(path: string): Promise<string[]> {
  const info = await Deno.stat(path);
  if (!info.isDirectory) return [path];
  const files: string[] = [];
  for await (const entry of Deno.readDir(path)) {
    if (entry.isFile && entry.name.endsWith(".csv")) files.push(`${path}/${entry.name}`);
  }
  if (files.length === 0) {
    throw new RangeError(`Cannot read batches: folder "${path}" has no .csv file`);
  }
  return files.sort();
}

async function readBatch(file: string, options: CsvBatchSourceOptions): Promise<CsvBatch> {
  const { featureNames, classNames, labelColumn = "label" } = options;
  const columns: Record<string, "number" | "string"> = { [labelColumn]: "string" };
  for (const name of featureNames) columns[name] = "number";
  const table = await readCsv(file, { columns, required: [...featureNames, labelColumn] });
  const n = table.nRows;
  if (n === 0) throw new RangeError(`Cannot read batch "${file}": it has no rows`);
  const X = Array.from({ length: n }, () => new Float64Array(featureNames.length));
  featureNames.forEach((name, j) => {
    const column = numericColumn(table, name);
    for (let i = 0; i < n; i++) X[i]![j] = column[i]!;
  });
  const labels = categoricalColumn(table, labelColumn);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = labels[i] == null ? -1 : classNames.indexOf(labels[i]!);
    if (c < 0) {
      throw new RangeError(
        `Cannot read batch "${file}": row ${i} has ${labelColumn} ${
          JSON.stringify(labels[i])
        }, expected one of ${classNames.map((s) => JSON.stringify(s)).join(", ")}`,
      );
    }
    y[i] = c;
  }
  return { X, y, table, file };
}

/**
 * Makes a monitor `source` from CSV files. `path` is a file (read again on every call, so a job
 * that rewrites it feeds the monitor) or a folder whose `.csv` files are taken one per call in
 * name order, cycling back to the first after the last; the folder is listed again on every call,
 * so files added later join the cycle. Each file needs the feature columns and the label column;
 * missing feature values stay NaN (the model will reject them). O(bytes of the file) per call.
 *
 * @param path A CSV file or a folder of CSV files.
 * @param options Feature columns, class names, label column.
 * @returns A function returning the next window.
 * @throws {Deno.errors.NotFound} When `path` does not exist.
 * @throws {RangeError} When the folder has no `.csv` file, `featureNames` is empty or
 *   `classNames` has fewer than 2 names; each call rejects with a RangeError for an empty file or
 *   an unknown label, and as `readCsv` for a missing column or bad text.
 * @example
 * ```ts
 * import { csvBatchSource } from "./mod.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/b.csv`, "x,label\n1,no\n2,yes\n");
 * await Deno.writeTextFile(`${dir}/a.csv`, "x,label\n3,yes\n");
 * const next = await csvBatchSource(dir, { featureNames: ["x"], classNames: ["no", "yes"] });
 * const files = [await next(), await next(), await next()].map((b) => b.file.slice(dir.length));
 * if (files.join() !== "/a.csv,/b.csv,/a.csv") throw new Error(files.join());
 * const b = await next();
 * await Deno.remove(dir, { recursive: true });
 * if (b.y.join() !== "0,1" || b.X[1]![0] !== 2) throw new Error();
 * ```
 */
export async function csvBatchSource(
  path: string,
  options: CsvBatchSourceOptions,
): Promise<() => Promise<CsvBatch>> {
  if (!Array.isArray(options?.featureNames) || options.featureNames.length === 0) {
    throw new RangeError(`Cannot read batches from "${path}": featureNames must not be empty`);
  }
  if (!Array.isArray(options.classNames) || options.classNames.length < 2) {
    throw new RangeError(`Cannot read batches from "${path}": classNames needs at least 2 names`);
  }
  await csvFiles(path);
  let calls = 0;
  return async () => {
    const files = await csvFiles(path);
    return await readBatch(files[calls++ % files.length]!, options);
  };
}
