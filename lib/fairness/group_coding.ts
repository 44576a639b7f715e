/**
 * Sensitive attributes → one integer group code per row (intersections of several attributes).
 *
 * @module
 */

/**
 * Sensitive attributes by name, one value per row: strings (a categorical column, `null` =
 * missing) or numbers (codes such as 0/1; `NaN` = missing). Several attributes mean their
 * intersections: a row's group is the combination of its values.
 */
export type SensitiveFeatures = Record<string, ArrayLike<string | null> | ArrayLike<number>>;

/** The label of a missing sensitive value (`null`, `undefined` or `NaN`). */
export const MISSING_GROUP = "(missing)";

/** Separator between attribute values in the name of an intersection, e.g. `"Black & Male"`. */
export const GROUP_SEPARATOR = " & ";

/** Rows coded by group: `codes[i]` indexes `names` and `values`. */
export interface GroupCoding {
  /** The attribute names, in the order given. */
  attributes: string[];
  /** Group names, sorted (by attribute, then value; numbers numerically, strings by code unit). */
  names: string[];
  /** For each group, its value of each attribute. */
  values: Record<string, string>[];
  /** Group code of each row, an index into `names`. */
  codes: Int32Array;
  /** Each attribute's own values that occur, sorted as its single-attribute groups. */
  levels: Record<string, string[]>;
}

/**
 * Codes the rows by the combination of their sensitive values. Group names are the values
 * (numbers written with `String`), joined by {@linkcode GROUP_SEPARATOR} for several attributes;
 * groups are sorted by their values, attribute by attribute, as pandas' `groupby` sorts them.
 * Only combinations that occur are groups. Cost O(n · a) for a attributes (one hash look-up per
 * row and attribute; integer typed arrays with values in `0..2^16` use an array instead).
 *
 * @param sensitive The attributes, at least one.
 * @param n The expected number of rows.
 * @returns The coding.
 * @throws {TypeError} When there is no attribute or an attribute does not have `n` values.
 * @example
 * ```ts
 * import { groupCoding } from "./group_coding.ts";
 * const g = groupCoding({ sex: ["F", "M", "F"], race: ["b", "w", "w"] }, 3);
 * if (g.names.join("|") !== "F & b|F & w|M & w" || g.codes.join() !== "0,2,1") throw new Error();
 * ```
 */
export function groupCoding(sensitive: SensitiveFeatures, n: number): GroupCoding {
  const attributes = Object.keys(sensitive);
  if (attributes.length === 0) {
    throw new TypeError("Cannot group rows: no sensitive attribute was given");
  }
  const perAttribute = attributes.map((name) => {
    const column = sensitive[name]!;
    if (column === null || typeof column !== "object" || typeof column.length !== "number") {
      throw new TypeError(`Cannot group rows: sensitive attribute "${name}" is not array-like`);
    }
    if (column.length !== n) {
      throw new TypeError(
        `Cannot group rows: sensitive attribute "${name}" has ${column.length} values for ${n} rows`,
      );
    }
    return _codeColumn(column);
  });
  let codes = perAttribute[0]!.codes;
  let labels = perAttribute[0]!.labels.map((label) => [label]);
  for (let a = 1; a < perAttribute.length; a++) {
    const next = perAttribute[a]!;
    const k = next.labels.length;
    const combined = new Int32Array(n);
    const seen = new Uint8Array(labels.length * k);
    for (let i = 0; i < n; i++) {
      const c = codes[i]! * k + next.codes[i]!;
      combined[i] = c;
      seen[c] = 1;
    }
    const remap = new Int32Array(seen.length).fill(-1);
    const kept: string[][] = [];
    for (let c = 0; c < seen.length; c++) {
      if (seen[c]) {
        remap[c] = kept.length;
        kept.push([...labels[Math.floor(c / k)]!, next.labels[c % k]!]);
      }
    }
    // Every combination occurs: codes are already dense and in order.
    if (kept.length < seen.length) {
      for (let i = 0; i < n; i++) combined[i] = remap[combined[i]!]!;
    }
    codes = combined;
    labels = kept;
  }
  return {
    attributes,
    names: labels.map((parts) => parts.join(GROUP_SEPARATOR)),
    values: labels.map((parts) => Object.fromEntries(attributes.map((a, j) => [a, parts[j]!]))),
    codes,
    levels: Object.fromEntries(attributes.map((a, j) => [a, perAttribute[j]!.labels])),
  };
}

/** One attribute → sorted labels and a code per row. */
function _codeColumn(
  column: ArrayLike<string | null> | ArrayLike<number>,
): { labels: string[]; codes: Int32Array } {
  const n = column.length;
  const raw = new Int32Array(n);
  const keys: (string | number | null)[] = [];
  const present = _smallIntegerCodes(column);
  if (present) {
    // No hashing: which codes occur (one pass, done), then each row's rank among them.
    const rank = new Int32Array(present.length).fill(-1);
    const labels: string[] = [];
    for (let v = 0; v < present.length; v++) if (present[v]) rank[v] = labels.push(String(v)) - 1;
    const values = column as ArrayLike<number>;
    for (let i = 0; i < n; i++) raw[i] = rank[values[i]!]!;
    return { labels, codes: raw };
  } else {
    const index = new Map<string | number | null, number>();
    for (let i = 0; i < n; i++) {
      let v = column[i] as string | number | null | undefined;
      if (v === undefined || (typeof v === "number" && Number.isNaN(v))) v = null;
      let c = index.get(v);
      if (c === undefined) {
        c = keys.length;
        index.set(v, c);
        keys.push(v);
      }
      raw[i] = c;
    }
  }
  const order = keys.map((_, j) => j).sort((a, b) => _compareKeys(keys[a]!, keys[b]!));
  const rank = new Int32Array(keys.length);
  order.forEach((j, r) => rank[j] = r);
  for (let i = 0; i < n; i++) raw[i] = rank[raw[i]!]!;
  return {
    labels: order.map((j) => keys[j] === null ? MISSING_GROUP : String(keys[j])),
    codes: raw,
  };
}

/**
 * For integer typed arrays with values in 0..2^16, which values occur (one pass); else
 * undefined (other columns are hashed).
 */
function _smallIntegerCodes(column: ArrayLike<unknown>): Uint8Array | undefined {
  if (
    !(column instanceof Int32Array || column instanceof Uint8Array ||
      column instanceof Uint16Array || column instanceof Int8Array || column instanceof Int16Array)
  ) return undefined;
  const present = new Uint8Array(1 << 16);
  let max = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v < 0 || v >= 1 << 16) return undefined;
    present[v] = 1;
    if (v > max) max = v;
  }
  return present.subarray(0, max + 1);
}

/** Missing last; numbers numerically before strings; strings by code unit (as Python sorts). */
function _compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
