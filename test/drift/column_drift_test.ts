import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { columnDrift } from "../../lib/drift/column_drift.ts";
import { buildProfile } from "../../lib/profile/mod.ts";
import { kolmogorovSmirnov } from "../../lib/drift/kolmogorov_smirnov.ts";
import { chiSquare } from "../../lib/drift/chi_square.ts";
import { jensenShannon } from "../../lib/drift/jensen_shannon.ts";
import { psi } from "../../lib/drift/psi.ts";
import { wasserstein } from "../../lib/drift/wasserstein.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { seededRandom } from "../../lib/stats/random.ts";

const random = seededRandom(11);
const normal = (n: number, shift = 0) =>
  Float64Array.from({ length: n }, () => {
    const u = 1 - random(), v = random();
    return shift + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });

Deno.test("columnDrift() auto on a small numeric column is the KS test, with the rule recorded", () => {
  const ref = normal(200), cur = normal(150, 0.5);
  const r = columnDrift(ref, cur, { column: "x" });
  const ks = kolmogorovSmirnov(ref, cur);
  assertEquals(r.method, "ks");
  assertEquals(r.statistic, ks.statistic);
  assertEquals(r.pValue, ks.pValue);
  assertEquals(r.column, "x");
  assertEquals(r.details?.selectedBy, "auto");
  assertEquals(r.details?.rule, "reference <= 1000 rows, numeric, >5 unique → ks");
  assertEquals(r.details?.columnKind, "numeric");
  assertEquals(r.details?.warnings, []);
});

Deno.test("columnDrift() auto on a large numeric column is the normed Wasserstein distance", () => {
  const ref = normal(1500), cur = normal(300, 0.3);
  const r = columnDrift(ref, cur);
  assertEquals(r.method, "wasserstein_normed");
  assertEquals(r.threshold, 0.1);
  assertEquals(r.statistic, wasserstein(ref, cur).statistic);
  assert(r.detected, "a 0.3 sd shift is >= 0.1 normed");
});

Deno.test("columnDrift() compares a numeric column with few values value by value", () => {
  const ref = Float64Array.from({ length: 300 }, (_, i) => i % 4);
  const cur = Float64Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 3 : i % 3));
  const r = columnDrift(ref, cur);
  assertEquals(r.method, "chi_square");
  assertEquals(r.details?.treatAs, "categorical");
  assertEquals(r.statistic, chiSquare(Array.from(ref), Array.from(cur)).statistic);
  const large = Float64Array.from({ length: 3000 }, (_, i) => i % 4);
  const js = columnDrift(large, cur);
  assertEquals(js.method, "jensen_shannon");
  const expected = jensenShannon(Array.from(large, String), Array.from(cur, String));
  assertAlmostEquals(js.statistic, expected.statistic, 1e-15);
});

Deno.test("columnDrift() auto picks chi-square, the Z-test and Jensen-Shannon for categories", () => {
  const three = ["a", "b", "c"], two = ["no", "yes"];
  const ref3 = Array.from({ length: 90 }, (_, i) => three[i % 3]!);
  assertEquals(columnDrift(ref3, ref3.slice(0, 30)).method, "chi_square");
  const ref2 = Array.from({ length: 90 }, (_, i) => two[i % 2]!);
  const z = columnDrift(ref2, ref2.slice(0, 40));
  assertEquals(z.method, "z_test");
  assertEquals(z.details?.rule, "reference <= 1000 rows, categorical, <=2 unique → z_test");
  const big = Array.from({ length: 1200 }, (_, i) => two[i % 2]!);
  assertEquals(columnDrift(big, ref2).method, "jensen_shannon");
  const flags = Float64Array.from({ length: 60 }, (_, i) => i % 2);
  const b = columnDrift(flags, flags);
  assertEquals(b.details?.columnKind, "boolean");
  assertEquals(b.method, "z_test");
});

Deno.test("columnDrift() against a profile equals the raw reference (exact sorted sample)", () => {
  const x = normal(400);
  const g = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? null : ["u", "v", "w"][i % 3]!));
  const profile = buildProfile(tableFromColumns({ x, g }));
  const cur = normal(100, 0.2);
  const curG = g.slice(0, 120).reverse();
  for (const method of ["ks", "wasserstein_normed", "psi", "auto"] as const) {
    const a = columnDrift(profile.columns.x!, cur, { method });
    const b = columnDrift(x, cur, { method });
    assertEquals(a.statistic, b.statistic, method);
    assertEquals(a.pValue, b.pValue, method);
    assertEquals(a.nReference, b.nReference, method);
  }
  for (const method of ["chi_square", "psi", "auto"] as const) {
    const a = columnDrift(profile.columns.g!, curG, { method });
    const b = columnDrift(g, curG, { method });
    assertEquals(a.statistic, b.statistic, method);
    assertEquals(a.nReference, 342, method); // 400 rows minus 58 nulls (i % 7 === 0)
  }
});

Deno.test("columnDrift() bins numeric data at the profile's frozen edges", () => {
  const x = normal(500);
  const profile = buildProfile(tableFromColumns({ x }), { bins: 5 });
  const cur = normal(200, 1);
  const r = columnDrift(profile.columns.x!, cur, { method: "psi" });
  const edges = [-Infinity, ...(profile.columns.x as { edges: number[] }).edges, Infinity];
  assertEquals(r.statistic, psi(x, cur, { edges }).statistic);
  assertEquals((r.details?.referenceCounts as number[]).length, 5);
});

Deno.test("columnDrift() turns an all-missing column into an error result, not an exception", () => {
  const r = columnDrift(normal(50), new Float64Array(20).fill(NaN), { column: "broken" });
  assertEquals(r.status, "error");
  assertEquals(r.detected, false);
  assert(Number.isNaN(r.statistic));
  assert(r.reason!.includes('"broken"'), r.reason);
  assertEquals(r.details?.warnings, []);
});

Deno.test("columnDrift() throws a TypeError naming the column for misuse", () => {
  assertThrows(
    () => columnDrift(["a", "b"], ["a"], { method: "ks", column: "species" }),
    TypeError,
    '"species"',
  );
  assertThrows(
    () => columnDrift([1, 2, 3], ["a", "b"], { method: "wasserstein", column: "w" }),
    TypeError,
    'column "w": the current column holds text',
  );
  assertThrows(
    () => columnDrift([1], [1], { method: "t_test" as "ks", column: "t" }),
    TypeError,
    'unknown method "t_test"',
  );
  assertThrows(
    () => columnDrift([1, "a"] as number[], [1]),
    TypeError,
    "mixes numbers and strings",
  );
  assertThrows(() => columnDrift([1, 2], [1, 2], { threshold: NaN }), RangeError);
});

Deno.test("columnDrift() warns when a window is too small for its method", () => {
  const tiny = columnDrift([1, 2, 3], [4, 5, 6], { method: "ks", column: "x" });
  const w = tiny.details?.warnings as string[];
  assert(w.some((m) => m.includes("cannot reach p < 0.05") && m.includes("0.1")), w.join("\n"));
  assert(w.every((m) => m.startsWith('Column "x": ')), w.join("\n"));
  const four = columnDrift([1, 2, 3, 4], [5, 6, 7, 8], { method: "ks" });
  assert(!(four.details?.warnings as string[]).some((m) => m.includes("cannot reach")));
  assert((four.details?.warnings as string[]).some((m) => m.includes("fewer than 30")));

  const asymp = columnDrift(normal(20_000), normal(50), { method: "ks" });
  assertEquals(asymp.details?.pValueMethod, "asymp");
  assert((asymp.details?.warnings as string[]).some((m) => m.includes("asymptotic")));

  const rare = ["a", "a", "a", "a", "a", "a", "a", "a", "a", "b"];
  const chi = columnDrift(rare.concat(rare), rare, { method: "chi_square" });
  assert((chi.details?.warnings as string[]).some((m) => m.includes("expected counts below 5")));
  const table = columnDrift(rare, rare, { method: "chi_square_contingency" });
  const tw = table.details?.warnings as string[];
  assert(tw.some((m) => m.includes("2 of 4 expected counts below 5 (smallest 1)")), tw.join("\n"));
  const many = rare.concat(rare, rare, rare, rare);
  assertEquals(columnDrift(many, many, { method: "chi_square_contingency" }).details?.warnings, []);
  const single = columnDrift(["a", "a"], ["a"], { method: "z_test" });
  assert(!(single.details?.warnings as string[]).some((m) => m.includes("expected counts")));
  const z = columnDrift(rare, rare, { method: "z_test" });
  assert((z.details?.warnings as string[]).some((m) => m.includes("expected counts below 5")));

  const p = columnDrift(normal(1000), normal(60), { method: "psi" });
  assert((p.details?.warnings as string[]).some((m) => m.includes("6 rows per bin")));
  const ok = columnDrift(normal(1000), normal(400), { method: "psi" });
  assertEquals(ok.details?.warnings, []);
  const off = columnDrift([1, 2, 3], [4, 5, 6], { method: "ks", warnings: false });
  assertEquals(off.details?.warnings, []);
});

Deno.test("columnDrift() accepts a pre-sorted reference sample and equals the raw one", () => {
  const x = normal(300), cur = normal(80, 0.4);
  const sorted = { sorted: Float64Array.from(x).sort(), nMissing: 0 };
  for (const method of ["auto", "ks", "psi", "energy_distance"] as const) {
    const a = columnDrift(sorted, cur, { method });
    const b = columnDrift(x, cur, { method });
    assertEquals([a.method, a.statistic, a.pValue], [b.method, b.statistic, b.pValue], method);
  }
});
