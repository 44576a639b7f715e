import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { andersonDarling, andersonDarlingKSample } from "../../lib/drift/anderson_darling.ts";
import { sortedFinite } from "../../lib/stats/sort.ts";
import { loadDriftGolden } from "./_golden.ts";

Deno.test("andersonDarling() equals scipy anderson_ksamp (midrank) to 1e-9", () => {
  // statistic: 1e-9 relative with a 1e-12 absolute floor (it is a difference A²kN − (k − 1)
  // that can be near 0)
  for (const c of loadDriftGolden().cases) {
    if (!c.anderson) continue;
    const r = andersonDarling(c.reference, c.current);
    assertRelativeEquals(r.statistic, c.anderson.statistic, 1e-9, c.name);
    assertRelativeEquals(r.pValue!, c.anderson.pvalue, 1e-9, c.name);
    const crit = r.details?.criticalValues as number[];
    c.anderson.critical.forEach((v, i) => assertRelativeEquals(crit[i]!, v, 1e-12, c.name));
    assertEquals(r.details?.warning ?? null, c.anderson.warning, c.name);
  }
});

Deno.test("andersonDarling() records scipy's cap and floor of the p-value", () => {
  const capped = andersonDarling([1, 2, 3, 4], [1, 2, 3, 4]);
  assertEquals([capped.pValue, capped.details?.pValueBound, capped.detected], [
    0.25,
    "capped",
    false,
  ]);
  const far = andersonDarling(
    Array.from({ length: 30 }, (_, i) => i),
    Array.from({ length: 30 }, (_, i) => i + 100),
  );
  assertEquals([far.pValue, far.details?.pValueBound, far.detected], [0.001, "floored", true]);
});

Deno.test("andersonDarling() returns error results for empty or single-valued data", () => {
  const empty = andersonDarling([], [1, 2]);
  assertEquals(empty.status, "error");
  const constant = andersonDarling([5, 5], [5, NaN], { column: "z" });
  assertEquals([constant.status, constant.details?.missingCurrent], ["error", 1]);
  assert(constant.reason!.includes("one distinct value") && constant.reason!.includes('"z"'));
});

/** scipy's anderson_ksamp output in test/golden/drift.json. */
interface GoldenAnderson {
  statistic: number;
  critical: number[];
  pvalue: number;
  warning: string | null;
}

/** The k-sample cases of test/golden/drift.json (key "anderson_ksamp"). */
function kSampleGolden(): {
  name: string;
  samples: number[][];
  midrank: GoldenAnderson;
  right: GoldenAnderson;
}[] {
  const doc = loadDriftGolden() as unknown as { anderson_ksamp: ReturnType<typeof kSampleGolden> };
  return doc.anderson_ksamp;
}

Deno.test("andersonDarlingKSample() equals scipy anderson_ksamp (midrank True and False) to 1e-9", () => {
  const cases = kSampleGolden();
  assert(cases.length >= 10 && cases.some((c) => c.samples.length === 5), "golden cases missing");
  for (const c of cases) {
    for (const midrank of [true, false]) {
      const want = midrank ? c.midrank : c.right;
      const name = `${c.name} midrank=${midrank}`;
      const r = andersonDarlingKSample(c.samples, { midrank });
      assertEquals([r.status, r.midrank, r.sizes], ["ok", midrank, c.samples.map((s) => s.length)]);
      assertRelativeEquals(r.statistic, want.statistic, 1e-9, name);
      assertRelativeEquals(r.pValue, want.pvalue, 1e-9, name);
      assertEquals(r.criticalValues.length, want.critical.length, name);
      want.critical.forEach((v, i) => assertRelativeEquals(r.criticalValues[i]!, v, 1e-12, name));
      assertEquals(r.warning ?? null, want.warning, name);
      const bound = want.warning?.match(/^p-value (capped|floored)/)?.[1] ?? null;
      assertEquals(r.pValueBound ?? null, bound, name);
      assertEquals(r.detected, want.pvalue < 0.05, name);
    }
  }
});

Deno.test("andersonDarlingKSample() with two samples equals andersonDarling() bit for bit", () => {
  const cases = loadDriftGolden().cases.filter((c) => c.anderson).slice(0, 12);
  assert(cases.length >= 10);
  for (const c of cases) {
    for (const midrank of [true, false]) {
      const two = andersonDarling(c.reference, c.current, { midrank });
      const k = andersonDarlingKSample([c.reference, c.current], { midrank });
      assertEquals(
        [k.statistic, k.pValue, k.criticalValues, k.pValueBound, k.warning, k.detected],
        [
          two.statistic,
          two.pValue,
          two.details?.criticalValues,
          two.details?.pValueBound,
          two.details?.warning,
          two.detected,
        ],
        c.name,
      );
    }
  }
});

Deno.test("andersonDarling() with midrank: false equals scipy's right-continuous statistic", () => {
  const c = kSampleGolden().find((g) => g.samples.length === 2)!;
  const r = andersonDarling(c.samples[0]!, c.samples[1]!, { midrank: false });
  assertRelativeEquals(r.statistic, c.right.statistic, 1e-9);
  assertRelativeEquals(r.pValue!, c.right.pvalue, 1e-9);
  assertEquals(r.details?.midrank, false);
});

Deno.test("andersonDarlingKSample() records scipy's cap and floor of the p-value", () => {
  const same = [1, 2, 3, 4, 5, 6];
  const capped = andersonDarlingKSample([same, same, same]);
  assertEquals([capped.pValue, capped.pValueBound, capped.detected], [0.25, "capped", false]);
  assert(capped.statistic < capped.criticalValues[0]!);
  const ramp = (shift: number) => Array.from({ length: 20 }, (_, i) => i + shift);
  const far = andersonDarlingKSample([ramp(0), ramp(100), ramp(200), ramp(300)]);
  assertEquals([far.pValue, far.pValueBound, far.detected], [0.001, "floored", true]);
  assertEquals(far.warning, "p-value floored: true value smaller than 0.001");
});

Deno.test("andersonDarlingKSample() does not depend on the order of the samples", () => {
  const c = kSampleGolden().find((g) => g.name === "k5_mixed_ties")!;
  const a = andersonDarlingKSample(c.samples);
  const b = andersonDarlingKSample([...c.samples].reverse());
  assertRelativeEquals(b.statistic, a.statistic, 1e-13);
  assertEquals(b.sizes, [...a.sizes].reverse());
});

Deno.test("andersonDarlingKSample() drops NaN, reuses sorted samples and never mutates inputs", () => {
  const x = [3, 1, NaN, 2, 5], y = new Float64Array([4, 6, 2, Infinity, 7]), z = [9, 8, 10];
  const r = andersonDarlingKSample([x, y, z]);
  assertEquals([r.sizes, r.missing], [[4, 4, 3], [1, 1, 0]]);
  assertEquals([x[0], y[0]], [3, 4]);
  const clean = andersonDarlingKSample([[3, 1, 2, 5], [4, 6, 2, 7], sortedFinite(z)]);
  assertEquals([clean.statistic, clean.pValue], [r.statistic, r.pValue]);
});

Deno.test("andersonDarlingKSample() returns error results for too few samples or values", () => {
  for (
    const [samples, part] of [
      [[], "0 samples given, at least 2 needed"],
      [[[1, 2, 3]], "1 sample given, at least 2 needed"],
      [[[1, 2], [NaN], [3, 4]], "sample 1 has no finite values"],
      [[[5, 5], [5], [5, NaN]], "only one distinct value"],
      [[[1], [2], [3]], "3 values, at least 4 needed"],
    ] as const
  ) {
    const r = andersonDarlingKSample(samples as unknown as number[][]);
    assertEquals([r.status, r.detected, r.criticalValues], ["error", false, []], part);
    assert(Number.isNaN(r.statistic) && Number.isNaN(r.pValue), part);
    assert(r.reason!.startsWith("Cannot compute Anderson–Darling k-sample: "), r.reason);
    assert(r.reason!.includes(part), r.reason);
  }
  assertEquals(andersonDarlingKSample([[1], [2, NaN], [5]]).missing, [0, 1, 0]);
});

Deno.test("andersonDarlingKSample() throws on misuse", () => {
  assertThrows(() => andersonDarlingKSample("abc" as unknown as number[][]), TypeError, "array");
  assertThrows(() => andersonDarlingKSample([[1, 2], "ab" as unknown as number[]]), TypeError);
  assertThrows(() => andersonDarlingKSample([[1, 2], [3, 4]], { threshold: NaN }), RangeError);
  assertThrows(
    () => andersonDarlingKSample([[1, 2], [3, 4]], { midrank: 1 as unknown as boolean }),
    TypeError,
    "midrank",
  );
});

Deno.test("andersonDarling() gives an error result below 4 pooled values (scipy: NaN or raises)", () => {
  const r = andersonDarling([1], [2, 3]);
  assertEquals([r.status, r.detected], ["error", false]);
  assert(r.reason!.includes("at least 4 needed"));
});
