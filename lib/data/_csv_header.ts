/**
 * Private: reading and checking the CSV header row.
 *
 * @module
 */

import {
  type FieldScan,
  fieldText,
  INCOMPLETE,
  scanField,
  TEXT_AFTER_QUOTE,
} from "./_csv_fields.ts";

/** The header's names, where the first data record starts, and line breaks inside quoted names. */
export interface HeaderRead {
  names: string[];
  next: number;
  newlines: number;
}

const LF = 10;
const CR = 13;

/**
 * Reads the header record at `start`; returns `null` when it is not complete yet (more bytes are
 * needed). O(header length).
 *
 * @throws {SyntaxError} Empty input; a quoting error in a header name.
 */
export function readHeader(
  buf: Uint8Array,
  start: number,
  end: number,
  final: boolean,
  config: { label: string; delimiter: number },
  scan: FieldScan,
  decoder: TextDecoder,
): HeaderRead | null {
  const { label, delimiter } = config;
  if (start === end && final) {
    throw new SyntaxError(`${label}: the input is empty, expected a header row`);
  }
  const names: string[] = [];
  let pos = start;
  let newlines = 0;
  for (;;) {
    const next = scanField(buf, pos, end, final, delimiter, scan);
    if (next === INCOMPLETE) return null;
    if (next < 0) {
      throw new SyntaxError(
        `${label}: header column ${names.length + 1} has ${
          next === TEXT_AFTER_QUOTE ? "text after a closing quote" : "an unterminated quote"
        }`,
      );
    }
    newlines += scan.newlines;
    names.push(fieldText(buf, scan, decoder));
    pos = next;
    const t = pos < end ? buf[pos]! : -1;
    if (t === delimiter) {
      pos++;
      continue;
    }
    if (t === CR) {
      if (pos + 1 === end && !final) return null;
      pos += buf[pos + 1] === LF ? 2 : 1;
    } else if (t === LF) pos++;
    else if (!final) return null;
    return { names, next: pos, newlines };
  }
}

/**
 * Checks header names: none empty, none repeated, every required name present. O(columns).
 *
 * @throws {SyntaxError} An empty or duplicate name.
 * @throws {TypeError} A required column is missing.
 */
export function checkHeader(
  names: string[],
  config: { label: string; required: string[] },
): void {
  const { label, required } = config;
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === "") throw new SyntaxError(`${label}: header column ${i + 1} is empty`);
    const first = seen.get(name);
    if (first !== undefined) {
      throw new SyntaxError(
        `${label}: header has duplicate column ${JSON.stringify(name)} (columns ${first + 1} and ${
          i + 1
        })`,
      );
    }
    seen.set(name, i);
  });
  const absent = required.filter((name) => !seen.has(name));
  if (absent.length > 0) {
    throw new TypeError(
      `${label}: required column${absent.length > 1 ? "s" : ""} ${
        absent.map((a) => JSON.stringify(a)).join(", ")
      } missing from the header (columns: ${names.join(", ")})`,
    );
  }
}
