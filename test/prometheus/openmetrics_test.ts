import { assertEquals } from "../_assert.ts";
import { toOpenMetrics } from "../../lib/prometheus/openmetrics.ts";

Deno.test("toOpenMetrics() names counter families without _total, keeps samples, ends with # EOF", () => {
  const text = [
    "# HELP vigil_runs_total Runs finished",
    "# TYPE vigil_runs_total counter",
    "vigil_runs_total 3",
    "",
    "# HELP vigil_odd Counter whose name lacks the suffix",
    "# TYPE vigil_odd counter",
    'vigil_odd{model="m"} 1',
    "",
    "# HELP vigil_model_log_loss Log loss",
    "# TYPE vigil_model_log_loss gauge",
    'vigil_model_log_loss{model="m"} Nan',
    "",
    "# HELP vigil_run_seconds Durations",
    "# TYPE vigil_run_seconds histogram",
    'vigil_run_seconds_bucket{le="+Inf"} 2',
    "vigil_run_seconds_sum 0.5",
    "vigil_run_seconds_count 2",
    "",
  ].join("\n");
  assertEquals(
    toOpenMetrics(text),
    [
      "# HELP vigil_runs Runs finished",
      "# TYPE vigil_runs counter",
      "vigil_runs_total 3",
      "# HELP vigil_odd Counter whose name lacks the suffix",
      "# TYPE vigil_odd counter",
      'vigil_odd_total{model="m"} 1',
      "# HELP vigil_model_log_loss Log loss",
      "# TYPE vigil_model_log_loss gauge",
      'vigil_model_log_loss{model="m"} NaN',
      "# HELP vigil_run_seconds Durations",
      "# TYPE vigil_run_seconds histogram",
      'vigil_run_seconds_bucket{le="+Inf"} 2',
      "vigil_run_seconds_sum 0.5",
      "vigil_run_seconds_count 2",
      "# EOF",
      "",
    ].join("\n"),
  );
});

Deno.test("toOpenMetrics() of an empty exposition is just # EOF", () => {
  assertEquals(toOpenMetrics("\n"), "# EOF\n");
});
