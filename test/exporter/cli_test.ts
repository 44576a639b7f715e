import { assert, assertEquals } from "../_assert.ts";
import { runBinary } from "../_binaries.ts";
import { startExporterProcess } from "../../lib/exporter/subprocess.ts";
import { runExport } from "./_run_export.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const FIXTURES = "test/fixtures/exporter";
const STUB = `${FIXTURES}/stub_monitor.ipynb`;

Deno.test("export --help prints the usage and exits 0", async () => {
  const { code, stdout } = await runExport(["--help"]);
  assertEquals(code, 0);
  assert(stdout.startsWith("Usage: deno task export [NOTEBOOK] [options]"), stdout);
});

Deno.test("export exits 2 with one line on stderr for bad input", async () => {
  // Written here, not committed: `deno fmt --check` would trip over a broken .ipynb.
  const badJson = `${FIXTURES}/bad_json_${crypto.randomUUID().slice(0, 8)}.ipynb`;
  await Deno.writeTextFile(`${ROOT}${badJson}`, '{"cells": [');
  const badType = `${FIXTURES}/bad_type_${crypto.randomUUID().slice(0, 8)}.ipynb`;
  const cells = [
    { cell_type: "markdown", metadata: {}, source: "# Bad" },
    { cell_type: "code", metadata: {}, source: 'const ok = 1;\nconst n: number = "one";' },
  ];
  await Deno.writeTextFile(
    `${ROOT}${badType}`,
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }),
  );
  const cases: [string[], string][] = [
    [["--interval", "soon"], 'vigil export: Invalid duration "soon"'],
    [["--interval", "0.0001ms"], "shortest interval is 100ms"],
    [["--cron", "* * *"], 'vigil export: Invalid cron expression "* * *"'],
    [[`${FIXTURES}/missing.ipynb`], `vigil export: Notebook "${FIXTURES}/missing.ipynb" not found`],
    [
      [badJson],
      `vigil export: Cannot parse notebook "${badJson}": not JSON`,
    ],
    [
      [`${FIXTURES}/no_monitor.ipynb`],
      `vigil export: Notebook "${FIXTURES}/no_monitor.ipynb" does not export a monitor`,
    ],
    [[STUB, "--param", "nope=1"], 'Unknown parameter "nope"'],
    [
      [STUB, "--param", "rows=abc"],
      `vigil export: Parameter "rows" expects a finite number, got "abc" (notebook "${STUB}")\n`,
    ],
    [[badType], `notebook ${badType}, cell 2, line 2`],
    [["--module", "x.ts"], 'vigil export: Unknown option "--module"'],
    // Each of these gave a Rust backtrace from the listener or the --allow-net flag.
    [[STUB, "--host", "foo bar"], 'vigil export: Invalid --host "foo bar"'],
    [[STUB, "--host", "999.1.1.1"], 'vigil export: Invalid --host "999.1.1.1"'],
    [[STUB, "--host", ""], 'vigil export: Invalid --host ""'],
    [[STUB, "--host", "a:b:c"], 'vigil export: Invalid --host "a:b:c"'],
    [[STUB, "--host", "http://x"], 'vigil export: Invalid --host "http://x"'],
    // Well-formed but unusable: refused by the listener, caught by kind, still one line.
    [[STUB, "--host", "no-such-host.invalid", "--port", "0"], 'host name "no-such-host.invalid"'],
    [[STUB, "--host", "192.0.2.1", "--port", "0"], "Cannot listen on 192.0.2.1:0: no such address"],
  ];
  const results = await Promise.all(cases.map(([args]) => runExport(args)))
    .finally(() => Promise.all([badJson, badType].map((f) => Deno.remove(`${ROOT}${f}`))));
  results.forEach(({ code, stdout, stderr }, i) => {
    const [args, expected] = cases[i] ?? [[], ""];
    assertEquals(code, 2, args.join(" "));
    assertEquals(stdout, "", args.join(" "));
    assert(stderr.endsWith("\n") && !stderr.trimEnd().includes("\n"), `one line: ${stderr}`);
    assert(stderr.includes(expected), `expected "${expected}" in ${stderr}`);
    assertEquals(stderr.split(".ipynb").length <= 2, true, `names the notebook once: ${stderr}`);
  });
});

Deno.test("export --once prints a promtool-clean exposition and exits 0, or 1 when the run fails", async () => {
  const [ok, failed] = await Promise.all([
    runExport([STUB, "--once", "--param", "wrongRows=4"]),
    runExport([STUB, "--once", "--param", "failAfter=0"]),
  ]);
  assertEquals(ok.code, 0, ok.stderr);
  assert(ok.stdout.includes('vigil_model_accuracy_ratio{model="stub"} 0.8\n'), ok.stdout);
  assert(!/^(# \w+ )?model_accuracy\b/m.test(ok.stdout), "model_accuracy only with the flag");
  assert(ok.stderr.includes("run 1 ok"), ok.stderr);
  const check = await runBinary("/usr/bin/promtool", ["check", "metrics"], ok.stdout);
  assertEquals({ code: check.code, out: check.stdout + check.stderr }, { code: 0, out: "" });
  assertEquals(failed.code, 1, failed.stderr);
  assert(failed.stdout.includes("vigil_exporter_run_failures_total 1\n"), failed.stdout);
  assert(!failed.stdout.includes("vigil_model_accuracy_ratio{"), "no model values without a run");
  assert(
    /run failed .*Stub source fails after 0 successful runs .*cell 4, line \d+/.test(failed.stderr),
    failed.stderr,
  );
});

Deno.test("export --once --article-metrics also prints model_accuracy, equal to vigil_model_accuracy_ratio, promtool-clean", async () => {
  const out = await runExport([STUB, "--once", "--article-metrics", "--param", "wrongRows=5"]);
  assertEquals(out.code, 0, out.stderr);
  const sample = (name: string) =>
    new RegExp(`^${name}\\{model="stub"\\} (\\S+)$`, "m").exec(out.stdout)?.[1];
  const vigil = sample("vigil_model_accuracy_ratio");
  assert(vigil !== undefined && Number(vigil) > 0 && Number(vigil) < 1, out.stdout);
  assertEquals(sample("model_accuracy"), vigil);
  assert(out.stdout.includes("# TYPE model_accuracy gauge\n"), out.stdout);
  assert(
    /^# HELP model_accuracy Alias of vigil_model_accuracy_ratio /m.test(out.stdout),
    out.stdout,
  );
  const check = await runBinary("/usr/bin/promtool", ["check", "metrics"], out.stdout);
  assertEquals({ code: check.code, out: check.stdout + check.stderr }, { code: 0, out: "" });
});

Deno.test("export serves, skips ticks during a slow run and refuses a second exporter on its port", async () => {
  const exporter = await startExporterProcess(
    [STUB, "--host", "127.0.0.1", "--port", "0", "--interval", "500ms", "--param", "delayMs=1500"],
  );
  try {
    const second = await runExport([STUB, "--host", "127.0.0.1", "--port", String(exporter.port)]);
    assertEquals(second.code, 2);
    assertEquals(
      second.stderr,
      `vigil export: Cannot listen on 127.0.0.1:${exporter.port}: address already in use\n`,
    );
    const base = `http://127.0.0.1:${exporter.port}`;
    let health = await fetch(`${base}/readyz`);
    await health.body?.cancel();
    for (let i = 0; i < 100 && health.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      health = await fetch(`${base}/readyz`);
      await health.body?.cancel();
    }
    assertEquals(health.status, 200, exporter.stderr());
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert(metrics.includes('vigil_model_accuracy_ratio{model="stub"} 0.9\n'), metrics);
    // Run 1 took 1.5 s: the ticks at 0.5 s and 1 s came during it and were skipped.
    const skipped = Number(/^vigil_exporter_runs_skipped_total (\d+)$/m.exec(metrics)?.[1]);
    assert(skipped >= 2, `skipped ${skipped}`);
    assertEquals(await exporter.stop("SIGTERM"), 0, exporter.stderr());
    const after = await (await fetch(`${base}/metrics`).catch((e) => e)) as unknown;
    assert(after instanceof TypeError, "server closed");
  } finally {
    await exporter.stop("SIGKILL");
  }
});

Deno.test("export stops on SIGTERM only after the run in progress has finished, with exit 0", async () => {
  // The first run starts when the server does and takes 5 s: SIGTERM lands in the middle of it.
  const exporter = await startExporterProcess(
    [STUB, "--host", "127.0.0.1", "--port", "0", "--param", "delayMs=5000"],
  );
  try {
    const code = await exporter.stop("SIGTERM");
    const log = exporter.stderr();
    assertEquals(code, 0, log);
    const stopping = log.indexOf("SIGTERM received");
    assert(stopping >= 0 && stopping < log.indexOf("run 1 ok"), `waits for the run:\n${log}`);
  } finally {
    await exporter.stop("SIGKILL");
  }
});

Deno.test("export keeps serving when a CSV batch is malformed, counts the failures and names the monitor's cell", async () => {
  // Outside the repository: the launcher must grant the server read access to the source folder.
  const dir = await Deno.makeTempDir({ prefix: "vigil_bad_csv_" });
  await Deno.writeTextFile(`${dir}/b_bad.csv`, 'sepal_length,label\n"5.1,setosa\n');
  const exporter = await startExporterProcess([
    "notebooks/04_iris_monitoring.ipynb",
    ...["--host", "127.0.0.1", "--port", "0", "--interval", "300ms", "--param", `source=${dir}`],
  ]);
  try {
    const base = `http://127.0.0.1:${exporter.port}`;
    let failures = 0;
    for (let i = 0; i < 100 && failures < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const text = await (await fetch(`${base}/metrics`)).text();
      failures = Number(/^vigil_exporter_run_failures_total (\d+)$/m.exec(text)?.[1] ?? 0);
    }
    assert(failures >= 2, `failures ${failures}:\n${exporter.stderr()}`);
    // Bad batches do not make the process unhealthy (a liveness probe must not restart it), but
    // with no good snapshot yet it is not ready, and remote clients get no paths.
    const live = await fetch(`${base}/healthz`);
    await live.body?.cancel();
    assertEquals(live.status, 200);
    const ready = await fetch(`${base}/readyz`);
    assertEquals(ready.status, 503);
    assert((await ready.text()).includes("b_bad.csv"), "loopback clients see the details");
    const failed = exporter.stderr().split("\n").find((l) => l.includes("run failed"));
    assert(failed !== undefined && failed.includes("b_bad.csv"), exporter.stderr());
    assert(
      failed.endsWith(
        "(monitor defined at notebook notebooks/04_iris_monitoring.ipynb, cell 11, line 1)",
      ),
      failed,
    );
    assertEquals(await exporter.stop("SIGTERM"), 0, exporter.stderr());
  } finally {
    await exporter.stop("SIGKILL");
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("export answers scrapes within milliseconds while a CPU-bound run is in progress", async () => {
  // The first run starts with the server and spins the CPU for 3 s (in the exporter's worker).
  const exporter = await startExporterProcess(
    [STUB, "--host", "127.0.0.1", "--port", "0", "--param", "busyMs=3000"],
  );
  try {
    const url = `http://127.0.0.1:${exporter.port}/metrics`;
    let slowest = 0;
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await (await fetch(url)).text();
      slowest = Math.max(slowest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert(!exporter.stderr().includes("run 1 ok"), `still running:\n${exporter.stderr()}`);
    assert(slowest < 500, `slowest scrape ${slowest.toFixed(0)} ms during the run`);
    assertEquals(await exporter.stop("SIGTERM"), 0, exporter.stderr());
    assert(exporter.stderr().includes("run 1 ok"), exporter.stderr());
  } finally {
    await exporter.stop("SIGKILL");
  }
});

Deno.test("the server takes its options as one JSON text and refuses a command line", async () => {
  const decoder = new TextDecoder();
  const cases: [string[], string][] = [
    [[], "expected 1 argument, got 0"],
    [["--port", "0"], "expected 1 argument, got 2"],
    [["--once"], "JSON"],
    [['{"port": 0}'], 'field "module"'],
  ];
  for (const [args, expected] of cases) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-read=.", "lib/exporter/server.ts", ...args],
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = decoder.decode(out.stderr);
    assertEquals(out.code, 2, args.join(" "));
    assert(stderr.startsWith("vigil export: Bad server options"), stderr);
    assert(stderr.includes(expected), `expected "${expected}" in ${stderr}`);
  }
});
