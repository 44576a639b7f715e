import { defineMonitor } from "../../lib/monitor/define_monitor.ts";
import { metricValue } from "../../lib/monitor/find_metric.ts";
import { logWindowSource } from "../../lib/monitor/log_window_source.ts";
import { fitCbpe } from "../../lib/estimate/cbpe.ts";
import { createMemoryStore } from "../../lib/store/memory_store.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { trainLogisticRegression } from "../../lib/model/logistic_regression.ts";
import { sampleBatch } from "../../lib/data/batch_source.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";

const iris = await loadIris();
const lr = trainLogisticRegression(iris.X, iris.y, { classNames: iris.classNames, numSteps: 200 });
const ref = sampleBatch(iris, 1, { batchSize: 600, seed: 7 });
const reference = { proba: lr.predictProba(ref.X), y: ref.y };
const model = {
  name: "iris_logreg",
  version: "1",
  classNames: iris.classNames,
  predictProba: (X: ArrayLike<ArrayLike<number>>) => lr.predictProba(X),
};
const H = 3_600_000;

Deno.test("a monitor over an unlabelled log window carries CBPE estimates with their bands", async () => {
  const store = createMemoryStore({ featureNames: iris.featureNames, classNames: iris.classNames });
  const b = sampleBatch(iris, 2, { batchSize: 200, seed: 3 });
  const proba = lr.predictProba(b.X);
  await store.append(b.X.map((x, i) => ({
    id: `p${i}`,
    timestamp: H + i * 1000,
    modelVersion: "1",
    features: x,
    probabilities: proba.subarray(i * 3, i * 3 + 3),
    predicted: 0,
  })));
  const monitor = defineMonitor({
    name: "iris",
    model,
    source: logWindowSource(store, {
      window: { kind: "tumbling", by: "time", size: H },
      now: () => 2 * H,
    }),
    estimate: { reference },
    checks: [
      { name: "estimate", metric: "estimated_accuracy", op: ">=", value: 0.8 },
      { name: "realized", metric: "accuracy", op: ">=", value: 0.8 },
    ],
  });
  const s = await monitor.run();
  const direct = fitCbpe({ ...reference, classNames: iris.classNames }).estimate(proba);
  for (const e of direct) {
    assertAlmostEquals(metricValue(s, `estimated_${e.metric}`), e.value, 1e-12, e.metric);
    assertAlmostEquals(metricValue(s, `estimated_${e.metric}_lower`), e.lower, 1e-12);
    assertAlmostEquals(metricValue(s, `estimated_${e.metric}_upper`), e.upper, 1e-12);
  }
  assertEquals(metricValue(s, "label_coverage_ratio"), 0);
  assertEquals(s.checks.map((c) => c.outcome), ["pass", "error"], "no labels: only the estimate");
  assert(s.timings.estimate !== undefined && s.timings.predict !== undefined);
  assertEquals(s.predictions.calls, 0);
});

Deno.test("estimate options are checked when the monitor is defined", () => {
  const base = { name: "iris", model, source: () => ({ X: iris.X }), checks: [] };
  assertThrows(
    () =>
      defineMonitor({
        ...base,
        estimate: { reference: { ...reference, classNames: ["a", "b", "c"] } },
      }),
    TypeError,
    "are not the model's",
  );
  assertThrows(
    () => defineMonitor({ ...base, estimate: { reference: { proba: reference.proba, y: [] } } }),
    RangeError,
    "no rows",
  );
  assertThrows(
    () => defineMonitor({ ...base, minLabelCoverage: 2 }),
    RangeError,
    "minLabelCoverage",
  );
});
