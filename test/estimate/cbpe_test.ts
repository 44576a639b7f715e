import { CBPE_METRICS, type CbpeMetric, fitCbpe } from "../../lib/estimate/cbpe.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { trainLogisticRegression } from "../../lib/model/logistic_regression.ts";
import { sampleBatch } from "../../lib/data/batch_source.ts";
import { driftScenario } from "../../lib/data/drift_scenario.ts";
import type { Table } from "../../lib/data/table.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";

interface CbpeCase {
  name: string;
  refProba: number[][];
  refY: number[];
  proba: number[][];
  calibrated: number[][];
  estimates: {
    metric: CbpeMetric;
    value: number;
    samplingError: number;
    lower: number;
    upper: number;
  }[];
}
const golden = JSON.parse(
  Deno.readTextFileSync(new URL("../golden/cbpe.json", import.meta.url)),
) as { cbpe: CbpeCase[] };

for (const c of golden.cbpe) {
  Deno.test(`fitCbpe() matches NannyML's formulas restated in numpy: ${c.name}`, () => {
    const k = c.refProba[0]!.length;
    const classNames = Array.from({ length: k }, (_, i) => `c${i}`);
    const cbpe = fitCbpe({ proba: Float64Array.from(c.refProba.flat()), y: c.refY, classNames });
    const proba = Float64Array.from(c.proba.flat());
    const cal = cbpe.calibrate(proba);
    c.calibrated.flat().forEach((v, i) => assertAlmostEquals(cal[i]!, v, 1e-12, `calibrated ${i}`));
    const got = cbpe.estimate(proba);
    assertEquals(got.map((e) => e.metric), c.estimates.map((e) => e.metric));
    c.estimates.forEach((want, i) => {
      const e = got[i]!;
      for (const key of ["value", "samplingError", "lower", "upper"] as const) {
        assertAlmostEquals(e[key], want[key], 1e-12, `${c.name} ${want.metric} ${key}`);
      }
    });
  });
}

Deno.test("fitCbpe() on the hand-checkable binary case: accuracy is the mean calibrated p of the prediction", () => {
  const c = golden.cbpe[0]!;
  const cbpe = fitCbpe({
    proba: Float64Array.from(c.refProba.flat()),
    y: c.refY,
    classNames: ["no", "yes"],
  });
  // Reference p(yes) 0.1 0.2 0.35 0.4 0.6 0.7 0.8 0.9 with labels 0 0 1 0 0 1 1 1: isotonic pools
  // (0.35, 0.4, 0.6) to 1/3, so the window's p(yes) 0.15, 0.45, 0.65, 0.95 calibrate to
  // 0, 1/3, 1/3 + (0.65 − 0.6)/(0.7 − 0.6)·(1 − 1/3) = 2/3, 1; predictions no, no, yes, yes;
  // expected accuracy = (1 + 2/3 + 2/3 + 1) / 4 = 5/6.
  const [acc] = cbpe.estimate(Float64Array.from(c.proba.flat()));
  assertAlmostEquals(acc!.value, 5 / 6, 1e-12);
});

Deno.test("fitCbpe() refuses malformed references and windows, naming what is wrong", () => {
  const proba = new Float64Array([0.9, 0.1, 0.2, 0.8]);
  const classNames = ["a", "b"];
  assertThrows(() => fitCbpe({ proba, y: [0, 1], classNames: ["a"] }), TypeError, "2 classes");
  assertThrows(
    () => fitCbpe({ proba, y: [0, 1], classNames }, { metrics: ["mae" as CbpeMetric] }),
    TypeError,
    'metric "mae"',
  );
  assertThrows(() => fitCbpe({ proba, y: [], classNames }), RangeError, "no rows");
  assertThrows(() => fitCbpe({ proba, y: [0, 2], classNames }), RangeError, "y[1] is 2");
  assertThrows(() => fitCbpe({ proba, y: [0, 1, 1], classNames }), RangeError, "3 rows");
  const cbpe = fitCbpe({ proba, y: [0, 1], classNames });
  assertThrows(() => cbpe.estimate(new Float64Array(3)), RangeError, "rows × 2 classes");
  assertThrows(() => cbpe.estimate(new Float64Array([NaN, 1])), RangeError, "row 0 class 0");
  assertEquals(cbpe.metrics, CBPE_METRICS);
});

// Validation on Iris: a logistic regression, CBPE fitted on 1500 rows resampled from Iris.
const iris = await loadIris();
const lr = trainLogisticRegression(iris.X, iris.y, { classNames: iris.classNames, numSteps: 200 });
const reference = sampleBatch(iris, 1, { batchSize: 1500, seed: 7 });
const cbpe = fitCbpe({
  proba: lr.predictProba(reference.X),
  y: reference.y,
  classNames: iris.classNames,
});

function realizedAccuracy(p: Float64Array, y: ArrayLike<number>): number {
  let correct = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < 3; c++) if (p[i * 3 + c]! > p[i * 3 + best]!) best = c;
    if (best === y[i]) correct++;
  }
  return correct / y.length;
}

function scenarioWindow(t: Table): { proba: Float64Array; y: number[] } {
  const X = Array.from(
    { length: t.nRows },
    (_, r) => iris.featureNames.map((f) => (t.columns[f] as Float64Array)[r]!),
  );
  const y = (t.columns.species as string[]).map((s) => iris.classNames.indexOf(s));
  return { proba: lr.predictProba(X), y };
}

Deno.test("CBPE tracks the accuracy when the input mix shifts towards the harder classes (MAE < 0.03)", () => {
  // Label shift: setosa (always right) disappears over windows 1..6, the mix moves to
  // versicolor/virginica; P(x | y) stays, so the calibration learned on the reference holds.
  const scenario = driftScenario(iris.table, {
    change: {
      kind: "label_shift",
      column: "species",
      priors: { setosa: 0, versicolor: 0.5, virginica: 0.5 },
    },
    schedule: { pattern: "incremental", start: 1, width: 6 },
    windowRows: 300,
    seed: 3,
  });
  let error = 0;
  const realized: number[] = [];
  for (let i = 0; i < 10; i++) {
    const { proba, y } = scenarioWindow(scenario.window(i));
    const r = realizedAccuracy(proba, y);
    realized.push(r);
    error += Math.abs(cbpe.estimate(proba)[0]!.value - r);
  }
  const mae = error / 10;
  assert(mae < 0.03, `MAE ${mae} (measured 0.019)`);
  assert(realized[9]! < realized[0]! - 0.02, `the accuracy did fall: ${realized}`);
});

Deno.test("CBPE on the degradation scenario (measurement noise): it falls, but far less than the accuracy", () => {
  // Noise added to the measured features changes P(y | x as measured): not the covariate shift
  // CBPE assumes. Measured: realized accuracy 0.95 → 0.71, estimate 0.96 → 0.91, MAE 0.107.
  let error = 0;
  const first = { estimate: 0, realized: 0 }, last = { estimate: 0, realized: 0 };
  for (let run = 1; run <= 12; run++) {
    const b = sampleBatch(iris, run, { batchSize: 300, seed: 42, scenario: "degradation" });
    const p = lr.predictProba(b.X);
    const e = cbpe.estimate(p)[0]!.value, r = realizedAccuracy(p, b.y);
    error += Math.abs(e - r);
    if (run === 1) Object.assign(first, { estimate: e, realized: r });
    if (run === 12) Object.assign(last, { estimate: e, realized: r });
  }
  const mae = error / 12;
  assert(mae > 0.05 && mae < 0.15, `MAE ${mae} (measured 0.107)`);
  assert(last.estimate < first.estimate - 0.02, "the estimate does fall");
  assert(
    first.realized - last.realized > 3 * (first.estimate - last.estimate),
    `the accuracy falls more than 3× as much: ${JSON.stringify({ first, last })}`,
  );
});

Deno.test("CBPE fails under concept drift proper: confident, wrong, and estimated as good as before", () => {
  // From window 3 versicolor and virginica swap labels: inputs and probabilities are unchanged.
  const scenario = driftScenario(iris.table, {
    change: {
      kind: "concept",
      column: "species",
      relabel: (r) =>
        r.species === "versicolor"
          ? "virginica"
          : r.species === "virginica"
          ? "versicolor"
          : r.species ?? null,
    },
    schedule: { pattern: "sudden", start: 3 },
    windowRows: 300,
    seed: 1,
  });
  for (let i = 3; i < 6; i++) {
    const { proba, y } = scenarioWindow(scenario.window(i));
    const [estimate] = cbpe.estimate(proba);
    const realized = realizedAccuracy(proba, y);
    assert(estimate!.value > 0.9, `estimate stays high: ${estimate!.value}`);
    assert(realized < 0.5, `realized accuracy fell: ${realized}`);
    assert(realized < estimate!.lower, "outside the band: the band does not save it either");
  }
});

Deno.test("CBPE bands narrow as windows grow (sampling error ∝ 1/√n)", () => {
  const p = lr.predictProba(sampleBatch(iris, 2, { batchSize: 400, seed: 9 }).X);
  const small = cbpe.estimate(p.subarray(0, 300))[0]!;
  const large = cbpe.estimate(p)[0]!;
  assertAlmostEquals(small.samplingError / large.samplingError, 2, 1e-12);
  for (const e of cbpe.estimate(p)) {
    assert(e.lower <= e.value && e.value <= e.upper && e.lower >= 0 && e.upper <= 1, e.metric);
  }
});

Deno.test("on windows like the reference, the realized accuracy falls inside the ±3σ band", () => {
  let inside = 0, error = 0;
  for (let run = 1; run <= 20; run++) {
    const b = sampleBatch(iris, run, { batchSize: 300, seed: 123 });
    const p = lr.predictProba(b.X);
    const [e] = cbpe.estimate(p);
    const r = realizedAccuracy(p, b.y);
    if (r >= e!.lower && r <= e!.upper) inside++;
    error += Math.abs(e!.value - r);
  }
  // Measured: 20 of 20 inside, MAE 0.0097.
  assert(inside >= 19, `${inside} of 20 windows inside the band`);
  assert(error / 20 < 0.02, `MAE ${error / 20}`);
});
