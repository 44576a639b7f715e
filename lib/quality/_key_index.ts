/**
 * Private: an index of a key column (key → row, duplicates and missing keys counted) for
 * {@linkcode compareSources}.
 *
 * @module
 */
import type { Column } from "../data/table.ts";

/** Row of each unique key; -1 marks a duplicated key. */
export interface KeyIndex {
  rows: Map<string | number, number>;
  /** Rows whose key appears more than once. */
  nDuplicateRows: number;
  /** Rows with a missing key (`NaN`, `null`, `""`). */
  nMissing: number;
  /** Up to `maxListed` duplicated keys. */
  duplicates: (string | number)[];
}

/** Indexes a key column. O(n). */
export function indexKeys(column: Column, maxListed: number): KeyIndex {
  const rows = new Map<string | number, number>();
  const counts = new Map<string | number, number>();
  let nMissing = 0;
  for (let i = 0; i < column.length; i++) {
    const k = column[i];
    if (k === null || k === undefined || k === "" || (typeof k === "number" && k !== k)) {
      nMissing++;
      continue;
    }
    const seen = rows.get(k);
    if (seen === undefined) rows.set(k, i);
    else {
      rows.set(k, -1);
      counts.set(k, (counts.get(k) ?? 1) + 1);
    }
  }
  let nDuplicateRows = 0;
  for (const c of counts.values()) nDuplicateRows += c;
  return { rows, nDuplicateRows, nMissing, duplicates: [...counts.keys()].slice(0, maxListed) };
}

/** The one-to-one pairs of rows of a join, and the keys found on one side only. */
export interface KeyJoin {
  a: KeyIndex;
  b: KeyIndex;
  /** Rows of a and b with the same key, unique on both sides (parallel arrays). */
  pairA: number[];
  pairB: number[];
  nOnlyInA: number;
  nOnlyInB: number;
  /** Up to `maxListed` keys only in a, and only in b. */
  onlyInA: (string | number)[];
  onlyInB: (string | number)[];
}

/** Joins two key columns; duplicated keys are left unpaired. O(n). */
export function joinKeys(ka: Column, kb: Column, maxListed: number): KeyJoin {
  const a = indexKeys(ka, maxListed);
  const b = indexKeys(kb, maxListed);
  const join: KeyJoin = {
    a,
    b,
    pairA: [],
    pairB: [],
    nOnlyInA: 0,
    nOnlyInB: 0,
    onlyInA: [],
    onlyInB: [],
  };
  for (const [k, row] of a.rows) {
    const other = b.rows.get(k);
    if (other === undefined) {
      if (join.nOnlyInA++ < maxListed) join.onlyInA.push(k);
    } else if (row >= 0 && other >= 0) {
      join.pairA.push(row);
      join.pairB.push(other);
    }
  }
  for (const k of b.rows.keys()) {
    if (!a.rows.has(k) && join.nOnlyInB++ < maxListed) join.onlyInB.push(k);
  }
  return join;
}

/** Whether two values of a compared column agree (see `compareSources` for the policy). */
export function valuesAgree(x: unknown, y: unknown, tolerance: number): boolean {
  if (typeof x === "number" && typeof y === "number") {
    if (x === y) return true;
    if (x !== x || y !== y) return x !== x && y !== y;
    return Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y));
  }
  const mx = x === null || x === undefined || x === "";
  const my = y === null || y === undefined || y === "";
  return mx || my ? mx && my : x === y;
}
