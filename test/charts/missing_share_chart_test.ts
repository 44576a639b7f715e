import { assertEquals, assertThrows } from "../_assert.ts";
import { missingShareChart } from "../../lib/charts/missing_share_chart.ts";
import { dataValues } from "./_spec_check.ts";

Deno.test("missingShareChart() reads a record like an array of rows", () => {
  assertEquals(
    missingShareChart({ a: 0.1, b: 0 }),
    missingShareChart([{ column: "a", missingShare: 0.1 }, { column: "b", missingShare: 0 }]),
  );
});

Deno.test("missingShareChart() flags columns strictly above the threshold and draws the rule", () => {
  const spec = missingShareChart({ a: 0.1, b: 0.2, c: 0.3 }, { threshold: 0.2 }) as unknown as {
    layer: { mark: { type: string }; data: { values: Record<string, unknown>[] } }[];
  };
  assertEquals(spec.layer[0]!.data.values.map((v) => v.status), [
    "Within threshold",
    "Within threshold",
    "Above threshold",
  ]);
  assertEquals(spec.layer[1]!.mark.type, "rule");
  assertEquals(spec.layer[1]!.data.values, [{ threshold: 0.2 }]);
});

Deno.test("missingShareChart() without a threshold is a single bar view", () => {
  const spec = missingShareChart({ a: 0.5 });
  assertEquals("layer" in spec, false);
  assertEquals(dataValues(spec)[0]!.share, 0.5);
});

Deno.test("missingShareChart() rejects shares outside [0, 1] and non-finite thresholds", () => {
  assertThrows(() => missingShareChart({ a: 1.5 }), RangeError, 'column "a"');
  assertThrows(() => missingShareChart({ a: NaN }), RangeError, "NaN");
  assertThrows(() => missingShareChart({ a: 0 }, { threshold: NaN }), RangeError, "threshold");
});
