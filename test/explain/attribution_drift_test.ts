import { heavyLightModel } from "./_heavy_light_model.ts";
import {
  attributionDrift,
  kernelShap,
  linearAttributionBatch,
  meanAbsoluteAttribution,
} from "../../lib/explain/mod.ts";
import { kendallTauB, spearman } from "../../lib/explain/_rank_correlation.ts";
import { columnDrift } from "../../lib/drift/column_drift.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assert, assertAlmostEquals, assertThrows } from "../_assert.ts";

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/explain.json", import.meta.url)),
);

Deno.test("spearman() and kendallTauB() equal scipy's spearmanr and kendalltau with ties", () => {
  for (
    const c of golden.rank_correlation as {
      a: number[];
      b: number[];
      spearman: number;
      kendall: number;
    }[]
  ) {
    assertAlmostEquals(spearman(c.a, c.b), c.spearman, 1e-12);
    assertAlmostEquals(kendallTauB(c.a, c.b), c.kendall, 1e-12);
  }
  assert(Number.isNaN(spearman([1, 1, 1], [1, 2, 3])));
  assert(Number.isNaN(kendallTauB([1, 2, 3], [4, 4, 4])));
});

const random = seededRandom(21);
const model = heavyLightModel();

function window(n: number, spread: [number, number, number], shift = 0): number[][] {
  return Array.from(
    { length: n },
    () => spread.map((s, j) => (random() - 0.5) * s + (j === 2 ? shift : 0)),
  );
}

Deno.test("attributionDrift() is 0 for the same window and detects a shift in reliance", () => {
  const reference = window(400, [2, 2, 2]);
  const refBatch = linearAttributionBatch(model, reference, { background: reference });
  const same = attributionDrift(refBatch, refBatch);
  assert(same.status === "ok" && same.statistic === 0 && !same.detected);
  assert(same.spearman === 1 && same.kendall === 1);
  assert(same.features.every((f) => f.rankChange === 0));
  // "light" now varies 8× more: the model leans on it more than on "heavy".
  const current = window(400, [2, 16, 2]);
  const curBatch = linearAttributionBatch(model, current, { background: reference });
  const r = attributionDrift(refBatch, curBatch);
  assert(r.detected && r.statistic > 0.2, `statistic ${r.statistic}`);
  const [heavy, light] = r.features;
  assert(heavy!.referenceRank === 1 && heavy!.currentRank === 2 && light!.rankChange === 1);
  assertAlmostEquals(r.features.reduce((s, f) => s + f.referenceShare, 0), 1, 1e-12);
  assert(r.spearman < 1 && r.kendall < 1);
  // Consistency: the statistic is half the L1 distance of shares computed by hand.
  const a = meanAbsoluteAttribution(refBatch);
  const b = meanAbsoluteAttribution(curBatch);
  const sa = a.reduce((x, y) => x + y, 0), sb = b.reduce((x, y) => x + y, 0);
  assertAlmostEquals(
    r.statistic,
    a.reduce((s, v, j) => s + Math.abs(v / sa - b[j]! / sb), 0) / 2,
    1e-12,
  );
});

Deno.test("attributionDrift() ranks a drifted feature the model ignores below one it relies on", () => {
  const reference = window(300, [2, 2, 2]);
  // Both "light" and "ignored" drift; the model never uses "ignored".
  const current = window(300, [2, 2, 2], 3).map((r) => [r[0]!, r[1]! + 1.5, r[2]!]);
  const drifts = model.featureNames.map((name, j) =>
    columnDrift(reference.map((r) => r[j]!), current.map((r) => r[j]!), { column: name })
  );
  assert(!drifts[0]!.detected && drifts[1]!.detected && drifts[2]!.detected);
  const r = attributionDrift(
    linearAttributionBatch(model, reference, { background: reference }),
    linearAttributionBatch(model, current, { background: reference }),
    { columnDrift: drifts },
  );
  const [heavy, light, ignored] = r.features;
  assert(ignored!.drift?.detected === true && ignored!.priority === 0);
  assert(light!.priority > 0 && heavy!.priority === 0 && heavy!.drift?.detected === false);
  assert(r.ranking[0] === "light" && r.ranking[2] === "ignored", `ranking ${r.ranking}`);
  assert(JSON.parse(JSON.stringify(r)).features[1].drift.method === drifts[1]!.method);
});

Deno.test("attributionDrift() accepts per-row attributions, reports errors as results", () => {
  const background = window(10, [2, 2, 2]);
  const rows = window(6, [2, 2, 2]).map((x) => kernelShap(model, x, background));
  const r = attributionDrift(rows, rows.slice(0, 3), { output: 1 });
  assert(r.status === "ok" && r.nReference === 6 && r.nCurrent === 3);
  const empty = attributionDrift(rows, []);
  assert(empty.status === "error" && Number.isNaN(empty.statistic) && !empty.detected);
  const zero = linearAttributionBatch(model, [[0, 0, 0]], { baseline: [0, 0, 0] });
  assert(attributionDrift(zero, zero).status === "error");
  assertThrows(() => meanAbsoluteAttribution(rows, { output: 2 }), RangeError);
  const other = rows.map((a) => ({ ...a, featureNames: ["x", "y", "z"] }));
  assertThrows(() => attributionDrift(rows, other), TypeError);
});
