import { evaluateCheck } from "../../lib/monitor/evaluate_check.ts";
import type { MetricValue } from "../../lib/monitor/types.ts";
import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";

const RUN: MetricValue[] = [
  { name: "accuracy", value: 0.82 },
  { name: "log_loss", value: 0.4 },
  { name: "recall", value: 0.5, labels: { class: "setosa" } },
  { name: "recall", value: 0.95, labels: { class: "virginica" } },
  { name: "roc_auc", value: NaN, reason: "only one class present" },
];
const BASELINE: MetricValue[] = [
  { name: "accuracy", value: 0.9667 },
  { name: "log_loss", value: 0.3 },
  { name: "recall", value: 1, labels: { class: "setosa" } },
];

Deno.test("evaluateCheck() passes, warns and fails an absolute condition", () => {
  const pass = evaluateCheck({ metric: "accuracy", op: ">=", value: 0.8, warn: 0.8 }, RUN);
  assertEquals(pass.outcome, "pass");
  assertEquals(pass.message, "accuracy 0.8200 >= 0.8000");
  const warn = evaluateCheck({ metric: "accuracy", op: ">=", value: 0.8, warn: 0.85 }, RUN);
  assertEquals(warn.outcome, "warn");
  assertEquals(warn.warnThreshold, 0.85);
  assertEquals(warn.message, "accuracy 0.8200 < 0.8500 warning level (fails < 0.8000)");
  const fail = evaluateCheck({ metric: "accuracy", op: ">=", value: 0.9, warn: 0.95 }, RUN);
  assertEquals(fail.outcome, "fail");
  assertEquals(fail.message, "accuracy 0.8200 < 0.9000");
  assertEquals([fail.value, fail.threshold, fail.operator], [0.82, 0.9, ">="]);
});

Deno.test("evaluateCheck() honours each operator at the boundary", () => {
  const at = (op: "<" | "<=" | ">" | ">=") =>
    evaluateCheck({ metric: "accuracy", op, value: 0.82 }, RUN).outcome;
  assertEquals([at("<"), at("<="), at(">"), at(">=")], ["fail", "pass", "fail", "pass"]);
  const upper = evaluateCheck({ metric: "log_loss", op: "<", value: 0.35 }, RUN);
  assertEquals(upper.message, "log_loss 0.4000 >= 0.3500");
});

Deno.test("evaluateCheck() derives the threshold from the baseline for a relative drop", () => {
  const out = evaluateCheck(
    { metric: "accuracy", relativeTo: "baseline", maxDrop: 0.05, warnDrop: 0.02 },
    RUN,
    { baseline: BASELINE },
  );
  assertEquals(out.outcome, "fail");
  assertEquals(out.operator, ">=");
  assertAlmostEquals(out.threshold, 0.9167, 1e-12);
  assertAlmostEquals(out.warnThreshold!, 0.9467, 1e-12);
  assertEquals(out.baseline, 0.9667);
  assertEquals(out.message, "accuracy 0.8200 < 0.9167 (baseline 0.9667 − 0.05)");
  assertEquals(out.name, "accuracy_vs_baseline");
});

Deno.test("evaluateCheck() warns on a relative drop between the warn and fail levels", () => {
  const out = evaluateCheck(
    { metric: "accuracy", relativeTo: "baseline", maxDrop: 0.2, warnDrop: 0.1 },
    RUN,
    { baseline: BASELINE },
  );
  assertEquals(out.outcome, "warn");
  assert(out.message.endsWith("(baseline 0.9667 − 0.2)"), out.message);
});

Deno.test("evaluateCheck() bounds a rise for lower-is-better metrics", () => {
  const out = evaluateCheck({ metric: "log_loss", relativeTo: "baseline", maxRise: 0.05 }, RUN, {
    baseline: BASELINE,
  });
  assertEquals([out.outcome, out.operator], ["fail", "<="]);
  assertAlmostEquals(out.threshold, 0.35, 1e-12);
  assertEquals(out.message, "log_loss 0.4000 > 0.3500 (baseline 0.3000 + 0.05)");
  const ok = evaluateCheck({ metric: "log_loss", relativeTo: "baseline", maxRise: 0.2 }, RUN, {
    baseline: BASELINE,
  });
  assertEquals(ok.outcome, "pass");
});

Deno.test("evaluateCheck() picks a labelled value by its labels", () => {
  const spec = { metric: "recall", labels: { class: "virginica" }, op: ">=" as const, value: 0.9 };
  const out = evaluateCheck(spec, RUN);
  assertEquals([out.outcome, out.value, out.name], ["pass", 0.95, "recall_virginica"]);
  assertEquals(out.labels, { class: "virginica" });
  assertEquals(out.message, 'recall{class="virginica"} 0.9500 >= 0.9000');
  const setosa = evaluateCheck(
    { metric: "recall", labels: { class: "setosa" }, relativeTo: "baseline", maxDrop: 0.1 },
    RUN,
    { baseline: BASELINE },
  );
  assertEquals([setosa.outcome, setosa.baseline], ["fail", 1]);
});

Deno.test("evaluateCheck() is an error, not a throw, when the value is NaN or missing", () => {
  const nan = evaluateCheck({ metric: "roc_auc", op: ">=", value: 0.9 }, RUN);
  assertEquals(nan.outcome, "error");
  assertEquals(nan.message, "roc_auc is NaN in this run (only one class present)");
  assertEquals(nan.threshold, 0.9);
  const missing = evaluateCheck(
    { metric: "f1", labels: { class: "rose" }, op: ">", value: 0 },
    RUN,
  );
  assertEquals(missing.outcome, "error");
  assertEquals(missing.message, 'f1{class="rose"} is missing from this run');
  assert(Number.isNaN(missing.value));
  // An unlabelled check does not match a labelled value.
  assertEquals(evaluateCheck({ metric: "recall", op: ">", value: 0 }, RUN).outcome, "error");
});

Deno.test("evaluateCheck() is an error when the baseline lacks the value", () => {
  const spec = { metric: "roc_auc", relativeTo: "baseline" as const, maxDrop: 0.1 };
  const none = evaluateCheck(spec, RUN);
  assertEquals(none.outcome, "error");
  assert(none.message.includes("no baseline was given"), none.message);
  const absent = evaluateCheck(spec, RUN, { baseline: BASELINE });
  assert(absent.message.includes("the baseline has no value for it"), absent.message);
  const nanBase = evaluateCheck(spec, RUN, { baseline: [{ name: "roc_auc", value: NaN }] });
  assert(nanBase.message.includes("the baseline value is NaN"), nanBase.message);
});
