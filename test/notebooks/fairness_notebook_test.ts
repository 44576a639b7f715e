/**
 * Claims notebook 08 (fairness) makes in its prose, checked on the values the notebook computes:
 * the Arrests base rates and model, the by-group rates, the two conventions, how each measure
 * responds to the bias knob, the small-group intervals and the per-group threshold trade-off.
 */
import { importNotebook } from "../../lib/notebook_source/source.ts";
import type { FairnessResult, MetricFrame } from "../../lib/fairness/mod.ts";
import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";

const NOTEBOOK = new URL("../../notebooks/08_fairness.ipynb", import.meta.url).pathname;

type Namespace = Record<string, unknown>;
let loaded: Promise<Namespace> | undefined;
function notebook(): Promise<Namespace> {
  loaded ??= importNotebook(NOTEBOOK, { check: false });
  return loaded;
}

type Row = Record<string, number | string> & Record<"DP difference" | "disparate impact", number>;
const close = (actual: unknown, expected: number, tolerance = 5e-4) =>
  assertAlmostEquals(actual as number, expected, tolerance);

Deno.test("notebook 08: base rates and the model as the prose states them", async () => {
  const ns = await notebook();
  const base = ns.baseRates as Row[];
  const rate = (group: string) => base.find((r) => r.group === group)!;
  assertEquals([rate("Black").rows, rate("White").rows], [1288, 3938]);
  close(rate("Black")["share released"], 0.7415);
  close(rate("White")["share released"], 0.858);
  close(
    (rate("Black")["share released"] as number) / (rate("White")["share released"] as number),
    0.864,
  );
  close(rate("Female")["share released"], 0.858);
  close(rate("Male")["share released"], 0.827);
  assertEquals([(ns.train as Uint32Array).length, (ns.test as Uint32Array).length], [3658, 1568]);
  close(ns.predictedReleased, 0.971);
  close(ns.testAccuracy, 0.828);
  const yTest = ns.yTest as Uint8Array;
  // "no better than releasing everyone"
  assert((ns.testAccuracy as number) <= yTest.reduce((s, v) => s + v, 0) / yTest.length);
});

Deno.test("notebook 08: selection and error rates by colour", async () => {
  const ns = await notebook();
  const [black, white] = (ns.selection as MetricFrame).byGroup;
  close(black!.value, 0.934);
  close(white!.value, 0.9845);
  const overall = (ns.selection as MetricFrame).overall.value;
  close(overall, 0.971);
  assert(Math.abs(black!.value - overall) <= 0.05 && Math.abs(white!.value - overall) <= 0.05);
  close((ns.selection as MetricFrame).ratio, 0.95, 0.002);
  const [tb, tw] = (ns.tpr as MetricFrame).byGroup, [fb, fw] = (ns.fpr as MetricFrame).byGroup;
  close(tb!.value, 0.958),
    close(tw!.value, 0.990),
    close(fb!.value, 0.861),
    close(fw!.value, 0.952);
  const odds = ns.odds as FairnessResult;
  close(odds.value, 0.091);
  assertAlmostEquals(odds.value, fw!.value - fb!.value, 1e-12);
});

Deno.test("notebook 08: the two conventions agree in size and differ in sign and aggregation", async () => {
  const ns = await notebook();
  const side = ns.side as FairnessResult[];
  const v = (measure: string, convention: string) =>
    side.find((r) => r.measure === measure && r.convention === convention)!.value;
  close(v("demographic_parity_difference", "fairlearn"), 0.0505);
  assertAlmostEquals(
    v("statistical_parity_difference", "aif360"),
    -v("demographic_parity_difference", "fairlearn"),
    1e-12,
  );
  assertAlmostEquals(
    v("disparate_impact", "aif360"),
    v("demographic_parity_ratio", "fairlearn"),
    1e-12,
  );
  close(v("disparate_impact", "aif360"), 0.949);
  close(v("equalized_odds_difference", "fairlearn"), 0.091);
  close(v("average_odds_difference", "aif360"), -0.061);
  assert(
    Math.abs(v("average_odds_difference", "aif360")) < v("equalized_odds_difference", "fairlearn"),
  );
  const fourFifths = ns.fourFifths as FairnessResult & { flagged: boolean; caveat: string };
  assertEquals(fourFifths.flagged, false);
  assert(fourFifths.caveat.includes("wrong in many scenarios"));
  close((ns.theil as FairnessResult).value, 0.057);
});

Deno.test("notebook 08: each measure responds to the bias knob as the prose says", async () => {
  const ns = await notebook();
  const knob = ns.knob as Row[];
  const at = (bias: string, strength: number) =>
    knob.find((r) => r.bias === bias && r.strength === strength)!;
  const historical = knob.filter((r) => r.bias === "historical_labels");
  for (const r of historical) {
    assert((r["DP difference"] as number) < 0.02, `DP difference at ${r.strength}`);
    const di = r["disparate impact"] as number;
    assert(di >= 0.93 && di <= 1.02, `disparate impact ${di} at ${r.strength}`);
    assert((r["EO difference (deserved)"] as number) < 0.05, `deserved EO at ${r.strength}`);
  }
  close(at("historical_labels", 0)["EO difference (recorded)"], 0.023);
  close(at("historical_labels", 0.75)["EO difference (recorded)"], 0.271);
  assert(Number.isNaN(at("historical_labels", 1)["EO difference (recorded)"]));
  assertEquals(at("historical_labels", 1)["base rate b"], 0);
  const proxy = knob.filter((r) => r.bias === "proxy");
  for (let i = 1; i < proxy.length; i++) {
    assert(proxy[i]!["DP difference"] > proxy[i - 1]!["DP difference"], "DP difference grows");
    assert(proxy[i]!["disparate impact"] < proxy[i - 1]!["disparate impact"], "DI falls");
  }
  close(at("proxy", 0)["DP difference"], 0.009);
  close(at("proxy", 0.5)["DP difference"], 0.102);
  close(at("proxy", 1)["DP difference"], 0.360);
  close(at("proxy", 0)["disparate impact"], 0.982);
  close(at("proxy", 0.5)["disparate impact"], 0.767);
  assert(
    (at("proxy", 0.25)["disparate impact"] as number) >= 0.8,
    "crosses 0.8 at 0.5, not before",
  );
  close(at("proxy", 1)["disparate impact"], 0.155);
  close(at("proxy", 0.5)["EO difference (deserved)"], 0.108);
  close(at("proxy", 1)["EO difference (deserved)"], 0.579);
});

Deno.test("notebook 08: the small group crosses the thresholds with no bias, inside its interval", async () => {
  const ns = await notebook();
  const small = ns.small as MetricFrame;
  const [a, b] = small.byGroup;
  assertEquals(b!.n, 20);
  close(b!.value, 0.35), close(a!.value, 0.483);
  close(small.difference, 0.133);
  assert(small.difference > 0.1);
  close(small.ratio, 0.724);
  assertEquals((ns.smallFourFifths as { flagged: boolean }).flagged, true);
  close(b!.ci![0], 0.143), close(b!.ci![1], 0.584);
  assert(b!.ci![0] <= a!.value && a!.value <= b!.ci![1], "b's interval contains a's rate");
  assert(b!.ci![0] <= small.overall.value && small.overall.value <= b!.ci![1]);
  close(small.bootstrap!.difference[0], 0.006), close(small.bootstrap!.difference[1], 0.349);
});

Deno.test("notebook 08: proxies in Arrests and the per-group threshold trade-off", async () => {
  const ns = await notebook();
  const proxies = Object.fromEntries((ns.proxyRows as Row[]).map((r) => [r.feature, r]));
  close(proxies.citizen!["mean, Black"], 0.715), close(proxies.citizen!["mean, White"], 0.897);
  close(proxies.employed!["mean, Black"], 0.707), close(proxies.employed!["mean, White"], 0.813);
  close(proxies.checks!["mean, Black"], 2.10, 0.005),
    close(proxies.checks!["mean, White"], 1.49, 0.005);
  close(ns.thresholdB, 0.184);
  const [one, per] = ns.thresholdRows as Row[];
  close(one!["DP difference"], 0.231);
  assert((per!["DP difference"] as number) < 0.001);
  close(one!["EO difference (deserved)"], 0.328), close(per!["EO difference (deserved)"], 0.034);
  close(one!["accuracy (deserved)"], 0.791), close(per!["accuracy (deserved)"], 0.826);
  close(one!["accuracy (recorded)"], 0.809), close(per!["accuracy (recorded)"], 0.762);
  close(per!["EO difference (recorded)"], 0.297);
});
