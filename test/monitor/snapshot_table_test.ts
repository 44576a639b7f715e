import { snapshotTable } from "../../lib/monitor/snapshot_table.ts";
import { sampleSnapshot } from "./_fixtures.ts";
import { assertEquals } from "../_assert.ts";

Deno.test("snapshotTable() gives one display row per check, in order", () => {
  assertEquals(snapshotTable(sampleSnapshot()), [
    {
      check: "accuracy_floor",
      metric: "accuracy",
      value: "0.9000",
      condition: ">= 0.8500 (warn < 0.9500)",
      baseline: "",
      outcome: "warn",
      note: "",
    },
    {
      check: "accuracy_vs_baseline",
      metric: "accuracy",
      value: "0.9000",
      condition: ">= 0.9167",
      baseline: "0.9667",
      outcome: "fail",
      note: "",
    },
    {
      check: "recall_setosa",
      metric: 'recall{class="setosa"}',
      value: "1.0000",
      condition: ">= 0.9000",
      baseline: "",
      outcome: "pass",
      note: "",
    },
    {
      check: "roc_auc",
      metric: "roc_auc",
      value: "—",
      condition: ">= 0.9000",
      baseline: "",
      outcome: "error",
      note: "roc_auc is NaN in this run (only one class present)",
    },
  ]);
});

Deno.test("snapshotTable() is empty for a monitor without checks", () => {
  assertEquals(snapshotTable(sampleSnapshot({ checks: [] })), []);
});
