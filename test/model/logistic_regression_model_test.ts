import { trainLogisticRegression } from "../../lib/model/logistic_regression.ts";
import {
  type LogisticRegressionJSON,
  LogisticRegressionModel,
} from "../../lib/model/logistic_regression_model.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { seededRandom } from "../../lib/stats/random.ts";

const random = seededRandom(3);
const X = Array.from(
  { length: 60 },
  (_, i) => [i % 3 + random(), random() * 2, (i % 3) * 2 - random()],
);
const y = X.map((_, i) => i % 3);
const model = trainLogisticRegression(X, y, {
  numSteps: 200,
  classNames: ["a", "b", "c"],
  featureNames: ["f", "g", "h"],
});
const probe = Array.from({ length: 25 }, () => [random() * 4 - 1, random() * 3, random() * 6 - 2]);

function tiny(weights: number[][]): LogisticRegressionJSON {
  return {
    kind: "vigil.logistic_regression",
    version: 1,
    featureNames: ["x"],
    classNames: weights.map((_, c) => `c${c}`),
    standardize: false,
    means: [0],
    scales: [1],
    weights,
    numSteps: 1,
    learningRate: 1,
  };
}

Deno.test("LogisticRegressionModel JSON round trip predicts exactly the same", () => {
  const json = JSON.parse(JSON.stringify(model));
  const copy = LogisticRegressionModel.fromJSON(json);
  assertEquals(copy.toJSON(), model.toJSON());
  assertEquals(copy.predict(probe), model.predict(probe));
  assertEquals(copy.predictProba(probe), model.predictProba(probe));
  assertEquals(copy.decisionFunction(probe), model.decisionFunction(probe));
  assertEquals(copy.featureNames, ["f", "g", "h"]);
  assertEquals(copy.classNames, ["a", "b", "c"]);
});

Deno.test("LogisticRegressionModel.decisionFunction() is the intercept plus weights on standardised rows", () => {
  const s = model.decisionFunction(probe);
  probe.forEach((row, i) => {
    for (let c = 0; c < 3; c++) {
      const w = model.weights.subarray(c * 4, c * 4 + 4);
      let expected = w[0]!;
      row.forEach((v, j) => expected += w[j + 1]! * (v - model.means[j]!) / model.scales[j]!);
      assertAlmostEquals(s[i * 3 + c]!, expected, 1e-12);
    }
  });
});

Deno.test("LogisticRegressionModel.predictProba() normalises the one-vs-rest sigmoids", () => {
  const s = model.decisionFunction(probe);
  const p = model.predictProba(probe);
  for (let i = 0; i < probe.length; i++) {
    const sig = [0, 1, 2].map((c) => 1 / (1 + Math.exp(-s[i * 3 + c]!)));
    const sum = sig[0]! + sig[1]! + sig[2]!;
    sig.forEach((v, c) => assertAlmostEquals(p[i * 3 + c]!, v / sum, 1e-12));
  }
});

Deno.test("LogisticRegressionModel.predictProba() stays normalised when every sigmoid underflows", () => {
  const m = LogisticRegressionModel.fromJSON(tiny([[-2000, 0], [-1000, 0], [-3000, 0]]));
  const p = m.predictProba([[0], [1e300]]);
  assert(p.every(Number.isFinite), `${p}`);
  assertAlmostEquals(p[0]! + p[1]! + p[2]!, 1, 1e-12);
  assertEquals(p[1], 1);
  assertEquals(m.predict([[0]])[0], 1);
});

Deno.test("LogisticRegressionModel.predict() picks the first class on ties", () => {
  const m = LogisticRegressionModel.fromJSON(tiny([[0, 1], [0, 1], [0, 0]]));
  assertEquals([...m.predict([[1], [-1], [0]])], [0, 2, 0]);
});

Deno.test("LogisticRegressionModel checks rows at prediction time", () => {
  assertThrows(() => model.predict([[1, 2]]), TypeError, "row 0 has 2 features, expected 3");
  assertThrows(() => model.predictProba([[1, 2, 3], [1, 2, 3, 4]]), TypeError, "row 1");
  assertThrows(
    () => model.predict([[1, 2, 3], [1, NaN, 3]]),
    RangeError,
    `feature "g" (column 1) in row 1`,
  );
  assertThrows(() => model.decisionFunction([]), TypeError, "no rows");
});

Deno.test("LogisticRegressionModel.fromJSON() rejects malformed models with TypeError", () => {
  const good = model.toJSON();
  const bad: unknown[] = [
    null,
    { ...good, kind: "other" },
    { ...good, version: 2 },
    { ...good, means: [0, 0] },
    { ...good, weights: good.weights.slice(1) },
    { ...good, weights: good.weights.map((w) => w.slice(1)) },
    { ...good, classNames: ["a"], weights: good.weights.slice(0, 1) },
  ];
  for (const json of bad) {
    assertThrows(
      () => LogisticRegressionModel.fromJSON(json as LogisticRegressionJSON),
      TypeError,
      "Cannot load",
    );
  }
  assertThrows(
    () => LogisticRegressionModel.fromJSON({ ...good, scales: [1, NaN, 1] }),
    TypeError,
    "not finite",
  );
});

Deno.test("LogisticRegressionModel does not share state with its JSON", () => {
  const json = model.toJSON();
  json.weights[0]![0] = 999;
  json.featureNames[0] = "changed";
  assert(model.weights[0] !== 999);
  assertEquals(model.featureNames[0], "f");
});
