import { LogisticRegressionModel } from "../../lib/model/logistic_regression_model.ts";
import { permutationImportance, sampleBackground } from "../../lib/explain/mod.ts";
import { assert, assertAlmostEquals, assertThrows } from "../_assert.ts";

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/explain.json", import.meta.url)),
);

interface Case {
  scoring: "accuracy" | "neg_log_loss" | "balanced_accuracy";
  nRepeats: number;
  seed: number;
  mean: number[];
  std: number[];
  importances: number[][];
}

const pi = golden.permutation_importance;
const model = new LogisticRegressionModel({
  kind: "vigil.logistic_regression",
  version: 1,
  featureNames: ["a", "b", "c", "d"],
  classNames: ["0", "1", "2"],
  standardize: false,
  means: [0, 0, 0, 0],
  scales: [1, 1, 1, 1],
  weights: pi.weights,
  numSteps: 1,
  learningRate: 1,
});

Deno.test("permutationImportance() equals scikit-learn 1.2.1 on the same permutations to 1e-12", () => {
  for (const c of pi.cases as Case[]) {
    const r = permutationImportance(model, pi.X, pi.y, {
      scoring: c.scoring,
      nRepeats: c.nRepeats,
      seed: c.seed,
      featureNames: model.featureNames,
    });
    assert(r.scoring === c.scoring && r.features.length === 4);
    r.features.forEach((f, j) => {
      assertAlmostEquals(f.mean, c.mean[j]!, 1e-12, `${c.scoring} mean ${j}`);
      assertAlmostEquals(f.std, c.std[j]!, 1e-12, `${c.scoring} std ${j}`);
      f.importances.forEach((v, t) => assertAlmostEquals(v, c.importances[j]![t]!, 1e-12));
    });
  }
});

Deno.test("permutationImportance() is seeded, custom scorers work, misuse throws", () => {
  const a = permutationImportance(model, pi.X, pi.y, { seed: 5, nRepeats: 2 });
  const b = permutationImportance(model, pi.X, pi.y, { seed: 5, nRepeats: 2 });
  assert(JSON.stringify(a) === JSON.stringify(b));
  const constant = permutationImportance(model, pi.X, pi.y, {
    scoring: { name: "constant", score: () => 1 },
  });
  assert(constant.features.every((f) => f.mean === 0 && f.std === 0));
  assertThrows(() => permutationImportance(model, pi.X, pi.y, { nRepeats: 0 }), RangeError);
  assertThrows(() => permutationImportance(model, pi.X, [0, 1]), TypeError);
});

Deno.test("sampleBackground() picks scikit-learn resample's rows (shap.sample)", () => {
  const s = golden.sample_background;
  for (const c of s.cases as { k: number; seed: number; rows: number[][] }[]) {
    const bg = sampleBackground(s.X, c.k, { seed: c.seed });
    assert(JSON.stringify(bg.rows) === JSON.stringify(c.rows), `k=${c.k} seed=${c.seed}`);
  }
});
