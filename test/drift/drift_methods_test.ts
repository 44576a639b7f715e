import { assert, assertEquals } from "../_assert.ts";
import {
  DEFAULT_DRIFT_THRESHOLDS,
  DRIFT_METHOD_INFO,
  DRIFT_METHODS,
  isDriftMethod,
} from "../../lib/drift/drift_methods.ts";
import { columnDrift } from "../../lib/drift/column_drift.ts";
import {
  andersonDarling,
  andersonDarlingKSample,
  chiSquare,
  cramerVonMises,
  type DriftMethod,
  type DriftResult,
  energyDistance,
  hellinger,
  jensenShannon,
  klDivergence,
  kolmogorovSmirnov,
  psi,
  selectDriftMethod,
  wasserstein,
  zTest,
} from "../../lib/drift/mod.ts";

Deno.test("every drift method has a default threshold and metadata, and nothing else does", () => {
  assertEquals(Object.keys(DEFAULT_DRIFT_THRESHOLDS).sort(), [...DRIFT_METHODS].sort());
  assertEquals(Object.keys(DRIFT_METHOD_INFO).sort(), [...DRIFT_METHODS].sort());
  assertEquals(new Set(DRIFT_METHODS).size, DRIFT_METHODS.length);
  for (const m of DRIFT_METHODS) {
    const info = DRIFT_METHOD_INFO[m];
    assert(isDriftMethod(m));
    assertEquals(info.operator, info.output === "p_value" ? "<" : ">=", m);
    assertEquals(info.threshold, info.output === "p_value" ? 0.05 : 0.1, m);
    assertEquals(DEFAULT_DRIFT_THRESHOLDS[m], info.threshold, m);
    const minimums = [info.minRows, info.minRowsPerBin, info.minExpectedCount];
    assertEquals(minimums.filter((v) => v !== undefined).length, 1, `${m} has one minimum`);
  }
  assert(!isDriftMethod("toString") && !isDriftMethod(undefined));
});

Deno.test("the metadata agrees with what each method returns", () => {
  const reference = Array.from({ length: 80 }, (_, i) => (i * 37) % 23);
  const current = reference.map((x) => x + 3);
  const binaryRef = reference.map((x) => (x % 2 === 0 ? "a" : "b"));
  const binaryCur = current.map((x) => (x % 3 === 0 ? "a" : "b"));
  for (const method of DRIFT_METHODS) {
    const info = DRIFT_METHOD_INFO[method];
    const r = method === "z_test"
      ? columnDrift(binaryRef, binaryCur, { method })
      : columnDrift(reference, current, { method });
    assertEquals(r.status, "ok", method);
    assertEquals(r.method, method);
    assertEquals(r.operator, info.operator, method);
    assertEquals(r.threshold, DEFAULT_DRIFT_THRESHOLDS[method], method);
    assertEquals(r.pValue !== undefined, info.output === "p_value", `${method} p-value`);
  }
});

const SAMPLE_REF = Array.from({ length: 80 }, (_, i) => (i * 37) % 23);
const SAMPLE_CUR = SAMPLE_REF.map((x) => x + 3);
const LABELS_REF = SAMPLE_REF.map((x) => ["a", "b", "c"][x % 3]!);
const LABELS_CUR = SAMPLE_CUR.map((x) => ["a", "b", "c"][x % 3]!);
const BINARY_REF = SAMPLE_REF.map((x) => (x % 2 === 0 ? "a" : "b"));
const BINARY_CUR = SAMPLE_CUR.map((x) => (x % 3 === 0 ? "a" : "b"));

/** Each method's own function, called with no threshold: it must fall back to the table. */
const CALL_WITHOUT_THRESHOLD: Record<DriftMethod, () => DriftResult> = {
  ks: () => kolmogorovSmirnov(SAMPLE_REF, SAMPLE_CUR),
  cramer_von_mises: () => cramerVonMises(SAMPLE_REF, SAMPLE_CUR),
  anderson_darling: () => andersonDarling(SAMPLE_REF, SAMPLE_CUR),
  chi_square: () => chiSquare(LABELS_REF, LABELS_CUR),
  chi_square_contingency: () => chiSquare(LABELS_REF, LABELS_CUR, { test: "contingency" }),
  z_test: () => zTest(BINARY_REF, BINARY_CUR),
  wasserstein: () => wasserstein(SAMPLE_REF, SAMPLE_CUR, { normed: false }),
  wasserstein_normed: () => wasserstein(SAMPLE_REF, SAMPLE_CUR),
  energy_distance: () => energyDistance(SAMPLE_REF, SAMPLE_CUR),
  psi: () => psi(SAMPLE_REF, SAMPLE_CUR),
  jensen_shannon: () => jensenShannon(SAMPLE_REF, SAMPLE_CUR),
  kl_divergence: () => klDivergence(SAMPLE_REF, SAMPLE_CUR),
  hellinger: () => hellinger(SAMPLE_REF, SAMPLE_CUR),
};

Deno.test("every drift function's default threshold and operator are the table's", () => {
  for (const method of DRIFT_METHODS) {
    const info = DRIFT_METHOD_INFO[method];
    const r = CALL_WITHOUT_THRESHOLD[method]();
    assertEquals(r.status, "ok", method);
    assertEquals(r.method, method);
    assertEquals([r.threshold, r.operator], [info.threshold, info.operator], method);
    assertEquals(r.pValue !== undefined, info.output === "p_value", `${method} p-value`);
    const unused = info.output === "p_value" ? r.pValue! : r.statistic;
    assertEquals(r.detected, info.operator === "<" ? unused < r.threshold : unused >= r.threshold);
  }
  const k = andersonDarlingKSample([SAMPLE_REF, SAMPLE_CUR, SAMPLE_REF]);
  const ad = DRIFT_METHOD_INFO.anderson_darling;
  assertEquals([k.threshold, k.operator], [ad.threshold, ad.operator]);
});

Deno.test("selectDriftMethod() reports the table's default threshold of the method it picks", () => {
  const cases = [
    { kind: "numeric", nReference: 100, nUnique: 50 },
    { kind: "numeric", nReference: 5000, nUnique: 50 },
    { kind: "categorical", nReference: 100, nUnique: 3 },
    { kind: "categorical", nReference: 100, nUnique: 2 },
    { kind: "boolean", nReference: 5000, nUnique: 2 },
  ] as const;
  const seen = new Set<DriftMethod>();
  for (const c of cases) {
    const s = selectDriftMethod(c);
    seen.add(s.method);
    assertEquals(s.threshold, DRIFT_METHOD_INFO[s.method].threshold, s.method);
  }
  assertEquals(seen.size, 5);
});

Deno.test("a threshold option overrides the table's default without touching the table", () => {
  const before = JSON.stringify(DRIFT_METHOD_INFO);
  const r = psi(SAMPLE_REF, SAMPLE_CUR, { threshold: 0.25 });
  assertEquals([r.threshold, r.operator], [0.25, DRIFT_METHOD_INFO.psi.operator]);
  assertEquals(JSON.stringify(DRIFT_METHOD_INFO), before);
  assert(Object.isFrozen(DRIFT_METHOD_INFO) && Object.isFrozen(DEFAULT_DRIFT_THRESHOLDS));
});
