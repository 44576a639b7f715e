import { buildProfile, profileFromJSON, profileToJSON } from "../../lib/profile/mod.ts";
import type { ColumnProfile, NumericColumnProfile } from "../../lib/profile/mod.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { binCounts } from "../../lib/stats/histogram.ts";
import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { GOLDEN } from "../quality/_golden.ts";

const EPOCH = new Date(0);

function numeric(c: ColumnProfile | undefined): NumericColumnProfile {
  assert(c !== undefined && c.kind === "numeric", "expected a numeric column profile");
  return c;
}

function assertMatchesGolden(actual: NumericColumnProfile, expected: typeof GOLDEN.iris[string]) {
  assertEquals(actual.nMissing, expected.nMissing);
  assertEquals(actual.summary.count, expected.summary.count);
  for (const k of ["mean", "std", "min", "max"] as const) {
    assertRelativeEquals(actual.summary[k], expected.summary[k], 1e-9, k);
  }
  for (const [k, v] of Object.entries(expected.summary.quantiles)) {
    assertRelativeEquals(actual.summary.quantiles[k as "p50"], v, 1e-9, k);
  }
  assertEquals(actual.edges.length, expected.edges.length, "edges");
  actual.edges.forEach((e, i) => assertRelativeEquals(e, expected.edges[i]!, 1e-9, "edge"));
  assertEquals(actual.binCounts, expected.binCounts);
}

Deno.test("buildProfile() matches numpy on the Iris columns (summary, deciles, bin counts)", async () => {
  const { table } = await loadIris();
  const p = buildProfile(table, { createdAt: EPOCH });
  assertEquals(Object.keys(p.columns), table.names);
  assertEquals(p.nRows, 150);
  for (const [name, expected] of Object.entries(GOLDEN.iris)) {
    assertMatchesGolden(numeric(p.columns[name]), expected);
  }
  const species = p.columns.species!;
  assert(species.kind === "categorical");
  assertEquals(species.categories, GOLDEN.irisSpecies);
  assertEquals(species.count, 150);
});

Deno.test("buildProfile() collapses tied deciles and counts missing values (numpy golden)", () => {
  const values = GOLDEN.synthetic.values;
  const p = buildProfile(tableFromColumns({ v: values }), { bins: 7, createdAt: EPOCH });
  const v = numeric(p.columns.v);
  assertMatchesGolden(v, GOLDEN.synthetic.profile);
  assertEquals(v.sorted.length, v.summary.count);
  // consistency with the histogram primitive: the same counts from raw values
  const edges = [-Infinity, ...v.edges, Infinity];
  assertEquals(Array.from(binCounts(values, edges)), v.binCounts);
});

Deno.test("buildProfile() keeps a uniform quantile sketch above sampleLimit (numpy golden)", () => {
  const p = buildProfile(tableFromColumns({ v: GOLDEN.synthetic.values }), {
    bins: 7,
    sampleLimit: 101,
  });
  const v = numeric(p.columns.v);
  const sketch = GOLDEN.synthetic.profile.sketch!;
  assertEquals(v.sorted.length, 101);
  v.sorted.forEach((x, i) => assertRelativeEquals(x, sketch[i]!, 1e-9, `sketch ${i}`));
  assertEquals(v.sorted[0], v.summary.min);
  assertEquals(v.sorted[100], v.summary.max);
  // the summary still describes every value, not the sketch
  assertEquals(v.summary.count, GOLDEN.synthetic.profile.summary.count);
});

Deno.test("buildProfile() profiles an all-missing column with NaN summary and one empty bin", () => {
  const p = buildProfile(tableFromColumns({ x: [NaN, NaN, NaN] }));
  const x = numeric(p.columns.x);
  assertEquals(x.nMissing, 3);
  assertEquals(x.summary.count, 0);
  assert(Number.isNaN(x.summary.mean) && Number.isNaN(x.summary.quantiles.p50));
  assertEquals(x.edges, []);
  assertEquals(x.binCounts, [0]);
});

Deno.test("buildProfile() of an empty table and of a single row", () => {
  const empty = buildProfile(tableFromColumns({}));
  assertEquals(empty.nRows, 0);
  assertEquals(empty.columns, {});
  const one = buildProfile(tableFromColumns({ x: [4.5], c: ["a"] }));
  const x = numeric(one.columns.x);
  assertEquals([x.summary.min, x.summary.max, x.summary.std, x.summary.mean], [4.5, 4.5, 0, 4.5]);
  // The extra edge above the maximum matches psi()'s default binning on raw columns.
  assertEquals(x.edges, [4.5, 4.500000000000001]);
  assertEquals(x.binCounts, [0, 1, 0]);
});

Deno.test("buildProfile() follows kind overrides and infers booleans as categories", () => {
  const t = tableFromColumns({
    zip: [75001, 75002, 75001],
    flag: [0, 1, 1],
    b: ["true", "false", null],
  });
  const p = buildProfile(t, { kinds: { zip: "categorical" }, columns: ["zip", "flag", "b"] });
  const zip = p.columns.zip!;
  const flag = p.columns.flag!;
  const b = p.columns.b!;
  assert(zip.kind === "categorical" && flag.kind === "boolean" && b.kind === "boolean");
  assertEquals(zip.categories, { "75001": 2, "75002": 1 });
  assertEquals([zip.type, flag.type, b.type], ["number", "number", "string"]);
  assertEquals(flag.categories, { "0": 1, "1": 2 });
  assertEquals(b.nMissing, 1);
});

Deno.test("buildProfile() rejects misuse, naming the column and the row", () => {
  const t = tableFromColumns({ x: [1, 2], s: [null, "abc"] });
  assertThrows(() => buildProfile(t, { columns: ["y"] }), TypeError, 'no column "y"');
  assertThrows(
    () => buildProfile(t, { kinds: { s: "numeric" } }),
    TypeError,
    'column "s" as numeric: it holds text (row 2 is "abc")',
  );
  assertThrows(() => buildProfile(t, { bins: 0 }), RangeError, "bins");
  assertThrows(() => buildProfile(t, { sampleLimit: 1 }), RangeError, "sampleLimit");
});

Deno.test("profileFromJSON(profileToJSON()) round-trips every field, NaN and the sorted sample", async () => {
  const { table } = await loadIris();
  const t = tableFromColumns({
    ...table.columns,
    empty: [...Array(150)].map(() => NaN),
    "__proto__": [...Array(150)].map((_, i) => (i % 2 ? "a" : "__proto__")),
  });
  const p = buildProfile(t, { createdAt: new Date("2026-12-01T00:00:00Z") });
  const text = profileToJSON(p);
  const back = profileFromJSON(text);
  assertEquals(back, p);
  assertEquals(back.createdAt, "2026-12-01T00:00:00.000Z");
  assert(numeric(back.columns.sepal_length).sorted instanceof Float64Array);
  assert(Number.isNaN(numeric(back.columns.empty).summary.std));
  assertEquals(profileToJSON(back), text);
  // a parsed object is accepted too
  assertEquals(profileFromJSON(JSON.parse(text)), p);
});

Deno.test("profileFromJSON() names the bad field", () => {
  const good = JSON.parse(profileToJSON(buildProfile(tableFromColumns({ x: [1, 2, 3] }))));
  assertThrows(() => profileFromJSON("{"), SyntaxError, "not JSON");
  assertThrows(() => profileFromJSON({ ...good, version: 2 }), TypeError, '"version" must be 1');
  const cases: [(p: typeof good) => void, string][] = [
    [(p) => (p.columns.x.summary.mean = "1"), '"columns.x.summary.mean" must be a number or null'],
    [(p) => delete p.columns.x.summary.quantiles.p99, '"columns.x.summary.quantiles.p99"'],
    [(p) => (p.columns.x.kind = "text"), '"columns.x.kind"'],
    [
      (p) => (p.columns.x.binCounts = [1]),
      '"columns.x.binCounts" must be 10 counts (edges + 1), got 1',
    ],
    [(p) => (p.columns.x.sorted = [3, 1, 2]), '"columns.x.sorted" must be ascending'],
    [(p) => (p.columns.x.edges = [2, 2]), '"columns.x.edges[1]"'],
    [(p) => (p.nRows = -1), '"nRows" must be an integer >= 0'],
    [(p) => delete p.columns, '"columns" must be an object'],
  ];
  for (const [mutate, message] of cases) {
    const copy = structuredClone(good);
    mutate(copy);
    assertThrows(() => profileFromJSON(copy), TypeError, message);
  }
});
