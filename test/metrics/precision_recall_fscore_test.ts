import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import {
  f1,
  fbeta,
  precision,
  precisionRecallFscore,
  recall,
} from "../../lib/metrics/precision_recall_fscore.ts";
import type { Average, ZeroDivision } from "../../lib/metrics/metric_result.ts";
import { accuracy } from "../../lib/metrics/accuracy.ts";
import { balancedAccuracy } from "../../lib/metrics/balanced_accuracy.ts";
import { matthewsCorrelation } from "../../lib/metrics/matthews_correlation.ts";
import { assertArrayRelative, GOLDEN } from "./_golden.ts";

Deno.test("precisionRecallFscore() equals sklearn 1.2.1 for every average, zero_division and beta", () => {
  let checked = 0;
  for (const c of GOLDEN.cases) {
    for (
      const [key, want] of Object.entries(c.labels.prf) as [
        string,
        Record<string, number | number[]>,
      ][]
    ) {
      const [avg, zdText, betaText] = key.split("|") as [string, string, string];
      const zeroDivision = (zdText === "warn" ? "warn" : Number(zdText)) as ZeroDivision;
      const beta = Number(betaText);
      const average = (avg === "None" ? "macro" : avg) as Average;
      const r = precisionRecallFscore(c.y, c.y_pred, {
        nClasses: c.k,
        average,
        beta,
        zeroDivision,
      });
      const msg = `${c.name} ${key}`;
      if (avg === "None") {
        assertArrayRelative(r.perClass.precision, want.precision as number[], 1e-9, msg);
        assertArrayRelative(r.perClass.recall, want.recall as number[], 1e-9, msg);
        assertArrayRelative(r.perClass.fscore, want.fscore as number[], 1e-9, msg);
      } else {
        assertRelativeEquals(r.precision, want.precision as number, 1e-9, `${msg} precision`);
        assertRelativeEquals(r.recall, want.recall as number, 1e-9, `${msg} recall`);
        assertRelativeEquals(r.fscore, want.fscore as number, 1e-9, `${msg} fscore`);
      }
      checked++;
    }
  }
  assert(checked > 300, `only ${checked} golden combinations checked`);
});

Deno.test("accuracy, balanced accuracy and Matthews correlation equal sklearn on golden cases", () => {
  for (const c of GOLDEN.cases) {
    const o = { nClasses: c.k };
    assertRelativeEquals(accuracy(c.y, c.y_pred, o).value, c.labels.accuracy, 1e-9, c.name);
    assertRelativeEquals(
      balancedAccuracy(c.y, c.y_pred, o).value,
      c.labels.balanced_accuracy,
      1e-9,
      c.name,
    );
    assertRelativeEquals(matthewsCorrelation(c.y, c.y_pred, o).value, c.labels.mcc, 1e-9, c.name);
  }
});

Deno.test("zeroDivision 'warn' gives 0 and names the class in warnings; 1 and NaN are honoured", () => {
  const y = [0, 1, 2, 2], p = [0, 1, 1, 1]; // class 2 never predicted
  const warn = precision(y, p);
  assertEquals(warn.details.perClass, [1, 1 / 3, 0]);
  assertEquals(warn.warnings.length, 1);
  assert(warn.warnings[0]!.includes("2"));
  assertEquals(precision(y, p, { zeroDivision: 0 }).warnings, []);
  assertEquals(precision(y, p, { zeroDivision: 1 }).details.perClass, [1, 1 / 3, 1]);
  const nan = precisionRecallFscore(y, p, { zeroDivision: NaN });
  assert(Number.isNaN(nan.perClass.precision[2]!) && Number.isNaN(nan.perClass.fscore[2]!));
  assertRelativeEquals(nan.precision, (1 + 1 / 3) / 2);
  assertEquals(nan.zeroDivision, "nan");
  assertThrows(
    () => precision(y, p, { zeroDivision: 2 as ZeroDivision }),
    RangeError,
    "zeroDivision",
  );
});

Deno.test("precision and recall swap when yTrue and yPred swap; micro F1 and weighted recall equal accuracy", () => {
  const y = [0, 1, 2, 2, 1, 0, 0, 2], p = [0, 2, 2, 1, 1, 0, 1, 2];
  const a = precisionRecallFscore(y, p), b = precisionRecallFscore(p, y);
  assertEquals(a.perClass.precision, b.perClass.recall);
  assertEquals(a.perClass.recall, b.perClass.precision);
  assertRelativeEquals(f1(y, p, { average: "micro" }).value, accuracy(y, p).value, 1e-15);
  assertRelativeEquals(fbeta(y, p, { beta: 1 }).value, f1(y, p).value, 1e-15);
  // weighted recall = Σ (support/n)·TP/support = accuracy
  assertRelativeEquals(recall(y, p, { average: "weighted" }).value, accuracy(y, p).value, 1e-15);
});

Deno.test("precisionRecallFscore() reports empty input as an error result and rejects misuse", () => {
  const r = precisionRecallFscore([], [], { nClasses: 2 });
  assertEquals(r.status, "error");
  assert(Number.isNaN(r.fscore));
  assertThrows(
    () => precisionRecallFscore([0, 1, 2], [0, 1, 2], { average: "binary" }),
    RangeError,
    "binary",
  );
  assertThrows(() => precisionRecallFscore([0, 1], [0, 1], { beta: -1 }), RangeError, "beta");
  assertThrows(() => precisionRecallFscore([0, 1], [0, 1, 1]), TypeError);
});
