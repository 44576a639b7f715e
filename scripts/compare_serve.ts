/**
 * Model service speed, side by side in one run: wrk (POST, one Iris row per request, loopback)
 * against Vigil's `/predict` with the prediction log on (DuckDB file) and off, and against what a
 * Python team would deploy — scikit-learn's `LogisticRegression` behind FastAPI + uvicorn (one
 * worker). Then the log itself: sustained ingest into the DuckDB store and window queries over a
 * million logged predictions.
 *
 *   deno run --allow-run --allow-net=127.0.0.1 --allow-read --allow-write --allow-sys --allow-ffi --allow-env scripts/compare_serve.ts [--duration 10s] [--connections 16] [--rows 1000000]
 *
 * `--ingest-only` skips the HTTP part.
 *
 * Targets (issue 9): Vigil with logging ≥ 10× FastAPI's requests/s with p99 < 5 ms, and logging
 * costing < 30% of the throughput without it; windows over 1e6 rows in < 1 s. Needs
 * /usr/bin/wrk and Debian's python3-sklearn, python3-fastapi, python3-uvicorn
 * (`VIGIL_SETUP_BENCH=1 deno task setup`). The load average is printed: on a shared machine it
 * moves the numbers.
 *
 * @module
 */
import { freePort } from "../lib/exporter/subprocess.ts";
import { openDuckDbStore, type PredictionRecord } from "../lib/store/mod.ts";
import { runWrk, type WrkResult } from "./_wrk.ts";
import { waitUntilUp } from "./_wait_until_up.ts";

const ROOT = new URL("..", import.meta.url).pathname;

const FASTAPI_APP = `
import sys
from typing import Dict
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

iris = load_iris()
model = LogisticRegression(max_iter=1000).fit(iris.data, iris.target)
classes = list(iris.target_names)

class Row(BaseModel):
    sepal_length: float
    sepal_width: float
    petal_length: float
    petal_width: float

app = FastAPI()

@app.post("/predict")
def predict(row: Row) -> Dict:
    proba = model.predict_proba([[row.sepal_length, row.sepal_width, row.petal_length, row.petal_width]])[0]
    best = int(proba.argmax())
    return {"class": classes[best], "probabilities": dict(zip(classes, map(float, proba)))}

@app.get("/healthz")
def healthz() -> Dict:
    return {"status": "ok"}

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
`;

const BODY = '{"sepal_length":5.9,"sepal_width":3.0,"petal_length":5.1,"petal_width":1.8}';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] as string : fallback;
}

async function npmCache(): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), { args: ["info", "--json"] }).output();
  return JSON.parse(new TextDecoder().decode(out.stdout)).npmCache;
}

/** The serve task's permissions, with the log written to `dir` instead of log/. */
async function startVigil(
  dir: string,
  logging: boolean,
): Promise<{ port: number; child: Deno.ChildProcess }> {
  const duck = `${await npmCache()}/registry.npmjs.org/@duckdb`;
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-net=127.0.0.1",
      `--allow-read=.,${duck}`,
      `--allow-write=${dir}`,
      `--allow-ffi=${duck}`,
      "scripts/serve.ts",
      "--port",
      String(port),
      ...(logging ? ["--log", `${dir}/bench.duckdb`] : ["--no-log"]),
    ],
    cwd: ROOT,
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  await waitUntilUp(`http://127.0.0.1:${port}/healthz`, 60_000);
  return { port, child };
}

async function stop(child: Deno.ChildProcess): Promise<void> {
  try {
    child.kill("SIGTERM");
  } catch {
    // gone
  }
  await child.status;
}

async function ingest(dir: string, rows: number): Promise<string[]> {
  const schema = {
    featureNames: ["sepal_length", "sepal_width", "petal_length", "petal_width"],
    classNames: ["setosa", "versicolor", "virginica"],
  };
  const store = await openDuckDbStore(`${dir}/ingest.duckdb`, schema);
  const batch = 5000;
  const t0 = 1_700_000_000_000;
  const lines: string[] = [];
  let start = performance.now();
  for (let b = 0; b < rows; b += batch) {
    const records: PredictionRecord[] = Array.from(
      { length: Math.min(batch, rows - b) },
      (_, i) => {
        const n = b + i;
        return {
          id: crypto.randomUUID(),
          timestamp: t0 + n,
          modelVersion: "1",
          features: [5 + (n % 30) / 10, 3, 1 + (n % 50) / 10, (n % 25) / 10],
          probabilities: [0.2, 0.3, 0.5],
          predicted: 2,
        };
      },
    );
    await store.append(records);
  }
  const ingestS = (performance.now() - start) / 1000;
  lines.push(
    `ingest: ${rows} predictions in batches of ${batch}: ${(rows / ingestS).toFixed(0)} rows/s`,
  );
  start = performance.now();
  const w0 = await store.window({ lastN: 10 }, { ids: true });
  const labelIds =
    (await store.window({ from: t0, to: t0 + Math.min(rows, 100_000) }, { ids: true })).ids!;
  await store.appendLabels(
    labelIds.map((id, i) => ({ id, label: i % 3, timestamp: t0 + rows + i })),
  );
  lines.push(
    `labels: ${labelIds.length} appended (with their id window) in ${
      (performance.now() - start).toFixed(0)
    } ms`,
  );
  const time = async (name: string, f: () => Promise<{ n: number }>) => {
    const s = performance.now();
    const { n } = await f();
    lines.push(`window ${name}: ${n} rows in ${(performance.now() - s).toFixed(0)} ms`);
  };
  await time("all rows (time range)", () => store.window({ from: t0 }));
  await time("last half (time range)", () => store.window({ from: t0 + rows / 2 }));
  await time("lastN 100000", () => store.window({ lastN: 100_000 }));
  await time("labelled only", () => store.window({}, { labelledOnly: true }));
  if (w0.n !== 10) throw new Error("lastN window is wrong");
  start = performance.now();
  const known = await store.lookup([w0.ids![0]!]);
  lines.push(
    `lookup of one id (what POST /labels does): ${(performance.now() - start).toFixed(0)} ms`,
  );
  if (known.size !== 1) throw new Error("lookup missed a stored id");
  await store.close();
  return lines;
}

async function main(args: string[]): Promise<number> {
  const duration = option(args, "--duration", "10s");
  const connections = Number(option(args, "--connections", "16"));
  const rows = Number(option(args, "--rows", "1000000"));
  const dir = await Deno.makeTempDir({ prefix: "vigil_compare_serve_" });
  if (args.includes("--ingest-only")) {
    for (const line of await ingest(dir, rows)) console.log(line);
    await Deno.remove(dir, { recursive: true });
    return 0;
  }
  const script = `${dir}/post.lua`;
  await Deno.writeTextFile(
    script,
    `wrk.method = "POST"\nwrk.body = '${BODY}'\nwrk.headers["Content-Type"] = "application/json"\n`,
  );
  const pyPort = freePort();
  const python = new Deno.Command("/usr/bin/python3", {
    args: ["-c", FASTAPI_APP, String(pyPort)],
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const results: { name: string; wrk: WrkResult }[] = [];
  try {
    await waitUntilUp(`http://127.0.0.1:${pyPort}/healthz`, 60_000);
    const check = await (await fetch(`http://127.0.0.1:${pyPort}/predict`, {
      method: "POST",
      body: BODY,
      headers: { "content-type": "application/json" },
    })).json();
    if (check.class !== "virginica") throw new Error(`FastAPI answered ${JSON.stringify(check)}`);
    const on = await startVigil(dir, true);
    const off = await startVigil(dir, false);
    try {
      const targets = [
        { name: "FastAPI + uvicorn + sklearn", port: pyPort },
        { name: "Vigil, logging off", port: off.port },
        { name: "Vigil, logging on (DuckDB)", port: on.port },
      ];
      for (const t of targets) {
        const url = `http://127.0.0.1:${t.port}/predict`;
        await runWrk(url, { duration: "2s", connections, threads: 2, script }); // warm-up
        results.push({
          name: t.name,
          wrk: await runWrk(url, { duration, connections, threads: 2, script }),
        });
      }
    } finally {
      await Promise.all([stop(on.child), stop(off.child)]);
    }
  } finally {
    await stop(python);
  }
  let load = "unknown";
  try {
    load = `${
      Deno.loadavg().map((x) => x.toFixed(2)).join(", ")
    } on ${navigator.hardwareConcurrency} cores`;
  } catch {
    // no --allow-sys
  }
  const ms = (s: number) => (s * 1000).toFixed(2);
  console.log(
    `wrk -t2 -c${connections} -d${duration} --latency, POST one row, loopback, one after the other`,
  );
  console.log(`load average: ${load}`);
  console.log("| service | req/s | p50 ms | p99 ms | errors |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.wrk.requestsPerSecond.toFixed(0)} | ${ms(r.wrk.p50Seconds)} | ${
        ms(r.wrk.p99Seconds)
      } | ${r.wrk.errors} |`,
    );
  }
  const [py, off, on] = results.map((r) => r.wrk);
  const ratio = on!.requestsPerSecond / py!.requestsPerSecond;
  const cost = 1 - on!.requestsPerSecond / off!.requestsPerSecond;
  const met = ratio >= 10 && on!.p99Seconds < 0.005 && cost < 0.3;
  console.log(
    `logging on: ${ratio.toFixed(1)}x FastAPI, p99 ${ms(on!.p99Seconds)} ms, logging costs ${
      (cost * 100).toFixed(0)
    }% ` +
      `of throughput; target (>= 10x, p99 < 5 ms, < 30%): ${met ? "met" : "NOT met"}`,
  );
  for (const line of await ingest(dir, rows)) console.log(line);
  await Deno.remove(dir, { recursive: true });
  return met ? 0 : 1;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
