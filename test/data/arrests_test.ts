import { assert, assertEquals } from "../_assert.ts";
import { ARRESTS_FEATURES, loadArrests } from "../../lib/data/arrests.ts";
import { trainLogisticRegression } from "../../lib/model/logistic_regression.ts";
import {
  demographicParityDifference,
  disparateImpact,
  metricFrame,
} from "../../lib/fairness/mod.ts";

// Totals printed by R from carData::Arrests (summary(), table(), sum()) when the CSV was written
// by scripts/convert_arrests.R; see data/README.md.
const R_TOTALS = {
  n: 5226,
  released: 4334,
  black: 1288,
  blackReleased: 955,
  female: 443,
  employed: 4111,
  citizen: 4455,
  ageSum: 124622,
  checksSum: 8552,
  years: [1997, 2002],
};

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

Deno.test("loadArrests() reads carData's Arrests with R's totals", async () => {
  const a = await loadArrests();
  assertEquals(a.released.length, R_TOTALS.n);
  assertEquals(sum(a.released), R_TOTALS.released);
  assertEquals(a.colour.filter((c) => c === "Black").length, R_TOTALS.black);
  assertEquals(
    a.colour.filter((c, i) => c === "Black" && a.released[i] === 1).length,
    R_TOTALS.blackReleased,
  );
  assertEquals(a.sex.filter((s) => s === "Female").length, R_TOTALS.female);
  assertEquals(sum(a.employed), R_TOTALS.employed);
  assertEquals(sum(a.citizen), R_TOTALS.citizen);
  assertEquals(sum(a.age), R_TOTALS.ageSum);
  assertEquals(sum(a.checks), R_TOTALS.checksSum);
  assertEquals([Math.min(...a.year), Math.max(...a.year)], R_TOTALS.years);
  assert(a.released instanceof Uint8Array && a.age instanceof Int32Array);
  assertEquals(a.featureNames, [...ARRESTS_FEATURES]);
  assertEquals(Array.from(a.X[0]!), [2002, 21, 1, 1, 3]);
});

Deno.test("a logistic regression trains on Arrests and its by-colour release rates can be measured", async () => {
  const a = await loadArrests();
  const model = trainLogisticRegression(a.X, a.released, {
    featureNames: a.featureNames,
    numSteps: 150,
  });
  const pred = model.predict(a.X);
  const accuracy = pred.reduce((s, p, i) => s + +(p === a.released[i]), 0) / pred.length;
  // The majority class alone scores 4334 / 5226 = 0.829.
  assert(accuracy >= 4334 / 5226, `accuracy ${accuracy}`);
  const data = { yTrue: a.released, yPred: pred, sensitive: { colour: a.colour } };
  const frame = metricFrame(data, { metric: "selection_rate" });
  assertEquals(frame.byGroup.map((g) => g.group), ["Black", "White"]);
  const di = disparateImpact(data, { privileged: "White" });
  assertEquals(di.status, "ok");
  assert(
    di.value < 1,
    `a model without colour as a feature still releases Black arrestees less: ${di.value}`,
  );
  assertEquals(demographicParityDifference(data).value, frame.difference);
  // Recorded outcomes: 955/1288 Black and 3379/3938 White arrestees released.
  const labels = metricFrame({ ...data, yPred: a.released });
  assertEquals(labels.byGroup.map((g) => g.value), [955 / 1288, 3379 / 3938]);
});
