/**
 * Synthetic populations with a sensitive attribute and a bias knob, to watch fairness measures
 * respond to a known cause.
 *
 * @module
 */
import { normalRandom, seededRandom } from "../stats/random.ts";

/**
 * The bias a {@linkcode fairnessScenario} builds in:
 * - `"none"`: group b has the same features and the same label rule as group a;
 * - `"historical_labels"`: a share `strength` of group b's deserved positives are recorded as
 *   negatives (biased historical decisions); the features carry no trace of the group, so a model
 *   cannot copy the bias, but its errors against the biased labels differ by group;
 * - `"proxy"`: the same biased labels, plus a feature (`proxy`, think postcode) whose mean is
 *   `3·strength` higher in group b, so a model that never sees the group learns the bias
 *   through the proxy;
 * - `"drifting_share"`: no bias in labels or features, but group b's share grows by `strength`
 *   over `windows` windows (from `share`): small early windows, shifting overall rates.
 */
export type FairnessBias = "none" | "historical_labels" | "proxy" | "drifting_share";

/** Options of {@linkcode fairnessScenario}. */
export interface FairnessScenarioOptions {
  /** Rows. @default 2000 */
  n?: number;
  /** Seed; each window uses its own stream derived from it. @default 42 */
  seed?: number;
  /** Size of the bias, in [0, 1] (see {@linkcode FairnessBias}). @default 0.5 */
  strength?: number;
  /** Share of group b (in window 0 for `"drifting_share"`). @default 0.3, or 0.05 for "drifting_share" */
  share?: number;
  /** The window to generate, 0-based. @default 0 */
  window?: number;
  /** Windows over which the share drifts. @default 10 */
  windows?: number;
}

/** One generated population (one window). */
export interface FairnessScenario {
  /** The bias built in. */
  bias: FairnessBias;
  /** The knob's value. */
  strength: number;
  /** The window generated. */
  window: number;
  /** Group b's share used to draw this window. */
  share: number;
  /** The sensitive attribute: `"a"` or `"b"`. */
  group: string[];
  /** `skill`, `experience`, `proxy`. The group itself is not a feature. */
  featureNames: string[];
  /** One row per person. */
  X: Float64Array[];
  /** The recorded (possibly biased) label: what a model is trained and evaluated on. */
  y: Uint8Array;
  /** The label the person deserved, before the historical bias. */
  yDeserved: Uint8Array;
}

/**
 * Draws a population of `n` people in groups a and b: `skill` and `experience` ~ N(0, 1) in both
 * groups, a deserved label `[skill + 0.5·experience + N(0, 0.5²) > 0]`, a `proxy` feature ~
 * N(0, 1) (shifted by `3·strength` in group b for `"proxy"`), and a recorded label equal to the
 * deserved one except where the bias removes group b's positives. Reproducible: same options,
 * same rows; windows are independent streams. Cost O(n).
 *
 * @param bias The bias to build in.
 * @param options Size, seed, strength, share, window.
 * @returns The population.
 * @throws {RangeError} When `bias` is unknown, `n` or `window` is not a non-negative integer,
 * `strength` or `share` is outside [0, 1], or `windows` < 1.
 * @example
 * ```ts
 * import { fairnessScenario } from "./fairness_scenario.ts";
 * const s = fairnessScenario("historical_labels", { n: 1000, strength: 1 });
 * // with strength 1, no one in group b is recorded positive
 * if (s.group.some((g, i) => g === "b" && s.y[i] === 1)) throw new Error();
 * if (!s.group.some((g, i) => g === "b" && s.yDeserved[i] === 1)) throw new Error();
 * ```
 */
export function fairnessScenario(
  bias: FairnessBias,
  options: FairnessScenarioOptions = {},
): FairnessScenario {
  const drifting = bias === "drifting_share";
  const {
    n = 2000,
    seed = 42,
    strength = 0.5,
    share = drifting ? 0.05 : 0.3,
    window = 0,
    windows = 10,
  } = options;
  const fail = (what: string) => new RangeError(`Cannot generate "${bias}" scenario: ${what}`);
  if (!["none", "historical_labels", "proxy", "drifting_share"].includes(bias)) {
    throw new RangeError(`Cannot generate scenario: unknown bias "${bias}"`);
  }
  if (!Number.isInteger(n) || n < 0) throw fail(`n must be an integer ≥ 0, got ${n}`);
  if (!(strength >= 0 && strength <= 1)) throw fail(`strength must be in [0, 1], got ${strength}`);
  if (!(share >= 0 && share <= 1)) throw fail(`share must be in [0, 1], got ${share}`);
  if (!Number.isInteger(window) || window < 0) {
    throw fail(`window must be an integer ≥ 0, got ${window}`);
  }
  if (!Number.isInteger(windows) || windows < 1) {
    throw fail(`windows must be an integer ≥ 1, got ${windows}`);
  }
  const shareNow = drifting
    ? Math.min(1, share + strength * Math.min(window, windows - 1) / Math.max(1, windows - 1))
    : share;
  const random = seededRandom((seed + 7919 * window) >>> 0);
  const normal = normalRandom(random);
  const labelBias = bias === "historical_labels" || bias === "proxy" ? strength : 0;
  const proxyShift = bias === "proxy" ? 3 * strength : 0;
  const group: string[] = new Array(n);
  const X: Float64Array[] = new Array(n);
  const y = new Uint8Array(n), yDeserved = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = random() < shareNow;
    const skill = normal(), experience = normal();
    const proxy = normal() + (b ? proxyShift : 0);
    const deserved = skill + 0.5 * experience + 0.5 * normal() > 0 ? 1 : 0;
    const flip = random() < labelBias;
    group[i] = b ? "b" : "a";
    X[i] = Float64Array.of(skill, experience, proxy);
    yDeserved[i] = deserved;
    y[i] = b && deserved === 1 && flip ? 0 : deserved;
  }
  return {
    bias,
    strength,
    window,
    share: shareNow,
    group,
    featureNames: ["skill", "experience", "proxy"],
    X,
    y,
    yDeserved,
  };
}
