/**
 * Private: numeric counts of both columns over the same histogram bins (frozen edges, or built
 * from the data as the `binning` option says), for the binned distances.
 *
 * @module
 */
import { ensureSorted, isSortedSample, type SortedSample } from "../stats/sort.ts";
import {
  binCounts,
  binCountsSorted,
  equalWidthEdges,
  quantileEdges,
  sturgesBins,
} from "../stats/histogram.ts";
import type { Frequencies, FrequencyOptions } from "./_frequencies.ts";
import type { Binning } from "./binning.ts";

function finiteValues(values: ArrayLike<number>, name: string): Float64Array {
  const out = new Float64Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number") {
      if (v - v === 0) out[m++] = v;
    } else if (v !== null && v !== undefined) {
      throw new TypeError(
        `Cannot compare distributions: ${name} entry ${i} is not a number, got ${
          JSON.stringify(v)
        }`,
      );
    }
  }
  return m === out.length ? out : out.subarray(0, m);
}

interface Counted {
  counts: Float64Array;
  /** Values counted in a bin. */
  n: number;
  /** Non-finite values dropped. */
  nMissing: number;
  /** Finite values outside closed outer edges (never with open edges). */
  nOutside: number;
}

function sum(counts: Float64Array): number {
  let n = 0;
  for (const c of counts) n += c;
  return n;
}

function count(
  values: ArrayLike<number> | SortedSample,
  edges: Float64Array,
  name: string,
  checked = false,
): Counted {
  if (isSortedSample(values)) {
    const s = checked ? values : ensureSorted(values, name);
    const counts = binCountsSorted(s.sorted, edges);
    const n = sum(counts);
    return { counts, n, nMissing: s.nMissing, nOutside: s.sorted.length - n };
  }
  // typed arrays hold only numbers: count in place, no copy or per-entry type check
  const finite = ArrayBuffer.isView(values) ? values : finiteValues(values, name);
  const counts = binCounts(finite, edges);
  const n = sum(counts);
  let nFinite = finite.length;
  if (finite === values) {
    for (let i = 0; i < finite.length; i++) if (!Number.isFinite(finite[i]!)) nFinite--;
  }
  return { counts, n, nMissing: values.length - nFinite, nOutside: nFinite - n };
}

function range(s: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < s.length; i++) {
    const v = s[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function buildEdges(
  reference: SortedSample,
  current: ArrayLike<number> | SortedSample,
  binning: Binning,
  bins: number,
): Float64Array {
  const ref = reference.sorted;
  if (binning === "quantile") return quantileEdges(ref, bins, { separateAboveMax: true });
  if (binning === "equal_width") {
    const e = equalWidthEdges(ref[0]!, ref[ref.length - 1]!, bins);
    e[0] = -Infinity;
    e[e.length - 1] = Infinity;
    return e;
  }
  const cur = isSortedSample(current) ? current.sorted : finiteValues(current, "current");
  const [cLo, cHi] = range(cur);
  const lo = Math.min(ref[0]!, cLo);
  const hi = Math.max(ref[ref.length - 1]!, cHi);
  return equalWidthEdges(lo, hi, sturgesBins(ref.length + cur.length, lo, hi));
}

/** Numeric counts over bins (frozen `edges`, or built from the data as `binning` says). */
export function numericFrequencies(
  reference: ArrayLike<number> | SortedSample,
  current: ArrayLike<number> | SortedSample,
  options: FrequencyOptions = {},
): Frequencies {
  const { bins = 10, binning = "quantile" } = options;
  if (!["quantile", "equal_width", "sturges_both"].includes(binning)) {
    throw new RangeError(`Cannot bin: unknown binning "${binning}"`);
  }
  let edges: Float64Array;
  let ref: Counted;
  if (options.edges !== undefined) {
    edges = Float64Array.from(options.edges);
    ref = count(reference, edges, "reference");
  } else {
    const sorted = ensureSorted(reference, "reference");
    if (sorted.sorted.length === 0) edges = Float64Array.of(-Infinity, Infinity);
    else edges = buildEdges(sorted, current, binning, bins);
    ref = count(sorted, edges, "reference", true);
  }
  const cur = count(current, edges, "current");
  const open = edges[0] === -Infinity && edges[edges.length - 1] === Infinity;
  const details: Record<string, unknown> = {
    binning: options.edges !== undefined ? "frozen" : binning,
    bins: edges.length - 1,
    outerEdges: open ? "open" : "closed",
    edges: Array.from(open ? edges.subarray(1, edges.length - 1) : edges),
  };
  if (!open) {
    details.outsideReference = ref.nOutside;
    details.outsideCurrent = cur.nOutside;
  }
  return {
    kind: "numeric",
    reference: ref.counts,
    current: cur.counts,
    nReference: ref.n,
    nCurrent: cur.n,
    missingReference: ref.nMissing,
    missingCurrent: cur.nMissing,
    details,
  };
}
