import { driftScenario } from "../../lib/data/drift_scenario.ts";
import { driftWeight } from "../../lib/data/drift_schedule.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";

const random = seededRandom(5);
const base = tableFromColumns({
  x: Array.from({ length: 1000 }, () => random() * 10),
  g: Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? "b" : "a")),
  label: Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? "pos" : "neg")),
});
const mean = (x: ArrayLike<number>) => {
  const f = Array.from(x).filter(Number.isFinite);
  return f.reduce((a, b) => a + b, 0) / f.length;
};
const share = (x: ArrayLike<unknown>, v: unknown) =>
  Array.from(x).filter((e) => e === v).length / x.length;

Deno.test("driftWeight() follows each pattern's shape", () => {
  assertEquals([4, 5, 6].map((t) => driftWeight({ pattern: "sudden", start: 5 }, t)), [0, 1, 1]);
  assertEquals(
    [0, 1, 2, 3, 9].map((t) => driftWeight({ pattern: "gradual", start: 1, width: 2 }, t)),
    [0, 0.5, 1, 1, 1],
  );
  const rec = { pattern: "recurring", start: 2, period: 3, duration: 2 } as const;
  assertEquals([1, 2, 3, 4, 5, 6, 7].map((t) => driftWeight(rec, t)), [0, 1, 1, 0, 1, 1, 0]);
  assertThrows(
    () => driftWeight({ pattern: "gradual", start: 0, width: 0 }, 1),
    RangeError,
    "width",
  );
  assertThrows(
    () => driftWeight({ pattern: "recurring", start: 0, period: 1 }, 1),
    RangeError,
    "period",
  );
  assertThrows(() => driftWeight({ pattern: "sudden", start: -1 }, 1), RangeError, "start");
});

Deno.test("driftScenario() sudden mean shift: no change before start, full shift after", () => {
  const s = driftScenario(base, {
    change: { kind: "shift", column: "x", amount: 2, units: "absolute" },
    schedule: { pattern: "sudden", start: 2 },
    windowRows: 2000,
    seed: 1,
  });
  const m = [0, 1, 2, 3].map((i) => mean(s.window(i).columns.x as Float64Array));
  assertAlmostEquals(m[0]!, mean(base.columns.x as Float64Array), 0.3);
  assertAlmostEquals(m[2]! - m[1]!, 2, 0.4);
  assertEquals(s.window(2).nRows, 2000);
});

Deno.test("driftScenario() incremental shift grows linearly; gradual mixes whole shifts", () => {
  const change = { kind: "shift", column: "x", amount: 4, units: "absolute" } as const;
  const inc = driftScenario(base, {
    change,
    schedule: { pattern: "incremental", start: 0, width: 4 },
    windowRows: 400,
  });
  const plain = driftScenario(base, {
    change,
    schedule: { pattern: "sudden", start: 99 },
    windowRows: 400,
  });
  // same rows drawn (same seed and index), so the difference is exactly amount · weight
  const d = (i: number) =>
    (inc.window(i).columns.x as Float64Array)[7]! - (plain.window(i).columns.x as Float64Array)[7]!;
  assertAlmostEquals(d(0), 1, 1e-9);
  assertAlmostEquals(d(1), 2, 1e-9);
  assertAlmostEquals(d(3), 4, 1e-9);
  const grad = driftScenario(base, {
    change,
    schedule: { pattern: "gradual", start: 0, width: 2 },
    windowRows: 4000,
  });
  const plain4000 = driftScenario(base, {
    change,
    schedule: { pattern: "sudden", start: 99 },
    windowRows: 4000,
  });
  const p4 = plain4000.window(0).columns.x as Float64Array;
  const diffs = Array.from(
    grad.window(0).columns.x as Float64Array,
    (v, j) => Math.round(v - p4[j]!),
  );
  assert(diffs.every((v) => v === 0 || v === 4));
  assertAlmostEquals(share(diffs, 4), 0.5, 0.05);
});

Deno.test("driftScenario() scale, noise, missingness and category mix at full weight", () => {
  const sched = { pattern: "sudden", start: 0 } as const;
  const w = (change: Parameters<typeof driftScenario>[1]["change"]) =>
    driftScenario(base, { change, schedule: sched, windowRows: 3000, seed: 4 }).window(0);
  const missing = w({ kind: "missing", column: "x", amount: 0.3 }).columns.x as Float64Array;
  assertAlmostEquals(share(Array.from(missing, Number.isNaN), true), 0.3, 1e-9);
  assertAlmostEquals(
    share(w({ kind: "category_mix", column: "g", amount: 1, category: "c" }).columns.g!, "c"),
    1,
    1e-9,
  );
  const sd = (x: Float64Array) => {
    const m = mean(x);
    return Math.sqrt(mean(x.map((v) => (v - m) ** 2)));
  };
  const plain = sd(w({ kind: "shift", column: "x", amount: 0 }).columns.x as Float64Array);
  assertAlmostEquals(
    sd(w({ kind: "scale", column: "x", amount: 1 }).columns.x as Float64Array) / plain,
    2,
    1e-9,
  );
  const noisy = sd(w({ kind: "noise", column: "x", amount: 1 }).columns.x as Float64Array);
  assertAlmostEquals(noisy / plain, Math.SQRT2, 0.1); // independent noise of the same sd
});

Deno.test("driftScenario() label shift moves the class mix, keeps each class's inputs", () => {
  const s = driftScenario(base, {
    change: { kind: "label_shift", column: "label", priors: { pos: 0.8, neg: 0.2 } },
    schedule: { pattern: "incremental", start: 0, width: 2 },
    windowRows: 5000,
  });
  assertAlmostEquals(share(s.window(0).columns.label!, "pos"), 0.5, 0.03); // half-way 0.2 → 0.8
  assertAlmostEquals(share(s.window(5).columns.label!, "pos"), 0.8, 0.03);
  assertThrows(
    () =>
      driftScenario(base, {
        change: { kind: "label_shift", column: "label", priors: { zzz: 1 } },
        schedule: { pattern: "sudden", start: 0 },
      }),
    RangeError,
    "never occurs",
  );
});

Deno.test("driftScenario() concept drift rewrites labels and leaves inputs exactly as drawn", () => {
  const change = {
    kind: "concept",
    column: "label",
    relabel: (r: Record<string, unknown>) => ((r.x as number) > 5 ? "pos" : "neg"),
  } as const;
  const s = driftScenario(base, {
    change,
    schedule: { pattern: "recurring", start: 1, period: 2 },
    windowRows: 1000,
  });
  const none = driftScenario(base, {
    change,
    schedule: { pattern: "sudden", start: 999 },
    windowRows: 1000,
  });
  for (const i of [0, 1, 2, 3]) assertEquals(s.window(i).columns.x, none.window(i).columns.x);
  assertAlmostEquals(share(s.window(1).columns.label!, "pos"), 0.5, 0.06);
  assertAlmostEquals(share(s.window(2).columns.label!, "pos"), 0.2, 0.04); // the old concept is back
  assertThrows(() => s.window(-1), RangeError, "non-negative");
  assertThrows(
    () =>
      driftScenario(base, {
        change: { ...change, column: "nope" },
        schedule: { pattern: "sudden", start: 0 },
      }),
    TypeError,
    '"nope"',
  );
});
