/**
 * Claims notebook 09 (fairness monitoring) makes in its prose, checked on the runs the notebook
 * makes (its notebook-only cells included): what moves and what stays with historical labels, the
 * one noisy window of `region`, and the group sizes under a drifting share.
 */
import { importNotebook } from "../../lib/notebook_source/source.ts";
import type { ParameterValue } from "../../lib/notebook_source/mod.ts";
import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";

const NOTEBOOK = new URL("../../notebooks/09_fairness_monitoring.ipynb", import.meta.url).pathname;

type History = (Record<string, number | string> & { "rows b": number })[];

async function history(parameters: Record<string, ParameterValue> = {}): Promise<History> {
  const ns = await importNotebook(NOTEBOOK, { check: false, exclude: [], parameters });
  return ns.history as History;
}

Deno.test("notebook 09: with historical labels the error-rate gap grows while selection stays at parity", async () => {
  const h = await history();
  assertEquals(h.map((r) => r.window), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (const r of h) {
    assert((r["DP difference"] as number) < 0.04, `DP difference in window ${r.window}`);
    const di = r["disparate impact"] as number;
    assert(di >= 0.93 && di <= 1.05, `disparate impact ${di} in window ${r.window}`);
    assert(!String(r["failing checks"]).includes("demographic_parity"), `window ${r.window}`);
  }
  const eo = h.map((r) => r["EO difference"] as number);
  assertAlmostEquals(eo[0]!, 0.026, 5e-4);
  assertAlmostEquals(eo[9]!, 0.314, 5e-4);
  // past 0.1 (detected) first in window 3, past the check's 0.15 (fail) first in window 5
  assertEquals(eo.findIndex((v) => v > 0.1) + 1, 3);
  assertEquals(eo.findIndex((v) => v > 0.15) + 1, 5);
  assert(String(h[2]!.detected).includes("equalized_odds_difference{group}"));
  assertEquals(
    h.findIndex((r) => String(r["failing checks"]).includes("equalized_odds_group")) + 1,
    5,
  );
  assertAlmostEquals(h[0]!.accuracy as number, 0.870, 5e-4);
  assertAlmostEquals(h[9]!.accuracy as number, 0.769, 5e-4);
  // region: one noisy window (7) past 0.1, no other
  const regionWindows = h.filter((r) => String(r.detected).includes("{region}")).map((r) =>
    r.window
  );
  assertEquals(regionWindows, [7]);
});

Deno.test("notebook 09: with a drifting share group b grows and every measure stays small", async () => {
  const h = await history({ bias: "drifting_share" });
  assertEquals([h[0]!["rows b"], h[9]!["rows b"]], [95, 1713]);
  for (let i = 1; i < h.length; i++) assert(h[i]!["rows b"] > h[i - 1]!["rows b"]);
  for (const r of h) assertEquals(r.detected, "", `window ${r.window}`);
});
