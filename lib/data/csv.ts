/**
 * Reading CSV into typed columns: {@linkcode parseCsv} (text), {@linkcode readCsv} (a file,
 * streamed) and {@linkcode readCsvBatches} (a file larger than memory, batch by batch).
 *
 * ## Format (RFC 4180)
 * - The first record is the header. Fields are separated by `delimiter` (default `,`); records
 *   end with `\n`, `\r\n` or `\r`; a final line break is optional. Text is UTF-8 (invalid bytes
 *   become U+FFFD); a byte order mark is skipped. Header names are kept as written (not trimmed).
 * - A field whose first character is `"` is quoted: it may contain delimiters, line breaks and
 *   `""` (an escaped quote). Text after a closing quote (`"ab"c`) is a `SyntaxError`; a quote
 *   inside an unquoted field (`ab"c`) is kept literally, as pandas does.
 * - Blank lines are skipped when the header has several columns (as pandas does); in a
 *   one-column file a blank line is a record with one missing value (as RFC 4180 and csv-parse
 *   read it).
 *
 * ## Types
 * - A field is a number when it is a plain decimal — optional sign, digits with an optional
 *   fraction, optional exponent (`-1.5`, `.5`, `3.`, `2e-3`), surrounding spaces or tabs
 *   allowed — whose value is finite. `Infinity`, `inf`, hex (`0x1A`), `1e400` and `1,5` are not.
 *   Quoted fields follow the same rule (`"1.5"` is the number 1.5). With `nonFinite: true`,
 *   overflowing decimals (`1e309`) and `inf`, `infinity`, `nan` (any letter case, optional sign)
 *   are ±Infinity and NaN, as Python's `float()` reads them (pandas 1.5's C parser reads the
 *   words but keeps `1e309` as text).
 * - Missing tokens (`missing`, default `["", "NA", "NaN", "null"]`, matched exactly on the
 *   unquoted text) are `NaN` in numeric columns and `null` in string columns.
 * - Columns declared in `columns` take that type: a non-number in a `"number"` column is a
 *   `TypeError`. Other columns are inferred: numeric (`Float64Array`) when every non-missing value
 *   is a number — so a column with no values at all is numeric, all `NaN`, as in pandas — and
 *   strings (`(string | null)[]`, original text kept) otherwise. Declared columns absent from the
 *   header are ignored (use `required` to insist on them).
 * - One value that is not a number makes an inferred column text. The table then says which:
 *   `table.nonNumeric[column]` lists the first (up to 3) such values with their row and line
 *   (and `inferSchema` copies them), so that a stray `inf` does not go unnoticed.
 * - Inference sees the whole input: when a late row turns a column into strings, `readCsv` reads
 *   the file a second time with the types now known, so the original text ("007", "1.50") is kept
 *   and memory stays linear. {@linkcode readCsvBatches} infers from the first batch only.
 *
 * ## Limits
 * A record longer than `maxRecordBytes` (default 64 MiB) is a `RangeError` naming the file, the
 * row and the limit, so that a file with no line breaks cannot take all memory. Columns start
 * with room for 8 rows and double as they fill, so a very wide file with few rows stays small.
 *
 * ## Errors
 * Messages start with `Cannot parse "<file>"` (or `Cannot parse CSV text`) and name the row — the
 * 1-based data row, the header not counted — the physical line where that record starts, and the
 * column: `Cannot parse "data/x.csv": row 12 has 4 fields, header has 5 (line 13)`.
 *
 * ## Why a hand-written parser
 * csv-parse is the well-kept RFC 4180 parser and the test suite checks this reader against it, but
 * it creates a string per field and an array per record, about 9× slower than pandas on numeric
 * files. This reader scans bytes, parses plain decimals straight from bytes (exact: Clinger's fast
 * path, `Number()` otherwise) into `Float64Array`s, and creates no per-row objects, which keeps it
 * near pandas' C parser.
 *
 * @module
 */

import type { NonNumericSample, Table } from "./table.ts";
import {
  createEngine,
  type EngineConfig,
  type EngineState,
  failedColumns,
  feed,
  nonNumericSamples,
  resolvedTypes,
  takeTable,
} from "./_csv_engine.ts";
import { streamBatches } from "./_csv_stream.ts";

/** Options of the CSV readers. */
export interface CsvOptions {
  /** Declared column types; other columns are inferred. @default {} */
  columns?: Record<string, "number" | "string">;
  /** Columns that must be in the header (`TypeError` otherwise). @default [] */
  required?: string[];
  /**
   * Field delimiter: one ASCII character other than a quote, a line break or a character of a
   * number (digit, `.`, `+`, `-`, `e`, `E`). @default ","
   */
  delimiter?: string;
  /** Tokens read as missing (`NaN` or `null`). @default ["", "NA", "NaN", "null"] */
  missing?: string[];
  /** Name used in error messages. @default the path for files, none for text */
  file?: string;
  /**
   * Read decimals that overflow (`1e309`) as ±Infinity, and `inf`, `infinity` and `nan` (any
   * letter case, optional sign) as ±Infinity and NaN, as Python's `float()` and numpy read them.
   * Off, these are text: one such value makes an inferred column a string column (the table's
   * `nonNumeric` then names the rows). @default false
   */
  nonFinite?: boolean;
  /**
   * Longest record, in bytes, that `readCsv` and `readCsvBatches` wait for: a longer one (a file
   * with no line breaks, a runaway quote) is a `RangeError` naming the file, the row and the
   * limit, instead of unbounded memory. @default 67108864 (64 MiB)
   */
  maxRecordBytes?: number;
  /**
   * Bytes read per call when streaming a file. Meant for tests (a tiny chunk exercises every
   * chunk boundary); the default suits real files. @default 1048576
   */
  chunkSize?: number;
}

/** Options of {@linkcode readCsvBatches}. */
export interface CsvBatchOptions extends CsvOptions {
  /** Rows per batch (the last batch may be shorter). @default 100000 */
  batchRows?: number;
}

/** Longest record `readCsv` accepts when `maxRecordBytes` is not given (64 MiB). */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** Missing tokens used when `missing` is not given. */
export const DEFAULT_MISSING: readonly string[] = ["", "NA", "NaN", "null"];

/**
 * Parses CSV text into a {@linkcode Table}, by the rules in the module documentation. O(bytes).
 *
 * @param text The CSV text, header first.
 * @param options Declared types, required columns, delimiter, missing tokens, file name.
 * @returns The table: numeric columns as `Float64Array`, others as `(string | null)[]`.
 * @throws {SyntaxError} Empty input, empty or duplicate header names, a wrong field count, an
 * unterminated quote.
 * @throws {TypeError} A required column is missing; a declared numeric column has text.
 * @throws {RangeError} An invalid delimiter (see {@linkcode CsvOptions.delimiter}).
 * @example
 * ```ts
 * import { parseCsv } from "./mod.ts";
 * const t = parseCsv('x,name\n1.5,"a, b"\nNA,c\n');
 * const x = t.columns.x as Float64Array;
 * if (t.nRows !== 2 || x[0] !== 1.5 || !Number.isNaN(x[1])) throw new Error();
 * if (t.columns.name![0] !== "a, b") throw new Error();
 * ```
 */
export function parseCsv(text: string, options: CsvOptions = {}): Table {
  if (typeof text !== "string") {
    throw new TypeError(`Cannot parse CSV: expected text, got ${typeof text}`);
  }
  const bytes = new TextEncoder().encode(text);
  let config = engineConfig(options, Infinity, undefined);
  const st = parseBytes(config, bytes);
  if (failedColumns(st).length > 0) {
    const samples = nonNumericSamples(st);
    config = { ...config, declared: resolvedTypes(st) };
    return takeTable(parseBytes(config, bytes), samples);
  }
  return takeTable(st);
}

function parseBytes(config: EngineConfig, bytes: Uint8Array): EngineState {
  const st = createEngine(config);
  feed(st, bytes, 0, bytes.length, true);
  return st;
}

/**
 * Reads a CSV file into a {@linkcode Table}, streaming it in chunks (memory grows with the
 * columns, not with the file text). Rules as in the module documentation. O(bytes); a file whose
 * inferred-numeric column turns out to hold text is read twice.
 *
 * @param path File path or `file:` URL.
 * @param options Declared types, required columns, delimiter, missing tokens, file name, chunk size.
 * @returns The table.
 * @throws {SyntaxError} As {@linkcode parseCsv}, naming the file.
 * @throws {TypeError} As {@linkcode parseCsv}, naming the file.
 * @throws {RangeError} A record longer than `maxRecordBytes`, naming the file, row and limit.
 * @throws {Deno.errors.NotFound} When the file does not exist.
 * @throws {Deno.errors.IsADirectory} When the path is a directory (the message names it).
 * @example
 * ```ts
 * import { readCsv } from "./mod.ts";
 * const path = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(path, "a,b\r\n1,x\r\n2,y\r\n");
 * const t = await readCsv(path);
 * await Deno.remove(path);
 * if (t.nRows !== 2 || (t.columns.a as Float64Array)[1] !== 2) throw new Error();
 * ```
 */
export async function readCsv(path: string | URL, options: CsvOptions = {}): Promise<Table> {
  let config = engineConfig(options, Infinity, path);
  let samples: Record<string, NonNumericSample[]> | undefined;
  for (let attempt = 0;; attempt++) {
    let table: Table | undefined;
    let failed: EngineState | undefined;
    for await (const out of streamBatches(path, config, options.chunkSize)) {
      if (failedColumns(out).length > 0 && attempt === 0) failed = out;
      else table = takeTable(out, samples);
    }
    if (failed === undefined) return table!;
    config = { ...config, declared: resolvedTypes(failed) };
    samples = nonNumericSamples(failed);
  }
}

/**
 * Reads a CSV file batch by batch, for files larger than memory: each batch is a
 * {@linkcode Table} of at most `batchRows` rows with the same columns and types. Types are
 * inferred from the first batch (declare the others in `columns`); a header-only file yields one
 * empty batch. O(bytes), memory O(batchRows × columns).
 *
 * @param path File path or `file:` URL.
 * @param options As {@linkcode readCsv}, plus `batchRows`.
 * @returns An async generator of tables.
 * @throws {TypeError} As {@linkcode readCsv}; also when a column inferred numeric from the first
 * batch has text in a later one.
 * @throws {RangeError} When `batchRows` is not a positive integer.
 * @example
 * ```ts
 * import { readCsvBatches } from "./mod.ts";
 * const path = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(path, "a\n1\n2\n3\n");
 * const sizes: number[] = [];
 * for await (const batch of readCsvBatches(path, { batchRows: 2 })) sizes.push(batch.nRows);
 * await Deno.remove(path);
 * if (sizes.join() !== "2,1") throw new Error();
 * ```
 */
export async function* readCsvBatches(
  path: string | URL,
  options: CsvBatchOptions = {},
): AsyncGenerator<Table> {
  const batchRows = options.batchRows ?? 100_000;
  if (!Number.isInteger(batchRows) || batchRows < 1) {
    throw new RangeError(
      `Cannot read CSV batches: batchRows must be a positive integer, got ${batchRows}`,
    );
  }
  let config = engineConfig(options, batchRows, path);
  let samples: Record<string, NonNumericSample[]> | undefined;
  for (let attempt = 0;; attempt++) {
    let restart = false;
    for await (const out of streamBatches(path, config, options.chunkSize)) {
      if (out.rowOffset === 0 && attempt === 0 && failedColumns(out).length > 0) {
        restart = true;
        config = { ...config, declared: resolvedTypes(out) };
        samples = nonNumericSamples(out);
        break;
      }
      samples ??= nonNumericSamples(out);
      yield takeTable(out, samples);
    }
    if (!restart) return;
  }
}

function engineConfig(
  options: CsvOptions,
  batchRows: number,
  path: string | URL | undefined,
): EngineConfig {
  const file = options.file ?? (path instanceof URL ? path.href : path);
  const label = file === undefined ? "Cannot parse CSV text" : `Cannot parse "${file}"`;
  const delimiter = options.delimiter ?? ",";
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code > 127 || /["\r\n0-9.+\-eE]/.test(delimiter)) {
    throw new RangeError(
      `${label}: delimiter must be one ASCII character other than a quote, line break or number character, got ${
        JSON.stringify(delimiter)
      }`,
    );
  }
  const chunkSize = options.chunkSize ?? 1 << 20;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`${label}: chunkSize must be a positive integer, got ${chunkSize}`);
  }
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  if (!(maxRecordBytes >= 1)) {
    throw new RangeError(`${label}: maxRecordBytes must be at least 1, got ${maxRecordBytes}`);
  }
  return {
    label,
    delimiter: code,
    missing: new Set(options.missing ?? DEFAULT_MISSING),
    declared: { ...options.columns },
    required: options.required ?? [],
    batchRows,
    nonFinite: options.nonFinite ?? false,
    maxRecordBytes,
  };
}
