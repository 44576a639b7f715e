/**
 * Private: byte-level scanning of one CSV field (RFC 4180 quoting) and decoding of its text.
 *
 * @module
 */

/** Where the last scanned field's content lies; reused to avoid allocating per field. */
export interface FieldScan {
  /** First content byte (after the opening quote, for quoted fields). */
  start: number;
  /** One past the last content byte (the closing quote, for quoted fields). */
  end: number;
  /** Whether the field contained `""` escapes that must be unescaped. */
  escapes: boolean;
  /** Line breaks inside a quoted field (for line numbers in error messages). */
  newlines: number;
}

/** The field runs past the end of the bytes available so far: wait for more. */
export const INCOMPLETE = -1;
/** End of input inside a quoted field. */
export const UNTERMINATED_QUOTE = -2;
/** A closing quote followed by something other than a delimiter or line break. */
export const TEXT_AFTER_QUOTE = -3;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Scans the field starting at `pos` and returns the position of its terminator (delimiter, line
 * break or end of input), or one of the negative codes above. Quotes inside an unquoted field are
 * kept literally (as pandas does); a field is quoted only when its first byte is a quote.
 * O(field length).
 */
export function scanField(
  buf: Uint8Array,
  pos: number,
  end: number,
  final: boolean,
  delimiter: number,
  out: FieldScan,
): number {
  out.escapes = false;
  out.newlines = 0;
  if (pos < end && buf[pos] === QUOTE) return scanQuoted(buf, pos, end, final, delimiter, out);
  let p = pos;
  while (p < end) {
    const c = buf[p]!;
    if (c === delimiter || c === LF || c === CR) break;
    p++;
  }
  if (p === end && !final) return INCOMPLETE;
  out.start = pos;
  out.end = p;
  return p;
}

function scanQuoted(
  buf: Uint8Array,
  pos: number,
  end: number,
  final: boolean,
  delimiter: number,
  out: FieldScan,
): number {
  let p = pos + 1;
  for (;;) {
    const q = buf.indexOf(QUOTE, p);
    if (q === -1 || q >= end) return final ? UNTERMINATED_QUOTE : INCOMPLETE;
    if (q + 1 < end && buf[q + 1] === QUOTE) {
      out.escapes = true;
      p = q + 2;
      continue;
    }
    if (q + 1 === end && !final) return INCOMPLETE;
    out.start = pos + 1;
    out.end = q;
    out.newlines = countQuotedNewlines(buf, pos + 1, q);
    const t = q + 1 < end ? buf[q + 1]! : -1;
    if (t !== -1 && t !== delimiter && t !== LF && t !== CR) return TEXT_AFTER_QUOTE;
    return q + 1;
  }
}

function countQuotedNewlines(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === LF || (c === CR && buf[i + 1] !== LF)) n++;
  }
  return n;
}

/**
 * Decodes a byte range as UTF-8. Short ASCII fields (the common case) are built with
 * `String.fromCharCode`, which is several times faster than `TextDecoder` for a few bytes.
 */
export function decodeText(
  buf: Uint8Array,
  start: number,
  end: number,
  decoder: TextDecoder,
): string {
  if (end - start > 24) return decoder.decode(buf.subarray(start, end));
  let s = "";
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 128) return decoder.decode(buf.subarray(start, end));
    s += String.fromCharCode(c);
  }
  return s;
}

/** Decodes the last scanned field, unescaping `""` to `"`. */
export function fieldText(buf: Uint8Array, scan: FieldScan, decoder: TextDecoder): string {
  const s = decodeText(buf, scan.start, scan.end, decoder);
  return scan.escapes ? s.replaceAll('""', '"') : s;
}

/** Most distinct short values remembered per column by {@linkcode internText}. */
const INTERN_LIMIT = 4096;

/**
 * Like {@linkcode fieldText}, but short ASCII values are looked up in `cache` (keyed by an FNV-1a
 * hash of the bytes, verified byte by byte) so that a categorical column holds one string per
 * distinct value instead of one per row: faster and far smaller for low-cardinality columns.
 */
export function internText(
  buf: Uint8Array,
  scan: FieldScan,
  decoder: TextDecoder,
  cache: Map<number, string>,
): string {
  const { start, end } = scan;
  const length = end - start;
  if (scan.escapes || length > 32) return fieldText(buf, scan, decoder);
  let h = 0x811c9dc5 ^ length;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 128) return fieldText(buf, scan, decoder);
    h = Math.imul(h ^ c, 16777619);
  }
  const hit = cache.get(h);
  if (hit !== undefined && hit.length === length) {
    let same = true;
    for (let k = 0; k < length; k++) {
      if (hit.charCodeAt(k) !== buf[start + k]) {
        same = false;
        break;
      }
    }
    if (same) return hit;
  }
  const text = decodeText(buf, start, end, decoder);
  if (cache.size < INTERN_LIMIT) cache.set(h, text);
  return text;
}

const NUMERIC_TEXT = /^[ \t]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t]*$/;
const NON_FINITE_TEXT = /^[ \t]*([+-]?)(?:(inf|infinity)|nan)[ \t]*$/i;

/**
 * Parses text by the CSV numeric policy: a plain decimal (optional sign, optional fraction and
 * exponent, surrounding spaces or tabs allowed) whose value is finite. Returns `undefined`
 * otherwise (so `"Infinity"`, `"0x1A"`, `"1e400"` and `""` are not numbers). With `nonFinite`, a
 * decimal that overflows is ±Infinity and `inf`, `infinity` and `nan` (any letter case, optional
 * sign) are ±Infinity and NaN, as Python's `float()` reads them.
 */
export function parseNumericText(text: string, nonFinite = false): number | undefined {
  if (NUMERIC_TEXT.test(text)) {
    const v = Number(text);
    return nonFinite || Number.isFinite(v) ? v : undefined;
  }
  if (!nonFinite) return undefined;
  const m = NON_FINITE_TEXT.exec(text);
  if (m === null) return undefined;
  return m[2] === undefined ? NaN : m[1] === "-" ? -Infinity : Infinity;
}
