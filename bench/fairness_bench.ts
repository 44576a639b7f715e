/**
 * Benchmarks of lib/fairness: the percentile bootstrap of by-group selection rate, TPR and FPR
 * (1,000 resamples of 1e5 rows, 10 groups; target < 2 s) and one pass over 1e6 rows:
 * `deno bench --allow-read bench/fairness_bench.ts`.
 *
 * @module
 */
import { metricFrame, metricFrames } from "../lib/fairness/metric_frame.ts";
import { seededRandom } from "../lib/stats/random.ts";

const METRICS = ["selection_rate", "true_positive_rate", "false_positive_rate"] as const;

function rows(n: number, seed: number) {
  const random = seededRandom(seed);
  const g = new Int32Array(n), y = new Uint8Array(n), p = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    g[i] = Math.min(9, Math.floor(10 * random() ** 1.5));
    y[i] = random() < 0.4 ? 1 : 0;
    p[i] = random() < (y[i] ? 0.75 : 0.1 + 0.01 * g[i]!) ? 1 : 0;
  }
  return { yTrue: y, yPred: p, sensitive: { group: g } };
}

const small = rows(100_000, 7);
const large = rows(1_000_000, 8);

Deno.bench("bootstrap 1000 resamples, 1e5 rows, 10 groups, SR+TPR+FPR", { n: 3, warmup: 1 }, () => {
  metricFrames(small, { metrics: METRICS, bootstrap: { resamples: 1000, seed: 1 } });
});
Deno.bench(
  "bootstrap 1000 resamples, 1e5 rows, 10 groups, selection rate",
  { n: 3, warmup: 1 },
  () => {
    metricFrame(small, { metric: "selection_rate", bootstrap: { resamples: 1000, seed: 1 } });
  },
);
Deno.bench("metricFrames SR+TPR+FPR, 1e6 rows, 10 groups (one pass)", () => {
  metricFrames(large, { metrics: METRICS });
});
