import {
  degradationSeverity,
  sampleBatch,
  sampledBatchSource,
} from "../../lib/data/batch_source.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { categoricalColumn, numericColumn } from "../../lib/data/table.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";

const iris = await loadIris();

function std(values: ArrayLike<number>): number {
  const a = Array.from(values);
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / a.length);
}

Deno.test("degradationSeverity() is 0 while healthy, then grows linearly to 1 and stays", () => {
  const options = { healthyRuns: 3, degradeRuns: 4 };
  const s = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((r) => degradationSeverity(r, options));
  assertEquals(s, [0, 0, 0, 0.25, 0.5, 0.75, 1, 1, 1]);
  assertEquals(degradationSeverity(1, { healthyRuns: 0, degradeRuns: 1 }), 1);
});

Deno.test("degradationSeverity() rejects run numbers below 1 and non-integer counts", () => {
  assertThrows(() => degradationSeverity(0), RangeError, "run must be an integer >= 1");
  assertThrows(() => degradationSeverity(1, { degradeRuns: 0 }), RangeError, "degradeRuns");
  assertThrows(() => degradationSeverity(1, { healthyRuns: 1.5 }), RangeError, "healthyRuns");
});

Deno.test("sampleBatch() is reproducible per seed and run, and differs between runs", () => {
  const a = sampleBatch(iris, 4, { seed: 7 });
  const b = sampleBatch(iris, 4, { seed: 7 });
  const c = sampleBatch(iris, 5, { seed: 7 });
  const d = sampleBatch(iris, 4, { seed: 8 });
  assertEquals(a.X.map((r) => [...r]), b.X.map((r) => [...r]));
  assertEquals([...a.y], [...b.y]);
  assert(a.X.some((r, i) => r.join() !== c.X[i]!.join()), "runs 4 and 5 drew the same rows");
  assert(a.X.some((r, i) => r.join() !== d.X[i]!.join()), "seeds 7 and 8 drew the same rows");
});

Deno.test("sampleBatch() without degradation draws reference rows with their own labels", () => {
  const batch = sampleBatch(iris, 9, { batchSize: 300, scenario: "none" });
  assertEquals(batch.X.length, 300);
  assertEquals(batch.y.length, 300);
  assertEquals(batch.severity, 0);
  const byRow = new Map(iris.X.map((row, i) => [row.join(), iris.y[i]]));
  for (let i = 0; i < batch.X.length; i++) {
    assert(byRow.has(batch.X[i]!.join()), `row ${i} is not a reference row`);
  }
  // Duplicate Iris rows share a species, so a row's label must be among its copies' labels.
  for (let i = 0; i < batch.X.length; i++) {
    const matches = iris.X.flatMap((r, k) => r.join() === batch.X[i]!.join() ? [iris.y[k]] : []);
    assert(matches.includes(batch.y[i]!), `row ${i} has label ${batch.y[i]}`);
  }
  // All three classes appear in a 300-row sample (chance of missing one is ~1e-52).
  assertEquals(new Set(batch.y).size, 3);
});

Deno.test("sampleBatch() returns the window as a table with feature and label columns", () => {
  const batch = sampleBatch(iris, 1, { batchSize: 20 });
  assertEquals(batch.table.names, [...iris.featureNames, "label"]);
  assertEquals(batch.table.nRows, 20);
  assertEquals([...numericColumn(batch.table, "petal_width")], batch.X.map((r) => r[3]));
  assertEquals(
    categoricalColumn(batch.table, "label"),
    Array.from(batch.y, (c) => iris.classNames[c]),
  );
});

Deno.test("sampleBatch() degradation noise has the requested standard deviation", () => {
  // Same seed and run: the rows drawn are the same; the difference is the noise alone.
  const options = { batchSize: 20000, seed: 3, healthyRuns: 0, degradeRuns: 2 };
  const clean = sampleBatch(iris, 1, { ...options, scenario: "none" });
  const noisy = sampleBatch(iris, 1, { ...options, scenario: "degradation", noise: 0.8 });
  assertEquals(noisy.severity, 0.5);
  assertEquals([...noisy.y], [...clean.y]);
  for (let j = 0; j < 4; j++) {
    const diff = clean.X.map((r, i) => noisy.X[i]![j]! - r[j]!);
    const ref = std(iris.X.map((r) => r[j]!));
    // sd of the noise is severity · noise · sd_j = 0.4 sd_j; 20000 draws: relative error ~0.5%.
    assertAlmostEquals(std(diff) / ref, 0.4, 0.02);
    assertAlmostEquals(diff.reduce((s, v) => s + v, 0) / diff.length / ref, 0, 0.02);
  }
});

Deno.test("sampleBatch() degradation shifts only the chosen columns", () => {
  const options = { batchSize: 50, healthyRuns: 0, degradeRuns: 1, noise: 0 };
  const clean = sampleBatch(iris, 2, { ...options, scenario: "none" });
  const shifted = sampleBatch(iris, 2, {
    ...options,
    scenario: "degradation",
    shift: 2,
    shiftColumns: [2],
  });
  const sd = std(iris.X.map((r) => r[2]!));
  for (let i = 0; i < 50; i++) {
    assertEquals(shifted.X[i]![0], clean.X[i]![0]);
    assertAlmostEquals(shifted.X[i]![2]! - clean.X[i]![2]!, 2 * sd, 1e-12);
  }
});

Deno.test("sampleBatch() never mutates the reference data", () => {
  const X = [[1, 2], [3, 4], [5, 6]];
  const y = [0, 1, 1];
  sampleBatch({ X, y }, 10, { scenario: "degradation", noise: 3, shift: 1 });
  assertEquals(X, [[1, 2], [3, 4], [5, 6]]);
  assertEquals(y, [0, 1, 1]);
});

Deno.test("sampleBatch() rejects malformed data and options with messages naming them", () => {
  assertThrows(() => sampleBatch({ X: [], y: [] }, 1), RangeError, "no rows");
  assertThrows(() => sampleBatch({ X: [[1], [2]], y: [0] }, 1), TypeError, "y has 1 labels");
  assertThrows(() => sampleBatch({ X: [[1], [2, 3]], y: [0, 1] }, 1), TypeError, "row 1");
  assertThrows(() => sampleBatch(iris, 1, { batchSize: 0 }), RangeError, "batchSize");
  assertThrows(() => sampleBatch(iris, 1, { noise: -1 }), RangeError, "noise");
  assertThrows(() => sampleBatch(iris, 1, { shiftColumns: [4] }), RangeError, "shift column 4");
  assertThrows(
    // @ts-expect-error: an unknown scenario, as a notebook parameter could pass
    () => sampleBatch(iris, 1, { scenario: "chaos" }),
    RangeError,
    '"chaos"',
  );
});

Deno.test("sampledBatchSource() hands out consecutive runs from firstRun", () => {
  const options = { batchSize: 10, seed: 5, scenario: "degradation" as const, firstRun: 3 };
  const next = sampledBatchSource(iris, options);
  const batches = [next(), next(), next()];
  assertEquals(batches.map((b) => b.run), [3, 4, 5]);
  assertEquals(batches.map((b) => b.severity), [0.125, 0.25, 0.375]);
  const again = sampleBatch(iris, 4, options);
  assertEquals(batches[1]!.X.map((r) => [...r]), again.X.map((r) => [...r]));
});

Deno.test("sampledBatchSource() validates its options when it is made", () => {
  assertThrows(() => sampledBatchSource(iris, { firstRun: 0 }), RangeError, "firstRun");
  assertThrows(() => sampledBatchSource(iris, { batchSize: -5 }), RangeError, "batchSize");
  assertThrows(() => sampledBatchSource(iris, { degradeRuns: 0 }), RangeError, "degradeRuns");
});
