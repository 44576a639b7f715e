import { localSurrogate, type ProbabilisticModel } from "../../lib/explain/mod.ts";
import { weightedRidge } from "../../lib/explain/_weighted_ridge.ts";
import { legacyGauss } from "../../lib/explain/_legacy_gauss.ts";
import { mt19937 } from "../../lib/stats/mt19937.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assert, assertAlmostEquals, assertThrows } from "../_assert.ts";

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/explain.json", import.meta.url)),
);

Deno.test("weightedRidge() equals scikit-learn's Ridge with sample weights, R² included", () => {
  const { X, y, w, cases } = golden.ridge;
  const flat = Float64Array.from((X as number[][]).flat());
  for (const c of cases as { alpha: number; coef: number[]; intercept: number; r2: number }[]) {
    const fit = weightedRidge(flat, y, w, 3, c.alpha);
    c.coef.forEach((v, j) => assertAlmostEquals(fit.coef[j]!, v, 1e-12, `alpha ${c.alpha}`));
    assertAlmostEquals(fit.intercept, c.intercept, 1e-12);
    assertAlmostEquals(fit.r2, c.r2, 1e-12);
  }
});

Deno.test("legacyGauss() draws numpy's RandomState(seed).normal values", () => {
  for (const c of golden.legacy_normal as { seed: number; values: number[] }[]) {
    const g = legacyGauss(mt19937(c.seed).randomSample);
    c.values.forEach((v) => assertAlmostEquals(g(), v, 1e-15));
  }
});

const random = seededRandom(5);
const training = Array.from({ length: 300 }, () => [random() * 4, random() * 2 - 1, random()]);
const smooth: ProbabilisticModel = {
  nFeatures: 3,
  predictProba(X) {
    const out = new Float64Array(X.length * 2);
    for (let i = 0; i < X.length; i++) {
      const r = X[i]!;
      const p1 = 1 / (1 + Math.exp(-(r[0]! - 2 + 2 * r[1]! * r[2]!)));
      out[i * 2] = 1 - p1;
      out[i * 2 + 1] = p1;
    }
    return out;
  },
};

Deno.test("localSurrogate() is seeded, reports fidelity in [0, 1] and mirrors complementary classes", () => {
  const x = [2.5, 0.5, 0.8];
  const a = localSurrogate(smooth, x, training, { nSamples: 2000, seed: 4 });
  assert(
    JSON.stringify(a) ===
      JSON.stringify(localSurrogate(smooth, x, training, { nSamples: 2000, seed: 4 })),
  );
  const [c0, c1] = a.outputs;
  assert(c0 !== undefined && c1 !== undefined);
  for (const o of a.outputs) assert(o.fidelity > 0.5 && o.fidelity <= 1, `fidelity ${o.fidelity}`);
  // p0 = 1 − p1, so the two surrogates are exact mirrors (ridge is linear in the target).
  for (let j = 0; j < 3; j++) assertAlmostEquals(c0.coefficients[j]!, -c1.coefficients[j]!, 1e-12);
  assertAlmostEquals(c0.intercept + c1.intercept, 1, 1e-12);
  assertAlmostEquals(c0.fidelity, c1.fidelity, 1e-12);
  // Feature 0 pushes class 1 up everywhere.
  assert(c1.coefficients[0]! > 0);
  assertAlmostEquals(c1.modelPrediction, smooth.predictProba([x])[1]!, 1e-15);
  assert(Math.abs(c1.localPrediction - c1.modelPrediction) < 0.1);
});

Deno.test("localSurrogate() from training rows equals the same from their moments", () => {
  const n = training.length;
  const means = [0, 1, 2].map((j) => training.reduce((s, r) => s + r[j]!, 0) / n);
  const stds = [0, 1, 2].map((j) =>
    Math.sqrt(training.reduce((s, r) => s + (r[j]! - means[j]!) ** 2, 0) / n)
  );
  const a = localSurrogate(smooth, [1, 0, 0.5], training, { nSamples: 500 });
  const b = localSurrogate(smooth, [1, 0, 0.5], { means, stds }, { nSamples: 500 });
  a.outputs[1]!.coefficients.forEach((v, j) =>
    assertAlmostEquals(v, b.outputs[1]!.coefficients[j]!, 1e-9)
  );
  assert(a.details.kernelWidth === 0.75 * Math.sqrt(3) && a.details.alpha === 1);
});

Deno.test("localSurrogate() rejects bad options and widths", () => {
  assertThrows(() => localSurrogate(smooth, [1, 2, 3], training, { nSamples: 1 }), RangeError);
  assertThrows(() => localSurrogate(smooth, [1, 2, 3], training, { kernelWidth: 0 }), RangeError);
  assertThrows(() => localSurrogate(smooth, [1, 2, 3], training, { alpha: -1 }), RangeError);
  assertThrows(() => localSurrogate(smooth, [1, 2], training), TypeError);
});
