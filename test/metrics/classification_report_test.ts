import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { classificationReport } from "../../lib/metrics/classification_report.ts";
import { accuracy } from "../../lib/metrics/accuracy.ts";
import { averagePrecision } from "../../lib/metrics/average_precision.ts";
import { balancedAccuracy } from "../../lib/metrics/balanced_accuracy.ts";
import { confusionMatrix } from "../../lib/metrics/confusion_matrix.ts";
import { logLoss } from "../../lib/metrics/log_loss.ts";
import { matthewsCorrelation } from "../../lib/metrics/matthews_correlation.ts";
import { precisionRecallFscore } from "../../lib/metrics/precision_recall_fscore.ts";
import { precisionRecallCurve } from "../../lib/metrics/precision_recall_curve.ts";
import { rocAuc } from "../../lib/metrics/roc_auc.ts";
import { rocCurve } from "../../lib/metrics/roc_curve.ts";
import { syntheticPredictions } from "./_synthetic.ts";
import { cases } from "./_golden.ts";
import { seededRandom } from "../../lib/stats/random.ts";

Deno.test("classificationReport() equals the individual metric functions exactly", () => {
  // rounded logits: many tied scores
  const { yTrue: y, proba: p } = syntheticPredictions(5000, 3, 5, { decimals: 1 });
  const r = classificationReport(y, p, { curves: true });
  const yPred = Int32Array.from({ length: y.length }, (_, i) => {
    let best = 0;
    for (let j = 1; j < 3; j++) if (p[i * 3 + j]! > p[i * 3 + best]!) best = j;
    return best;
  });
  assertEquals(r.confusionMatrix, confusionMatrix(y, yPred).matrix);
  assertEquals(r.accuracy, accuracy(y, yPred).value);
  assertEquals(r.balancedAccuracy, balancedAccuracy(y, yPred).value);
  assertEquals(r.matthewsCorrelation, matthewsCorrelation(y, yPred).value);
  for (const average of ["macro", "weighted", "micro"] as const) {
    const prf = precisionRecallFscore(y, yPred, { average });
    assertEquals(r[average], { precision: prf.precision, recall: prf.recall, f1: prf.fscore });
  }
  assertEquals(r.perClass.precision, precisionRecallFscore(y, yPred).perClass.precision);
  const ovr = rocAuc(y, p);
  assertEquals(r.perClass.rocAuc, ovr.details.perClass);
  assertRelativeEquals(r.rocAuc.macro, ovr.value, 1e-14);
  assertRelativeEquals(r.rocAuc.weighted, rocAuc(y, p, { average: "weighted" }).value, 1e-14);
  assertEquals(r.perClass.averagePrecision, averagePrecision(y, p).details.perClass);
  assertEquals(r.logLoss, logLoss(y, p).value);
  for (let c = 0; c < 3; c++) {
    assertEquals(r.curves.roc[c], rocCurve(y, p, { posLabel: c }));
    assertEquals(r.curves.precisionRecall[c], precisionRecallCurve(y, p, { posLabel: c }));
  }
});

Deno.test("classificationReport() matches sklearn golden values on multiclass cases", () => {
  for (const c of cases("multiclass")) {
    const r = classificationReport(c.y, c.proba, { nClasses: c.k });
    assertEquals(r.confusionMatrix, c.labels.confusion, c.name);
    assertRelativeEquals(r.accuracy, c.labels.accuracy, 1e-9, c.name);
    assertRelativeEquals(r.macro.f1, c.labels.prf["macro|warn|1.0"].fscore, 1e-9, c.name);
    assertRelativeEquals(r.logLoss, c.log_loss, 1e-9, c.name);
    const want = c.roc_auc["ovr|macro"];
    if (typeof want === "string") assertEquals(r.rocAuc.status, "error", c.name);
    else {
      assertRelativeEquals(r.rocAuc.macro, want, 1e-9, c.name);
      assertRelativeEquals(r.rocAuc.weighted, c.roc_auc["ovr|weighted"], 1e-9, c.name);
    }
  }
});

Deno.test("classificationReport() has the same keys for labels, probabilities and empty input", () => {
  const keys = (o: object) => Object.keys(o).filter((k) => k !== "reason").sort();
  const fromProba = classificationReport([0, 1, 1], [0.9, 0.1, 0.4, 0.6, 0.2, 0.8]);
  const fromLabels = classificationReport([0, 1, 1], [0, 1, 0]);
  const empty = classificationReport([], [], { nClasses: 2 });
  assertEquals(keys(fromLabels), keys(fromProba));
  assertEquals(keys(empty), keys(fromProba));
  assertEquals(fromLabels.input, "labels");
  assert(Number.isNaN(fromLabels.logLoss) && fromLabels.rocAuc.status === "error");
  assertEquals(empty.status, "error");
  assertEquals(JSON.parse(JSON.stringify(fromProba)).confusionMatrix, fromProba.confusionMatrix);
});

Deno.test("classificationReport() accepts 1-D binary scores with input: 'scores'", () => {
  const r = classificationReport([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.6], { input: "scores" });
  assertEquals(r.confusionMatrix, [[1, 1], [1, 1]]);
  assertEquals(r.perClass.rocAuc[1], rocAuc([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.6]).value);
  assertEquals(r.logLoss, logLoss([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.6]).value);
});

Deno.test("classificationReport() flags undefined AUC as an error field, not an exception", () => {
  const r = classificationReport([0, 0, 1], [0.5, 0.3, 0.2, 0.6, 0.2, 0.2, 0.1, 0.8, 0.1]);
  assertEquals(r.status, "ok");
  assertEquals(r.rocAuc.status, "error");
  assert(r.rocAuc.reason!.includes("2"));
  assert(r.warnings.some((w) => w.includes("no true samples")));
});

Deno.test("classificationReport() rejects bad rows, NaN and mismatched lengths", () => {
  assertThrows(
    () => classificationReport([0, 1], [0.5, 0.5, 0.5, 0.6]),
    RangeError,
    "proba row 1 sums to 1.1",
  );
  assertThrows(
    () => classificationReport([0, 1], [0.5, 0.5, NaN, 0.6]),
    RangeError,
    "row 1, class 0 is NaN",
  );
  assertThrows(() => classificationReport([0, 1], [0.5, 0.5, 0.5]), TypeError);
  // three classes take their own unrolled pass: the same errors, the first bad value of a row
  const rows: [number[], string][] = [
    [[-0.1, 1.5, 0.6], "row 1, class 0 is -0.1, outside [0, 1]"],
    [[0.1, NaN, 2], "row 1, class 1 is NaN, outside [0, 1]"],
    [[0.1, 0.1, 1.5], "row 1, class 2 is 1.5, outside [0, 1]"],
  ];
  for (const [row, message] of rows) {
    assertThrows(() => classificationReport([0, 2], [0.2, 0.3, 0.5, ...row]), RangeError, message);
  }
  assertThrows(
    () => classificationReport([0, 2], [0.2, 0.3, 0.5, 0.1, 0.1, 0.9]),
    RangeError,
    "proba row 1 sums to 1.1",
  );
  assertThrows(
    () => classificationReport([0, 1, 2], [0, 1]),
    TypeError,
    "yTrue has 3 values but predictions has 2",
  );
  assertThrows(
    () => classificationReport([0, 1], [1, 0], { input: "labels", nClasses: 1 }),
    RangeError,
    "yTrue[1] is 1",
  );
});

/** AUC as the share of (positive, negative) pairs ranked right, ties ½: O(n²), no sorting. */
function bruteAuc(y: ArrayLike<number>, score: (i: number) => number, cls: number): number {
  let right = 0, pairs = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== cls) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] === cls) continue;
      const a = score(i), b = score(j);
      right += a > b ? 1 : a === b ? 0.5 : 0;
      pairs++;
    }
  }
  return right / pairs;
}

Deno.test("classificationReport() ranks scores that differ only in their last bits exactly", () => {
  // 1500 rows whose probabilities share their first 32 bits (one long run for the sort to order
  // by the low word), with ties, -0 and exact 0/1 mixed in
  const n = 1500, y = new Int32Array(n), p = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    y[i] = (i * 7919) % 3 === 0 ? 1 : 0;
    const q = i % 50 === 0 ? (i % 100 === 0 ? -0 : 1) : 0.5 + ((i * 104729) % 700) * 2 ** -52;
    p[2 * i + 1] = q;
    p[2 * i] = 1 - q;
  }
  const r = classificationReport(y, p, { curves: true });
  for (const cls of [0, 1]) {
    const want = bruteAuc(y, (i) => p[2 * i + cls]!, cls);
    assertRelativeEquals(r.perClass.rocAuc[cls]!, want, 1e-12);
    assertEquals(r.curves.roc[cls], rocCurve(y, p, { posLabel: cls }));
    assertEquals(r.curves.precisionRecall[cls], precisionRecallCurve(y, p, { posLabel: cls }));
    const isCls = Int32Array.from(y, (v) => v === cls ? 1 : 0);
    const column = Float64Array.from({ length: n }, (_, i) => p[2 * i + cls]!);
    assertEquals(r.perClass.averagePrecision[cls], averagePrecision(isCls, column).value);
  }
  assertEquals(r.curves.roc[1]!.thresholds.at(-1), 0); // -0 ties with 0 and shows as 0
  assert(!Object.is(r.curves.roc[1]!.thresholds.at(-1), -0));
});

Deno.test("classificationReport() ranks columns of every span of high words as the single metrics", () => {
  // spans of the probabilities' high words: equal (0 bits), narrow (one digit trivial), 2 × 12
  // and 13 + 12 bits (two counting passes), and 0…1 (three passes); each with ties (rounding)
  const rand = seededRandom(11);
  for (
    const [low, high, bits] of [
      [0.25, 0.25, 0],
      [0.3, 0.3 + 2 ** -40, 0],
      [0.3, 0.30001, 0],
      [0.3, 0.4, 0],
      [1e-4, 1, 0],
      [1e-5, 1, 20],
      [0, 1, 30],
    ] as const
  ) {
    const n = 3000, y = new Int32Array(n), p = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      y[i] = rand() < 0.4 ? 1 : 0;
      let q = low + (high - low) * rand() ** 3;
      if (bits > 0) q = Math.round(q * 2 ** bits) / 2 ** bits;
      p[2 * i + 1] = q;
      p[2 * i] = 1 - q;
    }
    const r = classificationReport(y, p, { curves: true });
    for (const cls of [0, 1]) {
      const what = `[${low}, ${high}] class ${cls}`;
      assertEquals(r.curves.roc[cls], rocCurve(y, p, { posLabel: cls }), what);
      assertEquals(
        r.curves.precisionRecall[cls],
        precisionRecallCurve(y, p, { posLabel: cls }),
        what,
      );
      const isCls = Int32Array.from(y, (v) => v === cls ? 1 : 0);
      const column = Float64Array.from({ length: n }, (_, i) => p[2 * i + cls]!);
      assertEquals(r.perClass.rocAuc[cls], rocAuc(isCls, column).value, what);
      assertEquals(r.perClass.averagePrecision[cls], averagePrecision(isCls, column).value, what);
    }
  }
});
