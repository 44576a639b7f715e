/**
 * The options of a monitor's fairness checks (sensitive attributes, their declared groups, the
 * measures and their thresholds) and their validation when the monitor is defined. The checks
 * themselves are {@linkcode windowFairness}.
 *
 * @module
 */
import type { CheckSpec } from "./check_spec.ts";
import { checkName } from "./check_spec.ts";

/** The parity measures a monitor computes per sensitive attribute. */
export type MonitorFairnessMeasure =
  | "demographic_parity_difference"
  | "demographic_parity_ratio"
  | "equalized_odds_difference"
  | "equal_opportunity_difference"
  | "disparate_impact"
  | "statistical_parity_difference";

/** Which side of its threshold a measure is a detected disparity on. */
export type FairnessFailSide = "above" | "below" | "outside";

/**
 * Default threshold of each measure and the side it fails on. fairlearn's differences (0 = parity)
 * are detected above 0.1 and its ratio (1 = parity) below 0.8, the four-fifths line; AIF360's
 * signed measures are two-sided: disparate impact outside [0.8, 1/0.8 = 1.25] (AIF360's usual
 * "fair" range), statistical parity difference outside [−0.1, 0.1]. A detection is a prompt to
 * look (base rates, proxies, sample sizes), not a verdict; set your own in `thresholds`.
 */
export const DEFAULT_FAIRNESS_THRESHOLDS: Readonly<
  Record<MonitorFairnessMeasure, { threshold: number; fails: FairnessFailSide }>
> = Object.freeze({
  demographic_parity_difference: { threshold: 0.1, fails: "above" },
  demographic_parity_ratio: { threshold: 0.8, fails: "below" },
  equalized_odds_difference: { threshold: 0.1, fails: "above" },
  equal_opportunity_difference: { threshold: 0.1, fails: "above" },
  disparate_impact: { threshold: 0.8, fails: "outside" },
  statistical_parity_difference: { threshold: 0.1, fails: "outside" },
});

/** The measures that need a `privileged` group (AIF360's convention). */
export const AIF360_MONITOR_MEASURES: readonly MonitorFairnessMeasure[] = Object.freeze([
  "disparate_impact",
  "statistical_parity_difference",
]);

/** The group every value outside an attribute's declared groups is folded into. */
export const OTHER_GROUP = "other";

/** Per-group values a fairness phase adds to the snapshot (labels `attribute`, `group`). */
export const FAIRNESS_GROUP_METRICS: readonly string[] = Object.freeze([
  "group_rows",
  "group_selection_rate",
  "group_true_positive_rate",
  "group_false_positive_rate",
]);

/** One sensitive attribute a monitor watches. */
export interface FairnessAttribute {
  /** The column of `Batch.table` that holds it. @default the attribute's name */
  column?: string;
  /**
   * The groups declared up front: the only values of the exported `group` label. Any other value
   * (and a missing one) is counted in the group `"other"`, so the label set stays bounded.
   */
  groups: readonly string[];
  /** AIF360's privileged group; without it the AIF360 measures are not computed. @default none */
  privileged?: string;
}

/** Fairness options of a monitor (`MonitorConfig.fairness`). */
export interface MonitorFairnessOptions {
  /** The sensitive attributes by name (the `attribute` label), e.g. `{ colour: { groups: [...] } }`. */
  attributes: Readonly<Record<string, FairnessAttribute>>;
  /**
   * The class that is the favourable outcome (the "selection"): predictions and labels are read
   * as 1 for it, 0 for every other class.
   * @default the model's second class (`classNames[1]`)
   */
  favourable?: string;
  /**
   * The measures to compute; the AIF360 ones only for attributes with a `privileged` group.
   * @default every {@linkcode MonitorFairnessMeasure}
   */
  measures?: readonly MonitorFairnessMeasure[];
  /** Thresholds by measure. @default DEFAULT_FAIRNESS_THRESHOLDS */
  thresholds?: Partial<Record<MonitorFairnessMeasure, number>>;
  /** A group with fewer rows has no rates and makes the measures `"error"`. @default 30 */
  minGroupSize?: number;
}

/** The declared label sets of a monitor's fairness checks. */
export interface FairnessLabels {
  /** The attributes, in config order (the bounded `attribute` label set). */
  attributes: readonly string[];
  /** Each attribute's declared groups, then `"other"` (the bounded `group` label set). */
  groups: Readonly<Record<string, readonly string[]>>;
  /** Index of the favourable class among the model's classes. */
  favourable: number;
}

const MEASURES = Object.keys(DEFAULT_FAIRNESS_THRESHOLDS) as MonitorFairnessMeasure[];
const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Checks the fairness options when a monitor is defined, so that a misconfigured monitor fails at
 * once rather than on its first scheduled run, and returns the declared label sets. Checks that
 * read a fairness value must name a declared attribute (and group). O(attributes × groups +
 * checks).
 *
 * @param options The fairness options.
 * @param classNames The model's classes.
 * @param checks The monitor's checks. @default none
 * @returns The declared attributes and groups, and the favourable class's index.
 * @throws {TypeError} When an attribute name is not snake_case, groups are not unique non-empty
 *   strings or include `"other"`, `privileged` is not a declared group, the favourable class is
 *   unknown, a measure is unknown, or a check names an undeclared attribute or group.
 * @throws {RangeError} When a threshold is not finite (or not in (0, 1] for a ratio) or
 *   `minGroupSize` is not an integer ≥ 1.
 * @example
 * ```ts
 * import { validateFairnessOptions } from "./fairness_checks.ts";
 * const labels = validateFairnessOptions(
 *   { attributes: { colour: { groups: ["Black", "White"], privileged: "White" } } },
 *   ["held", "released"],
 * );
 * if (labels.groups.colour!.join() !== "Black,White,other" || labels.favourable !== 1) {
 *   throw new Error();
 * }
 * ```
 */
export function validateFairnessOptions(
  options: MonitorFairnessOptions,
  classNames: readonly string[],
  checks: readonly CheckSpec[] = [],
): FairnessLabels {
  const where = "Cannot define the monitor's fairness checks";
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${where}: expected an object { attributes }`);
  }
  const entries = Object.entries(options.attributes ?? {});
  if (entries.length === 0) throw new TypeError(`${where}: give at least one attribute`);
  const groups: Record<string, string[]> = {};
  for (const [name, spec] of entries) {
    if (!NAME.test(name)) {
      throw new TypeError(`${where}: attribute "${name}" must be snake_case ([a-z0-9_])`);
    }
    const declared = spec?.groups;
    if (
      !Array.isArray(declared) || declared.length === 0 ||
      !declared.every((g) => typeof g === "string" && g !== "") ||
      new Set(declared).size !== declared.length
    ) {
      throw new TypeError(`${where}: attribute "${name}" needs unique, non-empty group names`);
    }
    if (declared.includes(OTHER_GROUP)) {
      throw new TypeError(
        `${where}: attribute "${name}" declares "${OTHER_GROUP}", the group undeclared values fold into`,
      );
    }
    if (spec.privileged !== undefined && !declared.includes(spec.privileged)) {
      throw new TypeError(
        `${where}: privileged group "${spec.privileged}" of "${name}" is not among its groups`,
      );
    }
    groups[name] = [...declared, OTHER_GROUP];
  }
  const favourable = options.favourable === undefined ? 1 : classNames.indexOf(options.favourable);
  if (favourable < 0 || favourable >= classNames.length) {
    throw new TypeError(`${where}: favourable class "${options.favourable}" is not a class`);
  }
  for (const m of options.measures ?? []) {
    if (!MEASURES.includes(m)) throw new TypeError(`${where}: unknown measure "${m}"`);
  }
  for (const [m, t] of Object.entries(options.thresholds ?? {})) {
    const info = DEFAULT_FAIRNESS_THRESHOLDS[m as MonitorFairnessMeasure];
    if (info === undefined) throw new TypeError(`${where}: threshold of unknown measure "${m}"`);
    if (!Number.isFinite(t) || (info.fails !== "above" && !(t! > 0 && t! <= 1)) || t! < 0) {
      throw new RangeError(`${where}: threshold of "${m}" is out of range, got ${t}`);
    }
  }
  const min = options.minGroupSize ?? 30;
  if (!Number.isInteger(min) || min < 1) {
    throw new RangeError(`${where}: minGroupSize must be an integer ≥ 1, got ${min}`);
  }
  for (const spec of checks) {
    const fairness = MEASURES.includes(spec.metric as MonitorFairnessMeasure) ||
      FAIRNESS_GROUP_METRICS.includes(spec.metric);
    if (!fairness) continue;
    const { attribute, group } = spec.labels ?? {};
    if (attribute === undefined || !(attribute in groups)) {
      throw new TypeError(
        `${where}: check "${
          checkName(spec)
        }" reads "${spec.metric}" of undeclared attribute "${attribute}"`,
      );
    }
    if (group !== undefined && !groups[attribute]!.includes(group)) {
      throw new TypeError(
        `${where}: check "${checkName(spec)}" reads undeclared group "${group}" of "${attribute}"`,
      );
    }
  }
  return { attributes: entries.map(([a]) => a), groups, favourable };
}
