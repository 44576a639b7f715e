import { OnlineLogisticRegression } from "../../lib/model/online_logistic_regression.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/online_model.json", import.meta.url)),
) as { l2: number; X: number[][]; y: number[]; coef: number[]; intercept: number; proba: number[] };

Deno.test("OnlineLogisticRegression.fit() with a decaying step converges to scikit-learn's penalised batch fit", () => {
  const model = new OnlineLogisticRegression({
    featureNames: ["a", "b"],
    l2: golden.l2,
    learningRate: 0.1,
    decay: 0.001,
    seed: 1,
  }).fit(golden.X, golden.y, 200);
  assertAlmostEquals(model.weights[0]!, golden.coef[0]!, 0.01);
  assertAlmostEquals(model.weights[1]!, golden.coef[1]!, 0.01);
  assertAlmostEquals(model.intercept, golden.intercept, 0.01);
  const p = golden.X.slice(0, 5).map((x) => model.predictProbaOne(x));
  p.forEach((v, i) => assertAlmostEquals(v, golden.proba[i]!, 0.005));
  assertEquals(model.updates, 200 * golden.X.length);
});

Deno.test("OnlineLogisticRegression is deterministic for a seed and depends on it", () => {
  const fit = (seed: number) =>
    new OnlineLogisticRegression({ featureNames: ["a", "b"], seed }).fit(golden.X, golden.y, 3);
  assertEquals(Array.from(fit(7).weights), Array.from(fit(7).weights));
  assert(fit(7).weights[0] !== fit(8).weights[0]);
});

Deno.test("OnlineLogisticRegression separates a separable problem, raw or standardised", () => {
  for (const standardize of [true, false]) {
    const m = new OnlineLogisticRegression({ featureNames: ["x"], standardize, learningRate: 0.1 });
    for (let i = 0; i < 4000; i++) m.learnOne([(i * 7) % 20], (i * 7) % 20 >= 10);
    assertEquals(m.predict([[1], [4], [15], [18]]), [0, 0, 1, 1]);
  }
});

Deno.test("OnlineLogisticRegression tracks a flipped concept that a frozen model gets wrong", () => {
  const m = new OnlineLogisticRegression({ featureNames: ["x"] });
  for (let i = 0; i < 3000; i++) m.learnOne([i % 10], i % 10 >= 5 ? 1 : 0);
  assertEquals(m.predict([[1], [8]]), [0, 1]);
  for (let i = 0; i < 3000; i++) m.learnOne([i % 10], i % 10 >= 5 ? 0 : 1);
  assertEquals(m.predict([[1], [8]]), [1, 0]);
});

Deno.test("OnlineLogisticRegression predictProba is row-major n x 2, rows summing to 1", () => {
  const m = new OnlineLogisticRegression({ featureNames: ["x"] }).learnMany([[0], [1]], [0, 1]);
  const p = m.predictProba([[0], [5], [-3]]);
  assertEquals(p.length, 6);
  for (let i = 0; i < 3; i++) assertAlmostEquals(p[2 * i]! + p[2 * i + 1]!, 1, 1e-12);
  assertEquals(new OnlineLogisticRegression({ featureNames: ["x"] }).predictProbaOne([3]), 0.5);
});

Deno.test("OnlineLogisticRegression rejects bad options, widths, values and labels", () => {
  assertThrows(() => new OnlineLogisticRegression({ featureNames: [] }), TypeError, "empty");
  assertThrows(
    () => new OnlineLogisticRegression({ featureNames: ["x"], learningRate: 0 }),
    RangeError,
    "learningRate",
  );
  assertThrows(
    () => new OnlineLogisticRegression({ featureNames: ["x"], l2: -1 }),
    RangeError,
    "l2",
  );
  const m = new OnlineLogisticRegression({ featureNames: ["x", "y"] });
  assertThrows(() => m.learnOne([1], 0), TypeError, "expected 2 features");
  assertThrows(() => m.learnOne([1, NaN], 0), RangeError, 'feature "y"');
  assertThrows(() => m.learnOne([1, 2], 2), RangeError, "label must be 0 or 1");
  assertThrows(() => m.learnMany([[1, 2]], []), TypeError, "1 rows but 0 labels");
  assertThrows(() => m.fit([[1, 2]], [1], 0), RangeError, "epochs");
});
