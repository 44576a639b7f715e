import {
  CONCEPT_DRIFT_INPUT,
  CONCEPT_DRIFT_METHODS,
  conceptDriftDetector,
  DEFAULT_CONCEPT_DRIFT_OPTIONS,
  detect,
} from "../../lib/concept/mod.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { riverExample } from "./_river.ts";

Deno.test("conceptDriftDetector() builds every detector by name, reproducing River", () => {
  for (const method of CONCEPT_DRIFT_METHODS) {
    const ex = riverExample(method);
    const d = conceptDriftDetector(method, ex.options);
    assertEquals(d.method, method);
    assertEquals(d.input, CONCEPT_DRIFT_INPUT[method]);
    assertEquals(detect(d, ex.stream).drifts, ex.drifts, method);
  }
  // @ts-expect-error: not a method
  assertThrows(() => conceptDriftDetector("cusum"), RangeError, `unknown method "cusum"`);
});

Deno.test("reset() returns every detector to its initial state", () => {
  for (const method of CONCEPT_DRIFT_METHODS) {
    const ex = riverExample(method);
    const d = conceptDriftDetector(method, ex.options);
    detect(d, ex.stream.slice(0, 1500));
    d.reset();
    assert(!d.drift && !d.warning, method);
    assertEquals(detect(d, ex.stream), detect(conceptDriftDetector(method, ex.options), ex.stream));
  }
});

Deno.test("detect() can be fed a stream in pieces, with indices relative to each call", () => {
  const ex = riverExample("ddm");
  const d = conceptDriftDetector("ddm");
  const a = detect(d, ex.stream.slice(0, 1200));
  const b = detect(d, ex.stream.slice(1200));
  const whole = detect(conceptDriftDetector("ddm"), ex.stream);
  assertEquals([...a.drifts, ...b.drifts.map((i) => i + 1200)], whole.drifts);
  assertEquals([...a.warnings, ...b.warnings.map((i) => i + 1200)], whole.warnings);
});

Deno.test("update() returns the detector itself and a drift is never a warning too", () => {
  for (const method of CONCEPT_DRIFT_METHODS) {
    const ex = riverExample(method);
    const d = conceptDriftDetector(method, ex.options);
    for (const x of ex.stream) {
      const s = d.update(x);
      assert(s === d, method);
      if (method !== "eddm") assert(!(s.drift && s.warning), `${method}: drift and warning`);
    }
  }
});

Deno.test("DEFAULT_CONCEPT_DRIFT_OPTIONS holds River's defaults and cannot be changed", () => {
  assertEquals(DEFAULT_CONCEPT_DRIFT_OPTIONS.ddm, {
    warmStart: 30,
    warningThreshold: 2,
    driftThreshold: 3,
  });
  assertEquals(DEFAULT_CONCEPT_DRIFT_OPTIONS.adwin.delta, 0.002);
  assertEquals(DEFAULT_CONCEPT_DRIFT_OPTIONS.page_hinkley.alpha, 1 - 0.0001);
  assertEquals(DEFAULT_CONCEPT_DRIFT_OPTIONS.kswin.windowSize, 100);
  assert(Object.isFrozen(DEFAULT_CONCEPT_DRIFT_OPTIONS));
  for (const m of CONCEPT_DRIFT_METHODS) assert(Object.isFrozen(DEFAULT_CONCEPT_DRIFT_OPTIONS[m]));
  assertEquals(
    Object.keys(DEFAULT_CONCEPT_DRIFT_OPTIONS).sort(),
    [...CONCEPT_DRIFT_METHODS].sort(),
  );
});
