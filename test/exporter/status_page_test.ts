import { assert, assertEquals } from "../_assert.ts";
import { renderStatusPage } from "../../lib/exporter/status_page.ts";
import { createRunTrend } from "../../lib/exporter/run_trend.ts";
import { makeSnapshot } from "./_fixtures.ts";

function twoChecks(accuracy: number, run: number) {
  const s = makeSnapshot(accuracy, run);
  const recall = {
    name: "recall_floor",
    metric: "recall",
    labels: { class: "no" },
    value: 0.5,
    threshold: 0.8,
    operator: ">=" as const,
    outcome: "fail" as const,
    message: "recall 0.5 < 0.8",
  };
  return { ...s, checks: [...s.checks, recall] };
}

Deno.test("the status page leads with the verdict: how many checks fail, which, since which run", () => {
  const trend = createRunTrend();
  [twoChecks(0.9, 1), twoChecks(0.5, 2), twoChecks(0.5, 3)].forEach((s) => trend.record(s));
  const snapshot = twoChecks(0.5, 3);
  const html = renderStatusPage({
    monitor: "m",
    charts: ["<svg></svg>"],
    snapshot,
    lastRun: { ok: true, finishedAtMs: 0, durationSeconds: 0.1 },
    trend: trend.summaries(),
    failingSince: trend.failingSince(),
  });
  const at = (marker: string) => html.indexOf(marker);
  assert(at('id="verdict"') < at('id="last-run"') && at('id="last-run"') < at('id="checks"'));
  assert(at('id="checks"') < at("<figure>") && at("<figure>") < at('id="trend"'));
  assert(html.includes('<section id="verdict" class="fail"><h2>2 of 2 checks failing</h2>'));
  assert(/accuracy_floor<\/b>.*failing since run 2 /.test(html), "accuracy fails since run 2");
  assert(/recall_floor \{class=no\}<\/b>.*failing since run 1 /.test(html), "recall since run 1");
  assert(!html.includes("succeeded") && html.includes("Last run completed"));
  const trendRows = [
    ...html.matchAll(/<tr class="(pass|fail)"><td>(\d+)<\/td><td>[^<]*<\/td><td>([^<]*)</g),
  ]
    .slice(-3).map((m) => [m[1], m[2], m[3]]);
  assertEquals(trendRows, [["fail", "3", "0.500"], ["fail", "2", "0.500"], ["fail", "1", "0.900"]]);
});

Deno.test("the verdict is green only when every check passes, and says so when there is no snapshot", () => {
  const ok = renderStatusPage({ monitor: "m", charts: [], snapshot: makeSnapshot(0.9, 4) });
  assert(ok.includes('<section id="verdict" class="pass"><h2>All 1 checks pass</h2>'));
  assert(!ok.includes('id="trend"'), "no trend section without summaries");
  const none = renderStatusPage({ monitor: "m", charts: [] });
  assert(none.includes("No verdict yet: no successful run"));
});

Deno.test("a failed run's error goes through renderError, and the verdict says it is from an older run", () => {
  const html = renderStatusPage({
    monitor: "m",
    charts: [],
    snapshot: makeSnapshot(0.5, 7),
    lastRun: { ok: false, finishedAtMs: 0, durationSeconds: 1, error: "ENOENT /secret/path <x>" },
    renderError: (e) => `hidden (${e.length} characters)`,
  });
  assert(!html.includes("/secret/path"));
  assert(html.includes("Last run failed: hidden (23 characters)"));
  assert(html.includes("The verdict above is from run 7, the last that succeeded."));
  const raw = renderStatusPage({
    monitor: "m",
    charts: [],
    lastRun: { ok: false, finishedAtMs: 0, durationSeconds: 1, error: "bad <x>" },
  });
  assert(raw.includes("Last run failed: bad &#60;x&#62;"), "escaped by default");
});
