/**
 * Claims notebooks 02 (data quality) and 03 (data drift) make in their prose, checked on the
 * values the notebooks compute: each fault is caught by its own check, a clean window passes,
 * p-values collapse with sample size while distances settle, corrections cut false alarms, a saved
 * profile gives the raw reference's numbers, and the dataset-drift share crosses 0.5 as stated.
 */
import { importNotebook } from "../../lib/notebook_source/source.ts";
import type { ParameterValue } from "../../lib/notebook_source/mod.ts";
import { qualityReport, type QualityResult, volume } from "../../lib/quality/mod.ts";
import type { DatasetDriftResult, DriftResult } from "../../lib/drift/mod.ts";
import type { Table } from "../../lib/data/table.ts";
import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const QUALITY_NOTEBOOK = `${ROOT}notebooks/02_data_quality.ipynb`;
const DRIFT_NOTEBOOK = `${ROOT}notebooks/03_data_drift.ipynb`;

type Namespace = Record<string, unknown>;
const loaded = new Map<string, Promise<Namespace>>();

/** Imports a notebook once per parameter set (its display output goes to stdout). */
function notebook(
  path: string,
  parameters: Record<string, ParameterValue> = {},
): Promise<Namespace> {
  const key = `${path} ${JSON.stringify(parameters)}`;
  if (!loaded.has(key)) loaded.set(key, importNotebook(path, { check: false, parameters }));
  return loaded.get(key)!;
}

function detected(results: readonly QualityResult[]): string[] {
  return results.filter((r) => r.detected).map((r) => `${r.method}:${r.column ?? "table"}`);
}

/** The check each fault of notebook 02 must trip, and nothing else. */
const EXPECTED_FAULTS: Record<string, string[]> = {
  "none (clean window)": [],
  "1 missing values": ["missing_share:petal_width"],
  "2 text in a numeric column": ["schema:sepal_length"],
  "3 values out of range": ["out_of_range_share:petal_length"],
  "4 unseen categories": ["unseen_category_share:species"],
  "5 duplicated rows": ["duplicate_row_share:table"],
  "6 constant column": ["majority_share:sepal_width"],
  "7 volume drop": ["row_count_change:table"],
};

async function faultReports(
  parameters: Record<string, ParameterValue>,
): Promise<Map<string, QualityResult[]>> {
  const ns = await notebook(QUALITY_NOTEBOOK, parameters);
  const scenarios = ns.scenarios as { fault: string; window: Table }[];
  return new Map(scenarios.map(({ fault, window }) => [
    fault,
    qualityReport(
      window,
      ns.profile as Parameters<typeof qualityReport>[1],
      ns.reportOptions as object,
    ),
  ]));
}

Deno.test("notebook 02: the clean window fails only the 1 % range check, then passes", async () => {
  const ns = await notebook(QUALITY_NOTEBOOK);
  assertEquals(detected(ns.naive as QualityResult[]), [
    "out_of_range_share:sepal_width",
    "out_of_range_share:petal_length",
  ]);
  const clean = ns.cleanReport as QualityResult[];
  assertEquals(clean.length, 22);
  assertEquals(detected(clean), []);
  assertEquals(clean.filter((r) => r.status === "error").length, 0);
});

Deno.test("notebook 02: each fault trips its own check and no other", async () => {
  const reports = await faultReports({});
  assertEquals([...reports.keys()], Object.keys(EXPECTED_FAULTS));
  for (const [fault, report] of reports) {
    assertEquals(detected(report), EXPECTED_FAULTS[fault], fault);
  }
  const mistyped = reports.get("2 text in a numeric column")!;
  const range = mistyped.find((r) =>
    r.method === "out_of_range_share" && r.column === "sepal_length"
  );
  assertEquals(range?.status, "error");
});

Deno.test("notebook 02: each fault is still caught with another seed", async () => {
  const reports = await faultReports({ seed: 11 });
  for (const [fault, expected] of Object.entries(EXPECTED_FAULTS)) {
    const found = detected(reports.get(fault)!);
    for (const hit of expected) assert(found.includes(hit), `${fault}: ${hit} not in ${found}`);
  }
});

Deno.test("notebook 02: the quoted shares are what the checks compute", async () => {
  const ns = await notebook(QUALITY_NOTEBOOK);
  const [unmatched, ...columns] = ns.sourceResults as QualityResult[];
  assertAlmostEquals(unmatched!.statistic, 5 / 99, 1e-12);
  for (const r of columns) {
    assertAlmostEquals(r.statistic, r.column === "sepal_width" ? 5 / 47 : 0, 1e-12, r.column);
  }
  assertAlmostEquals((ns.duplicateResult as QualityResult).statistic, 15 / 65, 1e-12);
  const missing = ns.missingResults as QualityResult[];
  assertEquals(missing.map((r) => r.statistic), [0.04, 0, 0, 0.3, 0]);
});

Deno.test("notebook 02: the charted volume, schema and source faults are the ones the text reads", async () => {
  const ns = await notebook(QUALITY_NOTEBOOK);
  const twice = ns.twice as Table;
  const partial = ns.partial as Table;
  assertEquals([twice.nRows, partial.nRows], [65, 12]);
  assertEquals((ns.volumeResult as QualityResult).detected, true);
  assertEquals(volume(twice, { expected: ns.windowRows as number }).detected, false);
  const schema = ns.schemaResults as QualityResult[];
  assertEquals(schema.filter((r) => r.detected).map((r) => r.column), ["sepal_length"]);
  assertEquals(schema[0]!.details!.value, "n/a");
  const sources = (ns.sourceResults as QualityResult[]).filter((r) => r.detected);
  assertEquals(sources.map((r) => r.column ?? "table"), ["table", "sepal_width"]);
});

Deno.test("notebook 03: on Iris the tests pass the clean window and every distance flags it", async () => {
  const ns = await notebook(DRIFT_NOTEBOOK);
  const methodTable = ns.methodTable as (
    ref: unknown,
    scenarios: Record<string, unknown>,
    methods: readonly string[],
  ) => Record<string, string>[];
  const scenarios = ns.irisScenarios as Record<string, Table>;
  const rows = methodTable(
    (ns.reference as Table).columns.petal_length,
    Object.fromEntries(Object.entries(scenarios).map(([k, t]) => [k, t.columns.petal_length])),
    ns.numericMethods as string[],
  );
  for (const [i, row] of rows.entries()) {
    const test = i < 3;
    assertEquals(row.none!.endsWith("✔"), !test, `${row.method} on the clean window`);
    if (test) {
      assert(row.shift!.endsWith("✔") && row.scale!.endsWith("✔"), row.method);
      assert(!row.noise!.endsWith("✔"), row.method);
    }
  }
});

Deno.test("notebook 03: KS p-values collapse with n while distances settle under 0.1", async () => {
  const ns = await notebook(DRIFT_NOTEBOOK);
  const bySize = ns.bySize as Record<string, number>[];
  const at = (n: number) => bySize.find((r) => r.n === n)!;
  assert(at(100)["KS p-value"]! > 0.05);
  assert(at(100_000)["KS p-value"]! < 1e-15);
  assertEquals(at(100_000)["KS: windows with drift"], 5);
  assert(at(100)["Wasserstein: windows with drift"]! >= 3);
  for (const r of bySize.filter((r) => r.n! >= 3_000)) {
    assert(r["Wasserstein normed"]! < 0.1 && r.PSI! < 0.1, `n = ${r.n}`);
    assertEquals(r["Wasserstein: windows with drift"]! + r["PSI: windows with drift"]!, 0);
  }
  assertAlmostEquals(at(100_000)["Wasserstein normed"]!, 0.05, 0.01);
});

Deno.test("notebook 03: learnt thresholds pass the clean window and catch the small shift", async () => {
  const ns = await notebook(DRIFT_NOTEBOOK);
  const rows = (ns.learnt as { row: Record<string, string> }[]).map((l) => l.row);
  for (const row of rows) {
    assertEquals(row.clean!.split(": ")[1], "– / –", `${row.method} clean`);
    assertEquals(row["shift 0.1 sd"]!.split(": ")[1]!.endsWith("✔"), true, `${row.method}`);
  }
  const psi = rows.find((r) => r.method === "psi")!;
  assertEquals(psi["shift 0.1 sd"]!.split(": ")[1], "– / ✔");
});

Deno.test("notebook 03: corrections cut false alarms and BH finds more than Bonferroni", async () => {
  const ns = await notebook(DRIFT_NOTEBOOK);
  const rows = ns.experiment as Record<string, unknown>[];
  const row = (correction: string, drifted: number) =>
    rows.find((r) => r.correction === correction && r["drifted columns"] === drifted)!;
  assert((row("none", 0)["windows with a false alarm"] as number) >= 0.3);
  assert((row("bonferroni", 0)["windows with a false alarm"] as number) <= 0.1);
  assert((row("benjamini-hochberg", 0)["windows with a false alarm"] as number) <= 0.1);
  const found = (c: string) => parseFloat(row(c, 4)["drifted columns found"] as string);
  assert(found("benjamini-hochberg") > found("bonferroni"));
  assert(found("none") > found("benjamini-hochberg"));
});

Deno.test("notebook 03: the reloaded profile gives the raw reference's numbers", async () => {
  const ns = await notebook(DRIFT_NOTEBOOK);
  const fromTable = ns.fromTable as DatasetDriftResult;
  const fromProfile = ns.fromProfile as DatasetDriftResult;
  const pick = (r: DriftResult) => [r.column, r.method, r.statistic, r.pValue];
  assertEquals(fromProfile.columns.map(pick), fromTable.columns.map(pick));
});

Deno.test("notebook 03: the dataset drifts once 3 of 5 columns do", async () => {
  const ns = await notebook(DRIFT_NOTEBOOK);
  const reports = ns.datasetReports as { name: string; report: DatasetDriftResult }[];
  assertEquals(reports.map((r) => [r.report.nDrifted, r.report.nColumns, r.report.detected]), [
    [0, 5, false],
    [2, 5, false],
    [3, 5, true],
  ]);
});
