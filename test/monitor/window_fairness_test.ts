import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { tableFromColumns } from "../../lib/data/table.ts";
import { fairnessScenario } from "../../lib/data/fairness_scenario.ts";
import {
  demographicParityDifference,
  demographicParityRatio,
  disparateImpact,
  equalizedOddsDifference,
  equalOpportunityDifference,
  metricFrames,
  statisticalParityDifference,
} from "../../lib/fairness/mod.ts";
import {
  createBaseline,
  defineMonitor,
  favourablePredictions,
  metricValue,
  type MonitoredModel,
  validateFairnessOptions,
  windowFairness,
} from "../../lib/monitor/mod.ts";
import type { CheckResult } from "../../lib/types.ts";

/** A window of the scenario with labels and a 0/1 rule "skill − 0.5·proxy > 0" as predictions. */
function scenarioWindow(bias: "none" | "proxy", strength: number, n = 3000) {
  const s = fairnessScenario(bias, { n, strength, seed: 7 });
  const yPred = Uint8Array.from(s.X, (x) => +(x[0]! - 0.5 * x[2]! > 0));
  return { s, yTrue: s.y, yPred };
}

function byMethod(results: CheckResult[], method: string): CheckResult {
  const r = results.find((x) => x.method === method);
  assert(r !== undefined, `no ${method}`);
  return r;
}

Deno.test("windowFairness() measures equal lib/fairness's on the same rows", () => {
  const { s, yTrue, yPred } = scenarioWindow("proxy", 0.6);
  const data = { yTrue, yPred, sensitive: { group: s.group } };
  const { results, metrics } = windowFairness(
    tableFromColumns({ group: s.group }),
    { yTrue, yPred },
    { attributes: { group: { groups: ["a", "b"], privileged: "a" } } },
  );
  const expected = {
    demographic_parity_difference: demographicParityDifference(data),
    demographic_parity_ratio: demographicParityRatio(data),
    equalized_odds_difference: equalizedOddsDifference(data),
    equal_opportunity_difference: equalOpportunityDifference(data),
    disparate_impact: disparateImpact(data, { privileged: "a" }),
    statistical_parity_difference: statisticalParityDifference(data, { privileged: "a" }),
  };
  assertEquals(results.map((r) => r.method), Object.keys(expected));
  for (const [measure, want] of Object.entries(expected)) {
    const r = byMethod(results, measure);
    assertEquals(r.statistic, want.value, measure);
    assertEquals(r.status, "ok");
    assertEquals(r.column, "group");
    assertEquals(metricValue({ metrics }, measure, { attribute: "group" }), want.value);
  }
  // the proxy lowers group b's selection: every measure sees it
  assert(byMethod(results, "demographic_parity_difference").detected);
  assert(byMethod(results, "disparate_impact").statistic < 0.8);
  const frames = metricFrames(data, {
    metrics: ["selection_rate", "true_positive_rate", "false_positive_rate"],
  });
  for (
    const [m, name] of [
      "group_selection_rate",
      "group_true_positive_rate",
      "group_false_positive_rate",
    ].entries()
  ) {
    for (const g of frames[m]!.byGroup) {
      assertEquals(metricValue({ metrics }, name, { attribute: "group", group: g.group }), g.value);
    }
  }
  assertEquals(metricValue({ metrics }, "group_rows", { attribute: "group", group: "other" }), 0);
});

Deno.test("windowFairness() folds undeclared and missing values into 'other'", () => {
  const g = ["a", "a", "b", "b", "x", null, "y", "a"];
  const { metrics } = windowFairness(
    tableFromColumns({ g }),
    { yTrue: [1, 0, 1, 0, 1, 0, 1, 0], yPred: [1, 1, 0, 0, 1, 1, 1, 0] },
    { attributes: { g: { groups: ["a", "b", "c"] } }, minGroupSize: 1 },
  );
  const rows = (group: string) => metricValue({ metrics }, "group_rows", { attribute: "g", group });
  assertEquals([rows("a"), rows("b"), rows("c"), rows("other")], [3, 2, 0, 3]);
  // a declared group absent from the window has 0 rows and no rates
  assert(
    Number.isNaN(metricValue({ metrics }, "group_selection_rate", { attribute: "g", group: "c" })),
  );
  assertEquals(
    metricValue({ metrics }, "group_selection_rate", { attribute: "g", group: "other" }),
    1,
  );
  const groups = new Set(metrics.flatMap((m) => m.labels?.group ?? []));
  assertEquals([...groups].sort(), ["a", "b", "c", "other"]);
});

Deno.test("windowFairness() makes a too-small group an error, never a number", () => {
  const s = fairnessScenario("drifting_share", { n: 400, seed: 3, share: 0.02 });
  const yPred = Uint8Array.from(s.X, (x) => +(x[0]! > 0));
  const { results, metrics } = windowFairness(
    tableFromColumns({ group: s.group }),
    { yTrue: s.y, yPred },
    { attributes: { group: { groups: ["a", "b"] } } },
  );
  const b = metrics.find((m) => m.name === "group_selection_rate" && m.labels?.group === "b")!;
  assert(Number.isNaN(b.value) && /fewer than 30|too few/i.test(b.reason ?? ""), b.reason);
  for (const r of results) {
    assertEquals(r.status, "error");
    assert(Number.isNaN(r.statistic) && !r.detected);
    assert(r.reason!.includes('"b"'), r.reason);
  }
});

Deno.test("windowFairness() detects on each measure's failing side, with custom thresholds", () => {
  const { s, yTrue, yPred } = scenarioWindow("none", 0);
  const table = tableFromColumns({ group: s.group });
  const fair = windowFairness(table, { yTrue, yPred }, {
    attributes: { group: { groups: ["a", "b"], privileged: "a" } },
  });
  assertEquals(fair.results.filter((r) => r.detected).map((r) => r.method), []);
  const dpd = byMethod(fair.results, "demographic_parity_difference");
  assertEquals([dpd.operator, dpd.threshold], [">", 0.1]);
  const di = byMethod(fair.results, "disparate_impact");
  assertEquals([di.operator, di.threshold, di.details!.range], ["<", 0.8, [0.8, 1.25]]);
  // thresholds tighter than the no-bias noise flag it: each on its own side
  const strict = windowFairness(table, { yTrue, yPred }, {
    attributes: { group: { groups: ["a", "b"], privileged: "a" } },
    thresholds: { demographic_parity_difference: 0, demographic_parity_ratio: 1 },
    measures: ["demographic_parity_difference", "demographic_parity_ratio"],
  });
  assertEquals(strict.results.map((r) => r.detected), [true, true]);
  // swapping the privileged group turns the two-sided measures around the same band
  const { s: p, yTrue: t2, yPred: p2 } = scenarioWindow("proxy", 1);
  const biased = (privileged: string) =>
    windowFairness(tableFromColumns({ group: p.group }), { yTrue: t2, yPred: p2 }, {
      attributes: { group: { groups: ["a", "b"], privileged } },
      measures: ["disparate_impact", "statistical_parity_difference"],
    }).results;
  const [diA, spdA] = biased("a"), [diB, spdB] = biased("b");
  assert(diA!.statistic < 0.8 && diB!.statistic > 1.25 && diA!.detected && diB!.detected);
  assertAlmostEquals(diA!.statistic * diB!.statistic, 1, 1e-12);
  assertAlmostEquals(spdA!.statistic, -spdB!.statistic, 1e-12);
  assert(spdA!.detected && spdB!.detected);
});

Deno.test("windowFairness() computes AIF360 measures only with a privileged group present", () => {
  const table = tableFromColumns({ g: ["a", "a", "b", "b"] });
  const p = { yTrue: [1, 0, 1, 0], yPred: [1, 0, 1, 1] };
  const none = windowFairness(table, p, {
    attributes: { g: { groups: ["a", "b"] } },
    minGroupSize: 1,
  });
  assertEquals(none.results.map((r) => r.method).includes("disparate_impact"), false);
  const absent = windowFairness(table, p, {
    attributes: { g: { groups: ["a", "b", "c"], privileged: "c" } },
    minGroupSize: 1,
    measures: ["disparate_impact"],
  });
  assertEquals(absent.results[0]!.status, "error");
  assert(absent.results[0]!.reason!.includes("privileged"), absent.results[0]!.reason);
  assertThrows(
    () => windowFairness(undefined, p, { attributes: { g: { groups: ["a"] } } }),
    TypeError,
    "table",
  );
  assertThrows(
    () =>
      windowFairness(tableFromColumns({ g: [1, 2, 3, 4] }), p, {
        attributes: { g: { groups: ["a"] } },
      }),
    TypeError,
    "numeric",
  );
});

Deno.test("validateFairnessOptions() rejects what would unbound the labels or mislead", () => {
  const classes = ["no", "yes"];
  const bad: [unknown, ErrorConstructor | TypeErrorConstructor | RangeErrorConstructor, string][] =
    [
      [{ attributes: {} }, TypeError, "at least one attribute"],
      [{ attributes: { Colour: { groups: ["a"] } } }, TypeError, "snake_case"],
      [{ attributes: { c: { groups: [] } } }, TypeError, "unique, non-empty"],
      [{ attributes: { c: { groups: ["a", "a"] } } }, TypeError, "unique, non-empty"],
      [{ attributes: { c: { groups: ["a", "other"] } } }, TypeError, '"other"'],
      [{ attributes: { c: { groups: ["a"], privileged: "b" } } }, TypeError, "privileged"],
      [{ attributes: { c: { groups: ["a"] } }, favourable: "maybe" }, TypeError, "favourable"],
      [
        { attributes: { c: { groups: ["a"] } }, measures: ["accuracy"] },
        TypeError,
        "unknown measure",
      ],
      [
        { attributes: { c: { groups: ["a"] } }, thresholds: { demographic_parity_ratio: 1.5 } },
        RangeError,
        "out of range",
      ],
      [{ attributes: { c: { groups: ["a"] } }, minGroupSize: 0 }, RangeError, "minGroupSize"],
    ];
  for (const [options, Error, message] of bad) {
    assertThrows(() => validateFairnessOptions(options as never, classes), Error, message);
  }
  const ok = { attributes: { c: { groups: ["a", "b"] } } };
  assertThrows(
    () =>
      validateFairnessOptions(ok, classes, [{
        metric: "demographic_parity_difference",
        labels: { attribute: "sex" },
        op: "<",
        value: 0.1,
      }]),
    TypeError,
    'undeclared attribute "sex"',
  );
  assertThrows(
    () =>
      validateFairnessOptions(ok, classes, [{
        metric: "group_selection_rate",
        labels: { attribute: "c", group: "z" },
        op: ">",
        value: 0.1,
      }]),
    TypeError,
    'undeclared group "z"',
  );
  assertEquals(
    validateFairnessOptions(ok, classes, [{ metric: "accuracy", op: ">", value: 0.5 }]).favourable,
    1,
  );
  assertEquals(validateFairnessOptions({ ...ok, favourable: "no" }, classes).favourable, 0);
});

Deno.test("favourablePredictions() reads the top class, the first one on ties", () => {
  const p = favourablePredictions(
    [2, 1, 0],
    Float64Array.of(0.2, 0.4, 0.4, 0.1, 0.8, 0.1, 0.5, 0.5, 0),
    { k: 3, favourable: 1 },
  );
  assertEquals(Array.from(p.yTrue), [0, 1, 0]);
  assertEquals(Array.from(p.yPred), [1, 1, 0]);
});

/** A binary model that leans on the scenario's skill (x0) and, against it, the proxy (x2). */
const PROXY_MODEL: MonitoredModel = {
  name: "fair",
  version: "1",
  classNames: ["rejected", "accepted"],
  predictProba: (X) => {
    const out = new Float64Array(2 * X.length);
    for (let i = 0; i < X.length; i++) {
      const p = 1 / (1 + Math.exp(-(3 * X[i]![0]! - 1.5 * X[i]![2]!)));
      out[2 * i] = 1 - p, out[2 * i + 1] = p;
    }
    return out;
  },
};

/** A monitor over the proxy scenario whose strength grows by 0.25 a run, from 0. */
function proxyMonitor(baseline?: ReturnType<typeof createBaseline>) {
  let run = 0;
  return defineMonitor({
    name: "fair",
    model: PROXY_MODEL,
    source: () => {
      const s = fairnessScenario("proxy", {
        n: 2000,
        strength: Math.min(1, 0.25 * run++),
        seed: 11,
      });
      return { X: s.X, y: s.y, table: tableFromColumns({ group: s.group }) };
    },
    ...(baseline === undefined ? {} : { baseline }),
    fairness: { attributes: { group: { groups: ["a", "b"], privileged: "a" } } },
    checks: [
      {
        name: "dp_floor",
        metric: "demographic_parity_difference",
        labels: { attribute: "group" },
        op: "<=",
        value: 0.1,
      },
      ...(baseline === undefined ? [] : [{
        metric: "demographic_parity_difference",
        labels: { attribute: "group" },
        relativeTo: "baseline" as const,
        maxRise: 0.05,
      }]),
    ],
  });
}

Deno.test("defineMonitor() with fairness: absolute and baseline-relative checks follow the bias knob", async () => {
  const reference = await proxyMonitor().run();
  assertEquals(reference.checks[0]!.outcome, "pass");
  assert(reference.fairness !== undefined && reference.fairness.length === 6);
  assert("fairness" in reference.timings);
  const monitor = proxyMonitor(createBaseline(reference));
  assertEquals(monitor.fairness, { attributes: ["group"], groups: { group: ["a", "b", "other"] } });
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await monitor.run());
  const dpd = runs.map((s) =>
    metricValue(s, "demographic_parity_difference", { attribute: "group" })
  );
  for (let i = 1; i < dpd.length; i++) assert(dpd[i]! > dpd[i - 1]!, `rises with strength: ${dpd}`);
  assertEquals(runs[0]!.checks.map((c) => c.outcome), ["pass", "pass"]);
  assertEquals(runs[4]!.checks.map((c) => c.outcome), ["fail", "fail"]);
  const relative = runs[4]!.checks[1]!;
  assertAlmostEquals(relative.threshold, dpd[0]! + 0.05, 1e-12);
  assertEquals(relative.baseline, dpd[0]);
});

Deno.test("defineMonitor() rejects fairness checks on undeclared attributes and runs without a table", async () => {
  assertThrows(
    () =>
      defineMonitor({
        name: "x",
        model: {
          name: "m",
          version: "1",
          classNames: ["n", "y"],
          predictProba: () => new Float64Array(),
        },
        source: () => ({ X: [[1]], y: [0] }),
        fairness: { attributes: { group: { groups: ["a"] } } },
        checks: [{ metric: "disparate_impact", labels: { attribute: "sex" }, op: ">", value: 0.8 }],
      }),
    TypeError,
    "undeclared attribute",
  );
  const monitor = defineMonitor({
    name: "x",
    model: {
      name: "m",
      version: "1",
      classNames: ["n", "y"],
      predictProba: () => Float64Array.of(0.5, 0.5),
    },
    source: () => ({ X: [[1]], y: [0] }),
    fairness: { attributes: { group: { groups: ["a"] } } },
    checks: [],
  });
  const error = await monitor.run().catch((e: unknown) => e);
  assert(error instanceof TypeError && error.message.includes("failed in fairness"), String(error));
});

/** A fairness monitor over fixed rows of the proxy scenario, as its source returns them. */
function fixedFairnessMonitor(rows: { X: number[][]; y: number[]; group: string[] }) {
  return defineMonitor({
    name: "fair",
    model: PROXY_MODEL,
    source: () => ({ X: rows.X, y: rows.y, table: tableFromColumns({ group: rows.group }) }),
    fairness: { attributes: { group: { groups: ["a", "b"], privileged: "a" } } },
    checks: [],
  });
}

Deno.test("defineMonitor() measures fairness over the labelled rows only, and not below the label coverage", async () => {
  const s = fairnessScenario("proxy", { n: 1500, strength: 0.6, seed: 5 });
  const X = s.X.map((x) => [...x]);
  const group = [...s.group];
  const hidden = (i: number) => i % 3 === 0; // labels not arrived yet
  const partial = await fixedFairnessMonitor({
    X,
    y: Array.from(s.y, (v, i) => (hidden(i) ? -1 : v)),
    group,
  }).run();
  const keep = X.map((_, i) => i).filter((i) => !hidden(i));
  const labelledOnly = await fixedFairnessMonitor({
    X: keep.map((i) => X[i]!),
    y: keep.map((i) => s.y[i]!),
    group: keep.map((i) => group[i]!),
  }).run();
  assertEquals(partial.fairness?.length, 6);
  for (const r of labelledOnly.fairness!) {
    const got = partial.fairness!.find((x) => x.method === r.method)!;
    assertEquals(got.statistic, r.statistic, r.method);
  }
  // Two rows in three unlabelled: coverage 1/3 is under the default 0.5, so no fairness values.
  const sparse = await fixedFairnessMonitor({
    X,
    y: Array.from(s.y, (v, i) => (i % 3 === 0 ? v : -1)),
    group,
  }).run();
  assertEquals(sparse.fairness, undefined);
  assert(
    Number.isNaN(metricValue(sparse, "demographic_parity_difference", { attribute: "group" })),
  );
});
