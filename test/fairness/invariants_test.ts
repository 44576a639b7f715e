import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import {
  aif360EqualOpportunityDifference,
  averageOddsDifference,
  demographicParityDifference,
  demographicParityRatio,
  disparateImpact,
  equalizedOddsDifference,
  equalizedOddsRatio,
  equalOpportunityDifference,
  equalOpportunityRatio,
  FOUR_FIFTHS_CAVEAT,
  fourFifthsRule,
  metricFrame,
  statisticalParityDifference,
  theilIndex,
} from "../../lib/fairness/mod.ts";
import { CASES, input } from "./_golden.ts";

const TOL = 1e-12;
const o1 = { minGroupSize: 1 };

Deno.test("each fairlearn measure equals its by-group frame composition", () => {
  for (const c of CASES) {
    const data = input(c);
    for (const method of ["between_groups", "to_overall"] as const) {
      const o = { ...o1, method };
      const pick = (metric: "selection_rate" | "true_positive_rate" | "false_positive_rate") => {
        const f = metricFrame(data, { metric, minGroupSize: 1 });
        return method === "between_groups"
          ? { d: f.difference, r: f.ratio }
          : { d: f.differenceToOverall, r: f.ratioToOverall };
      };
      const sr = pick("selection_rate"), tpr = pick("true_positive_rate");
      const fpr = pick("false_positive_rate");
      assertEquals(demographicParityDifference(data, o).value, sr.d);
      assertEquals(demographicParityRatio(data, o).value, sr.r);
      assertEquals(equalOpportunityDifference(data, o).value, tpr.d);
      assertEquals(equalOpportunityRatio(data, o).value, tpr.r);
      assertEquals(equalizedOddsDifference(data, o).value, Math.max(tpr.d, fpr.d));
      assertEquals(equalizedOddsRatio(data, o).value, Math.min(tpr.r, fpr.r));
      assertAlmostEquals(
        equalizedOddsDifference(data, { ...o, agg: "mean" }).value,
        (tpr.d + fpr.d) / 2,
        TOL,
      );
    }
  }
});

Deno.test("each AIF360 measure equals its composition from the two sides' rates", () => {
  for (const c of CASES) {
    const data = input(c);
    const o = { ...o1, privileged: c.aif360[0]!.privileged };
    const di = disparateImpact(data, o);
    const [u, p] = di.groups as [typeof di.groups[0], typeof di.groups[0]];
    assertEquals(di.value, u.selectionRate / p.selectionRate);
    assertEquals(statisticalParityDifference(data, o).value, u.selectionRate - p.selectionRate);
    assertEquals(
      aif360EqualOpportunityDifference(data, o).value,
      u.truePositiveRate - p.truePositiveRate,
    );
    assertAlmostEquals(
      averageOddsDifference(data, o).value,
      ((u.falsePositiveRate - p.falsePositiveRate) + (u.truePositiveRate - p.truePositiveRate)) /
        2,
      TOL,
    );
    assertEquals(u.n + p.n, c.yTrue.length);
  }
});

Deno.test("swapping the groups flips AIF360's differences and inverts its ratios", () => {
  const data = input(CASES.find((c) => c.name === "hand")!);
  const a = { ...o1, privileged: "p", unprivileged: "u" };
  const b = { ...o1, privileged: "u", unprivileged: "p" };
  for (
    const f of [
      statisticalParityDifference,
      aif360EqualOpportunityDifference,
      averageOddsDifference,
    ]
  ) {
    const x = f(data, a).value, y = f(data, b).value;
    assert(x !== 0, "the hand case must have a disparity");
    assertAlmostEquals(x, -y, TOL);
  }
  assertAlmostEquals(disparateImpact(data, a).value, 1 / disparateImpact(data, b).value, TOL);
  // Random cases with a named unprivileged group, too.
  for (const c of CASES.slice(2)) {
    const { privileged, unprivileged } = c.aif360[1]!;
    const d = input(c);
    const fwd = { ...o1, privileged, unprivileged: unprivileged! };
    const back = { ...o1, privileged: unprivileged!, unprivileged: privileged };
    assertAlmostEquals(
      statisticalParityDifference(d, fwd).value,
      -statisticalParityDifference(d, back).value,
      TOL,
    );
    assertAlmostEquals(disparateImpact(d, fwd).value * disparateImpact(d, back).value, 1, TOL);
  }
});

Deno.test("parity measures are 0 (differences) and 1 (ratios) on identical groups", () => {
  const y = [1, 1, 0, 0, 1, 0];
  const p = [1, 0, 1, 0, 1, 0];
  const data = {
    yTrue: [...y, ...y],
    yPred: [...p, ...p],
    sensitive: { g: [...y.map(() => "a"), ...y.map(() => "b")] },
  };
  for (const method of ["between_groups", "to_overall"] as const) {
    const o = { ...o1, method };
    assertEquals(demographicParityDifference(data, o).value, 0);
    assertEquals(demographicParityRatio(data, o).value, 1);
    assertEquals(equalizedOddsDifference(data, o).value, 0);
    assertEquals(equalizedOddsRatio(data, o).value, 1);
    assertEquals(equalOpportunityDifference(data, o).value, 0);
    assertEquals(equalOpportunityRatio(data, o).value, 1);
  }
  const a = { ...o1, privileged: "a" };
  assertEquals(disparateImpact(data, a).value, 1);
  assertEquals(statisticalParityDifference(data, a).value, 0);
  assertEquals(aif360EqualOpportunityDifference(data, a).value, 0);
  assertEquals(averageOddsDifference(data, a).value, 0);
  assertEquals(fourFifthsRule(data, o1).flagged, false);
});

Deno.test("a group with no positives makes TPR-based measures error results", () => {
  const data = {
    yTrue: [1, 0, 1, 0, 0, 0],
    yPred: [1, 0, 0, 1, 1, 0],
    sensitive: { g: ["a", "a", "a", "b", "b", "b"] },
  };
  for (
    const r of [
      equalOpportunityDifference(data, o1),
      equalOpportunityRatio(data, o1),
      equalizedOddsDifference(data, o1),
      aif360EqualOpportunityDifference(data, { ...o1, privileged: "a" }),
      averageOddsDifference(data, { ...o1, privileged: "a" }),
    ]
  ) {
    assertEquals(r.status, "error", r.measure);
    assert(Number.isNaN(r.value));
    assert(/positive/.test(r.reason ?? ""), r.reason);
  }
  // Selection-rate measures are still defined.
  assertEquals(demographicParityDifference(data, o1).status, "ok");
  // No one selected anywhere: every ratio is 0/0.
  const none = { ...data, yTrue: [1, 0, 1, 1, 0, 1], yPred: [0, 0, 0, 0, 0, 0] };
  const ratio = demographicParityRatio(none, o1);
  assertEquals([ratio.status, ratio.reason], [
    "error",
    "Every group's selection_rate is 0: the ratio is undefined (0/0)",
  ]);
  assertEquals(equalizedOddsRatio(none, o1).status, "error");
  assertEquals(demographicParityDifference(none, o1).value, 0);
});

Deno.test("too few rows, a single group and no rows are error results, not exceptions", () => {
  const small = {
    yTrue: [1, 0, 1, 0, 1],
    yPred: [1, 0, 0, 1, 1],
    sensitive: { g: ["a", "a", "a", "b", "b"] },
  };
  const r = demographicParityDifference(small);
  assertEquals(r.status, "error");
  assert(r.reason!.includes('Group "a": Too few rows: 3 < minGroupSize 30'), r.reason);
  const single = { yTrue: [1, 0], yPred: [1, 1], sensitive: { g: ["a", "a"] } };
  const s = demographicParityRatio(single, o1);
  assertEquals(s.status, "error");
  assert(s.reason!.includes("Only one group"), s.reason);
  const empty = { yTrue: [], yPred: [], sensitive: { g: [] } };
  for (const e of [demographicParityDifference(empty, o1), theilIndex(empty, o1)]) {
    assertEquals([e.status, e.reason], ["error", "No rows"]);
  }
  assertEquals(statisticalParityDifference(empty, { ...o1, privileged: "x" }).reason, "No rows");
  const f = metricFrame(empty, { minGroupSize: 1 });
  assertEquals([f.status, f.reason, f.byGroup.length], ["error", "No rows", 0]);
});

Deno.test("misuse throws: lengths, labels, unknown groups and options", () => {
  const data = { yTrue: [1, 0], yPred: [1, 0], sensitive: { g: ["a", "b"] } };
  assertThrows(() => demographicParityDifference({ ...data, yPred: [1] }), TypeError, "yPred 1");
  assertThrows(
    () => demographicParityDifference({ ...data, yPred: [1, 2] }),
    RangeError,
    "yPred[1] is 2",
  );
  assertThrows(() => disparateImpact(data, { privileged: "c" }), RangeError, '"c" is not among');
  const typed = { ...data, yTrue: Uint8Array.of(1, 2) };
  assertThrows(() => demographicParityDifference(typed), RangeError, "yTrue[1] is 2");
  const half = { ...data, yPred: Float64Array.of(0.5, 1) };
  assertThrows(() => demographicParityDifference(half), RangeError, "yPred[0] is 0.5");
  assertThrows(
    () => demographicParityDifference(data, { method: "max" as "to_overall" }),
    RangeError,
    'unknown method "max"',
  );
  assertThrows(
    () => equalizedOddsDifference(data, { agg: "median" as "mean" }),
    RangeError,
    'unknown agg "median"',
  );
  assertThrows(
    () => demographicParityDifference({ ...data, sensitive: { g: ["a"] } }),
    TypeError,
    '"g" has 1 values for 2 rows',
  );
});

Deno.test("the four-fifths flag carries fairlearn's caveat and follows the ratio", () => {
  const c = CASES.find((c) => c.name === "fairlearn_docs")!;
  const r = fourFifthsRule(input(c), o1);
  assertEquals(r.value, demographicParityRatio(input(c), o1).value);
  assertEquals(r.flagged, r.value < 0.8);
  assertEquals(r.caveat, FOUR_FIFTHS_CAVEAT);
  assert(/prima facie/.test(r.caveat) && /not as a verdict/.test(r.caveat));
  assertEquals(fourFifthsRule(input(c), { ...o1, threshold: 0.5 }).flagged, false);
  assertThrows(() => fourFifthsRule(input(c), { threshold: 1.5 }), RangeError, "threshold");
});

Deno.test("the Theil index is 0 for perfect predictions and within [0, ln n]", () => {
  const y = [1, 0, 1, 1, 0];
  assertEquals(theilIndex({ yTrue: y, yPred: y, sensitive: { g: y } }, o1).value, 0);
  for (const c of CASES) {
    const t = theilIndex(input(c), o1).value;
    assert(t >= 0 && t <= Math.log(c.yTrue.length));
  }
  const allFn = theilIndex({ yTrue: [1, 1], yPred: [0, 0], sensitive: { g: ["a", "b"] } }, o1);
  assertEquals(allFn.status, "error");
});
