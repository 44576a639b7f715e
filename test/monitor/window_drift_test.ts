import { windowDrift } from "../../lib/monitor/window_drift.ts";
import { datasetDrift } from "../../lib/drift/dataset_drift.ts";
import { buildProfile, type ReferenceProfile } from "../../lib/profile/mod.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { type Table, tableFromColumns } from "../../lib/data/table.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

const iris = await loadIris();
const PROFILE: ReferenceProfile = buildProfile(iris.table, { createdAt: new Date(0) });

/** Iris with `delta` added to the petal columns. */
function shifted(delta: number): Table {
  const { columns } = iris.table;
  return tableFromColumns({
    ...columns,
    petal_length: (columns.petal_length as Float64Array).map((v) => v + delta),
    petal_width: (columns.petal_width as Float64Array).map((v) => v + delta),
  });
}

Deno.test("windowDrift() gives datasetDrift's column results and share, then a dataset entry", () => {
  const current = shifted(1);
  const { results } = windowDrift(current, PROFILE, { correction: "bonferroni" });
  const direct = datasetDrift(PROFILE, current, { correction: "bonferroni" });
  assertEquals(results.slice(0, -1), direct.columns);
  const dataset = results.at(-1)!;
  assertEquals(dataset.kind, "dataset_drift");
  assertEquals(dataset.column, undefined);
  assertEquals(dataset.statistic, direct.share);
  assertEquals(dataset.detected, direct.detected);
  assertEquals(dataset.details?.correction, "bonferroni");
  const drifted = results.filter((r) => r.kind === "drift" && r.detected).map((r) => r.column);
  assertEquals(drifted, ["petal_length", "petal_width"]);
  assertEquals(dataset.statistic, 2 / 5);
});

Deno.test("windowDrift() values: the share, a 0/1 detection per feature", () => {
  const { metrics } = windowDrift(shifted(1), PROFILE);
  assertEquals(metrics[0], { name: "dataset_drift_share", value: 0.4 });
  const detected = metrics.filter((m) => m.name === "feature_drift_detected")
    .map((m) => `${m.labels?.feature}=${m.value}`);
  assertEquals(detected, [
    "sepal_length=0",
    "sepal_width=0",
    "petal_length=1",
    "petal_width=1",
    "species=0",
  ]);
});

Deno.test("windowDrift() bin rows of the reference itself equal the profile's bin counts", () => {
  const { metrics } = windowDrift(iris.table, PROFILE);
  for (const name of iris.featureNames) {
    const rows = metrics.filter((m) => m.name === "feature_bin_rows" && m.labels?.feature === name);
    const ref = PROFILE.columns[name]!;
    assert(ref.kind === "numeric");
    assertEquals(rows.map((m) => m.value), ref.binCounts, name);
    assertEquals(rows.map((m) => m.labels?.bin), ref.binCounts.map((_, i) => String(i)));
  }
  assert(!metrics.some((m) => m.name === "feature_bin_rows" && m.labels?.feature === "species"));
});

Deno.test("windowDrift() turns a missing or mistyped column into an error result, not a throw", () => {
  const { columns } = shifted(1);
  const current = tableFromColumns({
    sepal_length: columns.sepal_length!,
    petal_length: columns.petal_length!,
    petal_width: Array.from(columns.petal_width!, String),
    species: columns.species!,
  });
  const { results, metrics } = windowDrift(current, PROFILE);
  const errors = results.filter((r) => r.status === "error");
  assertEquals(errors.map((r) => r.column), ["sepal_width", "petal_width"]);
  assert(errors[0]!.reason!.includes('"sepal_width" is missing from the window'));
  assert(errors[1]!.reason!.includes("holds text"), errors[1]!.reason);
  const dataset = results.at(-1)!;
  assertEquals(dataset.details?.nColumns, 3);
  assertEquals(dataset.details?.nErrors, 2);
  assertEquals(dataset.statistic, 1 / 3); // petal_length of 3 compared columns
  const missing = metrics.find((m) => m.labels?.feature === "sepal_width")!;
  assert(Number.isNaN(missing.value) && missing.reason !== undefined);
});

Deno.test("windowDrift() with no comparable column reports an error entry and a NaN share", () => {
  const { results, metrics } = windowDrift(tableFromColumns({ other: [1, 2] }), PROFILE);
  assertEquals(results.at(-1)!.status, "error");
  assert(Number.isNaN(metrics[0]!.value) && metrics[0]!.reason !== undefined);
});

Deno.test("windowDrift() without a table is a clear TypeError", () => {
  assertThrows(() => windowDrift(undefined, PROFILE), TypeError, "Batch.table");
});
