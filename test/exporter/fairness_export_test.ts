/**
 * `deno task export --once` over the fairness monitoring notebook: the exposition carries the
 * fairness families with the declared label sets only, the numbers move with the window, and
 * promtool accepts it.
 */
import { assert, assertEquals } from "../_assert.ts";
import { runBinary } from "../_binaries.ts";
import { runExport } from "./_run_export.ts";

const NOTEBOOK = "notebooks/09_fairness_monitoring.ipynb";

function exportOnce(params: string[]) {
  return runExport([NOTEBOOK, "--once", ...params.flatMap((p) => ["--param", p])]);
}

function sample(text: string, name: string, labels: string): number {
  const line = text.split("\n").find((l) =>
    l.startsWith(`${name}{model="fairness_demo",${labels}} `)
  );
  assert(line !== undefined, `no ${name}{${labels}} in:\n${text}`);
  return Number(line.split(" ").at(-1));
}

Deno.test("export --once over the fairness notebook publishes fairness per attribute and declared group", async () => {
  const [first, tenth, drifting] = await Promise.all([
    exportOnce([]),
    exportOnce(["firstRun=10"]),
    exportOnce(["bias=drifting_share", "firstRun=10"]),
  ]);
  for (const run of [first, tenth, drifting]) {
    assertEquals(run.code, 0, run.stderr);
    const check = await runBinary("/usr/bin/promtool", ["check", "metrics"], run.stdout);
    assertEquals({ code: check.code, out: check.stdout + check.stderr }, { code: 0, out: "" });
    const groups = new Set(
      [...run.stdout.matchAll(/^vigil_fairness_\w+\{[^}]*attribute="(\w+)",group="([^"]+)"/gm)]
        .map((m) => `${m[1]}=${m[2]}`),
    );
    assertEquals([...groups].sort(), [
      "group=a",
      "group=b",
      "group=other",
      "region=north",
      "region=other",
      "region=south",
    ]);
  }
  const eo = 'attribute="group"';
  // historical labels: the equalized odds difference grows from window 1 to window 10
  assert(sample(first.stdout, "vigil_fairness_equalized_odds_difference", eo) < 0.1);
  assert(sample(tenth.stdout, "vigil_fairness_equalized_odds_difference", eo) > 0.3);
  const detected = 'attribute="group",measure="equalized_odds_difference"';
  assertEquals(sample(first.stdout, "vigil_fairness_detected", detected), 0);
  assertEquals(sample(tenth.stdout, "vigil_fairness_detected", detected), 1);
  assertEquals(
    sample(tenth.stdout, "vigil_check_status", 'check="equalized_odds_group",outcome="fail"'),
    1,
  );
  // the model treats both groups alike: selection rates stay at parity
  assertEquals(
    sample(
      tenth.stdout,
      "vigil_fairness_detected",
      'attribute="group",measure="demographic_parity_ratio"',
    ),
    0,
  );
  // drifting share: group b grows, every measure stays small
  const rows = (text: string) =>
    sample(text, "vigil_fairness_group_rows", 'attribute="group",group="b"');
  assertEquals([rows(first.stdout), rows(drifting.stdout)], [624, 1713]);
  assertEquals(
    sample(first.stdout, "vigil_fairness_group_rows", 'attribute="region",group="other"'),
    1000,
  );
  assert(
    !/vigil_fairness_detected\{[^}]*attribute="group"[^}]*\} 1/.test(drifting.stdout),
    drifting.stdout,
  );
});
