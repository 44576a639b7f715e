/**
 * Private: 2 × 32-bit hashes of table rows, computed column by column over typed arrays, so that
 * duplicate detection needs no per-row object.
 *
 * Equality policy (shared with {@linkcode rowsEqual}): `NaN` equals `NaN` (pandas' `duplicated`),
 * `-0` equals `0`, `null` equals `null` and differs from `""`.
 *
 * @module
 */
import type { Column } from "../data/table.ts";

/** Row hashes (two independent lanes). */
export interface RowHashes {
  h1: Int32Array;
  h2: Int32Array;
}

/** Hashes every row of `columns` (all of length `n`). O(n × columns). */
export function hashRows(columns: readonly Column[], n: number): RowHashes {
  const h1 = new Int32Array(n).fill(0x2545f491);
  const h2 = new Int32Array(n).fill(0x6c8e9cf5);
  for (const column of columns) {
    if (column instanceof Float64Array) hashNumbers(column, h1, h2);
    else hashStrings(column, h1, h2);
  }
  return { h1, h2 };
}

function mix(h: number, x: number, m: number): number {
  h = Math.imul(h ^ x, m);
  return h ^ (h >>> 15);
}

function hashNumbers(column: Float64Array, h1: Int32Array, h2: Int32Array): void {
  const words = new Int32Array(column.buffer, column.byteOffset, column.length * 2);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let lo = 0;
    let hi = 0;
    if (v !== v) {
      lo = 0x7ff80000;
      hi = 0x7ff80000;
    } else if (v !== 0) {
      lo = words[2 * i]!;
      hi = words[2 * i + 1]!;
    }
    h1[i] = mix(mix(h1[i]!, lo, 0x9e3779b1), hi, 0x85ebca6b);
    h2[i] = mix(mix(h2[i]!, hi, 0xc2b2ae35), lo, 0x27d4eb2f);
  }
}

function hashStrings(column: readonly (string | null)[], h1: Int32Array, h2: Int32Array): void {
  for (let i = 0; i < column.length; i++) {
    const s = column[i];
    let a = 0x811c9dc5;
    let b = 0x1b873593;
    if (s === null || s === undefined) {
      a = 0x3c6ef372;
      b = 0x5bd1e995;
    } else {
      for (let k = 0; k < s.length; k++) {
        const c = s.charCodeAt(k);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
      }
      a ^= s.length;
    }
    h1[i] = mix(h1[i]!, a, 0x9e3779b1);
    h2[i] = mix(h2[i]!, b, 0xc2b2ae35);
  }
}

/** Whether rows `i` and `j` are equal in every column (the module's equality policy). */
export function rowsEqual(columns: readonly Column[], i: number, j: number): boolean {
  for (const column of columns) {
    const a = column[i];
    const b = column[j];
    if (a !== b && !(typeof a === "number" && a !== a && b !== b)) return false;
  }
  return true;
}
