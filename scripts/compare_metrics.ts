/**
 * Side-by-side timing of Vigil's `classificationReport` and the equivalent scikit-learn calls
 * (`confusion_matrix` + `precision_recall_fscore_support` + `roc_auc_score(multi_class="ovr")` +
 * `log_loss`) on the same 1e6 × 3 synthetic predictions, passed to Python through temporary binary
 * files and timed inside Python excluding the load. Prints a markdown table.
 *
 *     deno run --allow-read --allow-write --allow-run --allow-env scripts/compare_metrics.ts [--n 1000000] [--repeat 3]
 *
 * Skips the scikit-learn column when /usr/bin/python3 with scikit-learn is not available.
 *
 * @module
 */
import { classificationReport } from "../lib/metrics/classification_report.ts";
import { syntheticPredictions } from "../test/metrics/_synthetic.ts";
import { arg, median, runPythonJson } from "./_compare_python.ts";

const K = 3;

const PY_CODE = `
import json, sys, time, warnings
import numpy as np
warnings.simplefilter("ignore")
import sklearn
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support, roc_auc_score, log_loss
d, n, k, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
y = np.fromfile(d + "/y.bin", dtype="<i4")
p = np.fromfile(d + "/p.bin", dtype="<f8").reshape(n, k)
labels = list(range(k))
times = []
for _ in range(repeat):
    t = time.perf_counter()
    yp = p.argmax(axis=1)
    cm = confusion_matrix(y, yp, labels=labels)
    prf = precision_recall_fscore_support(y, yp, labels=labels, average="macro", zero_division=0)
    auc = roc_auc_score(y, p, multi_class="ovr", average="macro", labels=labels)
    ll = log_loss(y, p, labels=labels)
    times.append(time.perf_counter() - t)
print(json.dumps({"times": times, "f1": prf[2], "auc": auc, "log_loss": ll,
                  "accuracy": float(np.trace(cm)) / n, "sklearn": sklearn.__version__}))
`;

function runSklearn(yTrue: Int32Array, proba: Float64Array, repeat: number) {
  return runPythonJson<
    { times: number[]; f1: number; auc: number; log_loss: number; sklearn: string }
  >(PY_CODE, { y: yTrue, p: proba }, [String(yTrue.length), String(K), String(repeat)]);
}

async function main(): Promise<void> {
  const n = arg("n", 1_000_000), repeat = arg("repeat", 3);
  const { yTrue, proba } = syntheticPredictions(n, K, 2026);
  classificationReport(yTrue.subarray(0, 1000), proba.subarray(0, 3000)); // warm-up (JIT)
  const times: number[] = [];
  let report = classificationReport(yTrue, proba);
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    report = classificationReport(yTrue, proba);
    times.push((performance.now() - t) / 1000);
  }
  const sk = await runSklearn(yTrue, proba, repeat);
  const fmt = (s: number) => `${(s * 1000).toFixed(0)} ms`;
  console.log(
    `## classificationReport vs scikit-learn (${
      n.toLocaleString("en")
    } predictions × ${K} classes, ${repeat} runs)\n`,
  );
  console.log("| | Vigil classificationReport | scikit-learn | ratio (sklearn / Vigil) |");
  console.log("|---|---:|---:|---:|");
  if (typeof sk === "string") {
    console.log(`| median | ${fmt(median(times))} | n/a | n/a |`);
    console.log(`\nscikit-learn skipped: ${sk}`);
    return;
  }
  console.log(
    `| median | ${fmt(median(times))} | ${fmt(median(sk.times))} | ${
      (median(sk.times) / median(times)).toFixed(1)
    }× |`,
  );
  console.log(
    `| best | ${fmt(Math.min(...times))} | ${fmt(Math.min(...sk.times))} | ${
      (Math.min(...sk.times) / Math.min(...times)).toFixed(1)
    }× |`,
  );
  console.log(`| macro F1 | ${report.macro.f1} | ${sk.f1} | |`);
  console.log(`| ROC AUC OvR macro | ${report.rocAuc.macro} | ${sk.auc} | |`);
  console.log(`| log loss | ${report.logLoss} | ${sk.log_loss} | |`);
  console.log(
    `\nVigil also computes accuracy, balanced accuracy, MCC, weighted/micro averages and per-class AP in the same call; scikit-learn ${sk.sklearn} timings exclude loading the data.`,
  );
  const agree = Math.abs(report.rocAuc.macro - sk.auc) < 1e-9 &&
    Math.abs(report.logLoss - sk.log_loss) < 1e-9 &&
    Math.abs(report.macro.f1 - sk.f1) < 1e-9;
  if (!agree) {
    console.error("Values disagree with scikit-learn");
    Deno.exit(1);
  }
}

if (import.meta.main) await main();
