import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";
import { driftScoresChart } from "../../lib/charts/drift_scores_chart.ts";
import type { CheckResult } from "../../lib/types.ts";
import { dataValues } from "./_spec_check.ts";

const results: CheckResult[] = [
  {
    kind: "drift",
    method: "psi",
    status: "ok",
    statistic: 0.3,
    threshold: 0.2,
    operator: ">",
    detected: true,
    nReference: 100,
    nCurrent: 100,
    column: "age",
  },
  {
    kind: "drift",
    method: "ks",
    status: "ok",
    statistic: 0.1,
    pValue: 0.01,
    threshold: 0.05,
    operator: "<",
    detected: true,
    nReference: 100,
    nCurrent: 100,
    column: "income",
  },
  {
    kind: "drift",
    method: "psi",
    status: "error",
    reason: "empty",
    statistic: NaN,
    threshold: 0.2,
    operator: ">",
    detected: false,
    nReference: 0,
    nCurrent: 0,
    column: "zip",
  },
];

Deno.test("driftScoresChart() plots −log10 p against −log10 threshold for tests, so drift is a bar past its tick", () => {
  const values = dataValues(driftScoresChart(results));
  assertEquals(values.map((v) => [v.feature, v.score, v.status]), [
    ["age", 0.3, "Drift detected"],
    ["income", 2, "Drift detected"],
    // An error result is listed with no bar.
    ["zip", null, "No drift"],
  ]);
  assertAlmostEquals(values[1]!.threshold as number, -Math.log10(0.05), 1e-12);
  for (const v of values.slice(0, 2)) {
    assert((v.score as number) > (v.threshold as number), `${v.feature} drifted: bar past tick`);
  }
});

Deno.test("driftScoresChart() with pValues: raw plots p-values for tests, else statistics", () => {
  const values = dataValues(driftScoresChart(results, { pValues: "raw" }));
  assertEquals(values.map((v) => [v.feature, v.score, v.threshold, v.status]), [
    ["age", 0.3, 0.2, "Drift detected"],
    ["income", 0.01, 0.05, "Drift detected"],
    ["zip", null, 0.2, "No drift"],
  ]);
});

Deno.test("driftScoresChart() caps −log10 of a zero p-value instead of plotting Infinity", () => {
  const zero = [{ ...results[1]!, pValue: 0 }];
  const [v] = dataValues(driftScoresChart(zero));
  assert(Number.isFinite(v!.score as number) && (v!.score as number) > 300, String(v!.score));
});

Deno.test("driftScoresChart() grows its default height with the number of features", () => {
  const many = Array.from({ length: 10 }, (_, i) => ({ ...results[0]!, column: `f${i}` }));
  assertEquals((driftScoresChart(many) as { height?: unknown }).height, 240);
  assertEquals((driftScoresChart(results) as { height?: unknown }).height, 120);
  assertEquals((driftScoresChart(results, { height: 99 }) as { height?: unknown }).height, 99);
});

Deno.test("driftScoresChart() draws each feature's own threshold as a tick", () => {
  const spec = driftScoresChart(results) as unknown as { layer: { mark: { type: string } }[] };
  assertEquals(spec.layer.map((l) => l.mark.type), ["bar", "tick"]);
});
