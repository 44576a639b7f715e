import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import {
  COUNT_METRICS,
  groupCoding,
  metricFrame,
  metricFrames,
  metricFramesByAttribute,
} from "../../lib/fairness/mod.ts";
import { accuracy } from "../../lib/metrics/accuracy.ts";
import { rocAuc } from "../../lib/metrics/roc_auc.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { CASES, input, num } from "./_golden.ts";

const TOL = 1e-12;

Deno.test("metricFrame() by-group and overall rates match the numpy golden values", () => {
  for (const c of CASES) {
    for (const metric of ["selection_rate", "true_positive_rate", "false_positive_rate"] as const) {
      const f = metricFrame(input(c), { metric, minGroupSize: 1 });
      assertEquals(f.byGroup.map((g) => g.group), c.groups);
      assertEquals(f.byGroup.map((g) => g.n), c.counts);
      f.byGroup.forEach((g, i) => assertAlmostEquals(g.value, num(c.byGroup[i]![metric]), TOL));
      assertAlmostEquals(f.overall.value, num(c.overall[metric]), TOL);
      assertEquals(f.attributes, Object.keys(c.sensitive));
    }
  }
});

Deno.test("metricFrame() has one shape whatever the metric, attributes or errors", () => {
  const c = CASES[3]!;
  const keys = (o: object) => Object.keys(o).sort().join();
  const shapes = new Set<string>();
  for (
    const metric of [
      ...COUNT_METRICS,
      (t: ArrayLike<number>, p: ArrayLike<number>) => accuracy(t, p),
    ]
  ) {
    for (const minGroupSize of [1, 100000]) {
      const f = metricFrame(input(c), { metric, minGroupSize });
      shapes.add(keys({ ...f, reason: 0 }));
      for (const g of f.byGroup) shapes.add("group:" + keys({ ...g, reason: 0 }));
    }
  }
  assertEquals(shapes.size, 2);
});

Deno.test("a metric function per group equals the count fast path (accuracy)", () => {
  const data = input(CASES[4]!);
  const fast = metricFrame(data, { metric: "accuracy", minGroupSize: 1 });
  const slow = metricFrame(data, { metric: (t, p) => accuracy(t, p), minGroupSize: 1 });
  assertEquals(slow.metric, "accuracy");
  fast.byGroup.forEach((g, i) => assertAlmostEquals(slow.byGroup[i]!.value, g.value, TOL));
  assertAlmostEquals(slow.difference, fast.difference, TOL);
  assertAlmostEquals(slow.ratioToOverall, fast.ratioToOverall, TOL);
});

Deno.test("a metric undefined in a group is an error value, left out of the aggregates", () => {
  // Group b has only one class: ROC AUC is undefined there.
  const data = {
    yTrue: [0, 1, 0, 1, 1, 1],
    yPred: [0.1, 0.9, 0.6, 0.4, 0.7, 0.8],
    sensitive: { g: ["a", "a", "a", "a", "b", "b"] },
  };
  const f = metricFrame(data, { metric: (t, p) => rocAuc(t, p), minGroupSize: 1 });
  assertEquals(f.byGroup[1]!.status, "error");
  assertEquals(f.excluded, ["b"]);
  assertEquals([f.groupMin, f.groupMax, f.difference, f.ratio], [0.75, 0.75, 0, 1]);
  assertEquals(f.status, "ok");
});

Deno.test("small groups are 'too few rows' errors and the default minimum is 30", () => {
  const n = 100;
  const g = Array.from({ length: n }, (_, i) => (i < 80 ? "big" : "small"));
  const y = Array.from({ length: n }, (_, i) => i % 2);
  const f = metricFrame({ yTrue: y, yPred: y, sensitive: { g } }, { metric: "accuracy" });
  assertEquals(f.minGroupSize, 30);
  const small = f.byGroup.find((v) => v.group === "small")!;
  assertEquals([small.status, small.reason, small.n], [
    "error",
    "Too few rows: 20 < minGroupSize 30",
    20,
  ]);
  assert(Number.isNaN(small.value));
  assertEquals(f.excluded, ["small"]);
  assertEquals(f.overall.value, 1);
});

Deno.test("intersections of two attributes are groups named 'a & b'", () => {
  const data = {
    yTrue: [1, 0, 1, 0, 1, 1],
    yPred: [1, 0, 0, 0, 1, 1],
    sensitive: { race: ["x", "x", "y", "y", "y", "x"], sex: ["F", "M", "F", "F", "M", "F"] },
  };
  const f = metricFrame(data, { metric: "selection_rate", minGroupSize: 1 });
  assertEquals(f.byGroup.map((g) => g.group), ["x & F", "x & M", "y & F", "y & M"]);
  assertEquals(f.byGroup.map((g) => g.n), [2, 1, 2, 1]);
  assertEquals(f.byGroup[0]!.values, { race: "x", sex: "F" });
  assertEquals(f.byGroup.map((g) => g.value), [1, 0, 0, 1]);
  assertEquals([f.difference, f.ratio, f.argMin, f.argMax], [1, 0, "x & M", "x & F"]);
});

Deno.test("groupCoding() sorts numbers numerically, puts missing last, and codes typed arrays", () => {
  const g = groupCoding({ a: [10, 2, NaN, 2] }, 4);
  assertEquals(g.names, ["2", "10", "(missing)"]);
  assertEquals(Array.from(g.codes), [1, 0, 2, 0]);
  const t = groupCoding({ a: Int32Array.from([3, 1, 3]) }, 3);
  assertEquals([t.names, Array.from(t.codes)], [["1", "3"], [1, 0, 1]]);
  const s = groupCoding({ a: ["b", null, "a"] }, 3);
  assertEquals(s.names, ["a", "b", "(missing)"]);
  assertThrows(() => groupCoding({}, 0), TypeError, "no sensitive attribute");
});

Deno.test("bootstrap intervals are seeded, percentile, and contain the point estimate", () => {
  const random = seededRandom(7);
  const n = 4000;
  const g = Array.from({ length: n }, () => (random() < 0.1 ? "minority" : "majority"));
  const y = Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0));
  const p = y.map((v, i) => (random() < (g[i] === "minority" ? 0.3 : 0.1) ? 1 - v : v));
  const data = { yTrue: y, yPred: p, sensitive: { g } };
  const opts = { metric: "accuracy" as const, bootstrap: { resamples: 300, seed: 3 } };
  const a = metricFrame(data, opts), b = metricFrame(data, opts);
  assertEquals(a, b);
  const c = metricFrame(data, { ...opts, bootstrap: { resamples: 300, seed: 4 } });
  assert(a.bootstrap!.difference[0] !== c.bootstrap!.difference[0]);
  assertEquals(a.bootstrap!.method, "percentile");
  for (const v of [a.overall, ...a.byGroup]) {
    const [lo, hi] = v.ci!;
    assert(lo <= v.value && v.value <= hi, `${v.group}: ${v.value} not in [${lo}, ${hi}]`);
  }
  // The minority's interval is wider: it has a tenth of the rows.
  const width = (v: { ci: [number, number] | null }) => v.ci![1] - v.ci![0];
  assert(width(a.byGroup[1]!) > 2 * width(a.byGroup[0]!));
  const [lo, hi] = a.bootstrap!.difference;
  assert(lo <= a.difference && a.difference <= hi);
  // Without bootstrap: null everywhere, same keys.
  const none = metricFrame(data, { metric: "accuracy" });
  assertEquals([none.bootstrap, none.overall.ci, none.byGroup[0]!.ci], [null, null, null]);
  assertThrows(() => metricFrame(data, { bootstrap: { level: 1 } }), RangeError, "level");
});

Deno.test("a single group gives difference 0 and ratio 1, as fairlearn", () => {
  const f = metricFrame({ yTrue: [1, 0], yPred: [1, 1], sensitive: { g: ["a", "a"] } }, {
    minGroupSize: 1,
  });
  assertEquals([f.status, f.difference, f.ratio, f.differenceToOverall, f.ratioToOverall], [
    "ok",
    0,
    1,
    0,
    1,
  ]);
});

Deno.test("metricFrames() equals one metricFrame() per metric, bootstrap included", () => {
  const data = input(CASES[5]!);
  const metrics = ["selection_rate", "true_positive_rate", "false_positive_rate"] as const;
  const fn = (t: ArrayLike<number>, p: ArrayLike<number>) => accuracy(t, p);
  const bootstrap = { resamples: 50, seed: 1 };
  const all = metricFrames(data, { metrics: [fn, ...metrics], minGroupSize: 1, bootstrap });
  assertEquals(all.map((f) => f.metric), ["accuracy", ...metrics]);
  all.slice(1).forEach((f, i) => {
    assertEquals(f, metricFrame(data, { metric: metrics[i]!, minGroupSize: 1, bootstrap }));
  });
  assertEquals(all[0], metricFrame(data, { metric: fn, minGroupSize: 1, bootstrap }));
});

Deno.test("metricFramesByAttribute() equals metricFrames() per attribute, from one pass", () => {
  for (const c of CASES.filter((c) => Object.keys(c.sensitive).length === 2)) {
    const data = input(c);
    const metrics = [...COUNT_METRICS];
    const by = metricFramesByAttribute(data, { metrics, minGroupSize: 5 });
    assertEquals(Object.keys(by), ["race", "sex"]);
    for (const a of ["race", "sex"]) {
      const single = { ...data, sensitive: { [a]: data.sensitive[a]! } };
      assertEquals(by[a], metricFrames(single, { metrics, minGroupSize: 5 }));
    }
  }
  // Numeric codes, with a metric function (falls back to one call per attribute).
  const data = {
    yTrue: [1, 0, 1, 0, 1, 1],
    yPred: [1, 0, 0, 0, 1, 1],
    sensitive: { a: Int32Array.from([2, 0, 2, 1, 0, 1]), b: ["u", "v", "u", "u", "v", "v"] },
  };
  const fn = (t: ArrayLike<number>, p: ArrayLike<number>) => accuracy(t, p);
  const mixed = metricFramesByAttribute(data, { metrics: ["accuracy", fn], minGroupSize: 1 });
  const fast = metricFramesByAttribute(data, { metrics: ["accuracy"], minGroupSize: 1 });
  assertEquals(fast.a![0], mixed.a![0]);
  assertEquals(fast.a![0]!.byGroup.map((g) => g.group), ["0", "1", "2"]);
  assertEquals(mixed.a![1]!.byGroup.map((g) => g.value), fast.a![0]!.byGroup.map((g) => g.value));
  assertThrows(
    () => metricFramesByAttribute(data, { metrics: ["recall" as "accuracy"] }),
    RangeError,
    'unknown metric "recall"',
  );
});
