import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertRelativeEquals,
  assertThrows,
} from "../_assert.ts";
import {
  applyDataDrivenThreshold,
  dataDrivenThreshold,
} from "../../lib/drift/data_driven_threshold.ts";
import { columnDrift } from "../../lib/drift/column_drift.ts";
import { GOLDEN } from "./_dataset_drift_golden.ts";

Deno.test("dataDrivenThreshold() equals NannyML's mean ± 3·np.std of scipy KS chunk statistics", () => {
  for (const c of GOLDEN.dataDriven) {
    for (const against of ["whole", "rest"] as const) {
      const t = dataDrivenThreshold(c.reference, { method: "ks", chunks: c.chunks, against });
      const g = c[against];
      const label = `${c.name} ${against}`;
      assertEquals(t.chunkSizes, c.chunkSizes, label);
      t.chunkStatistics.forEach((s, i) => assertRelativeEquals(s!, g.statistics[i]!, 1e-9, label));
      assertRelativeEquals(t.mean, g.mean, 1e-9, `${label} mean`);
      assertRelativeEquals(t.sd, g.sd, 1e-9, `${label} sd`);
      assertAlmostEquals(t.lower, g.lower, 1e-12, `${label} lower`);
      assertRelativeEquals(t.upper, g.upper, 1e-9, `${label} upper`);
    }
  }
});

Deno.test("dataDrivenThreshold() splits like numpy.array_split and records its policy", () => {
  const x = Array.from({ length: 23 }, (_, i) => Math.sin(i) * 10);
  const t = dataDrivenThreshold(x, { method: "wasserstein_normed", chunks: 4 });
  assertEquals(t.chunkSizes, [6, 6, 6, 5]);
  assertEquals(t.chunkStatistics.length, 4);
  assertEquals(t.source, "data_driven");
  assertEquals(t.ddof, 0);
  assertEquals(t.multiplier, 3);
  assertEquals(t.against, "whole");
  assert(t.lower >= 0 && t.lower <= t.mean && t.mean <= t.upper);
  const tight = dataDrivenThreshold(x, { method: "wasserstein_normed", chunks: 4, multiplier: 1 });
  assertAlmostEquals(tight.upper - tight.mean, t.sd, 1e-15);
  const JSONround = JSON.parse(JSON.stringify(t));
  assertEquals(JSONround.chunkSizes, [6, 6, 6, 5]);
});

Deno.test("comparing each chunk with the rest gives larger statistics than with the whole", () => {
  const c = GOLDEN.dataDriven[0]!;
  const whole = dataDrivenThreshold(c.reference, { method: "ks" });
  const rest = dataDrivenThreshold(c.reference, { method: "ks", against: "rest" });
  assert(rest.mean > whole.mean && rest.upper > whole.upper);
});

Deno.test("dataDrivenThreshold() chooses the method automatically and handles categories", () => {
  const g = Array.from({ length: 100 }, (_, i) => ["a", "b", "c"][(i * 7) % 3]!);
  const t = dataDrivenThreshold(g);
  assertEquals(t.method, "chi_square");
  assertEquals(t.treatAs, "categorical");
  const ints = Array.from({ length: 100 }, (_, i) => i % 3);
  const u = dataDrivenThreshold(ints, { method: "jensen_shannon" });
  assertEquals(u.treatAs, "numeric");
  assertEquals(dataDrivenThreshold(ints).method, "chi_square");
});

Deno.test("chunks that cannot be scored are null, and too few of them leave upper NaN", () => {
  const x = [NaN, NaN, NaN, NaN, NaN, 1, 2, 3, 4, 5];
  const t = dataDrivenThreshold(x, { method: "ks", chunks: 2 });
  assertEquals(t.chunkStatistics[0], null);
  assert(Number.isNaN(t.upper));
  const r = applyDataDrivenThreshold(columnDrift(x, [1, 2, 3], { method: "ks", column: "x" }), t);
  assertEquals(r.status, "error");
  assert(r.reason!.includes('column "x"'), r.reason);
});

Deno.test("dataDrivenThreshold() rejects bad chunk counts and multipliers", () => {
  assertThrows(() => dataDrivenThreshold([1, 2, 3], { chunks: 1 }), RangeError, "[2, 3]");
  assertThrows(() => dataDrivenThreshold([1, 2, 3], { chunks: 4 }), RangeError, "got 4");
  assertThrows(() => dataDrivenThreshold([1, 2, 3], { chunks: 2.5 }), RangeError);
  assertThrows(() => dataDrivenThreshold([1, 2, 3], { chunks: 2, multiplier: -1 }), RangeError);
  assertThrows(
    () => dataDrivenThreshold([1, 2, 3], { chunks: 2, against: "all" as "whole" }),
    RangeError,
  );
});

Deno.test("applyDataDrivenThreshold() decides on the statistic and moves the p-value to details", () => {
  const c = GOLDEN.dataDriven[0]!;
  const t = dataDrivenThreshold(c.reference, { method: "ks" });
  const same = columnDrift(c.reference, c.reference.slice(40, 60), { method: "ks", column: "x" });
  const applied = applyDataDrivenThreshold(same, t);
  assertEquals(applied.threshold, t.upper);
  assertEquals(applied.operator, ">");
  assertEquals(applied.detected, applied.statistic > t.upper);
  assert(!("pValue" in applied));
  assertEquals(applied.details?.pValue, same.pValue);
  assertEquals(applied.details?.dataDrivenThreshold, t);
  assert(same.pValue !== undefined, "input not mutated");
  const shifted = columnDrift(c.reference, c.reference.slice(0, 20).map((v) => v + 2), {
    method: "ks",
  });
  assert(applyDataDrivenThreshold(shifted, t).detected);
  const big = columnDrift(c.reference, c.reference, { method: "ks", column: "x" });
  const warned = applyDataDrivenThreshold(big, t).details?.warnings as string[];
  assert(warned.some((w) => w.includes("chunks of about 20 rows")), warned.join("\n"));
  assertThrows(
    () => applyDataDrivenThreshold(columnDrift([1, 2], [1, 2], { method: "psi" }), t),
    TypeError,
    '"ks"',
  );
});
