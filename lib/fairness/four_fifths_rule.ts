/**
 * The "four-fifths rule" as a flag, with fairlearn's caveat about its misuse attached.
 *
 * @module
 */
import { demographicParityRatio } from "./demographic_parity.ts";
import type { FairnessResult } from "./fairness_result.ts";
import type { GroupedPredictions } from "./metric_frame.ts";

/**
 * fairlearn's warning, paraphrased, carried by every {@linkcode fourFifthsRule} result: see
 * "The Four Fifths Rule: Often Misapplied" in fairlearn's user guide (Common fairness metrics),
 * https://fairlearn.org/main/user_guide/assessment/common_fairness_metrics.html, and Watkins,
 * Kasirzadeh and Gruber, "The four-fifths rule is not disparate impact" (2022).
 */
export const FOUR_FIFTHS_CAVEAT: string =
  "The four-fifths rule comes from US federal employment law (EEOC Uniform Guidelines), where a " +
  "selection-rate ratio below 0.8 is only prima facie evidence of adverse impact relative to a " +
  "relevant control population; even there a violation does not prove discrimination and a pass " +
  "does not prove its absence. Outside that context it has no validity: fairlearn calls applying " +
  "it as a fairness test 'wrong in many scenarios' and warns that it conflates fairness with " +
  "legality. Treat this flag as a prompt to examine the whole sociotechnical context (harms, " +
  "base rates, the labels, sample sizes), not as a verdict.";

/** Options of {@linkcode fourFifthsRule}. */
export interface FourFifthsOptions {
  /** The ratio below which the flag is raised. @default 0.8 */
  threshold?: number;
  /** Groups with fewer rows make the result an `"error"`. @default 30 */
  minGroupSize?: number;
}

/** A demographic parity ratio with the flag and the caveat. */
export interface FourFifthsResult extends FairnessResult {
  /** `value < threshold` (false when `status` is `"error"`). */
  flagged: boolean;
  /** The threshold in force. */
  threshold: number;
  /** {@linkcode FOUR_FIFTHS_CAVEAT}. */
  caveat: string;
}

/**
 * Flags when the smallest group selection rate is below `threshold` (0.8) times the largest —
 * fairlearn's `demographic_parity_ratio` (`method="between_groups"`) `< 0.8`, the common
 * implementation of the "four-fifths rule". Every result carries {@linkcode FOUR_FIFTHS_CAVEAT}:
 * the rule is a legal screening heuristic from one jurisdiction and one domain, not a fairness
 * criterion. Cost O(n).
 *
 * @param data Labels (0/1), predictions (0/1) and sensitive attributes.
 * @param options `threshold`, `minGroupSize`.
 * @returns The ratio (`measure: "four_fifths_rule"`, `convention: "fairlearn"`), `flagged`,
 * `threshold` and `caveat`.
 * @throws {TypeError} When lengths differ.
 * @throws {RangeError} When a label is not 0/1 or `threshold` is not in (0, 1].
 * @example
 * ```ts
 * import { fourFifthsRule } from "./four_fifths_rule.ts";
 * const data = { yTrue: [0, 0, 0, 0], yPred: [1, 0, 1, 1], sensitive: { g: ["u", "u", "p", "p"] } };
 * const r = fourFifthsRule(data, { minGroupSize: 1 });
 * if (!r.flagged || r.value !== 0.5 || !r.caveat.includes("not as a verdict")) throw new Error();
 * ```
 */
export function fourFifthsRule(
  data: GroupedPredictions,
  options: FourFifthsOptions = {},
): FourFifthsResult {
  const { threshold = 0.8 } = options;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new RangeError(
      `Cannot apply the four-fifths rule: threshold must be in (0, 1], got ${threshold}`,
    );
  }
  const ratio = demographicParityRatio(
    data,
    options.minGroupSize === undefined ? {} : { minGroupSize: options.minGroupSize },
  );
  return {
    ...ratio,
    measure: "four_fifths_rule",
    details: { ...ratio.details, basedOn: "demographic_parity_ratio" },
    flagged: ratio.status === "ok" && ratio.value < threshold,
    threshold,
    caveat: FOUR_FIFTHS_CAVEAT,
  };
}
