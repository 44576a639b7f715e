/**
 * Data-quality speed at scale: the reference profile and the full quality report on 10 numeric
 * columns × 1e6 rows (seeded normal data, 1 % missing, a window shifted against the reference).
 * Also JSON save and load of a 1e6-value profile column. Run with `deno bench bench/quality_bench.ts` (or `deno task bench bench/quality_bench.ts`).
 *
 * @module
 */
import { tableFromColumns } from "../lib/data/table.ts";
import { buildProfile, profileFromJSON, profileToJSON } from "../lib/profile/mod.ts";
import { qualityReport } from "../lib/quality/quality_report.ts";
import { duplicateRows } from "../lib/quality/duplicate_rows.ts";
import { current, profile, reference, ROWS } from "./_tables.ts";

Deno.bench("buildProfile 10 numeric columns × 1e6 rows", { group: "profile" }, () => {
  buildProfile(reference);
});

Deno.bench(
  "qualityReport 10 numeric columns × 1e6 rows",
  { group: "report", baseline: true },
  () => {
    const results = qualityReport(current, profile, { volume: { expected: ROWS } });
    if (results.length !== 1 + 10 + 1 + 10 + 10 + 10) throw new Error("wrong result count");
  },
);

Deno.bench("duplicateRows 10 numeric columns × 1e6 rows", { group: "report" }, () => {
  duplicateRows(current);
});

const oneColumn = buildProfile(tableFromColumns({ x0: reference.columns.x0! }));
const oneColumnJson = profileToJSON(oneColumn);

Deno.bench("profileToJSON 1 numeric column × 1e6 rows", { group: "json" }, () => {
  profileToJSON(oneColumn);
});

Deno.bench("profileFromJSON 1 numeric column × 1e6 rows", { group: "json" }, () => {
  profileFromJSON(oneColumnJson);
});
