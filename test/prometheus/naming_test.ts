import {
  metricName,
  validateLabelName,
  validateLabelValue,
  validateMetricName,
} from "../../lib/prometheus/naming.ts";
import { assertEquals, assertThrows } from "../_assert.ts";

Deno.test("metricName() joins the prefix, the parts and the unit suffix", () => {
  assertEquals(metricName(["model", "accuracy"], "ratio"), "vigil_model_accuracy_ratio");
  assertEquals(metricName(["model", "log_loss"], "none"), "vigil_model_log_loss");
  assertEquals(metricName(["snapshot"], "timestamp_seconds"), "vigil_snapshot_timestamp_seconds");
  assertEquals(metricName(["runs"], "total"), "vigil_runs_total");
  assertEquals(metricName(["process", "cpu"], "seconds_total"), "vigil_process_cpu_seconds_total");
  assertEquals(metricName(["model"], "info"), "vigil_model_info");
  assertEquals(metricName(["run", "duration"], "seconds"), "vigil_run_duration_seconds");
});

Deno.test("metricName() rejects parts that are not snake_case", () => {
  assertThrows(() => metricName(["modelAccuracy"], "ratio"), RangeError, "modelAccuracy");
  assertThrows(() => metricName(["model-accuracy"], "ratio"), RangeError, "snake_case");
  assertThrows(() => metricName(["model:accuracy"], "ratio"), RangeError);
  assertThrows(() => metricName(["_private"], "ratio"), RangeError);
  assertThrows(() => metricName(["a__b"], "ratio"), RangeError);
  assertThrows(() => metricName([], "ratio"), TypeError);
});

Deno.test("metricName() rejects a repeated prefix and a unit already in the parts", () => {
  assertThrows(() => metricName(["vigil", "runs"], "total"), RangeError, "prefix");
  assertThrows(() => metricName(["vigil_runs"], "total"), RangeError, "prefix");
  assertThrows(() => metricName(["runs_total"], "none"), RangeError, "_total");
  assertThrows(() => metricName(["run", "seconds"], "seconds"), RangeError, "_seconds");
  assertThrows(() => metricName(["accuracy_ratio"], "ratio"), RangeError, "_ratio");
});

Deno.test("metricName() rejects non-base units", () => {
  assertThrows(() => metricName(["latency", "ms"], "none"), RangeError, '"ms" is not a base unit');
  assertThrows(() => metricName(["accuracy", "percent"], "none"), RangeError, "percent");
  assertThrows(() => metricName(["heap", "megabytes"], "none"), RangeError, "megabytes");
});

Deno.test("validateMetricName() enforces prefix, colons, _total and reserved suffixes", () => {
  assertEquals(validateMetricName("vigil_runs_total", { type: "counter" }), "vigil_runs_total");
  assertEquals(validateMetricName("vigil_window_rows"), "vigil_window_rows");
  assertThrows(
    () => validateMetricName("vigil:runs_total", { type: "counter" }),
    RangeError,
    "colon",
  );
  assertThrows(() => validateMetricName("model_accuracy_ratio"), RangeError, '"vigil_"');
  assertThrows(() => validateMetricName("vigil_Model_accuracy"), RangeError, "snake_case");
  assertThrows(() => validateMetricName("vigil_runs", { type: "counter" }), RangeError, "_total");
  assertThrows(() => validateMetricName("vigil_runs_total"), RangeError, "only counters");
  assertThrows(
    () => validateMetricName("vigil_run_duration_seconds_bucket", { type: "histogram" }),
    RangeError,
    "_bucket",
  );
  assertThrows(() => validateMetricName("vigil_model_info", { type: "counter" }), RangeError);
});

Deno.test("validateLabelName() accepts snake_case and rejects reserved names", () => {
  assertEquals(validateLabelName("class"), "class");
  assertThrows(() => validateLabelName("__name__"), RangeError);
  assertThrows(() => validateLabelName("le"), RangeError, "reserved");
  assertThrows(() => validateLabelName("Class"), RangeError);
});

Deno.test("validateLabelValue() bounds values to the declared set", () => {
  const classes = ["setosa", "versicolor", "virginica"];
  assertEquals(validateLabelValue("class", "setosa", { allowed: classes }), "setosa");
  assertEquals(validateLabelValue("class", "setosa", { allowed: new Set(classes) }), "setosa");
  assertThrows(
    () => validateLabelValue("class", "rose", { allowed: classes }),
    RangeError,
    '"rose" is not one of the declared values',
  );
});

Deno.test("validateLabelValue() rejects empty, long, malformed and non-string values", () => {
  assertEquals(validateLabelValue("model", "iris v2 (β)"), "iris v2 (β)");
  assertThrows(() => validateLabelValue("model", ""), RangeError, "empty");
  assertThrows(() => validateLabelValue("model", "x".repeat(129)), RangeError, "at most 128");
  assertEquals(validateLabelValue("model", "x".repeat(200), { maxLength: 200 }).length, 200);
  assertThrows(() => validateLabelValue("model", "a\nb"), RangeError, "control");
  assertThrows(() => validateLabelValue("model", "a\ud800"), RangeError, "surrogate");
  assertThrows(() => validateLabelValue("model", 3 as unknown as string), TypeError);
});
