import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { datasetDrift } from "../../lib/drift/dataset_drift.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { correctPValues } from "../../lib/drift/corrections.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { simulateDrift } from "../../lib/data/synthetic.ts";
import { type Table, tableFromColumns } from "../../lib/data/table.ts";
import { seededRandom } from "../../lib/stats/random.ts";

const iris = (await loadIris()).table;

/** Rows of `table` whose index has the given parity (Iris is sorted by species: both halves hold 25 of each). */
function rows(table: Table, parity: 0 | 1): Table {
  const pick = <T>(c: ArrayLike<T>) => Array.from(c).filter((_, i) => i % 2 === parity);
  const columns: Record<string, Float64Array | (string | null)[]> = {};
  for (const name of table.names) {
    const c = table.columns[name]!;
    columns[name] = c instanceof Float64Array ? Float64Array.from(pick(c)) : pick(c);
  }
  return tableFromColumns(columns);
}

const reference = rows(iris, 0);
const current = rows(iris, 1);

function shift(table: Table, columns: string[], amount = 1): Table {
  let out = table;
  for (const column of columns) {
    out = simulateDrift(out, { kind: "shift", column, amount, random: seededRandom(1) });
  }
  return out;
}

Deno.test("datasetDrift() finds no drift between two halves of Iris", () => {
  const report = datasetDrift(reference, current);
  assertEquals(report.kind, "dataset_drift");
  assertEquals(report.columns.map((c) => c.method), ["ks", "ks", "ks", "ks", "chi_square"]);
  assertEquals(report.columns.map((c) => c.column), iris.names);
  assertEquals(report.nColumns, 5);
  assertEquals(report.nDrifted, 0);
  assertEquals(report.nErrors, 0);
  assertEquals(report.share, 0);
  assertEquals(report.detected, false);
  assertEquals(report.driftShare, 0.5);
  assertEquals(report.operator, ">=");
  assertEquals(report.correction, "none");
  assertEquals(report.warnings, []);
  for (const c of report.columns) assertEquals(c.details?.selectedBy, "auto");
  assertEquals(report.columns[4]!.statistic, 0, "25 of each species on both sides");
});

Deno.test("datasetDrift() flags a shifted Iris column and only that one", () => {
  const report = datasetDrift(reference, shift(current, ["petal_length"]));
  const drifted = report.columns.filter((c) => c.detected).map((c) => c.column);
  assertEquals(drifted, ["petal_length"]);
  assertEquals(report.nDrifted, 1);
  assertEquals(report.share, 0.2);
  assertEquals(report.detected, false);
});

Deno.test("datasetDrift() detects when share >= driftShare, equality included", () => {
  const drifted = shift(current, ["petal_length"]);
  assertEquals(datasetDrift(reference, drifted, { driftShare: 0.2 }).detected, true);
  assertEquals(datasetDrift(reference, drifted, { driftShare: 0.2000001 }).detected, false);
  assertEquals(datasetDrift(reference, drifted, { driftShare: 0 }).detected, true);
  const three = datasetDrift(
    reference,
    shift(current, ["sepal_length", "petal_length", "petal_width"]),
  );
  assertEquals(three.nDrifted, 3);
  assertRelativeEquals(three.share, 0.6, 1e-15);
  assertEquals(three.detected, true);
  assertEquals(datasetDrift(reference, current, { driftShare: 0 }).detected, true);
});

Deno.test("datasetDrift() against the reference profile equals the table", () => {
  const drifted = shift(current, ["sepal_width"], 0.8);
  const fromTable = datasetDrift(reference, drifted);
  const fromProfile = datasetDrift(buildProfile(reference), drifted);
  assertEquals(
    fromProfile.columns.map((c) => [c.method, c.statistic, c.pValue, c.detected]),
    fromTable.columns.map((c) => [c.method, c.statistic, c.pValue, c.detected]),
  );
  assertEquals(fromProfile.share, fromTable.share);
});

Deno.test("one bad column is an error result excluded from the share, never an exception", () => {
  const nan = () => new Float64Array(75).fill(NaN);
  const ref = tableFromColumns({
    ...reference.columns,
    empty: nan(),
    gone: reference.columns.sepal_length!,
  });
  const cur = tableFromColumns({
    ...shift(current, ["petal_length"]).columns,
    empty: nan(),
    gone: nan(),
  });
  const report = datasetDrift(ref, cur);
  assertEquals(report.columns.length, 7);
  assertEquals(report.nColumns, 5);
  assertEquals(report.nErrors, 2);
  assertEquals(report.nDrifted, 1);
  assertEquals(report.share, 0.2);
  const errors = report.columns.filter((c) => c.status === "error");
  assertEquals(errors.map((c) => c.column), ["empty", "gone"]);
  for (const e of errors) {
    assert(!e.detected && Number.isNaN(e.statistic) && e.reason !== undefined);
  }
  assert(
    report.warnings.some((w) => w.startsWith('Column "empty" is excluded from the drift share')),
  );
  assert(
    report.warnings.some((w) => w.includes('"gone"') && w.includes("current")),
    report.warnings.join("\n"),
  );
  const none = datasetDrift(tableFromColumns({ e: nan() }), tableFromColumns({ e: nan() }));
  assert(Number.isNaN(none.share));
  assertEquals(none.detected, false);
  assert(none.warnings.some((w) => w.includes("No column could be compared")));
});

Deno.test("datasetDrift() throws on misuse, naming the column", () => {
  const partial = tableFromColumns({ sepal_length: current.columns.sepal_length! });
  assertThrows(
    () => datasetDrift(reference, partial),
    TypeError,
    'current table has no column "sepal_width"',
  );
  assertThrows(
    () => datasetDrift(reference, current, { columns: ["height"] }),
    TypeError,
    'reference has no column "height"',
  );
  assertThrows(
    () =>
      datasetDrift(reference, current, { columns: ["sepal_length"], methods: { species: "psi" } }),
    TypeError,
    '"species"',
  );
  assertThrows(
    () => datasetDrift(reference, current, { methods: { species: "ks" } }),
    TypeError,
    '"species"',
  );
  assertThrows(
    () => datasetDrift(reference, current, { driftShare: 1.5 }),
    RangeError,
    "driftShare",
  );
  assertThrows(
    () => datasetDrift(reference, current, { thresholds: { ks: NaN } }),
    RangeError,
    '"ks"',
  );
  assertThrows(
    () => datasetDrift(buildProfile(reference), current, { dataDriven: true }),
    TypeError,
    "ReferenceProfile",
  );
  assertThrows(
    () => datasetDrift(reference, current, { correction: "holm" as "none" }),
    TypeError,
    '"holm"',
  );
});

Deno.test("datasetDrift() takes methods and thresholds per method and per column", () => {
  const report = datasetDrift(reference, shift(current, ["petal_length"], 0.3), {
    methods: { sepal_length: "psi", petal_length: "wasserstein_normed" },
    thresholds: { psi: 0.5, ks: 0.01 },
    columnThresholds: { petal_length: 0.05 },
  });
  const [sl, sw, pl] = report.columns;
  assertEquals([sl!.method, sl!.threshold, sl!.details?.selectedBy], ["psi", 0.5, "user"]);
  assertEquals([sw!.method, sw!.threshold, sw!.details?.selectedBy], ["ks", 0.01, "auto"]);
  assertEquals([pl!.method, pl!.threshold], ["wasserstein_normed", 0.05]);
  assert(pl!.detected, "a 0.3 sd shift is >= 0.05 normed");
});

Deno.test("corrections adjust the p-values of the tests only, and detection follows them", () => {
  const drifted = shift(current, ["petal_length", "sepal_width"], 0.6);
  const raw = datasetDrift(reference, drifted, { methods: { sepal_length: "psi" } });
  for (const correction of ["bonferroni", "benjamini-hochberg"] as const) {
    const report = datasetDrift(reference, drifted, {
      methods: { sepal_length: "psi" },
      correction,
    });
    assertEquals(report.correction, correction);
    const tested = raw.columns.filter((c) => c.pValue !== undefined);
    assertEquals(tested.length, 4);
    const expected = correctPValues(tested.map((c) => c.pValue!), correction);
    const adjusted = report.columns.filter((c) => c.pValue !== undefined);
    adjusted.forEach((c, i) => {
      assertEquals(c.pValue, expected[i]);
      assertEquals(c.details?.rawPValue, tested[i]!.pValue);
      assertEquals(c.details?.correction, correction);
      assertEquals(c.detected, c.pValue! < c.threshold);
    });
    assertEquals(report.columns[0]!.statistic, raw.columns[0]!.statistic);
    assertEquals(report.columns[0]!.details?.correction, undefined, "PSI is not corrected");
    assert(report.nDrifted <= raw.nDrifted);
  }
});

Deno.test("small-window warnings reach the report", () => {
  const tiny = tableFromColumns(
    Object.fromEntries(iris.names.map((n) => {
      const c = current.columns[n]!;
      return [n, c instanceof Float64Array ? c.subarray(0, 12) : c.slice(0, 12)];
    })),
  );
  const report = datasetDrift(reference, tiny);
  assert(
    report.warnings.some((w) =>
      w.startsWith('Column "sepal_length": Kolmogorov–Smirnov on 12 current rows')
    ),
  );
  assert(
    report.warnings.some((w) => w.startsWith('Column "species": chi-square')),
    report.warnings.join("\n"),
  );
  const quiet = datasetDrift(reference, tiny, { warnings: false });
  assertEquals(quiet.warnings, []);
});

Deno.test("data-driven thresholds replace each column's threshold by one learnt on the reference", () => {
  const random = seededRandom(5);
  const n = 400;
  const ref = tableFromColumns({
    x: Float64Array.from({ length: n }, () => random() * 10),
    g: Array.from({ length: n }, () => (random() < 0.3 ? "a" : random() < 0.5 ? "b" : "c")),
  });
  const cur = simulateDrift(ref, { kind: "shift", column: "x", amount: 1, random });
  const slice = (t: Table) =>
    tableFromColumns({
      x: (t.columns.x as Float64Array).slice(0, 40),
      g: (t.columns.g as string[]).slice(0, 40),
    });
  const report = datasetDrift(ref, slice(cur), { dataDriven: true, correction: "bonferroni" });
  for (const c of report.columns) {
    const t = c.details?.dataDrivenThreshold as { upper: number; chunkStatistics: unknown[] };
    assertEquals(t.chunkStatistics.length, 10);
    assertEquals(c.threshold, t.upper);
    assertEquals(c.operator, ">");
    assertEquals(c.detected, c.statistic > t.upper);
    assert(!("pValue" in c) && c.details?.correction === undefined);
  }
  assertEquals(report.columns.map((c) => c.detected), [true, false]);
  const four = datasetDrift(ref, slice(cur), { dataDriven: { chunks: 4, against: "rest" } });
  const t4 = four.columns[0]!.details?.dataDrivenThreshold as {
    chunkSizes: number[];
    against: string;
  };
  assertEquals(t4.chunkSizes, [100, 100, 100, 100]);
  assertEquals(t4.against, "rest");
  assert(four.warnings.some((w) => w.includes("chunks of about 100 rows")));
});

Deno.test("the report is JSON-serialisable", () => {
  const report = datasetDrift(reference, shift(current, ["petal_width"]));
  const back = JSON.parse(JSON.stringify(report));
  assertEquals(back.nDrifted, report.nDrifted);
  assertEquals(back.columns[3].method, "ks");
});
