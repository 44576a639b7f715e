/**
 * The reference profile: everything the drift and quality checks need to know about the reference
 * data, computed once and saved as JSON, so that a monitor compares each window against frozen
 * numbers rather than re-reading the training set.
 *
 * @module
 */
import type { Column, Table } from "../data/table.ts";
import { type ColumnKind, inferSchema } from "../data/schema.ts";
import { sortedFinite } from "../stats/sort.ts";
import { binCountsSorted, quantileEdges } from "../stats/histogram.ts";
import { countCategories, numericSummary, uniformSketch } from "./_profile_stats.ts";
import type {
  CategoricalColumnProfile,
  ColumnProfile,
  NumericColumnProfile,
  ReferenceProfile,
} from "./reference_profile.ts";

export { profileFromJSON, profileToJSON } from "./_profile_json.ts";

// The profile's shape lives in its own file; this one computes it.
export type * from "./reference_profile.ts";

/** Options of {@linkcode buildProfile}. */
export interface BuildProfileOptions {
  /** Columns to profile. @default every column of the table */
  columns?: readonly string[];
  /** Kinds that override {@linkcode inferSchema}'s (e.g. `{ zip: "categorical" }`). @default inferred */
  kinds?: Readonly<Record<string, ColumnKind>>;
  /** Quantile bins per numeric column (inner edges = bins − 1 at most). @default 10 */
  bins?: number;
  /** Largest sorted sample stored exactly; above it a uniform sketch of this size. @default 1_000_000 */
  sampleLimit?: number;
  /** Creation time recorded in the profile. @default new Date() */
  createdAt?: Date;
}

/**
 * Profiles the reference table: per numeric column the summary (count, mean, population std, min,
 * max, type-7 quantiles — equal to numpy's `mean`, `std`, `quantile`), the inner quantile bin edges
 * (deciles by default, as `numpy.quantile(x, [0.1, …, 0.9])` with ties collapsed), the reference
 * counts in those bins and the sorted sample; per categorical or boolean column the count of each
 * category. Missing values are counted, not profiled: `NaN`/`±Infinity` in numeric columns, `null`
 * and `""` in string columns.
 *
 * Cost: one sort per numeric column, O(n log n); O(n) per categorical column.
 *
 * @param table The reference data.
 * @param options Columns, kinds, bins, sample limit and creation time.
 * @returns The profile.
 * @throws {TypeError} When a requested column is absent, or a text column is declared numeric
 * (the message names the column and the first row, 1-based).
 * @throws {RangeError} When `bins` is not an integer ≥ 1 or `sampleLimit` not an integer ≥ 2.
 * @example
 * ```ts
 * import { buildProfile } from "./mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const t = tableFromColumns({ x: [1, 2, 3, 4, NaN], c: ["a", "b", "a", null, "a"] });
 * const p = buildProfile(t, { bins: 4, createdAt: new Date(0) });
 * const x = p.columns.x!, c = p.columns.c!;
 * if (x.kind !== "numeric" || x.summary.quantiles.p50 !== 2.5 || x.edges.join() !== "1.75,2.5,3.25") {
 *   throw new Error();
 * }
 * if (c.kind !== "categorical" || c.categories.a !== 3 || c.nMissing !== 1) throw new Error();
 * ```
 */
export function buildProfile(table: Table, options: BuildProfileOptions = {}): ReferenceProfile {
  const bins = options.bins ?? 10;
  const sampleLimit = options.sampleLimit ?? 1_000_000;
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`Cannot build a profile: bins must be an integer >= 1, got ${bins}`);
  }
  if (!Number.isInteger(sampleLimit) || sampleLimit < 2) {
    throw new RangeError(
      `Cannot build a profile: sampleLimit must be an integer >= 2, got ${sampleLimit}`,
    );
  }
  const names = options.columns ?? table.names;
  const columns: Record<string, ColumnProfile> = {};
  for (const name of names) {
    const column = Object.hasOwn(table.columns, name) ? table.columns[name] : undefined;
    if (column === undefined) {
      throw new TypeError(`Cannot build a profile: table has no column ${JSON.stringify(name)}`);
    }
    const kind = options.kinds?.[name] ??
      inferSchema({ names: [name], columns: { [name]: column }, nRows: column.length })
        .columns[0]!.kind;
    columns[name] = kind === "numeric"
      ? profileNumeric(name, column, bins, sampleLimit)
      : profileCategorical(kind, column);
  }
  return {
    version: 1,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    nRows: table.nRows,
    bins,
    sampleLimit,
    columns,
  };
}

function profileNumeric(
  name: string,
  column: Column,
  bins: number,
  sampleLimit: number,
): NumericColumnProfile {
  if (!(column instanceof Float64Array)) {
    const row = column.findIndex((v) => v !== null && v !== "");
    throw new TypeError(
      `Cannot profile column "${name}" as numeric: it holds text (row ${row + 1} is ${
        JSON.stringify(column[row] ?? null)
      })`,
    );
  }
  const { sorted, nMissing } = sortedFinite(column, `column "${name}"`);
  const summary = numericSummary(sorted);
  const edges = sorted.length === 0
    ? new Float64Array([-Infinity, Infinity])
    // Same edges as psi()/jensenShannon() on raw columns: with ties at the maximum, an extra edge
    // just above it keeps an upward shift visible instead of folding it into the top bin.
    : quantileEdges(sorted, bins, { separateAboveMax: true });
  const counts = binCountsSorted(sorted, edges);
  return {
    kind: "numeric",
    type: "number",
    nMissing,
    summary,
    edges: Array.from(edges.subarray(1, edges.length - 1)),
    binCounts: Array.from(counts),
    sorted: sorted.length > sampleLimit ? uniformSketch(sorted, sampleLimit) : sorted,
  };
}

function profileCategorical(
  kind: "categorical" | "boolean",
  column: Column,
): CategoricalColumnProfile {
  const { categories, count, nMissing } = countCategories(column);
  const type = column instanceof Float64Array ? "number" : "string";
  return { kind, type, nMissing, count, categories };
}
