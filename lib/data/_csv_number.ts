/**
 * Private: parses plain decimal numbers straight from UTF-8 bytes, without creating a string.
 *
 * Grammar (the CSV numeric policy): `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
 * The fast path is Clinger's exact case: when the significant digits form an integer
 * `m <= 2^53` and the decimal exponent `e` is within ±22, both `m` and `10^|e|` are exact doubles,
 * so the single IEEE multiplication or division `m * 10^e` / `m / 10^-e` is correctly rounded and
 * equals `Number(text)` bit for bit. Every other valid form (more than 16 significant digits, large
 * exponents) falls back to `Number()` on the field text, which V8 rounds correctly.
 *
 * @module
 */

/** Scratch output of {@linkcode scanDecimal}, reused to avoid allocating per field. */
export interface DecimalCursor {
  /** Position just after the number's last byte. */
  end: number;
  /** The parsed value (may be ±Infinity for huge exponents; callers check finiteness). */
  value: number;
}

const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;
const MAX_EXACT = 9007199254740992; // 2^53

/**
 * Scans a decimal number at `start` and stops at the first byte that cannot continue it.
 * Returns `false` when no valid number prefix is there (no digits); the caller decides whether the
 * byte at `cursor.end` is an acceptable terminator. O(length of the number).
 */
export function scanDecimal(
  buf: Uint8Array,
  start: number,
  end: number,
  cursor: DecimalCursor,
): boolean {
  let p = start;
  let c = p < end ? buf[p]! : 0;
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    c = ++p < end ? buf[p]! : 0;
  }
  let m = 0;
  let digits = 0; // significant digits accumulated into m
  let seen = false;
  let exp = 0;
  while (c >= 48 && c <= 57) {
    seen = true;
    m = m * 10 + (c - 48);
    if (m !== 0) digits++; // leading zeros are not significant
    c = ++p < end ? buf[p]! : 0;
  }
  if (c === 46) {
    c = ++p < end ? buf[p]! : 0;
    while (c >= 48 && c <= 57) {
      seen = true;
      m = m * 10 + (c - 48);
      if (m !== 0) digits++;
      exp--;
      c = ++p < end ? buf[p]! : 0;
    }
  }
  if (!seen) return false;
  if (c === 101 || c === 69) {
    let q = p + 1;
    let d = q < end ? buf[q]! : 0;
    let expNegative = false;
    if (d === 45 || d === 43) {
      expNegative = d === 45;
      d = ++q < end ? buf[q]! : 0;
    }
    if (d >= 48 && d <= 57) {
      let e = 0;
      while (d >= 48 && d <= 57) {
        if (e < 100000) e = e * 10 + (d - 48);
        d = ++q < end ? buf[q]! : 0;
      }
      exp += expNegative ? -e : e;
      p = q;
    } else {
      return false; // "1e" or "1e+": leave it to the caller's slow path
    }
  }
  cursor.end = p;
  if (m === 0) {
    cursor.value = negative ? -0 : 0;
  } else if (digits <= 16 && m <= MAX_EXACT && exp >= -22 && exp <= 22) {
    const v = exp < 0 ? m / POW10[-exp]! : m * POW10[exp]!;
    cursor.value = negative ? -v : v;
  } else {
    cursor.value = Number(bytesToAscii(buf, start, p));
  }
  return true;
}

/** Decodes an ASCII-only byte range to a string (numbers are always ASCII). */
export function bytesToAscii(buf: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

/**
 * Whether bytes [start, end) are a plain decimal that is surely finite: optional spaces or tabs,
 * sign, digits with an optional fraction, no exponent, at most 300 bytes. O(length), no string.
 */
export function isShortPlainDecimal(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start > 300) return false;
  let p = start;
  while (p < end && (buf[p] === 32 || buf[p] === 9)) p++;
  if (p < end && (buf[p] === 43 || buf[p] === 45)) p++;
  let digits = 0;
  while (p < end && buf[p]! >= 48 && buf[p]! <= 57) (p++, digits++);
  if (p < end && buf[p] === 46) {
    p++;
    while (p < end && buf[p]! >= 48 && buf[p]! <= 57) (p++, digits++);
  }
  while (p < end && (buf[p] === 32 || buf[p] === 9)) p++;
  return digits > 0 && p === end;
}
