import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import {
  benjaminiHochberg,
  bonferroni,
  correctPValues,
  P_VALUE_CORRECTIONS,
} from "../../lib/drift/corrections.ts";
import { GOLDEN } from "./_dataset_drift_golden.ts";

function assertArray(actual: ArrayLike<number>, expected: number[], message: string) {
  assertEquals(actual.length, expected.length, `${message} length`);
  for (let i = 0; i < expected.length; i++) {
    assertRelativeEquals(actual[i]!, expected[i]!, 1e-9, `${message}[${i}]`);
  }
}

Deno.test("the golden file was written by scipy 1.10, which lacks false_discovery_control", () => {
  assertEquals(GOLDEN.versions.scipy, "1.10.1");
  assertEquals(GOLDEN.scipyHasFalseDiscoveryControl, false);
  assert(GOLDEN.corrections.length >= 7);
});

Deno.test("bonferroni() equals statsmodels multipletests(method='bonferroni')", () => {
  for (const c of GOLDEN.corrections) assertArray(bonferroni(c.pValues), c.bonferroni, c.name);
});

Deno.test("benjaminiHochberg() equals statsmodels multipletests(method='fdr_bh')", () => {
  for (const c of GOLDEN.corrections) {
    assertArray(benjaminiHochberg(c.pValues), c.benjaminiHochberg, c.name);
  }
});

Deno.test("correctPValues() dispatches to each correction and copies for 'none'", () => {
  const c = GOLDEN.corrections[0]!;
  assertArray(correctPValues(c.pValues, "bonferroni"), c.bonferroni, "bonferroni");
  assertArray(correctPValues(c.pValues, "benjamini-hochberg"), c.benjaminiHochberg, "bh");
  const input = Float64Array.from(c.pValues);
  const none = correctPValues(input, "none");
  assertArray(none, c.pValues, "none");
  assert(none !== input, "a copy, not the input");
  assertEquals([...P_VALUE_CORRECTIONS], ["none", "bonferroni", "benjamini-hochberg"]);
});

Deno.test("Benjamini-Hochberg lies between the raw p-value and Bonferroni and keeps the order", () => {
  for (const c of GOLDEN.corrections) {
    const bh = benjaminiHochberg(c.pValues);
    const bf = bonferroni(c.pValues);
    c.pValues.forEach((p, i) => {
      assert(bh[i]! >= p - 1e-15 && bh[i]! <= bf[i]! + 1e-15, `${c.name}[${i}]`);
      c.pValues.forEach((q, j) => {
        if (p < q) assert(bh[i]! <= bh[j]!, `${c.name}: order of ${i} and ${j}`);
      });
    });
  }
});

Deno.test("NaN p-values are skipped: they stay NaN and do not count towards m", () => {
  const bf = bonferroni([0.01, NaN, 0.02]);
  assert(Number.isNaN(bf[1]!));
  assertEquals(bf[0], 0.02);
  assertEquals(bf[2], 0.04);
  const bh = benjaminiHochberg([NaN, 0.01, 0.04, NaN]);
  assert(Number.isNaN(bh[0]!) && Number.isNaN(bh[3]!));
  assertRelativeEquals(bh[1]!, 0.02, 1e-15);
  assertRelativeEquals(bh[2]!, 0.04, 1e-15);
  assertEquals(benjaminiHochberg([]).length, 0);
});

Deno.test("corrections reject non-p-values and unknown names", () => {
  assertThrows(() => bonferroni([0.5, 1.5]), RangeError, "entry 1 is 1.5");
  assertThrows(() => benjaminiHochberg([-0.1]), RangeError, "entry 0");
  assertThrows(() => bonferroni([0.1, "0.2" as unknown as number]), TypeError, "entry 1");
  assertThrows(() => bonferroni(3 as unknown as number[]), TypeError, "must be an array");
  assertThrows(
    () => correctPValues([0.1], "holm" as "none"),
    TypeError,
    'unknown correction "holm"',
  );
});
