import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import {
  attributionDriftChart,
  attributionWaterfallChart,
  featureImportanceChart,
} from "../../lib/charts/mod.ts";
import {
  attributionDrift,
  linearAttributionBatch,
  linearAttributions,
  permutationImportance,
} from "../../lib/explain/mod.ts";
import { heavyLightModel } from "../explain/_heavy_light_model.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { compileStrict, dataValues } from "./_spec_check.ts";

const model = heavyLightModel();
const random = seededRandom(5);
const rows = Array.from({ length: 300 }, () => [random() - 0.5, random() - 0.5, random() - 0.5]);

Deno.test("attributionWaterfallChart() runs from the base value to f(x) for exact linear attributions", () => {
  const a = linearAttributions(model, [0.4, -0.3, 0.2], { background: rows });
  for (const output of ["no", "yes"]) {
    const c = a.outputNames.indexOf(output);
    const values = dataValues(attributionWaterfallChart(a, { output }));
    assertEquals(values[0]!.end, a.baseValues[c]);
    // Every feature step starts where the previous one ended…
    for (let i = 1; i < values.length - 1; i++) {
      assertAlmostEquals(values[i]!.start as number, values[i - 1]!.end as number, 0);
    }
    // …and the last running total is the model's log-odds, by additivity.
    assertAlmostEquals(values.at(-2)!.end as number, a.output[c]!, 1e-12);
    assertEquals(values.at(-1)!.end, a.output[c]);
    assertEquals(values.at(-1)!.step, "Output");
  }
  const yes = dataValues(attributionWaterfallChart(a, { output: 1 }));
  // Largest |φ| first: heavy (2·0.4) before light (0.5·0.3); "ignored" has φ = 0.
  assertEquals(yes.slice(1, 4).map((v) => v.step), [
    "heavy = 0.40",
    "light = -0.30",
    "ignored = 0.20",
  ]);
  assertEquals(yes.slice(1, 4).map((v) => v.kind), ["Raises", "Lowers", "Raises"]);
});

Deno.test("attributionWaterfallChart() defaults to the predicted output and sums the tail into one step", () => {
  const a = { ...linearAttributions(model, [-0.4, 0.1, 0.2]), row: [] as number[] };
  const spec = attributionWaterfallChart(a, { maxFeatures: 1 });
  compileStrict(spec);
  const values = dataValues(spec);
  assertEquals(values.map((v) => v.step), ["Base value", "heavy", "2 other features", "Output"]);
  assert((spec.title as string).includes("no"), "f(no) > f(yes) for heavy < 0");
  assertAlmostEquals(values[2]!.end as number, a.output[0]!, 1e-12);
});

Deno.test("attributionWaterfallChart() rejects an unknown output and malformed values", () => {
  const a = linearAttributions(model, [0, 0, 0]);
  assertThrows(() => attributionWaterfallChart(a, { output: "maybe" }), RangeError, '"maybe"');
  assertThrows(() => attributionWaterfallChart(a, { output: 2 }), RangeError, "output");
  assertThrows(() => attributionWaterfallChart(a, { maxFeatures: 0 }), RangeError, "maxFeatures");
  assertThrows(
    () => attributionWaterfallChart({ ...a, values: [[1], [2]] }),
    TypeError,
    "1 values for 3 features",
  );
});

Deno.test("featureImportanceChart() draws permutation importance mean ± std and every repeat", () => {
  const y = rows.map((r) => (r[0]! * 2 + r[1]! * 0.5 > 0 ? 1 : 0));
  const result = permutationImportance(model, rows, y, {
    nRepeats: 4,
    seed: 3,
    featureNames: model.featureNames,
  });
  const spec = featureImportanceChart(result.features);
  compileStrict(spec);
  const values = dataValues(spec);
  assertEquals(values.map((v) => v.feature), ["heavy", "light", "ignored"]);
  for (const v of values) {
    const f = result.features.find((g) => g.feature === v.feature)!;
    assertAlmostEquals(v.low as number, f.mean - f.std, 1e-15);
    assertAlmostEquals(v.high as number, f.mean + f.std, 1e-15);
  }
  // The ignored feature's shuffles never change a prediction.
  assertEquals(values[2]!.mean, 0);
  const layers = spec.layer as { data?: { values: unknown[] } }[];
  assertEquals(layers[2]!.data!.values.length, 12);
  assertEquals(
    dataValues(featureImportanceChart(result.features, { sort: false })).map((v) => v.feature),
    ["heavy", "light", "ignored"],
  );
});

Deno.test("featureImportanceChart() lists a NaN mean last with no bar and rejects repeated names", () => {
  const values = dataValues(featureImportanceChart([
    { feature: "a", mean: NaN, std: NaN },
    { feature: "b", mean: -0.01, std: 0.01 },
  ]));
  assertEquals(values.map((v) => [v.feature, v.mean]), [["b", -0.01], ["a", null]]);
  assertEquals(
    (featureImportanceChart([{ feature: "a", mean: 1, std: 0 }]) as { layer: unknown[] }).layer
      .length,
    2,
  );
  assertThrows(
    () =>
      featureImportanceChart([{ feature: "a", mean: 1, std: 0 }, {
        feature: "a",
        mean: 1,
        std: 0,
      }]),
    TypeError,
    '"a"',
  );
});

Deno.test("attributionDriftChart() pairs reference and current shares of an attributionDrift() result", () => {
  const current = rows.map(([a, b, c]) => [a! * 0.1, b! * 6, c!]);
  const result = attributionDrift(
    linearAttributionBatch(model, rows, { background: rows }),
    linearAttributionBatch(model, current, { background: rows }),
  );
  assert(result.detected);
  const spec = attributionDriftChart(result);
  compileStrict(spec);
  const values = dataValues(spec);
  assertEquals(values.map((v) => `${v.feature}/${v.window}`), [
    "heavy/Reference",
    "heavy/Current",
    "light/Reference",
    "light/Current",
    "ignored/Reference",
    "ignored/Current",
  ]);
  const shares = values.map((v) => v.value as number);
  assertAlmostEquals(shares[0]! + shares[2]! + shares[4]!, 1, 1e-12);
  assertAlmostEquals(shares[1]!, result.features[0]!.currentShare, 0);
  const subtitle = (spec.title as { subtitle: string }).subtitle;
  assert(
    subtitle.includes(result.statistic.toFixed(3)) && subtitle.endsWith(": detected"),
    subtitle,
  );
  const raw = dataValues(attributionDriftChart(result, { scale: "mean_abs" }));
  assertEquals(raw[1]!.value, result.features[0]!.currentImportance);
});
