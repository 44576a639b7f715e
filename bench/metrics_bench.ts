/**
 * Benchmarks of lib/metrics at 1e5 and 1e6 predictions × 3 classes:
 * `deno bench --allow-read bench/metrics_bench.ts`.
 *
 * @module
 */
import { classificationReport } from "../lib/metrics/classification_report.ts";
import { confusionMatrix } from "../lib/metrics/confusion_matrix.ts";
import { logLoss } from "../lib/metrics/log_loss.ts";
import { rocAuc } from "../lib/metrics/roc_auc.ts";
import { rocCurve } from "../lib/metrics/roc_curve.ts";
import { syntheticPredictions } from "../test/metrics/_synthetic.ts";

for (const n of [100_000, 1_000_000]) {
  const { yTrue, proba } = syntheticPredictions(n, 3, 42);
  const yPred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < 3; j++) if (proba[i * 3 + j]! > proba[i * 3 + best]!) best = j;
    yPred[i] = best;
  }
  const score1 = proba.filter((_, i) => i % 3 === 1);
  const binary = yTrue.map((v) => (v === 1 ? 1 : 0));
  const group = `n=${n}`;
  Deno.bench(`classificationReport (proba, 3 classes) n=${n}`, { group, baseline: true }, () => {
    classificationReport(yTrue, proba);
  });
  Deno.bench(`classificationReport (labels) n=${n}`, { group }, () => {
    classificationReport(yTrue, yPred);
  });
  Deno.bench(`confusionMatrix n=${n}`, { group }, () => {
    confusionMatrix(yTrue, yPred);
  });
  Deno.bench(`rocAuc ovr macro n=${n}`, { group }, () => {
    rocAuc(yTrue, proba);
  });
  Deno.bench(`rocCurve binary n=${n}`, { group }, () => {
    rocCurve(binary, score1);
  });
  Deno.bench(`logLoss n=${n}`, { group }, () => {
    logLoss(yTrue, proba);
  });
}
