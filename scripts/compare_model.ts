/**
 * Side-by-side comparison of Vigil's logistic regression with scikit-learn's on Iris (the seed-42
 * stratified 80/20 split pinned in `test/golden/`): test accuracy, agreement, test log loss and
 * training time. scikit-learn's numbers come from `test/golden/model.json`
 * (`/usr/bin/python3 test/golden/model_golden.py`).
 *
 * Usage: `deno run --allow-read --allow-env scripts/compare_model.ts`
 *
 * @module
 */

import process from "node:process";
import { loadIris } from "../lib/data/iris.ts";
import { trainLogisticRegression } from "../lib/model/logistic_regression.ts";

interface Golden {
  versions: Record<string, string>;
  split: { train: number[]; test: number[] };
  logisticRegression: { testPredictions: number[]; testProbabilities: number[][] };
}

if (import.meta.main) {
  const golden = JSON.parse(
    await Deno.readTextFile(new URL("../test/golden/model.json", import.meta.url)),
  ) as Golden;
  const iris = await loadIris();
  const pick = (idx: number[]) => ({
    X: idx.map((i) => iris.X[i]!),
    y: idx.map((i) => iris.y[i]!),
  });
  const train = pick(golden.split.train);
  const test = pick(golden.split.test);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const model = trainLogisticRegression(train.X, train.y, { classNames: iris.classNames });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const pred = model.predict(test.X);
  const proba = model.predictProba(test.X);
  const k = model.nClasses;
  const n = test.y.length;
  const sk = golden.logisticRegression;
  let vigilLoss = 0;
  let skLoss = 0;
  test.y.forEach((c, i) => {
    vigilLoss -= Math.log(proba[i * k + c]!) / n;
    skLoss -= Math.log(sk.testProbabilities[i]![c]!) / n;
  });
  const correct = (p: ArrayLike<number>) => Array.from(p).filter((c, i) => c === test.y[i]).length;
  const agree = Array.from(pred).filter((c, i) => c === sk.testPredictions[i]).length;
  const fmt = (x: number): string => x.toFixed(4);
  console.log(`Iris, seed-42 stratified split: ${train.y.length} train, ${n} test rows`);
  const row = (name: string, p: ArrayLike<number>, loss: number) =>
    `${name.padEnd(20)}${`${correct(p)}/${n} ${fmt(correct(p) / n)}`.padEnd(16)}${fmt(loss)}`;
  console.log(`${"".padEnd(20)}${"test accuracy".padEnd(16)}test log loss`);
  console.log(row("Vigil", pred, vigilLoss));
  console.log(row(`scikit-learn ${golden.versions["scikit-learn"]}`, sk.testPredictions, skLoss));
  console.log(`agreement on test predictions: ${agree}/${n}`);
  console.log(
    `Vigil training: ${wallMs.toFixed(0)} ms wall, ${
      ((cpu.user + cpu.system) / 1000).toFixed(0)
    } ms CPU`,
  );
}
