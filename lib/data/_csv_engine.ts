/**
 * Private: the push-based CSV engine behind `parseCsv`, `readCsv` and `readCsvBatches`.
 *
 * Bytes are fed in chunks; only complete records are consumed (a record cut by a chunk boundary
 * is left for the next call, so multi-byte characters and `\r\n` pairs are never split). Values go
 * straight into per-column builders: numbers are parsed from bytes into a growing `Float64Array`
 * without creating per-field strings, and no per-row object is ever created.
 *
 * @module
 */

import type { Column, NonNumericSample, Table } from "./table.ts";
import { type DecimalCursor, isShortPlainDecimal, scanDecimal } from "./_csv_number.ts";
import {
  type FieldScan,
  fieldText,
  INCOMPLETE,
  internText,
  parseNumericText,
  scanField,
  TEXT_AFTER_QUOTE,
} from "./_csv_fields.ts";
import { checkHeader, readHeader } from "./_csv_header.ts";

/** Column mode: numeric until a value says otherwise (then `FAILED`). */
const INFERRED = 0;
/** Column mode: declared numeric, a non-numeric value is a TypeError. */
const DECLARED = 1;
/** Column mode: text. */
const TEXT = 2;
/** Column mode: was inferred numeric, then met text; values are skipped and the caller re-reads. */
const FAILED = 3;

/** How a column's values are stored. */
export type Mode = typeof INFERRED | typeof DECLARED | typeof TEXT | typeof FAILED;

/** One column being built. */
export interface ColumnBuilder {
  name: string;
  mode: Mode;
  numbers: Float64Array;
  strings: (string | null)[];
  /** Distinct short text values seen, by hash (see `internText`); made on first use. */
  cache: Map<number, string> | null;
  /** Whether the type is being inferred (not declared). */
  inferred: boolean;
  /** Whether an inferred column held a number (so its text values forced the string type). */
  sawNumber: boolean;
  /** The first few non-numeric values of an inferred column; made on first use. */
  samples: NonNumericSample[] | null;
}

/**
 * The numbers of a column before its first row: shared, since a zero-length array cannot change,
 * so that a 200,000-column file does not make 200,000 of them.
 */
const NO_NUMBERS = new Float64Array(0);

/** Non-numeric values remembered per inferred column, for the reader's result. */
const SAMPLES = 3;

/** Engine settings fixed for a whole read. */
export interface EngineConfig {
  /** Prefix of every error message, e.g. `Cannot parse "data/x.csv"`. */
  label: string;
  delimiter: number;
  missing: Set<string>;
  /** Declared kinds; columns absent from the header are ignored. */
  declared: Record<string, "number" | "string">;
  required: string[];
  /** Maximum rows per batch (`Infinity` for one table). */
  batchRows: number;
  /** Read overflowing decimals, `inf` and `nan` as numbers (see `parseNumericText`). */
  nonFinite: boolean;
  /** Longest record (bytes) the stream waits for before giving up. */
  maxRecordBytes: number;
}

/** Mutable state of one read. */
export interface EngineState {
  config: EngineConfig;
  columns: ColumnBuilder[] | null;
  rows: number;
  /** Allocated length of the numeric builders. */
  capacity: number;
  /** Data rows already handed out in earlier batches. */
  rowOffset: number;
  /** 1-based physical line number where the next record starts. */
  line: number;
  /** After the first batch, inferred columns are frozen: text in a numeric column throws. */
  frozen: boolean;
  missingEmpty: boolean;
  scan: FieldScan;
  cursor: DecimalCursor;
  decoder: TextDecoder;
}

/** Creates the state for a new read. */
export function createEngine(config: EngineConfig): EngineState {
  return {
    config,
    columns: null,
    rows: 0,
    capacity: 0,
    rowOffset: 0,
    line: 1,
    frozen: false,
    missingEmpty: config.missing.has(""),
    scan: { start: 0, end: 0, escapes: false, newlines: 0 },
    cursor: { end: 0, value: 0 },
    decoder: new TextDecoder(),
  };
}

const LF = 10;
const CR = 13;

/**
 * Consumes the complete records in `buf[start, end)` and returns the position after the last one
 * consumed. Stops early when the batch is full. With `final`, the input ends at `end`.
 */
export function feed(
  st: EngineState,
  buf: Uint8Array,
  start: number,
  end: number,
  final: boolean,
): number {
  let pos = start;
  if (st.columns === null) {
    if (st.line === 1 && end - pos >= 3 && buf[pos] === 0xef && buf[pos + 1] === 0xbb) {
      if (buf[pos + 2] === 0xbf) pos += 3;
    }
    const header = readHeader(buf, pos, end, final, st.config, st.scan, st.decoder);
    if (header === null) return start;
    checkHeader(header.names, st.config);
    st.columns = header.names.map((name) => {
      const kind = Object.hasOwn(st.config.declared, name) ? st.config.declared[name] : undefined;
      const mode = kind === "string" ? TEXT : kind === "number" ? DECLARED : INFERRED;
      return {
        name,
        mode,
        numbers: NO_NUMBERS,
        strings: [],
        cache: null,
        inferred: mode === INFERRED,
        sawNumber: false,
        samples: null,
      };
    });
    st.line += 1 + header.newlines;
    pos = header.next;
  }
  const columns = st.columns!;
  const n = columns.length;
  const delimiter = st.config.delimiter;
  const scan = st.scan;
  const cursor = st.cursor;
  const batchRows = st.config.batchRows;
  while (pos < end) {
    if (st.rows >= batchRows) return pos;
    let c = buf[pos]!;
    if ((c === LF || c === CR) && n > 1) {
      if (c === CR && pos + 1 === end && !final) return pos;
      pos += c === CR && buf[pos + 1] === LF ? 2 : 1;
      st.line++;
      continue;
    }
    const recordStart = pos;
    const row = st.rows;
    if (row === st.capacity) grow(st);
    let newlines = 0;
    for (let j = 0; j < n; j++) {
      const col = columns[j]!;
      c = pos < end ? buf[pos]! : -1;
      let done = false;
      if (col.mode <= DECLARED && c !== 34) {
        if (scanDecimal(buf, pos, end, cursor)) {
          const e = cursor.end;
          const t = e < end ? buf[e]! : -1;
          if (
            (t === delimiter || t === LF || t === CR || (t === -1 && final)) &&
            cursor.value - cursor.value === 0
          ) {
            col.numbers[row] = cursor.value;
            pos = e;
            done = true;
          }
        } else if (
          st.missingEmpty && (c === delimiter || c === LF || c === CR || (c === -1 && final))
        ) {
          col.numbers[row] = NaN;
          done = true;
        }
      }
      if (!done) {
        const next = scanField(buf, pos, end, final, delimiter, scan);
        if (next < 0) {
          if (next === INCOMPLETE) return rollback(columns, row, recordStart);
          const where = `row ${st.rowOffset + row + 1} (line ${st.line})`;
          throw new SyntaxError(
            next === TEXT_AFTER_QUOTE
              ? `${st.config.label}: ${where}, column "${col.name}" has text after a closing quote`
              : `${st.config.label}: ${where}, column "${col.name}" has an unterminated quote`,
          );
        }
        newlines += scan.newlines;
        store(st, col, row, buf);
        pos = next;
      }
      const t = pos < end ? buf[pos]! : -1;
      if (t === -1 && !final) return rollback(columns, row, recordStart);
      if (j < n - 1) {
        if (t === delimiter) pos++;
        else throw fieldCountError(st, j + 1);
      } else if (t === delimiter) {
        throw fieldCountError(st, n + countRest(st, buf, pos, end));
      } else if (t === CR) {
        if (pos + 1 === end && !final) return rollback(columns, row, recordStart);
        pos += buf[pos + 1] === LF ? 2 : 1;
      } else if (t === LF) pos++;
    }
    st.rows = row + 1;
    st.line += 1 + newlines;
  }
  return pos;
}

function rollback(columns: ColumnBuilder[], row: number, recordStart: number): number {
  for (const col of columns) if (col.strings.length > row) col.strings.length = row;
  return recordStart;
}

function store(st: EngineState, col: ColumnBuilder, row: number, buf: Uint8Array): void {
  if (col.mode === FAILED) {
    // the column is read again as text: only look for more samples of what forced it
    const { start, end } = st.scan;
    if (col.samples!.length >= SAMPLES || isShortPlainDecimal(buf, start, end)) return;
  }
  const text = col.mode === TEXT
    ? internText(buf, st.scan, st.decoder, col.cache ??= new Map())
    : fieldText(buf, st.scan, st.decoder);
  const missing = st.config.missing.has(text);
  if (col.mode === TEXT) {
    col.strings[row] = missing ? null : text;
    if (col.inferred && !missing) noteText(st, col, row, text);
    return;
  }
  const value = missing ? NaN : parseNumericText(text, st.config.nonFinite);
  if (col.mode === FAILED) {
    if (value === undefined) addSample(st, col, row, text);
    return;
  }
  if (value !== undefined) {
    col.numbers[row] = value;
    return;
  }
  const where = `row ${st.rowOffset + row + 1} (line ${st.line})`;
  if (col.mode === DECLARED) {
    throw new TypeError(
      `${st.config.label}: column "${col.name}" is declared numeric but ${where} has ${
        JSON.stringify(text)
      }`,
    );
  }
  if (st.frozen) {
    throw new TypeError(
      `${st.config.label}: column "${col.name}" was inferred numeric from the first batch but ${where} has ${
        JSON.stringify(text)
      }; declare it with { columns: { ${JSON.stringify(col.name)}: "string" } }`,
    );
  }
  addSample(st, col, row, text);
  col.sawNumber = col.numbers.subarray(0, row).some((v) => v === v);
  if (!col.sawNumber) {
    // no number stored yet (only missing values): switching to text now loses nothing
    col.mode = TEXT;
    col.strings = new Array<string | null>(row).fill(null);
    col.strings[row] = text;
    col.numbers = NO_NUMBERS;
  } else col.mode = FAILED;
}

/** In an inferred text column: a number shows the column is mixed; text is kept as a sample. */
function noteText(st: EngineState, col: ColumnBuilder, row: number, text: string): void {
  if (col.sawNumber && (col.samples?.length ?? 0) >= SAMPLES) return;
  // most text cannot start a number: skip the parse for it (a categorical column meets this
  // on every row)
  const c = text.charCodeAt(0), lower = c | 32;
  const maybe = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 32 ||
    c === 9 || (st.config.nonFinite && (lower === 105 || lower === 110)); // i, n
  if (maybe && parseNumericText(text, st.config.nonFinite) !== undefined) col.sawNumber = true;
  else addSample(st, col, row, text);
}

function addSample(st: EngineState, col: ColumnBuilder, row: number, text: string): void {
  col.samples ??= [];
  const number = st.rowOffset + row + 1;
  // a record cut by a chunk boundary is parsed again: note its row once
  if (col.samples.length < SAMPLES && col.samples.at(-1)?.row !== number) {
    col.samples.push({ row: number, line: st.line, text });
  }
}

/**
 * The first non-numeric values of each inferred column that held numbers but ends up text, by
 * column name (empty when every inferred column is purely numeric or purely text).
 */
export function nonNumericSamples(st: EngineState): Record<string, NonNumericSample[]> {
  const out: Record<string, NonNumericSample[]> = {};
  for (const col of st.columns ?? []) {
    if (col.sawNumber && col.samples !== null) out[col.name] = col.samples;
  }
  return out;
}

function fieldCountError(st: EngineState, fields: number): SyntaxError {
  const n = st.columns!.length;
  const row = st.rowOffset + st.rows + 1;
  return new SyntaxError(
    `${st.config.label}: row ${row} has ${fields} field${
      fields === 1 ? "" : "s"
    }, header has ${n} (line ${st.line})`,
  );
}

/** Counts the extra fields of an over-long record, for the error message. */
function countRest(st: EngineState, buf: Uint8Array, pos: number, end: number): number {
  let extra = 0;
  while (pos < end && buf[pos] === st.config.delimiter) {
    const next = scanField(buf, pos + 1, end, true, st.config.delimiter, st.scan);
    extra++;
    if (next < 0) break;
    pos = next;
  }
  return extra;
}

function grow(st: EngineState): void {
  const columns = st.columns!;
  // small first, then doubling: a 200,000-column file with a few rows must not reserve 1,024 rows
  // per column up front (1.6 GB), and a long file pays O(log rows) copies per column
  const capacity = Math.min(Math.max(8, st.rows * 2), st.config.batchRows);
  for (const col of columns) {
    if (col.mode === INFERRED || col.mode === DECLARED) {
      const next = new Float64Array(capacity);
      next.set(col.numbers.subarray(0, st.rows));
      col.numbers = next;
    }
  }
  st.capacity = capacity;
}

/** Names of inferred columns that met text (the caller re-reads them as strings). */
export function failedColumns(st: EngineState): string[] {
  return (st.columns ?? []).filter((c) => c.mode === FAILED).map((c) => c.name);
}

/**
 * Hands out the rows built so far as a Table and starts a new batch. `samples` (by default this
 * read's own) become the table's `nonNumeric` when not empty.
 */
export function takeTable(
  st: EngineState,
  samples: Record<string, NonNumericSample[]> = nonNumericSamples(st),
): Table {
  const columns: Record<string, Column> = {};
  const names: string[] = [];
  const nRows = st.rows;
  for (const col of st.columns ?? []) {
    names.push(col.name);
    if (col.mode === TEXT) {
      columns[col.name] = col.strings;
      col.strings = [];
    } else {
      columns[col.name] = col.numbers.length === nRows && nRows > 0
        ? col.numbers
        : col.numbers.slice(0, nRows);
      col.numbers = NO_NUMBERS;
    }
  }
  st.rowOffset += nRows;
  st.rows = 0;
  st.capacity = 0;
  st.frozen = true;
  const table: Table = { names, columns, nRows };
  if (Object.keys(samples).length > 0) table.nonNumeric = samples;
  return table;
}

/** The types a first pass settled on: text for string or failed columns, number for the rest. */
export function resolvedTypes(st: EngineState): Record<string, "number" | "string"> {
  const types: Record<string, "number" | "string"> = {};
  for (const col of st.columns ?? []) {
    types[col.name] = col.mode === TEXT || col.mode === FAILED ? "string" : "number";
  }
  return types;
}
