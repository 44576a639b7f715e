import { LogisticRegressionModel } from "../../lib/model/logistic_regression_model.ts";
import {
  exactShapley,
  kernelShap,
  kmeansBackground,
  linearAttributionBatch,
  linearAttributions,
  type ProbabilisticModel,
  sampleBackground,
} from "../../lib/explain/mod.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assert, assertAlmostEquals, assertThrows } from "../_assert.ts";

const random = seededRandom(11);

function randomModel(p: number, k: number, standardize: boolean): LogisticRegressionModel {
  return new LogisticRegressionModel({
    kind: "vigil.logistic_regression",
    version: 1,
    featureNames: Array.from({ length: p }, (_, j) => `f${j}`),
    classNames: Array.from({ length: k }, (_, c) => `c${c}`),
    standardize,
    means: Array.from({ length: p }, () => standardize ? random() * 4 - 2 : 0),
    scales: Array.from({ length: p }, () => standardize ? 0.5 + random() * 2 : 1),
    weights: Array.from({ length: k }, () => Array.from({ length: p + 1 }, () => random() * 4 - 2)),
    numSteps: 1,
    learningRate: 1,
  });
}

function rows(n: number, p: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: p }, () => random() * 6 - 3));
}

/** A nonlinear model with interactions and several outputs (probabilities of a softmax). */
function nonlinear(p: number): ProbabilisticModel {
  return {
    nFeatures: p,
    predictProba(X) {
      const out = new Float64Array(X.length * 3);
      for (let i = 0; i < X.length; i++) {
        const r = X[i]!;
        let a = 0, b = 0;
        for (let j = 0; j < p; j++) {
          a += Math.sin(r[j]! * (j + 1)) * 0.7;
          b += r[j]! * r[(j + 1) % p]! * 0.3;
        }
        const z = [a, b, -a - b + r[0]! * r[p - 1]!];
        const m = Math.max(...z);
        const e = z.map((v) => Math.exp(v - m));
        const s = e.reduce((u, v) => u + v, 0);
        for (let c = 0; c < 3; c++) out[i * 3 + c] = e[c]! / s;
      }
      return out;
    },
  };
}

function logOdds(model: LogisticRegressionModel): ProbabilisticModel {
  return { nFeatures: model.nFeatures, predictProba: (X) => model.decisionFunction(X) };
}

Deno.test("linearAttributions() sums to logit(x) − mean logit over the background to 1e-12", () => {
  for (const standardize of [true, false]) {
    const model = randomModel(5, 3, standardize);
    const background = rows(40, 5);
    const X = rows(30, 5);
    const batch = linearAttributionBatch(model, X, { background });
    const s = model.decisionFunction(X);
    const sb = model.decisionFunction(background);
    for (let c = 0; c < 3; c++) {
      let mean = 0;
      for (let b = 0; b < 40; b++) mean += sb[b * 3 + c]! / 40;
      assertAlmostEquals(batch.baseValues[c]!, mean, 1e-12);
      for (let i = 0; i < 30; i++) {
        let sum = 0;
        for (let j = 0; j < 5; j++) sum += batch.values[(i * 3 + c) * 5 + j]!;
        assertAlmostEquals(sum, s[i * 3 + c]! - mean, 1e-12);
      }
    }
  }
});

Deno.test("linearAttributions() equals exact Shapley enumeration of the log-odds", () => {
  const model = randomModel(6, 3, true);
  const background = rows(25, 6);
  for (const x of rows(5, 6)) {
    const lin = linearAttributions(model, x, { background });
    const exact = exactShapley(logOdds(model), x, background);
    for (let c = 0; c < 3; c++) {
      assertAlmostEquals(lin.baseValues[c]!, exact.baseValues[c]!, 1e-12);
      assertAlmostEquals(lin.output[c]!, exact.output[c]!, 1e-12);
      for (let j = 0; j < 6; j++) {
        assertAlmostEquals(lin.values[c]![j]!, exact.values[c]![j]!, 1e-12);
      }
    }
  }
});

Deno.test("linearAttributions() defaults to the training means and accepts a baseline", () => {
  const model = randomModel(3, 2, true);
  const x = [1, 2, 3];
  const byDefault = linearAttributions(model, x);
  const explicit = linearAttributions(model, x, { baseline: model.means });
  assert(JSON.stringify(byDefault) === JSON.stringify(explicit));
  // At the baseline every contribution is 0 and the base value is the intercept.
  const atMean = linearAttributions(model, Array.from(model.means));
  assert(atMean.values.flat().every((v) => v === 0));
  assertAlmostEquals(atMean.baseValues[0]!, model.weights[0]!, 1e-15);
  assertThrows(() => linearAttributions(model, [1, 2]), TypeError);
  assertThrows(() => linearAttributions(model, [1, NaN, 2]), RangeError);
});

Deno.test("kernelShap() is exact and additive to 1e-10 when every coalition is enumerated", () => {
  for (const p of [2, 3, 4, 5, 6, 7, 8]) {
    const model = nonlinear(p);
    const background = rows(12, p);
    const weights = background.map(() => 0.5 + random());
    for (const x of rows(2, p)) {
      const k = kernelShap(model, x, background, { backgroundWeights: weights });
      const e = exactShapley(model, x, background, { backgroundWeights: weights });
      assert(k.details.exact === true, `p=${p} should be enumerated`);
      for (let c = 0; c < 3; c++) {
        const sum = k.values[c]!.reduce((a, b) => a + b, 0);
        assertAlmostEquals(sum, k.output[c]! - k.baseValues[c]!, 1e-10);
        assertAlmostEquals(k.baseValues[c]!, e.baseValues[c]!, 1e-12);
        for (let j = 0; j < p; j++) assertAlmostEquals(k.values[c]![j]!, e.values[c]![j]!, 1e-10);
      }
    }
  }
});

Deno.test("kernelShap() enumerates exactly when the budget is exactly 2^M − 2 (M = 10)", () => {
  const model = nonlinear(10);
  const background = rows(6, 10);
  const x = rows(1, 10)[0]!;
  const k = kernelShap(model, x, background, { nSamples: 1022 });
  const e = exactShapley(model, x, background);
  assert(k.details.exact === true && k.details.nSamples === 1022);
  for (let c = 0; c < 3; c++) {
    for (let j = 0; j < 10; j++) assertAlmostEquals(k.values[c]![j]!, e.values[c]![j]!, 1e-10);
  }
  // One coalition short of all of them: sampled, no longer exact, still additive.
  const short = kernelShap(model, x, background, { nSamples: 1021 });
  assert(short.details.exact === false);
  const sum = short.values[0]!.reduce((a, b) => a + b, 0);
  assertAlmostEquals(sum, short.output[0]! - short.baseValues[0]!, 1e-10);
});

Deno.test("kernelShap() sampled estimate converges to exact Shapley as the budget grows", () => {
  const p = 10;
  const model = nonlinear(p);
  const background = rows(10, p);
  const x = rows(1, p)[0]!;
  const exact = exactShapley(model, x, background);
  function error(nSamples: number, seed: number): number {
    const k = kernelShap(model, x, background, { nSamples, seed });
    assert(k.details.exact === false);
    let s = 0;
    for (let c = 0; c < 3; c++) {
      const sum = k.values[c]!.reduce((a, b) => a + b, 0);
      assertAlmostEquals(sum, k.output[c]! - k.baseValues[c]!, 1e-10);
      for (let j = 0; j < p; j++) s += (k.values[c]![j]! - exact.values[c]![j]!) ** 2;
    }
    return Math.sqrt(s);
  }
  const mean = (n: number) => [1, 2, 3, 4].reduce((a, seed) => a + error(n, seed), 0) / 4;
  const errors = [40, 200, 1000].map(mean);
  assert(errors[0]! > errors[1]! && errors[1]! > errors[2]!, `errors ${errors} should shrink`);
  assert(errors[2]! < 0.25 * errors[0]!, `errors ${errors} should shrink a lot`);
  // Same seed, same estimate.
  assert(
    JSON.stringify(kernelShap(model, x, background, { nSamples: 100, seed: 7 })) ===
      JSON.stringify(kernelShap(model, x, background, { nSamples: 100, seed: 7 })),
  );
});

Deno.test("kernelShap() with one feature gives f(x) − E[f]; bad budgets throw", () => {
  const model: ProbabilisticModel = {
    nFeatures: 1,
    predictProba: (X) => Float64Array.from(Array.from(X, (r) => r[0]! ** 2)),
  };
  const k = kernelShap(model, [3], [[1], [2]]);
  assertAlmostEquals(k.values[0]![0]!, 9 - 2.5, 1e-15);
  assertThrows(() => kernelShap(model, [3], [[1]], { nSamples: 0 }), RangeError);
  assertThrows(() => kernelShap(model, [3, 1], [[1]]), TypeError);
});

Deno.test("exactShapley() refuses more than 12 features", () => {
  const model: ProbabilisticModel = {
    nFeatures: 13,
    predictProba: (X) => new Float64Array(X.length),
  };
  assertThrows(
    () => exactShapley(model, new Array(13).fill(0), [new Array(13).fill(0)]),
    RangeError,
  );
});

Deno.test("sampleBackground() and kmeansBackground() are seeded weighted summaries", () => {
  const X = rows(200, 3);
  const a = sampleBackground(X, 20, { seed: 3 });
  assert(JSON.stringify(a) === JSON.stringify(sampleBackground(X, 20, { seed: 3 })));
  assert(a.rows.length === 20 && a.rows.every((r) => X.some((x) => x.join() === r.join())));
  const km = kmeansBackground(X, 8, { seed: 2 });
  assert(JSON.stringify(km) === JSON.stringify(kmeansBackground(X, 8, { seed: 2 })));
  assertAlmostEquals(km.weights.reduce((s, w) => s + w, 0), 1, 1e-12);
  // Values are snapped to observed values per feature.
  for (const r of km.rows) r.forEach((v, j) => assert(X.some((x) => x[j] === v)));
  assertThrows(() => kmeansBackground(X, 0), RangeError);
  // A weighted background behaves like the rows it summarises, repeated.
  const model = nonlinear(3);
  const x = [0.5, -1, 2];
  const weighted = exactShapley(model, x, {
    ...a,
    rows: a.rows.slice(0, 2),
    weights: [0.25, 0.75],
  });
  const repeated = exactShapley(model, x, [a.rows[0]!, a.rows[1]!, a.rows[1]!, a.rows[1]!]);
  for (let j = 0; j < 3; j++) {
    assertAlmostEquals(weighted.values[1]![j]!, repeated.values[1]![j]!, 1e-12);
  }
});
