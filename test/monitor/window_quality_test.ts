import { windowQuality } from "../../lib/monitor/window_quality.ts";
import { qualityReport } from "../../lib/quality/quality_report.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { assertEquals, assertThrows } from "../_assert.ts";

const PROFILE = buildProfile(
  tableFromColumns({ x: [1, 2, 3, 4, 5, 6], c: ["a", "b", "a", "b", "a", "b"] }),
  { createdAt: new Date(0) },
);

Deno.test("windowQuality() returns qualityReport's results and each feature's missing share", () => {
  const window = tableFromColumns({ x: [1, NaN, NaN, 4], c: ["a", null, "b", "a"] });
  const { results, metrics } = windowQuality(window, PROFILE, { volume: false });
  assertEquals(results, qualityReport(window, PROFILE, { volume: false }));
  assertEquals(metrics, [
    { name: "missing_share", value: 0.5, labels: { feature: "x" } },
    { name: "missing_share", value: 0.25, labels: { feature: "c" } },
  ]);
});

Deno.test("windowQuality() without a table is a clear TypeError", () => {
  assertThrows(() => windowQuality(undefined, PROFILE), TypeError, "quality checks need");
});
