/**
 * Group rates and result builders shared by the parity measures (private).
 *
 * @module
 */
import type { ResultStatus } from "../types.ts";
import { checkBinary, countByGroup } from "./_counts.ts";
import { countMetric } from "./count_metric.ts";
import type {
  FairnessConvention,
  FairnessMeasure,
  FairnessResult,
  GroupRates,
} from "./fairness_result.ts";
import { groupCoding } from "./group_coding.ts";
import { DEFAULT_MIN_GROUP_SIZE, type GroupedPredictions } from "./metric_frame.ts";

/** Rates of one group from its cells; `"error"` below `minGroupSize` rows. */
export function groupRates(
  group: string,
  tn: number,
  fp: number,
  fn: number,
  tp: number,
  minGroupSize: number,
): GroupRates {
  const n = tn + fp + fn + tp;
  const small = n < minGroupSize;
  const rate = (m: "selection_rate" | "true_positive_rate" | "false_positive_rate") =>
    small ? NaN : countMetric(m, tn, fp, fn, tp).value;
  const status: ResultStatus = small ? "error" : "ok";
  return {
    group,
    n,
    status,
    ...(small ? { reason: `Too few rows: ${n} < minGroupSize ${minGroupSize}` } : {}),
    tn,
    fp,
    fn,
    tp,
    selectionRate: rate("selection_rate"),
    truePositiveRate: rate("true_positive_rate"),
    falsePositiveRate: rate("false_positive_rate"),
  };
}

/** Codes, counts and per-group rates of the data, plus the overall cells. */
export function tabulate(
  measure: string,
  data: GroupedPredictions,
  minGroupSize = DEFAULT_MIN_GROUP_SIZE,
) {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new RangeError(
      `Cannot compute ${measure}: minGroupSize must be an integer ≥ 1, got ${minGroupSize}`,
    );
  }
  checkBinary(measure, data.yTrue, data.yPred);
  const coding = groupCoding(data.sensitive, data.yTrue.length);
  const k = coding.names.length;
  const cells = countByGroup(data.yTrue, data.yPred, coding.codes, k);
  const groups = coding.names.map((name, g) =>
    groupRates(
      name,
      cells[4 * g]!,
      cells[4 * g + 1]!,
      cells[4 * g + 2]!,
      cells[4 * g + 3]!,
      minGroupSize,
    )
  );
  const total = [0, 0, 0, 0] as [number, number, number, number];
  for (let g = 0; g < k; g++) for (let c = 0; c < 4; c++) total[c]! += cells[4 * g + c]!;
  return { coding, groups, total, n: data.yTrue.length, minGroupSize };
}

/** A result, `"error"` with NaN when `reason` is given. */
export function fairnessResult(
  measure: FairnessMeasure,
  convention: FairnessConvention,
  value: number,
  reason: string | undefined,
  parts: {
    n: number;
    attributes: string[];
    groups: GroupRates[];
    details: Record<string, unknown>;
  },
): FairnessResult {
  const parity = measure.endsWith("_ratio") || measure === "disparate_impact" ||
      measure === "four_fifths_rule"
    ? 1
    : 0;
  if (reason === undefined && !Number.isFinite(value)) {
    reason = `The measure is undefined (${value})`;
  }
  return {
    kind: "fairness",
    measure,
    convention,
    ...(reason === undefined ? { status: "ok" as const } : { status: "error" as const, reason }),
    value: reason === undefined ? value : NaN,
    parity,
    n: parts.n,
    attributes: parts.attributes,
    groups: parts.groups,
    details: parts.details,
  };
}
