import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { type FairnessBias, fairnessScenario } from "../../lib/data/fairness_scenario.ts";
import { trainLogisticRegression } from "../../lib/model/logistic_regression.ts";
import {
  demographicParityDifference,
  disparateImpact,
  equalizedOddsDifference,
} from "../../lib/fairness/mod.ts";

function fitted(bias: FairnessBias) {
  const train = fairnessScenario(bias, { n: 1500, seed: 1 });
  const test = fairnessScenario(bias, { n: 3000, seed: 2 });
  const model = trainLogisticRegression(train.X, train.y, {
    featureNames: train.featureNames,
    numSteps: 150,
  });
  const yPred = model.predict(test.X);
  return { test, data: { yTrue: test.y, yPred, sensitive: { group: test.group } } };
}

Deno.test("fairnessScenario() is reproducible and windows are independent streams", () => {
  const a = fairnessScenario("proxy", { n: 50, seed: 9 });
  const b = fairnessScenario("proxy", { n: 50, seed: 9 });
  assertEquals(a, b);
  const w1 = fairnessScenario("proxy", { n: 50, seed: 9, window: 1 });
  assert(w1.X[0]![0] !== a.X[0]![0]);
});

Deno.test("a logistic regression trains and predicts on every scenario; each bias shows where it should", () => {
  const none = fitted("none"), hist = fitted("historical_labels"), proxy = fitted("proxy");
  const drift = fitted("drifting_share");
  for (const { data } of [none, hist, proxy, drift]) {
    const acc = data.yPred.reduce((s, p, i) => s + +(p === data.yTrue[i]), 0) / data.yPred.length;
    assert(acc > 0.75, `accuracy ${acc}`);
  }
  const dpd = (f: ReturnType<typeof fitted>) => demographicParityDifference(f.data).value;
  const eod = (f: ReturnType<typeof fitted>) => equalizedOddsDifference(f.data).value;
  // No bias: near parity on both.
  assert(dpd(none) < 0.03 && eod(none) < 0.06, `${dpd(none)} ${eod(none)}`);
  // Biased labels, no proxy: the model cannot copy the bias (parity of selection) but its errors
  // against the biased labels differ by group.
  assert(dpd(hist) < 0.03 && eod(hist) > 0.15, `${dpd(hist)} ${eod(hist)}`);
  // A proxy carries the biased labels into the model: selection rates part.
  assert(dpd(proxy) > 0.07, `${dpd(proxy)}`);
  assert(disparateImpact(proxy.data, { privileged: "a" }).value < 0.8);
});

Deno.test("the drifting share steps by window from share to share + strength", () => {
  const shares = [0, 3, 9, 12].map((window) =>
    fairnessScenario("drifting_share", { n: 4000, window, strength: 0.45 })
  );
  [0.05, 0.2, 0.5, 0.5].forEach((e, i) => assertAlmostEquals(shares[i]!.share, e, 1e-15));
  const observed = shares.map((s) => s.group.filter((g) => g === "b").length / 4000);
  observed.forEach((o, i) => assert(Math.abs(o - shares[i]!.share) < 0.03, `${o}`));
  // No label bias in this scenario.
  assertEquals(shares[2]!.y, shares[2]!.yDeserved);
});

Deno.test("the bias knob at 0 is no bias, and bad options throw", () => {
  const s = fairnessScenario("proxy", { n: 200, strength: 0 });
  const n = fairnessScenario("none", { n: 200 });
  assertEquals(s.y, s.yDeserved);
  assertEquals(s.X, n.X);
  assertThrows(() => fairnessScenario("loud" as FairnessBias), RangeError, 'unknown bias "loud"');
  assertThrows(() => fairnessScenario("none", { strength: 2 }), RangeError, "strength");
  assertThrows(() => fairnessScenario("none", { n: 1.5 }), RangeError, "n must be");
});
