import { simulateDrift } from "../../lib/data/synthetic.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";

const iris = await loadIris();
const num = (t: { columns: Record<string, unknown> }, c: string) => t.columns[c] as Float64Array;
const cat = (t: { columns: Record<string, unknown> }, c: string) =>
  t.columns[c] as (string | null)[];

function moments(x: Float64Array): [number, number] {
  const f = x.filter(Number.isFinite);
  const mean = f.reduce((a, b) => a + b, 0) / f.length;
  return [mean, Math.sqrt(f.reduce((a, v) => a + (v - mean) ** 2, 0) / f.length)];
}

Deno.test("simulateDrift() shift moves the mean by amount standard deviations", () => {
  const [mean, sd] = moments(num(iris.table, "petal_length"));
  const out = simulateDrift(iris.table, { kind: "shift", column: "petal_length", amount: 0.5 });
  const [mean2, sd2] = moments(num(out, "petal_length"));
  assertAlmostEquals(mean2, mean + 0.5 * sd, 1e-9);
  assertAlmostEquals(sd2, sd, 1e-9);
  const abs = simulateDrift(iris.table, {
    kind: "shift",
    column: "petal_length",
    amount: -1,
    units: "absolute",
  });
  assertAlmostEquals(moments(num(abs, "petal_length"))[0], mean - 1, 1e-9);
});

Deno.test("simulateDrift() scale stretches the spread around an unchanged mean", () => {
  const [mean, sd] = moments(num(iris.table, "sepal_width"));
  const out = simulateDrift(iris.table, { kind: "scale", column: "sepal_width", amount: 1 });
  const [mean2, sd2] = moments(num(out, "sepal_width"));
  assertAlmostEquals(mean2, mean, 1e-9);
  assertAlmostEquals(sd2, 2 * sd, 1e-9);
});

Deno.test("simulateDrift() noise adds variance amount² · sd² and is reproducible per seed", () => {
  const x = Float64Array.from({ length: 20000 }, (_, i) => i % 10);
  const table = tableFromColumns({ x });
  const [, sd] = moments(x);
  const opts = { kind: "noise", column: "x", amount: 1, random: seededRandom(5) } as const;
  const out = simulateDrift(table, opts);
  const [mean2, sd2] = moments(num(out, "x"));
  assertAlmostEquals(mean2, 4.5, 0.05);
  assertAlmostEquals(sd2, Math.SQRT2 * sd, 0.05);
  assertEquals(num(simulateDrift(table, { ...opts, random: seededRandom(5) }), "x"), num(out, "x"));
  assert(
    num(simulateDrift(table, { ...opts, random: seededRandom(6) }), "x")[0] !== num(out, "x")[0],
  );
});

Deno.test("simulateDrift() missing blanks round(amount · n) rows of numeric and categorical columns", () => {
  const a = simulateDrift(iris.table, { kind: "missing", column: "sepal_length", amount: 0.1 });
  assertEquals(num(a, "sepal_length").filter(Number.isNaN).length, 15);
  const b = simulateDrift(iris.table, { kind: "missing", column: "species", amount: 1 / 3 });
  assertEquals(cat(b, "species").filter((v) => v === null).length, 50);
});

Deno.test("simulateDrift() category_mix moves the requested share of rows to other categories", () => {
  const out = simulateDrift(iris.table, { kind: "category_mix", column: "species", amount: 0.2 });
  const before = cat(iris.table, "species");
  const after = cat(out, "species");
  assertEquals(after.filter((v, i) => v !== before[i]).length, 30);
  assert(after.every((v) => v !== null && iris.classNames.includes(v)));
  const to = simulateDrift(iris.table, {
    kind: "category_mix",
    column: "species",
    amount: 0.5,
    category: "unseen",
  });
  assertEquals(cat(to, "species").filter((v) => v === "unseen").length, 75);
});

Deno.test("simulateDrift() never mutates the input and shares the other columns", () => {
  const snapshot = JSON.stringify(iris.table, (_, v) => (v instanceof Float64Array ? [...v] : v));
  for (
    const [kind, column] of [
      ["shift", "petal_width"],
      ["scale", "petal_width"],
      ["noise", "petal_width"],
      ["missing", "species"],
      ["category_mix", "species"],
    ] as const
  ) {
    const out = simulateDrift(iris.table, { kind, column, amount: 0.5 });
    assertEquals(out.names, iris.table.names);
    assertEquals(out.nRows, 150);
    assert(out.columns[column] !== iris.table.columns[column], `${kind}: column must be new`);
    assert(out.columns["sepal_length"] === iris.table.columns["sepal_length"]);
  }
  assertEquals(
    JSON.stringify(iris.table, (_, v) => (v instanceof Float64Array ? [...v] : v)),
    snapshot,
  );
});

Deno.test("simulateDrift() with amount 0 changes nothing and keeps missing values missing", () => {
  const t = tableFromColumns({ x: [1, NaN, 3], g: ["a", null, "b"] });
  for (const kind of ["shift", "scale", "noise", "missing"] as const) {
    assertEquals(num(simulateDrift(t, { kind, column: "x", amount: 0 }), "x"), num(t, "x"));
  }
  assertEquals(
    cat(simulateDrift(t, { kind: "category_mix", column: "g", amount: 0 }), "g"),
    cat(t, "g"),
  );
  assertEquals(cat(simulateDrift(t, { kind: "category_mix", column: "g", amount: 1 }), "g"), [
    "b",
    null,
    "a",
  ]);
  assert(Number.isNaN(num(simulateDrift(t, { kind: "noise", column: "x", amount: 2 }), "x")[1]));
});

Deno.test("simulateDrift() rejects wrong columns, kinds and amounts", () => {
  const t = tableFromColumns({ x: [1, 2, 3], g: ["a", "b", "a"], e: [NaN, NaN, NaN] });
  assertThrows(
    () => simulateDrift(t, { kind: "shift", column: "nope", amount: 1 }),
    TypeError,
    "nope",
  );
  assertThrows(
    () => simulateDrift(t, { kind: "missing", column: "nope", amount: 1 }),
    TypeError,
    "nope",
  );
  assertThrows(
    () => simulateDrift(t, { kind: "shift", column: "g", amount: 1 }),
    TypeError,
    "categorical",
  );
  assertThrows(
    () => simulateDrift(t, { kind: "category_mix", column: "x", amount: 1 }),
    TypeError,
    "numeric",
  );
  assertThrows(
    () => simulateDrift(t, { kind: "wobble" as "shift", column: "x", amount: 1 }),
    TypeError,
    `unknown kind "wobble"`,
  );
  assertThrows(
    () => simulateDrift(t, { kind: "shift", column: "x", amount: NaN }),
    RangeError,
    "finite",
  );
  assertThrows(
    () => simulateDrift(t, { kind: "scale", column: "x", amount: -1 }),
    RangeError,
    "> -1",
  );
  assertThrows(
    () => simulateDrift(t, { kind: "noise", column: "x", amount: -1 }),
    RangeError,
    ">= 0",
  );
  assertThrows(
    () => simulateDrift(t, { kind: "missing", column: "x", amount: 1.5 }),
    RangeError,
    "[0, 1]",
  );
  assertThrows(
    () => simulateDrift(t, { kind: "shift", column: "e", amount: 1 }),
    RangeError,
    "no finite values",
  );
});
