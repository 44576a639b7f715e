import { assertEquals, assertThrows } from "../_assert.ts";
import { sourceAgreementChart } from "../../lib/charts/source_agreement_chart.ts";
import { compareSources } from "../../lib/quality/compare_sources.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { dataValues } from "./_spec_check.ts";

Deno.test("sourceAgreementChart() colours bars as compareSources() detects", () => {
  const a = tableFromColumns({ id: [1, 2, 3, 4], v: [1, 2, 3, 4], w: [1, 1, 1, 1] });
  const b = tableFromColumns({ id: [1, 2, 3], v: [1, 2, 9], w: [1, 1, 1] });
  const results = compareSources(a, b, { key: "id" });
  const values = dataValues(sourceAgreementChart(results.map((r) => ({
    label: r.column ?? "unmatched",
    share: r.statistic,
    threshold: r.threshold,
  }))));
  assertEquals(
    values.map((v) => v.status === "Above threshold"),
    results.map((r) => r.detected),
  );
  assertEquals(values.map((v) => v.label), ["unmatched", "v", "w"]);
});

Deno.test("sourceAgreementChart() sets the axis a quarter past the largest share or threshold", () => {
  const spec = sourceAgreementChart([
    { label: "a", share: 0.2, threshold: 0.4 },
  ]) as unknown as { layer: { encoding: { x: { scale: { domain: number[] } } } }[] };
  assertEquals(spec.layer[0]!.encoding.x.scale.domain[1]!.toFixed(2), "0.50");
  const all = sourceAgreementChart([{ label: "a", share: 1, threshold: 0 }]) as unknown as {
    layer: { encoding: { x: { scale: { domain: number[] } } } }[];
  };
  assertEquals(all.layer[0]!.encoding.x.scale.domain, [0, 1]);
});

Deno.test("sourceAgreementChart() rejects shares and thresholds outside [0, 1]", () => {
  assertThrows(
    () => sourceAgreementChart([{ label: "x differs", share: 1.2, threshold: 0 }]),
    RangeError,
    'Share of "x differs"',
  );
  assertThrows(
    () => sourceAgreementChart([{ label: "y", share: 0, threshold: NaN }]),
    RangeError,
    "Threshold",
  );
});
