import process from "node:process";
import { loadIris } from "../../lib/data/iris.ts";
import { trainLogisticRegression } from "../../lib/model/logistic_regression.ts";
import { sklearnTrainTestSplit } from "../../lib/data/sklearn_split.ts";
import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertRelativeEquals,
  assertThrows,
} from "../_assert.ts";

interface ModelGolden {
  split: { train: number[]; test: number[] };
  standardScaler: { mean: number[]; scale: number[] };
  logisticRegression: { testCorrect: number; testAccuracy: number; testPredictions: number[] };
  articleSplit: { train: number[]; test: number[]; testCorrect: number; testAccuracy: number };
}
const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/model.json", import.meta.url)),
) as ModelGolden;
const iris = await loadIris();
const rows = (idx: number[]) => idx.map((i) => iris.X[i]!);
const labels = (idx: number[]) => idx.map((i) => iris.y[i]!);
const XTrain = rows(golden.split.train);
const yTrain = labels(golden.split.train);
const XTest = rows(golden.split.test);
const yTest = labels(golden.split.test);

// CPU time rather than wall time, so that a busy CI machine does not fail the budget.
const cpuBefore = process.cpuUsage();
const started = performance.now();
const model = trainLogisticRegression(XTrain, yTrain, {
  classNames: iris.classNames,
  featureNames: iris.featureNames,
});
const trainMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const trainCpuMs = (cpu.user + cpu.system) / 1000;

Deno.test("trainLogisticRegression() trains Iris with the defaults in under 2 s of CPU", () => {
  assert(trainCpuMs < 2000, `training took ${trainCpuMs.toFixed(0)} ms of CPU`);
});

Deno.test("on the article's split (test_size=0.2, random_state=42) Vigil is within one flower of scikit-learn", () => {
  const article = golden.articleSplit;
  const split = sklearnTrainTestSplit(iris.X.length, { testSize: 0.2, randomState: 42 });
  assertEquals([...split.test], article.test, "the article's 30 test flowers");
  assertEquals([...split.train], article.train);
  const m = trainLogisticRegression(rows(article.train), labels(article.train));
  const yArticle = labels(article.test);
  const correct = m.predict(rows(article.test)).filter((c, i) => c === yArticle[i]).length;
  assert(
    correct >= article.testCorrect - 1,
    `Vigil ${correct}/30, scikit-learn ${article.testCorrect}/30 on the article's split`,
  );
  console.log(
    `Article split test accuracy: Vigil ${correct}/30, scikit-learn ${article.testCorrect}/30`,
  );
});

Deno.test("trainLogisticRegression() Iris test accuracy is within one sample of scikit-learn's", () => {
  const pred = model.predict(XTest);
  const correct = pred.filter((c, i) => c === yTest[i]).length;
  const sk = golden.logisticRegression;
  assert(
    correct >= sk.testCorrect - 1,
    `Vigil ${correct}/${yTest.length}, scikit-learn ${sk.testCorrect}/${yTest.length}`,
  );
  const agree = pred.filter((c, i) => c === sk.testPredictions[i]).length;
  assert(agree >= yTest.length - 2, `agrees with scikit-learn on ${agree}/${yTest.length} rows`);
  // Recorded for the report: the comparison, not just pass/fail.
  console.log(
    `Iris seed-42 test accuracy: Vigil ${correct}/${yTest.length}, scikit-learn ` +
      `${sk.testCorrect}/${yTest.length}; agreement ${agree}/${yTest.length}; ` +
      `training ${trainMs.toFixed(0)} ms wall, ${trainCpuMs.toFixed(0)} ms CPU`,
  );
});

Deno.test("trainLogisticRegression() standardises with scikit-learn StandardScaler's mean and scale", () => {
  golden.standardScaler.mean.forEach((m, j) => assertRelativeEquals(model.means[j]!, m, 1e-9));
  golden.standardScaler.scale.forEach((s, j) => assertRelativeEquals(model.scales[j]!, s, 1e-9));
});

Deno.test("trainLogisticRegression() probabilities are in [0, 1], sum to 1 and agree with predict", () => {
  const proba = model.predictProba(iris.X);
  const pred = model.predict(iris.X);
  for (let i = 0; i < iris.X.length; i++) {
    const p = proba.subarray(3 * i, 3 * i + 3);
    assert(p.every((v) => v >= 0 && v <= 1), `row ${i}: ${p}`);
    assertAlmostEquals(p[0]! + p[1]! + p[2]!, 1, 1e-12);
    assertEquals(p.indexOf(Math.max(...p)), pred[i], `row ${i}`);
  }
});

Deno.test("trainLogisticRegression() fits an intercept", () => {
  // All x are positive: without an intercept a linear score cannot change sign between them.
  const X = [[10], [11], [12], [13], [20], [21], [22], [23]];
  const y = [0, 0, 0, 0, 1, 1, 1, 1];
  const m = trainLogisticRegression(X, y, {
    standardize: false,
    numSteps: 3000,
    learningRate: 0.01,
  });
  assertEquals([...m.predict(X)], y);
  assertEquals([...m.means, ...m.scales], [0, 1]);
});

Deno.test("trainLogisticRegression() predictions do not depend on feature units when standardising", () => {
  const scaled = XTrain.map((r) => r.map((v, j) => v * 10 ** j + 100));
  const m2 = trainLogisticRegression(scaled, yTrain);
  const scaledTest = XTest.map((r) => r.map((v, j) => v * 10 ** j + 100));
  assertEquals(m2.predict(scaledTest), model.predict(XTest));
  const a = m2.predictProba(scaledTest);
  const b = model.predictProba(XTest);
  a.forEach((v, i) => assertAlmostEquals(v, b[i]!, 1e-9));
});

Deno.test("trainLogisticRegression() is deterministic and does not mutate its inputs", () => {
  const X = XTrain.map((r) => Float64Array.from(r));
  const y = Int32Array.from(yTrain);
  const before = JSON.stringify([X.map((r) => [...r]), [...y]]);
  const a = trainLogisticRegression(X, y, { numSteps: 50 });
  const b = trainLogisticRegression(X, y, { numSteps: 50 });
  assertEquals(a.toJSON(), b.toJSON());
  assertEquals(JSON.stringify([X.map((r) => [...r]), [...y]]), before);
});

Deno.test("trainLogisticRegression() gives a constant feature scale 1 and default names", () => {
  // Six copies of 0.1 have a mean of 0.09999999999999999: a naive standard deviation is 1.4e-17.
  const X = [[1, 0.1], [2, 0.1], [3, 0.1], [7, 0.1], [8, 0.1], [9, 0.1]];
  const m = trainLogisticRegression(X, [0, 0, 0, 1, 1, 1]);
  assertEquals(m.scales[1], 1);
  assertEquals(m.featureNames, ["x0", "x1"]);
  assertEquals(m.classNames, ["0", "1"]);
  assertEquals([...m.predict([[1.5, 0.1], [8.5, 0.1]])], [0, 1]);
  assert(m.weights.every(Number.isFinite));
});

Deno.test("trainLogisticRegression() rejects mis-shaped X, y and names with TypeError", () => {
  const y = [0, 1];
  assertThrows(
    () => trainLogisticRegression(5 as unknown as number[][], y),
    TypeError,
    "array of rows",
  );
  assertThrows(() => trainLogisticRegression([], []), TypeError, "no rows");
  assertThrows(
    () => trainLogisticRegression([[1, 2], [3]], y),
    TypeError,
    "row 1 has 1 features, expected 2",
  );
  assertThrows(
    () => trainLogisticRegression([[1], [2]], [0, 1, 1]),
    TypeError,
    "expected 2 labels",
  );
  assertThrows(
    () => trainLogisticRegression([[1], [2]], y, { featureNames: ["a", "b"] }),
    TypeError,
    "2 feature names for 1 columns",
  );
});

Deno.test("trainLogisticRegression() rejects NaN features naming the row and column", () => {
  const X = [[1, 2], [3, 4], [5, NaN]];
  assertThrows(
    () => trainLogisticRegression(X, [0, 1, 1], { featureNames: ["sepal", "petal"] }),
    RangeError,
    `feature "petal" (column 1) in row 2 is not a finite number, got NaN`,
  );
  assertThrows(() => trainLogisticRegression([[Infinity], [1]], [0, 1]), RangeError, "row 0");
});

Deno.test("trainLogisticRegression() rejects bad labels and settings with RangeError", () => {
  const X = [[1], [2], [3]];
  assertThrows(() => trainLogisticRegression(X, [0, 1, 1.5]), RangeError, "row 2");
  assertThrows(() => trainLogisticRegression(X, [0, -1, 1]), RangeError, "row 1");
  assertThrows(() => trainLogisticRegression(X, [0, 0, 0]), RangeError, "at least 2 classes");
  assertThrows(
    () => trainLogisticRegression(X, [0, 2, 2]),
    RangeError,
    "class 1 has no training rows",
  );
  assertThrows(
    () => trainLogisticRegression(X, [0, 1, 1], { classNames: ["a", "b", "c"] }),
    RangeError,
    `class 2 ("c") has no training rows`,
  );
  assertThrows(
    () => trainLogisticRegression(X, [0, 1, 2], { classNames: ["a", "b"] }),
    RangeError,
    "out of range",
  );
  for (const numSteps of [0, 1.5, -1]) {
    assertThrows(() => trainLogisticRegression(X, [0, 1, 1], { numSteps }), RangeError, "numSteps");
  }
  for (const learningRate of [0, -1, NaN, Infinity]) {
    assertThrows(
      () => trainLogisticRegression(X, [0, 1, 1], { learningRate }),
      RangeError,
      "learningRate",
    );
  }
});
