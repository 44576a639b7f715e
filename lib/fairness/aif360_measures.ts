/**
 * AIF360's group measures (signed, unprivileged vs privileged): disparate impact, statistical
 * parity difference, equal opportunity difference, average odds difference.
 *
 * @module
 */
import { fairnessResult, groupRates, tabulate } from "./_rates.ts";
import type { FairnessMeasure, FairnessResult, GroupRates } from "./fairness_result.ts";
import type { GroupedPredictions } from "./metric_frame.ts";

/** Which group is privileged, and which unprivileged. */
export interface Aif360Options {
  /** The privileged group's name (as in `groupCoding`, e.g. `"White"` or `"White & Male"`). */
  privileged: string;
  /** The unprivileged group's name. @default every row outside `privileged`, pooled */
  unprivileged?: string;
  /** A side with fewer rows makes the result an `"error"` ("too few rows"). @default 30 */
  minGroupSize?: number;
}

type _Side = Pick<GroupRates, "selectionRate" | "truePositiveRate" | "falsePositiveRate">;

function _aif360(
  measure: FairnessMeasure,
  data: GroupedPredictions,
  options: Aif360Options,
  formula: string,
  compute: (u: _Side, p: _Side) => { value: number; reason?: string },
): FairnessResult {
  const t = tabulate(measure, data, options.minGroupSize);
  const names = t.groups.map((g) => g.group);
  const { privileged, unprivileged } = options;
  for (const name of [privileged, ...(unprivileged === undefined ? [] : [unprivileged])]) {
    if (typeof name !== "string") {
      throw new TypeError(`Cannot compute ${measure}: group names must be strings, got ${name}`);
    }
  }
  if (t.n > 0 && !names.includes(privileged)) {
    throw new RangeError(
      `Cannot compute ${measure}: privileged group "${privileged}" is not among the groups ${
        names.map((g) => `"${g}"`).join(", ")
      }`,
    );
  }
  if (unprivileged !== undefined && t.n > 0 && !names.includes(unprivileged)) {
    throw new RangeError(
      `Cannot compute ${measure}: unprivileged group "${unprivileged}" is not among the groups ${
        names.map((g) => `"${g}"`).join(", ")
      }`,
    );
  }
  const pooled = [[0, 0, 0, 0], [0, 0, 0, 0]];
  t.groups.forEach((g) => {
    const side = g.group === privileged
      ? 1
      : unprivileged === undefined || g.group === unprivileged
      ? 0
      : -1;
    if (side < 0) return;
    pooled[side]![0]! += g.tn, pooled[side]![1]! += g.fp, pooled[side]![2]! += g.fn;
    pooled[side]![3]! += g.tp;
  });
  const uName = unprivileged ?? `not ${privileged}`;
  const sides = [uName, privileged].map((name, s) => {
    const [tn, fp, fn, tp] = pooled[s]!;
    return groupRates(name, tn!, fp!, fn!, tp!, t.minGroupSize);
  });
  const [u, p] = sides as [GroupRates, GroupRates];
  let reason: string | undefined;
  let value = NaN;
  if (t.n === 0) reason = "No rows";
  else if (u.status === "error") reason = `Unprivileged "${u.group}": ${u.reason}`;
  else if (p.status === "error") reason = `Privileged "${p.group}": ${p.reason}`;
  else {
    const r = compute(u, p);
    value = r.value;
    reason = r.reason;
  }
  return fairnessResult(measure, "aif360", value, reason, {
    n: t.n,
    attributes: t.coding.attributes,
    groups: sides,
    details: { privileged, unprivileged: uName, minGroupSize: t.minGroupSize, formula },
  });
}

function _rate(side: _Side, rate: keyof _Side, who: string, why: string): string | undefined {
  return Number.isNaN(side[rate]) ? `${who} side has ${why}` : undefined;
}

/**
 * Disparate impact, AIF360's convention: `P(ŷ=1 | unprivileged) / P(ŷ=1 | privileged)`, the
 * ratio of selection rates (below 1: the unprivileged side is selected less). Equals
 * `aif360.metrics.ClassificationMetric.disparate_impact()`. An `"error"` when the privileged
 * selection rate is 0. Swapping the sides inverts it. Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `privileged`, `unprivileged`, `minGroupSize`.
 * @returns `convention: "aif360"`, `parity: 1`; `groups` = [unprivileged, privileged].
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or a named group does not occur.
 * @example
 * ```ts
 * import { disparateImpact } from "./aif360_measures.ts";
 * const data = { yTrue: [0, 0, 0, 0], yPred: [1, 0, 1, 1], sensitive: { g: ["u", "u", "p", "p"] } };
 * if (disparateImpact(data, { privileged: "p", minGroupSize: 1 }).value !== 0.5) throw new Error();
 * ```
 */
export function disparateImpact(data: GroupedPredictions, options: Aif360Options): FairnessResult {
  return _aif360(
    "disparate_impact",
    data,
    options,
    "SR(unprivileged) / SR(privileged)",
    (u, p) =>
      p.selectionRate === 0
        ? { value: NaN, reason: "The privileged selection rate is 0: the ratio is undefined" }
        : { value: u.selectionRate / p.selectionRate },
  );
}

/**
 * Statistical parity difference, AIF360's convention: `P(ŷ=1 | unprivileged) − P(ŷ=1 |
 * privileged)` (negative: the unprivileged side is selected less). Equals
 * `ClassificationMetric.statistical_parity_difference()`. Swapping the sides flips the sign.
 * Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `privileged`, `unprivileged`, `minGroupSize`.
 * @returns `convention: "aif360"`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or a named group does not occur.
 * @example
 * ```ts
 * import { statisticalParityDifference } from "./aif360_measures.ts";
 * const data = { yTrue: [0, 0, 0, 0], yPred: [1, 0, 1, 1], sensitive: { g: ["u", "u", "p", "p"] } };
 * if (statisticalParityDifference(data, { privileged: "p", minGroupSize: 1 }).value !== -0.5) {
 *   throw new Error();
 * }
 * ```
 */
export function statisticalParityDifference(
  data: GroupedPredictions,
  options: Aif360Options,
): FairnessResult {
  return _aif360(
    "statistical_parity_difference",
    data,
    options,
    "SR(unprivileged) − SR(privileged)",
    (u, p) => ({
      value: u.selectionRate - p.selectionRate,
    }),
  );
}

/**
 * Equal opportunity difference, AIF360's convention (signed): `TPR(unprivileged) −
 * TPR(privileged)`. Equals `ClassificationMetric.equal_opportunity_difference()`. Named apart
 * from fairlearn's unsigned {@linkcode equalOpportunityDifference}. An `"error"` when a side has
 * no positives. Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `privileged`, `unprivileged`, `minGroupSize`.
 * @returns `convention: "aif360"`, `measure: "equal_opportunity_difference"`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or a named group does not occur.
 * @example
 * ```ts
 * import { aif360EqualOpportunityDifference } from "./aif360_measures.ts";
 * const data = { yTrue: [1, 1, 1, 1], yPred: [1, 0, 1, 1], sensitive: { g: ["u", "u", "p", "p"] } };
 * const r = aif360EqualOpportunityDifference(data, { privileged: "p", minGroupSize: 1 });
 * if (r.value !== -0.5 || r.convention !== "aif360") throw new Error();
 * ```
 */
export function aif360EqualOpportunityDifference(
  data: GroupedPredictions,
  options: Aif360Options,
): FairnessResult {
  return _aif360(
    "equal_opportunity_difference",
    data,
    options,
    "TPR(unprivileged) − TPR(privileged)",
    (u, p) => {
      const reason = _rate(u, "truePositiveRate", "The unprivileged", "no positives (y = 1)") ??
        _rate(p, "truePositiveRate", "The privileged", "no positives (y = 1)");
      return reason ? { value: NaN, reason } : { value: u.truePositiveRate - p.truePositiveRate };
    },
  );
}

/**
 * Average odds difference, AIF360's convention (signed): `½[(FPR_u − FPR_p) + (TPR_u −
 * TPR_p)]`. Equals `ClassificationMetric.average_odds_difference()`. An `"error"` when a side has
 * no positives or no negatives. Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `privileged`, `unprivileged`, `minGroupSize`.
 * @returns `convention: "aif360"`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or a named group does not occur.
 * @example
 * ```ts
 * import { averageOddsDifference } from "./aif360_measures.ts";
 * const data = {
 *   yTrue: [1, 1, 0, 0, 1, 1, 0, 0],
 *   yPred: [1, 0, 1, 0, 1, 1, 0, 0],
 *   sensitive: { g: ["u", "u", "u", "u", "p", "p", "p", "p"] },
 * };
 * // FPR 0.5 − 0, TPR 0.5 − 1
 * if (averageOddsDifference(data, { privileged: "p", minGroupSize: 1 }).value !== 0) throw new Error();
 * ```
 */
export function averageOddsDifference(
  data: GroupedPredictions,
  options: Aif360Options,
): FairnessResult {
  return _aif360(
    "average_odds_difference",
    data,
    options,
    "½[(FPR_u − FPR_p) + (TPR_u − TPR_p)]",
    (u, p) => {
      const reason = _rate(u, "truePositiveRate", "The unprivileged", "no positives (y = 1)") ??
        _rate(p, "truePositiveRate", "The privileged", "no positives (y = 1)") ??
        _rate(u, "falsePositiveRate", "The unprivileged", "no negatives (y = 0)") ??
        _rate(p, "falsePositiveRate", "The privileged", "no negatives (y = 0)");
      return reason ? { value: NaN, reason } : {
        value: 0.5 * ((u.falsePositiveRate - p.falsePositiveRate) +
          (u.truePositiveRate - p.truePositiveRate)),
      };
    },
  );
}
