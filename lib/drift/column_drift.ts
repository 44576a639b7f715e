/**
 * Drift of one column: a named method, or the automatic choice, against a reference profile
 * column or raw reference values, with small-window warnings.
 *
 * @module
 */
import type { ColumnKind } from "../data/schema.ts";
import type { Column } from "../data/table.ts";
import type { ColumnProfile } from "../profile/profile.ts";
import type { SortedSample } from "../stats/sort.ts";
import {
  asColumn,
  asReference,
  categoricalReference,
  countUnique,
  isColumnProfile,
  numericCurrent,
  numericReference,
  profileEdges,
  type Reference,
  referenceCount,
  referenceKind,
} from "./_column_input.ts";
import type { DriftResult } from "./_result.ts";
import { windowWarnings } from "./_window_warnings.ts";
import { andersonDarling } from "./anderson_darling.ts";
import { chiSquare } from "./chi_square.ts";
import { cramerVonMises } from "./cramer_von_mises.ts";
import {
  DRIFT_METHOD_INFO,
  DRIFT_METHODS,
  type DriftMethod,
  isDriftMethod,
} from "./drift_methods.ts";
import { energyDistance } from "./energy_distance.ts";
import { hellinger } from "./hellinger.ts";
import { jensenShannon } from "./jensen_shannon.ts";
import { klDivergence } from "./kl_divergence.ts";
import { kolmogorovSmirnov } from "./kolmogorov_smirnov.ts";
import { psi } from "./psi.ts";
import { selectDriftMethod, type SelectDriftMethodOptions } from "./select_method.ts";
import { wasserstein } from "./wasserstein.ts";
import { zTest } from "./z_test.ts";

/** A reference column: its profile, raw values, or a pre-sorted numeric sample. */
export type ReferenceColumn = ColumnProfile | Column | ArrayLike<number> | SortedSample;

/** A current column: raw values. */
export type CurrentColumn = Column | ArrayLike<number>;

/** Options of {@linkcode columnDrift}. */
export interface ColumnDriftOptions {
  /** The method, or `"auto"` for {@linkcode selectDriftMethod}'s choice. @default "auto" */
  method?: DriftMethod | "auto";
  /** Detection threshold. @default thresholds[method], else `DRIFT_METHOD_INFO[method].threshold` */
  threshold?: number;
  /** Thresholds by method, used when `threshold` is not given (e.g. with `"auto"`). @default {} */
  thresholds?: Readonly<Partial<Record<DriftMethod, number>>>;
  /**
   * The column's name, recorded in the result, messages and warnings.
   * @default undefined (the result carries no column name)
   */
  column?: string;
  /** The column's kind. @default the profile's kind, else inferred from the reference values */
  kind?: ColumnKind;
  /** Cut-offs of the automatic choice. @default {} (1000 rows, 5 distinct values) */
  selection?: SelectDriftMethodOptions;
  /**
   * Frozen bin edges for the binned methods on numeric data (open outer edges allowed).
   * @default the profile's edges, else the reference deciles
   */
  edges?: ArrayLike<number>;
  /** Add small-window warnings to `details.warnings`. @default true */
  warnings?: boolean;
}

const SAMPLE_METHODS = new Set<DriftMethod>([
  "ks",
  "cramer_von_mises",
  "anderson_darling",
  "wasserstein",
  "wasserstein_normed",
  "energy_distance",
]);
const BINNED_METHODS = new Set<DriftMethod>([
  "psi",
  "jensen_shannon",
  "kl_divergence",
  "hellinger",
]);

/** What every method is run with: the user's threshold if any (else the method's default). */
interface RunBase {
  threshold?: number;
  column?: string;
}

function runSample(
  method: DriftMethod,
  reference: Reference,
  current: Column,
  base: RunBase,
): DriftResult {
  const label = DRIFT_METHOD_INFO[method].label;
  const ref = numericReference(reference, base.column, label);
  const cur = numericCurrent(current, base.column, label);
  switch (method) {
    case "ks":
      return kolmogorovSmirnov(ref, cur, base);
    case "cramer_von_mises":
      return cramerVonMises(ref, cur, base);
    case "anderson_darling":
      return andersonDarling(ref, cur, base);
    case "wasserstein":
      return wasserstein(ref, cur, { ...base, normed: false });
    case "wasserstein_normed":
      return wasserstein(ref, cur, base);
    default:
      return energyDistance(ref, cur, base);
  }
}

function runBinned(
  method: DriftMethod,
  reference: Reference,
  current: Column,
  treatAs: "numeric" | "categorical",
  base: RunBase & { edges?: ArrayLike<number> },
): DriftResult {
  let ref, cur;
  const options: Parameters<typeof psi>[2] = { ...base, kind: treatAs };
  if (treatAs === "numeric") {
    const label = DRIFT_METHOD_INFO[method].label;
    ref = numericReference(reference, base.column, label);
    cur = numericCurrent(current, base.column, label);
    const edges = base.edges ?? profileEdges(reference);
    if (edges !== undefined) options.edges = edges;
  } else {
    ref = categoricalReference(reference);
    cur = current;
    delete options.edges;
  }
  switch (method) {
    case "psi":
      return psi(ref, cur, options);
    case "jensen_shannon":
      return jensenShannon(ref, cur, options);
    case "kl_divergence":
      return klDivergence(ref, cur, options);
    default:
      return hellinger(ref, cur, options);
  }
}

/**
 * Runs one drift method on one column and explains the choice. With `method: "auto"` the method
 * is chosen by {@linkcode selectDriftMethod} (Evidently's default policy) from the column's kind,
 * its non-missing reference rows and its distinct values in reference and current together;
 * `details.selectedBy` is `"auto"` (with `details.rule`, e.g.
 * `"reference <= 1000 rows, numeric, >5 unique → ks"`) or `"user"`.
 *
 * How each method reads the column: the sample methods (KS, Cramér–von Mises, Anderson–Darling,
 * Wasserstein, energy) take the profile's sorted sample or the raw numbers; the binned distances
 * take numeric data in the profile's frozen decile bins (or `edges`, or the reference deciles) and
 * categorical or boolean data by category; chi-square and the Z-test compare values as categories
 * (numbers by their `String()` form). When the automatic choice treats a numeric column with few
 * distinct values as categorical, the binned distance does too. A profile whose sorted sample is a
 * sketch (more rows than its `sampleLimit`) gives approximate statistics; `details.referenceSketch`
 * says so.
 *
 * Small-window warnings (see `DRIFT_METHOD_INFO`) go to `details.warnings` (always an array).
 * A column with no usable values gives the method's `status: "error"` result, not an exception.
 *
 * Cost: that of the method (one sort of each raw numeric side at most), plus O(n) to infer the
 * kind and count distinct values of raw data.
 *
 * @param reference The reference column: a profile column (`buildProfile(...).columns[name]`),
 * raw values (a table column or numbers), or a numeric `SortedSample` (sorted once, reused).
 * @param current The current column's raw values.
 * @param options Method, threshold, column name, kind, selection cut-offs, edges, warnings.
 * @returns A drift result (`kind: "drift"`) whose `details` add `selectedBy`, `rule` (auto only),
 * `columnKind`, `treatAs` and `warnings`.
 * @throws {TypeError} When an input is not an array, mixes numbers and text, the method is unknown,
 * or does not apply to the column (a numeric test on text; the message names the column).
 * @throws {RangeError} When `threshold` is not a finite number.
 * @example
 * ```ts
 * import { columnDrift } from "./mod.ts";
 * const reference = Array.from({ length: 100 }, (_, i) => i);
 * const current = reference.map((x) => x + 50);
 * const r = columnDrift(reference, current, { column: "age" });
 * if (r.method !== "ks" || !r.detected || r.details?.selectedBy !== "auto") throw new Error();
 * const p = columnDrift(["a", "b", "a"], ["a", "b", "b"], { method: "psi" });
 * if (p.method !== "psi" || p.details?.selectedBy !== "user") throw new Error();
 * ```
 */
export function columnDrift(
  reference: ReferenceColumn,
  current: CurrentColumn,
  options: ColumnDriftOptions = {},
): DriftResult<DriftMethod> {
  const { column, method: requested = "auto", warnings = true } = options;
  if (requested !== "auto" && !isDriftMethod(requested)) {
    throw new TypeError(
      `Cannot compute drift of column${
        column === undefined ? "" : ` "${column}"`
      }: unknown method "${String(requested)}" (expected "auto" or one of ${
        DRIFT_METHODS.join(", ")
      })`,
    );
  }
  const ref = asReference(reference, column);
  const cur = asColumn(current, "current", column);
  const kind = options.kind ?? referenceKind(ref);
  const details: Record<string, unknown> = { columnKind: kind };
  let method: DriftMethod;
  let treatAs: "numeric" | "categorical";
  if (requested === "auto") {
    const cap = (options.selection?.maxUniqueAsCategorical ?? 5) + 1;
    const selection = selectDriftMethod(
      { kind, nReference: referenceCount(ref), nUnique: countUnique(ref, cur, cap) },
      options.selection,
    );
    method = selection.method;
    treatAs = selection.treatAs;
    Object.assign(details, { selectedBy: "auto", rule: selection.rule });
  } else {
    method = requested;
    treatAs =
      kind === "numeric" && method !== "chi_square" && method !== "chi_square_contingency" &&
        method !== "z_test"
        ? "numeric"
        : "categorical";
    details.selectedBy = "user";
  }
  details.treatAs = treatAs;
  const threshold = options.threshold ?? options.thresholds?.[method];
  const base: RunBase = {};
  if (threshold !== undefined) base.threshold = threshold;
  if (column !== undefined) base.column = column;
  let result: DriftResult;
  if (SAMPLE_METHODS.has(method)) {
    result = runSample(method, ref, cur, base);
  } else if (BINNED_METHODS.has(method)) {
    const binned = options.edges === undefined ? base : { ...base, edges: options.edges };
    result = runBinned(method, ref, cur, treatAs, binned);
  } else if (method === "z_test") {
    result = zTest(categoricalReference(ref), cur, base);
  } else {
    const test = method === "chi_square" ? "goodness_of_fit" : "contingency";
    result = chiSquare(categoricalReference(ref), cur, { ...base, test });
  }
  if (
    isColumnProfile(ref) && ref.kind === "numeric" && ref.sorted.length !== ref.summary.count
  ) details.referenceSketch = true;
  details.warnings = warnings ? windowWarnings(result, method) : [];
  return { ...result, details: { ...result.details, ...details } } as DriftResult<DriftMethod>;
}
