/**
 * Private: turns a reference (a profile column or raw values) and a current column into what the
 * drift methods take — a sorted numeric sample, frozen bin edges, or categories — and counts the
 * distinct values the automatic choice needs.
 *
 * @module
 */
import type { Column } from "../data/table.ts";
import { type ColumnKind, inferSchema } from "../data/schema.ts";
import { isSortedSample, type SortedSample } from "../stats/sort.ts";
import type { Category } from "./binning.ts";
import type { ColumnProfile } from "../profile/profile.ts";

import type { ReferenceColumn } from "./column_drift.ts";

/** A reference after normalising raw values. */
export type Reference = ColumnProfile | Column | SortedSample;

/** Whether a reference is a profile column rather than raw values. */
export function isColumnProfile(value: unknown): value is ColumnProfile {
  return typeof value === "object" && value !== null && !ArrayBuffer.isView(value) &&
    !Array.isArray(value) && typeof (value as { kind?: unknown }).kind === "string";
}

/** Normalises a reference: profiles and sorted samples as they are, raw values as a column. */
export function asReference(value: ReferenceColumn, column: string | undefined): Reference {
  if (isColumnProfile(value)) return value;
  if (isSortedSample(value)) return value;
  return asColumn(value, "reference", column);
}

function label(column: string | undefined): string {
  return column === undefined ? "" : ` "${column}"`;
}

/** Raw values as a table column: `Float64Array` for numbers, the array itself for text. */
export function asColumn(values: unknown, side: string, column: string | undefined): Column {
  if (values instanceof Float64Array) return values;
  if (
    typeof values !== "object" || values === null ||
    typeof (values as { length?: unknown }).length !== "number"
  ) {
    throw new TypeError(`Cannot compare column${label(column)}: ${side} is not an array`);
  }
  const items = values as ArrayLike<unknown>;
  let strings = 0, nums = 0;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (typeof v === "string") strings++;
    else if (typeof v === "number") nums++;
    else if (v !== null && v !== undefined) {
      throw new TypeError(
        `Cannot compare column${
          label(column)
        }: ${side} entry ${i} is a ${typeof v}, expected a number or string`,
      );
    }
  }
  if (strings > 0 && nums > 0) {
    throw new TypeError(`Cannot compare column${label(column)}: ${side} mixes numbers and strings`);
  }
  if (strings > 0) return Array.from(items, (v) => (typeof v === "string" ? v : null));
  return Float64Array.from(items, (v) => (typeof v === "number" ? v : NaN));
}

/** The kind of the reference: the profile's, else inferred from the values (schema rules). */
export function referenceKind(reference: Reference): ColumnKind {
  if (isColumnProfile(reference)) return reference.kind;
  if (isSortedSample(reference)) return "numeric";
  return inferSchema({ names: ["c"], columns: { c: reference }, nRows: reference.length })
    .columns[0]!.kind;
}

/** Number of non-missing reference values. */
export function referenceCount(reference: Reference): number {
  if (isColumnProfile(reference)) {
    return reference.kind === "numeric" ? reference.summary.count : reference.count;
  }
  if (isSortedSample(reference)) return reference.sorted.length;
  let n = 0;
  if (reference instanceof Float64Array) {
    for (const v of reference) if (v - v === 0) n++;
  } else {
    for (const v of reference) if (v !== null && v !== "") n++;
  }
  return n;
}

function key(v: unknown): string | undefined {
  if (typeof v === "number") return v - v === 0 ? String(v) : undefined;
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * Distinct non-missing values of reference and current together, counted up to `cap` (the
 * count stops there: only "more than the cut-off" matters). Values compare by `String()`.
 */
export function countUnique(
  reference: Reference,
  current: Column,
  cap: number,
): number {
  const seen = new Set<string>();
  const add = (values: ArrayLike<unknown>) => {
    for (let i = 0; i < values.length && seen.size < cap; i++) {
      const k = key(values[i]);
      if (k !== undefined) seen.add(k);
    }
  };
  if (isColumnProfile(reference)) {
    if (reference.kind === "numeric") add(reference.sorted);
    else for (const k of Object.keys(reference.categories)) if (seen.size < cap) seen.add(k);
  } else add(isSortedSample(reference) ? reference.sorted : reference);
  add(current);
  return seen.size;
}

/** The reference as a sorted numeric sample (a profile's, or the raw numbers). */
export function numericReference(
  reference: Reference,
  column: string | undefined,
  method: string,
): SortedSample | Float64Array {
  if (isColumnProfile(reference)) {
    if (reference.kind !== "numeric") {
      throw new TypeError(
        `Cannot run ${method} on column${
          label(column)
        }: its profile is ${reference.kind}, ${method} needs numbers`,
      );
    }
    return { sorted: reference.sorted, nMissing: reference.nMissing };
  }
  if (isSortedSample(reference)) return reference;
  if (!(reference instanceof Float64Array)) {
    throw new TypeError(
      `Cannot run ${method} on column${
        label(column)
      }: the reference holds text, ${method} needs numbers`,
    );
  }
  return reference;
}

/** The current column as numbers, or a TypeError naming the column. */
export function numericCurrent(
  current: Column,
  column: string | undefined,
  method: string,
): Float64Array {
  if (!(current instanceof Float64Array)) {
    throw new TypeError(
      `Cannot run ${method} on column${
        label(column)
      }: the current column holds text, ${method} needs numbers`,
    );
  }
  return current;
}

/**
 * The reference as categories: raw values as they are; a categorical profile expanded from its
 * counts (O(n) memory); a numeric profile's sorted sample (its values are the categories).
 */
export function categoricalReference(reference: Reference): ArrayLike<Category> {
  if (!isColumnProfile(reference)) return isSortedSample(reference) ? reference.sorted : reference;
  if (reference.kind === "numeric") return reference.sorted;
  const out: string[] = [];
  for (const [category, count] of Object.entries(reference.categories)) {
    for (let i = 0; i < count; i++) out.push(category);
  }
  return out;
}

/** Frozen bin edges of a numeric profile, outer edges open (−∞, +∞). */
export function profileEdges(reference: Reference): Float64Array | undefined {
  if (!isColumnProfile(reference) || reference.kind !== "numeric") return undefined;
  return Float64Array.from([-Infinity, ...reference.edges, Infinity]);
}
