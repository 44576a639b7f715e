/**
 * Unseen categories: values of a categorical column that the reference never had.
 *
 * @module
 */
import type { Column, Table } from "../data/table.ts";
import type { ReferenceProfile } from "../profile/profile.ts";
import { DEFAULT_QUALITY_THRESHOLDS, type QualityResult } from "./quality_result.ts";
import {
  checkRange,
  checkTable,
  errorResult,
  okResult,
  pickColumns,
  type ResultFields,
} from "./_result.ts";

/** Options of {@linkcode unseenCategories}. */
export interface UnseenCategoriesOptions {
  /** Columns to check (categorical or boolean in the profile). @default all such columns */
  columns?: readonly string[];
  /** Largest acceptable share of unseen values. @default 0 (any unseen value is detected) */
  maxShare?: number;
  /** How many unseen values to list in `details.unseen`, most frequent first. @default 10 */
  maxListed?: number;
}

/**
 * Share of the non-missing values of each categorical or boolean column that are not among the
 * reference's categories, listing the most frequent unseen values (`details.unseen`, up to
 * `maxListed`, ties in first-seen order). Values compare by their text: the number 3 is the
 * category `"3"`, whichever way either side stores it (the schema check reports the storage
 * change). Missing values (`null`, `""`, `NaN`) are left to completeness. `detected` is
 * `share > maxShare` (default 0, as Deepchecks' new-category condition). An absent column, or one
 * without values, gives an error result. O(rows) per column.
 *
 * @param table The current data.
 * @param profile The reference profile.
 * @param options Columns, threshold and listing size.
 * @returns One `"unseen_category_share"` result per categorical or boolean profile column.
 * @throws {TypeError} When `table` is not a table or a requested column is not categorical in
 * the profile.
 * @throws {RangeError} When `maxShare` is not in [0, 1] or `maxListed` is negative.
 * @example
 * ```ts
 * import { unseenCategories } from "./mod.ts";
 * import { buildProfile } from "../profile/mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const profile = buildProfile(tableFromColumns({ c: ["a", "b"] }));
 * const [r] = unseenCategories(tableFromColumns({ c: ["a", "z", "z", null] }), profile);
 * if (r!.statistic !== 2 / 3 || (r!.details!.unseen as { value: string }[])[0]!.value !== "z") {
 *   throw new Error();
 * }
 * ```
 */
export function unseenCategories(
  table: Table,
  profile: ReferenceProfile,
  options: UnseenCategoriesOptions = {},
): QualityResult[] {
  checkTable(table, "Cannot check unseen categories");
  const maxShare = checkRange(
    "Unseen-category maxShare",
    options.maxShare ?? DEFAULT_QUALITY_THRESHOLDS.unseen_category_share,
    0,
    1,
  );
  const maxListed = checkRange("Unseen-category maxListed", options.maxListed ?? 10, 0, Infinity);
  const available = Object.entries(profile.columns)
    .filter(([, c]) => c.kind !== "numeric").map(([name]) => name);
  const names = pickColumns(
    available,
    options.columns,
    "Cannot check unseen categories",
    (name) => available.includes(name),
  );
  return names.map((column) => {
    const ref = profile.columns[column]!;
    const categories = ref.kind === "numeric" ? {} : ref.categories;
    const fields: ResultFields = {
      method: "unseen_category_share",
      threshold: maxShare,
      nReference: ref.kind === "numeric" ? 0 : ref.count,
      nCurrent: 0,
      column,
      details: { nCategories: Object.keys(categories).length },
    };
    const values = Object.hasOwn(table.columns, column) ? table.columns[column] : undefined;
    if (values === undefined) return errorResult(fields, `Column "${column}" is missing`);
    const { n, nUnseen, unseen } = countUnseen(values, categories);
    fields.nCurrent = n;
    if (n === 0) return errorResult(fields, `Column "${column}" has no values`);
    const listed = [...unseen].sort((a, b) => b[1] - a[1]).slice(0, maxListed)
      .map(([value, count]) => ({ value: String(value), count }));
    fields.details = { ...fields.details, nUnseen, nDistinctUnseen: unseen.size, unseen: listed };
    return okResult(fields, nUnseen / n);
  });
}

function countUnseen(
  values: Column,
  categories: Record<string, number>,
): { n: number; nUnseen: number; unseen: Map<string | number, number> } {
  const unseen = new Map<string | number, number>();
  let n = 0;
  let nUnseen = 0;
  if (values instanceof Float64Array) {
    // Compare numbers with numbers: String() per row would dominate the cost.
    const known = new Set<number>();
    for (const k of Object.keys(categories)) if (String(Number(k)) === k) known.add(Number(k));
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v - v === 0)) continue;
      n++;
      if (!known.has(v)) {
        nUnseen++;
        unseen.set(v, (unseen.get(v) ?? 0) + 1);
      }
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || v === "") continue;
      n++;
      if (!Object.hasOwn(categories, v)) {
        nUnseen++;
        unseen.set(v, (unseen.get(v) ?? 0) + 1);
      }
    }
  }
  return { n, nUnseen, unseen };
}
