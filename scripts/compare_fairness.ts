/**
 * Side-by-side timing of Vigil's by-group metrics and pandas `groupby` computing the same
 * selection rates, true positive rates and false positive rates per group, on the same 1e6 rows
 * with two sensitive attributes of 10 groups each (and their 100 intersections), passed to
 * Python through temporary binary files and timed inside Python excluding the load. Vigil gets
 * the three metrics for both attributes from one pass over the rows (`metricFramesByAttribute`;
 * `metricFrames` for the intersections); pandas runs `groupby(a)[ŷ].mean()` and
 * `groupby([a, y])[ŷ].mean()` per attribute (or per pair). Wall times (median and best of the
 * runs) and CPU time per run (process CPU over all runs: getrusage for Deno, `time.process_time()`
 * for Python), because a shared machine's wall times swing with other processes. Then times the
 * bootstrap of `bench/fairness_bench.ts` (1,000 resamples of 1e5 rows) in wall and CPU seconds. Prints a markdown table
 * and fails if any group value differs by more than 1e-12.
 *
 *     deno run --allow-read --allow-write --allow-run --allow-env scripts/compare_fairness.ts [--n 1000000] [--repeat 21]
 *
 * Skips the pandas column when /usr/bin/python3 with pandas is not available.
 *
 * @module
 */
import { type MetricFrame, metricFrames } from "../lib/fairness/metric_frame.ts";
import { metricFramesByAttribute } from "../lib/fairness/metric_frames_by_attribute.ts";
import process from "node:process";
import { seededRandom } from "../lib/stats/random.ts";
import { arg, median, runPythonJson } from "./_compare_python.ts";

const GROUPS = 10;
const METRICS = ["selection_rate", "true_positive_rate", "false_positive_rate"] as const;

const PY_CODE = `
import json, sys, time
import numpy as np
import pandas as pd
d, n, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
df = pd.DataFrame({
    "a": np.fromfile(d + "/a.bin", dtype="<i4"),
    "b": np.fromfile(d + "/b.bin", dtype="<i4"),
    "y": np.fromfile(d + "/y.bin", dtype="u1"),
    "p": np.fromfile(d + "/p.bin", dtype="u1"),
})
def by(keys):
    sr = df.groupby(keys)["p"].mean()
    r = df.groupby(keys + ["y"])["p"].mean().unstack("y")
    return sr, r[1], r[0]
out = {"pandas": pd.__version__}
for name, keys in [("single", [["a"], ["b"]]), ("intersection", [["a", "b"]])]:
    times = []
    cpu = time.process_time()
    for _ in range(repeat):
        t = time.perf_counter()
        res = [by(k) for k in keys]
        times.append(time.perf_counter() - t)
    out[name] = {"times": times, "cpu": (time.process_time() - cpu) / repeat,
                 "values": [[s.tolist() for s in r] for r in res]}
print(json.dumps(out))
`;

/** Two attributes of 10 unequal groups; TPR and FPR that differ by group. */
function synthetic(n: number, seed: number) {
  const random = seededRandom(seed);
  const a = new Int32Array(n), b = new Int32Array(n);
  const y = new Uint8Array(n), p = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = Math.min(GROUPS - 1, Math.floor(GROUPS * random() ** 1.5));
    b[i] = Math.floor(GROUPS * random());
    y[i] = random() < 0.3 + 0.03 * a[i]! ? 1 : 0;
    p[i] = random() < (y[i] ? 0.7 + 0.02 * b[i]! : 0.1 + 0.01 * a[i]!) ? 1 : 0;
  }
  return { a, b, y, p };
}

interface PandasRun {
  times: number[];
  /** CPU seconds per run. */
  cpu: number;
  values: number[][][];
}

function runPandas(data: ReturnType<typeof synthetic>, repeat: number) {
  return runPythonJson<{ pandas: string; single: PandasRun; intersection: PandasRun }>(
    PY_CODE,
    data,
    [String(data.y.length), String(repeat)],
  );
}

function vigil(data: ReturnType<typeof synthetic>, intersection: boolean): MetricFrame[][] {
  const rows = { yTrue: data.y, yPred: data.p };
  const options = { metrics: METRICS, minGroupSize: 1 };
  if (intersection) {
    return [metricFrames({ ...rows, sensitive: { a: data.a, b: data.b } }, options)];
  }
  const by = metricFramesByAttribute({ ...rows, sensitive: { a: data.a, b: data.b } }, options);
  return [by.a!, by.b!];
}

/** CPU seconds (user + system) this process has used (getrusage). */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function timeVigil(data: ReturnType<typeof synthetic>, intersection: boolean, repeat: number) {
  const times: number[] = [];
  let frames = vigil(data, intersection);
  const cpu = cpuSeconds();
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    frames = vigil(data, intersection);
    times.push((performance.now() - t) / 1000);
  }
  return { times, cpu: (cpuSeconds() - cpu) / repeat, frames };
}

function maxDifference(frames: MetricFrame[][], pandas: number[][][]): number {
  let worst = 0;
  frames.forEach((set, s) =>
    set.forEach((frame, m) =>
      frame.byGroup.forEach((g, j) => {
        worst = Math.max(worst, Math.abs(g.value - pandas[s]![m]![j]!));
      })
    )
  );
  return worst;
}

/** The percentile bootstrap of bench/fairness_bench.ts, timed in wall and CPU seconds. */
function timeBootstrap(runs: number) {
  const d = synthetic(100_000, 7);
  const data = { yTrue: d.y, yPred: d.p, sensitive: { a: d.a } };
  const options = { metrics: METRICS, bootstrap: { resamples: 1000, seed: 1 } };
  metricFrames(data, { ...options, bootstrap: { resamples: 20 } }); // warm-up (JIT)
  let wall = Infinity;
  const cpu = cpuSeconds();
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    metricFrames(data, options);
    wall = Math.min(wall, (performance.now() - t) / 1000);
  }
  return { wall, cpu: (cpuSeconds() - cpu) / runs, runs };
}

async function main(): Promise<void> {
  const n = arg("n", 1_000_000), repeat = arg("repeat", 21);
  const data = synthetic(n, 2026);
  vigil(synthetic(10_000, 1), false); // warm-up (JIT)
  const single = timeVigil(data, false, repeat);
  const inter = timeVigil(data, true, repeat);
  const pd = await runPandas(data, repeat);
  const fmt = (s: number) => `${(s * 1000).toFixed(1)} ms`;
  console.log(
    `## By-group selection rate, TPR and FPR: Vigil vs pandas groupby (${
      n.toLocaleString("en")
    } rows, ${repeat} runs, median)\n`,
  );
  console.log(
    "| what | Vigil wall median (best) | pandas `groupby` wall median (best) | speed-up wall median (best) | Vigil CPU | pandas CPU | speed-up CPU |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  if (typeof pd === "string") {
    console.log(`| 2 attributes × 10 groups | ${fmt(median(single.times))} | n/a | n/a |`);
    console.log(`| 100 intersections | ${fmt(median(inter.times))} | n/a | n/a |`);
    console.log(`\npandas skipped: ${pd}`);
    return;
  }
  for (
    const [label, v, p] of [
      ["2 attributes × 10 groups", single, pd.single],
      ["their 100 intersections", inter, pd.intersection],
    ] as const
  ) {
    const [vm, vb, pm, pb] = [
      median(v.times),
      Math.min(...v.times),
      median(p.times),
      Math.min(...p.times),
    ];
    console.log(
      `| ${label} | ${fmt(vm)} (${fmt(vb)}) | ${fmt(pm)} (${fmt(pb)}) | ${(pm / vm).toFixed(1)}× (${
        (pb / vb).toFixed(1)
      }×) | ${fmt(v.cpu)} | ${fmt(p.cpu)} | ${(p.cpu / v.cpu).toFixed(1)}× |`,
    );
  }
  const diff = Math.max(
    maxDifference(single.frames, pd.single.values),
    maxDifference(inter.frames, pd.intersection.values),
  );
  console.log(
    `\nLargest difference between the group values: ${
      diff.toExponential(1)
    }; pandas ${pd.pandas}; its timings exclude loading the data.`,
  );
  const boot = timeBootstrap(arg("boot-runs", 3));
  console.log(
    `\nBootstrap (bench/fairness_bench.ts's case): 1,000 resamples of 1e5 rows × 10 groups, selection rate + TPR + FPR with percentile intervals: wall ${
      boot.wall.toFixed(2)
    } s best of ${boot.runs}, CPU ${boot.cpu.toFixed(2)} s per run.`,
  );
  if (!(diff <= 1e-12)) {
    console.error("Values disagree with pandas");
    Deno.exit(1);
  }
}

if (import.meta.main) await main();
