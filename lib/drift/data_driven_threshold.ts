/**
 * Data-driven drift thresholds, NannyML style: how large does the statistic get between pieces of
 * the reference itself? Drift is a statistic beyond that.
 *
 * @module
 */
import type { ColumnKind } from "../data/schema.ts";
import type { Column } from "../data/table.ts";
import { quantileEdges } from "../stats/histogram.ts";
import { sortedFinite, type SortedSample } from "../stats/sort.ts";
import { asColumn, countUnique, referenceCount, referenceKind } from "./_column_input.ts";
import type { DriftResult } from "./_result.ts";
import { columnDrift } from "./column_drift.ts";
import type { DriftMethod } from "./drift_methods.ts";
import { selectDriftMethod, type SelectDriftMethodOptions } from "./select_method.ts";

/** Options of {@linkcode dataDrivenThreshold}. */
export interface DataDrivenThresholdOptions {
  /** The method whose statistic is thresholded. @default "auto" (chosen on the reference alone) */
  method?: DriftMethod | "auto";
  /** Number of contiguous chunks the reference is split into (NannyML's default). @default 10 */
  chunks?: number;
  /** The threshold is mean ± `multiplier` · sd of the chunk statistics. @default 3 */
  multiplier?: number;
  /**
   * What each chunk is compared with: `"whole"` — the whole reference, chunk included (NannyML's
   * way: reference chunks are scored against the fitted reference), or `"rest"` — the reference
   * without the chunk (independent samples, closer to how a new window is compared; larger
   * statistics, so a higher threshold).
   * @default "whole"
   */
  against?: "whole" | "rest";
  /**
   * The column's name, recorded in the result and named in messages.
   * @default undefined (the result carries no column name)
   */
  column?: string;
  /** The column's kind. @default inferred from the reference values */
  kind?: ColumnKind;
  /** Cut-offs of the automatic method choice. @default {} */
  selection?: SelectDriftMethodOptions;
}

/** A data-driven threshold and the chunk statistics it was learnt from (JSON-serialisable). */
export interface DataDrivenThreshold {
  /** Always `"data_driven"`: where the threshold came from. */
  source: "data_driven";
  /** The method whose `statistic` (never the p-value) is thresholded. */
  method: DriftMethod;
  /** How the method read the column. */
  treatAs: "numeric" | "categorical";
  /** mean − multiplier · sd, floored at 0 (every drift statistic is ≥ 0). Reported, not used. */
  lower: number;
  /** mean + multiplier · sd: drift is detected when `statistic > upper`. */
  upper: number;
  /** Mean of the finite chunk statistics. */
  mean: number;
  /** Population standard deviation (ddof = 0, `numpy.std`, as NannyML) of the chunk statistics. */
  sd: number;
  /** The degrees of freedom of `sd`: always 0 (population sd). */
  ddof: 0;
  /** How many `sd` above `mean` the threshold lies. */
  multiplier: number;
  /** What each chunk was compared with: the whole reference or the rest of it. */
  against: "whole" | "rest";
  /** Rows per chunk (`numpy.array_split`: the first n mod k chunks hold one row more). */
  chunkSizes: number[];
  /** Each chunk's statistic; `null` where it could not be computed (an all-missing chunk). */
  chunkStatistics: (number | null)[];
}

function chunkBounds(n: number, k: number): number[] {
  const bounds = [0];
  const size = Math.floor(n / k), extra = n % k;
  for (let i = 0; i < k; i++) bounds.push(bounds[i]! + size + (i < extra ? 1 : 0));
  return bounds;
}

function slice(column: Column, start: number, end: number): Column {
  return column instanceof Float64Array ? column.subarray(start, end) : column.slice(start, end);
}

function without(column: Column, start: number, end: number): Column {
  if (column instanceof Float64Array) {
    const out = new Float64Array(column.length - (end - start));
    out.set(column.subarray(0, start));
    out.set(column.subarray(end), start);
    return out;
  }
  return [...column.slice(0, start), ...column.slice(end)];
}

/**
 * Learns a drift threshold from the reference itself (NannyML's univariate-drift thresholds): the
 * reference rows are split, in order, into `chunks` contiguous chunks (as `numpy.array_split`;
 * contiguous so that slow trends inside the reference count as normal variation), each chunk is
 * compared with the whole reference (or with the rest of it) by `method`, and
 * `upper = mean + 3·sd`, `lower = max(0, mean − 3·sd)` of the chunk statistics, sd with ddof = 0
 * (`numpy.std`, as `nannyml.thresholds.StandardDeviationThreshold`). Drift is a window whose
 * statistic exceeds `upper` (strictly, as NannyML alerts); `lower` is reported only — a window
 * closer to the reference than usual is not drift. P-value tests are thresholded on their
 * statistic (D, chi², z…), never on the p-value. Binned numeric methods use the whole
 * reference's deciles for every chunk.
 *
 * The statistics depend on the window size: compare windows of about the chunk size
 * ({@linkcode applyDataDrivenThreshold} warns otherwise). Cost: `chunks` runs of the method.
 *
 * @param reference The reference column's raw values, in row order.
 * @param options Method, chunks, multiplier, comparison, column name, kind, selection cut-offs.
 * @returns The threshold with its chunk statistics; `upper` is `NaN` when fewer than 2 chunk
 * statistics could be computed.
 * @throws {TypeError} When `reference` is not an array of numbers or strings.
 * @throws {RangeError} When `chunks` is not an integer in [2, rows] or `multiplier` is negative.
 * @example
 * ```ts
 * import { dataDrivenThreshold } from "./mod.ts";
 * const reference = Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898) * 100);
 * const t = dataDrivenThreshold(reference, { method: "wasserstein_normed" });
 * if (t.chunkStatistics.length !== 10 || t.chunkSizes[0] !== 20) throw new Error();
 * if (!(t.upper > t.mean && t.lower >= 0)) throw new Error();
 * ```
 */
export function dataDrivenThreshold(
  reference: Column | ArrayLike<number>,
  options: DataDrivenThresholdOptions = {},
): DataDrivenThreshold {
  const { chunks = 10, multiplier = 3, against = "whole", column } = options;
  const ref = asColumn(reference, "reference", column);
  const where = column === undefined ? "" : ` of column "${column}"`;
  if (!Number.isInteger(chunks) || chunks < 2 || chunks > ref.length) {
    throw new RangeError(
      `Cannot learn a drift threshold${where}: chunks must be an integer in [2, ${ref.length}], got ${chunks}`,
    );
  }
  if (typeof multiplier !== "number" || !(multiplier >= 0) || !Number.isFinite(multiplier)) {
    throw new RangeError(
      `Cannot learn a drift threshold${where}: multiplier must be a finite number >= 0, got ${multiplier}`,
    );
  }
  if (against !== "whole" && against !== "rest") {
    throw new RangeError(
      `Cannot learn a drift threshold${where}: unknown against "${String(against)}"`,
    );
  }
  const columnKind = options.kind ?? referenceKind(ref);
  let method: DriftMethod;
  let treatAs: "numeric" | "categorical";
  if (options.method === undefined || options.method === "auto") {
    const cap = (options.selection?.maxUniqueAsCategorical ?? 5) + 1;
    const facts = {
      kind: columnKind,
      nReference: referenceCount(ref),
      nUnique: countUnique(ref, ref, cap),
    };
    ({ method, treatAs } = selectDriftMethod(facts, options.selection));
  } else {
    method = options.method;
    const counts = method === "chi_square" || method === "chi_square_contingency" ||
      method === "z_test";
    treatAs = columnKind === "numeric" && !counts ? "numeric" : "categorical";
  }
  const kind: ColumnKind = treatAs === "categorical" && columnKind === "numeric"
    ? "categorical"
    : columnKind;
  const run: Parameters<typeof columnDrift>[2] = { method, kind, warnings: false };
  if (column !== undefined) run.column = column;
  // Sort a numeric reference once: every chunk is compared with it (or with a part of it).
  let whole: Column | SortedSample = ref;
  if (treatAs === "numeric" && ref instanceof Float64Array) {
    const sorted = sortedFinite(ref);
    if (sorted.sorted.length > 0) run.edges = quantileEdges(sorted.sorted, 10);
    whole = sorted;
  }
  const bounds = chunkBounds(ref.length, chunks);
  const chunkStatistics: (number | null)[] = [];
  for (let i = 0; i < chunks; i++) {
    const start = bounds[i]!, end = bounds[i + 1]!;
    const base = against === "whole" ? whole : without(ref, start, end);
    const r = columnDrift(base, slice(ref, start, end), run);
    chunkStatistics.push(r.status === "ok" && Number.isFinite(r.statistic) ? r.statistic : null);
  }
  const finite = chunkStatistics.filter((s): s is number => s !== null);
  let mean = NaN, sd = NaN;
  if (finite.length >= 2) {
    mean = finite.reduce((a, b) => a + b, 0) / finite.length;
    sd = Math.sqrt(finite.reduce((a, b) => a + (b - mean) ** 2, 0) / finite.length);
  }
  return {
    source: "data_driven",
    method,
    treatAs,
    lower: Math.max(0, mean - multiplier * sd),
    upper: mean + multiplier * sd,
    mean,
    sd,
    ddof: 0,
    multiplier,
    against,
    chunkSizes: bounds.slice(1).map((b, i) => b - bounds[i]!),
    chunkStatistics,
  };
}

/**
 * Re-decides a drift result with a data-driven threshold: `threshold = upper`, `operator ">"`,
 * `detected = statistic > upper`. A p-value no longer decides, so it moves from `pValue` to
 * `details.pValue` (which also keeps it out of p-value corrections); the threshold and its chunk
 * statistics go to `details.dataDrivenThreshold`. Adds a warning to `details.warnings` when the
 * current window is under half or over twice the mean chunk size. An error result, or a threshold
 * that could not be learnt (`upper` NaN), gives an error result. Cost O(chunks).
 *
 * @param result A drift result computed with `threshold.method`.
 * @param threshold The learnt threshold.
 * @returns A new result; the input is not mutated.
 * @throws {TypeError} When the result's method is not the threshold's.
 * @example
 * ```ts
 * import { applyDataDrivenThreshold, dataDrivenThreshold } from "./mod.ts";
 * import { columnDrift } from "./mod.ts";
 * const reference = Array.from({ length: 300 }, (_, i) => Math.sin(i * 12.9898) * 100);
 * const t = dataDrivenThreshold(reference, { method: "ks" });
 * const shifted = reference.slice(0, 30).map((x) => x + 200);
 * const r = applyDataDrivenThreshold(columnDrift(reference, shifted, { method: "ks" }), t);
 * if (!r.detected || r.operator !== ">" || r.threshold !== t.upper || "pValue" in r) throw new Error();
 * ```
 */
export function applyDataDrivenThreshold<M extends string>(
  result: DriftResult<M>,
  threshold: DataDrivenThreshold,
): DriftResult<M> {
  if (result.method !== threshold.method) {
    throw new TypeError(
      `Cannot apply a data-driven threshold learnt for "${threshold.method}" to a "${result.method}" result`,
    );
  }
  const { pValue, ...rest } = result;
  const details: Record<string, unknown> = { ...result.details, dataDrivenThreshold: threshold };
  if (pValue !== undefined) details.pValue = pValue;
  const warnings = Array.isArray(details.warnings) ? [...details.warnings as string[]] : [];
  const out: DriftResult<M> = { ...rest, threshold: threshold.upper, operator: ">", details };
  if (out.status !== "ok") return { ...out, detected: false };
  if (!Number.isFinite(threshold.upper)) {
    return {
      ...out,
      status: "error",
      statistic: NaN,
      detected: false,
      reason: `Cannot learn a data-driven threshold${
        result.column === undefined ? "" : ` for column "${result.column}"`
      }: fewer than 2 reference chunks could be scored`,
    };
  }
  const size = threshold.chunkSizes.reduce((a, b) => a + b, 0) / threshold.chunkSizes.length;
  if (result.nCurrent < size / 2 || result.nCurrent > size * 2) {
    const who = result.column === undefined ? "" : `Column "${result.column}": `;
    warnings.push(
      `${who}the data-driven threshold was learnt on chunks of about ${Math.round(size)} rows, ` +
        `the current window has ${result.nCurrent}; ${threshold.method} statistics depend on window size`,
    );
  }
  details.warnings = warnings;
  return { ...out, detected: out.statistic > threshold.upper };
}
