/**
 * The shape of a reference profile: what {@linkcode buildProfile} computes and
 * {@linkcode profileToJSON} saves. In a file of its own so that the folders whose signatures take a
 * profile (drift, quality, monitor) can re-export these types, and only these, in one line.
 *
 * @module
 */

/** Summary statistics of a numeric reference column (`NaN` when it has no finite value). */
export interface NumericSummary {
  /** Number of finite values. */
  count: number;
  /** Arithmetic mean. */
  mean: number;
  /** Population standard deviation (ddof = 0, `numpy.std`'s default): √(Σ(x − mean)² / count). */
  std: number;
  /** Smallest finite value. */
  min: number;
  /** Largest finite value. */
  max: number;
  /** Type-7 quantiles (`numpy.quantile`'s default) at 1, 5, 25, 50, 75, 95 and 99 %. */
  quantiles: {
    p01: number;
    p05: number;
    p25: number;
    p50: number;
    p75: number;
    p95: number;
    p99: number;
  };
}

/** The profile of a numeric column. */
export interface NumericColumnProfile {
  /** Always `"numeric"`. */
  kind: "numeric";
  /** How the values are stored: numbers. */
  type: "number";
  /** Missing values (`NaN`, `±Infinity`). */
  nMissing: number;
  /** Count, mean, sd, extremes and quantiles of the finite values. */
  summary: NumericSummary;
  /**
   * Inner bin edges, strictly increasing: the type-7 quantiles at i/bins (deciles by default),
   * ties collapsed. The outer edges are open (−∞ and +∞) and not stored, because JSON cannot hold
   * Infinity; bin i is [edges[i−1], edges[i]) with edges[−1] = −∞, the last bin [edges[k−1], +∞).
   */
  edges: number[];
  /** Reference counts in the `edges.length + 1` bins (mergeable: sum them across replicas). */
  binCounts: number[];
  /**
   * The sorted finite values, exactly when `summary.count <= sampleLimit`; otherwise a uniform
   * quantile sketch of `sampleLimit` points (the type-7 quantiles at i/(m−1), min and max kept), so
   * KS and Wasserstein computed against it are approximations (ECDF error about 1/(m−1)).
   */
  sorted: Float64Array;
}

/** The profile of a categorical or boolean column. */
export interface CategoricalColumnProfile {
  /** The column's kind. */
  kind: "categorical" | "boolean";
  /** How the values are stored: numbers (category = `String(value)`) or strings (kept as is). */
  type: "number" | "string";
  /** Missing values (`null`, `""`, `NaN`). */
  nMissing: number;
  /** Number of non-missing values. */
  count: number;
  /** Count of each category, in first-seen order. */
  categories: Record<string, number>;
}

/** One column's profile: the `kind` says which fields it has. */
export type ColumnProfile = NumericColumnProfile | CategoricalColumnProfile;

/** A reference profile; {@linkcode profileToJSON} saves it, {@linkcode profileFromJSON} loads it. */
export interface ReferenceProfile {
  /** Format version. */
  version: 1;
  /** ISO 8601 time the profile was built. */
  createdAt: string;
  /** Rows in the reference table. */
  nRows: number;
  /** Requested bins per numeric column. */
  bins: number;
  /** Largest sorted sample kept exactly. */
  sampleLimit: number;
  /** The profiled columns, in table order. */
  columns: Record<string, ColumnProfile>;
}
