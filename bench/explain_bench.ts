/**
 * Cost per explained row of lib/explain on an Iris-shaped model (4 features, 3 classes):
 * `deno bench --allow-read bench/explain_bench.ts`. Exact linear attributions over 1e5 rows in one
 * batch; KernelSHAP, exact Shapley and the LIME-style surrogate for one row with a 100-row
 * background (5000 samples for LIME); permutation importance (5 repeats, accuracy) on 1e5 rows.
 *
 * @module
 */
import { LogisticRegressionModel } from "../lib/model/logistic_regression_model.ts";
import {
  exactShapley,
  kernelShap,
  linearAttributionBatch,
  localSurrogate,
  permutationImportance,
  sampleBackground,
} from "../lib/explain/mod.ts";
import { normalRandom, seededRandom } from "../lib/stats/random.ts";

const normal = normalRandom(seededRandom(3));
const model = new LogisticRegressionModel({
  kind: "vigil.logistic_regression",
  version: 1,
  featureNames: ["sepal_length", "sepal_width", "petal_length", "petal_width"],
  classNames: ["setosa", "versicolor", "virginica"],
  standardize: true,
  means: [5.84, 3.06, 3.76, 1.2],
  scales: [0.83, 0.43, 1.76, 0.76],
  weights: [[-2.1, -1.0, 1.2, -1.8, -1.7], [-0.9, 0.1, -1.3, 0.6, -0.5], [
    -2.8,
    0.4,
    -0.2,
    2.1,
    2.6,
  ]],
  numSteps: 1,
  learningRate: 1,
});

function rows(n: number): Float64Array[] {
  return Array.from(
    { length: n },
    () => Float64Array.from(model.means, (m, j) => m + normal() * model.scales[j]!),
  );
}

const N = 100_000;
const X = rows(N);
const y = model.predict(X).map((c, i) => (i % 10 === 0 ? (c + 1) % 3 : c));
const background = sampleBackground(rows(1000), 100, { seed: 0 });
const x = X[0]!;

Deno.bench(`exact linear, ${N} rows per call (rows/s = ${N} / time)`, () => {
  linearAttributionBatch(model, X, { background });
});
Deno.bench("kernelShap, 4 features, 100-row background, 1 row", () => {
  kernelShap(model, x, background);
});
Deno.bench("exactShapley, 4 features, 100-row background, 1 row", () => {
  exactShapley(model, x, background);
});
Deno.bench("localSurrogate, 4 features, 5000 samples, 1 row", () => {
  localSurrogate(model, x, X.slice(0, 1000));
});
Deno.bench(`permutationImportance, ${N} rows, 4 features × 5 repeats`, { n: 5, warmup: 1 }, () => {
  permutationImportance(model, X, y, { nRepeats: 5, seed: 0 });
});
