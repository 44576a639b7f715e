import { Registry } from "prom-client";
import { createSnapshotMetrics } from "../../lib/prometheus/snapshot_metrics.ts";
import { ARTICLE_ALIAS_FAMILIES } from "../../lib/prometheus/article_aliases.ts";
import { validateMetricName } from "../../lib/prometheus/naming.ts";
import { sampleSnapshot } from "../monitor/_fixtures.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { M, MODEL, promtoolCheck } from "./_families_setup.ts";

async function exposition(articleAliases?: boolean): Promise<string> {
  const registry = new Registry();
  const metrics = createSnapshotMetrics(registry, {
    model: MODEL,
    ...(articleAliases === undefined ? {} : { articleAliases }),
  });
  metrics.update(sampleSnapshot());
  return await registry.metrics();
}

/** The value of the sample line `name{model="…"}`, or undefined when absent. */
function valueOf(text: string, name: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${M}} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

Deno.test("articleAliases: true adds model_accuracy with the value of vigil_model_accuracy_ratio", async () => {
  const text = await exposition(true);
  const vigil = valueOf(text, "vigil_model_accuracy_ratio");
  assertEquals(vigil, sampleSnapshot().metrics.find((m) => m.name === "accuracy")!.value);
  assertEquals(valueOf(text, "model_accuracy"), vigil);
  assert(text.includes("# TYPE model_accuracy gauge"), "model_accuracy is a gauge");
  const help = /^# HELP model_accuracy (.+)$/m.exec(text)?.[1] ?? "";
  assert(help.includes("vigil_model_accuracy_ratio"), `HELP must name what it mirrors: ${help}`);
});

Deno.test("model_accuracy is not exported by default", async () => {
  for (const text of [await exposition(), await exposition(false)]) {
    assertEquals(valueOf(text, "model_accuracy"), undefined);
    assert(!text.includes("# HELP model_accuracy "), "no alias family without the option");
  }
});

Deno.test("model_accuracy disappears with the accuracy it mirrors", async () => {
  const registry = new Registry();
  const metrics = createSnapshotMetrics(registry, { model: MODEL, articleAliases: true });
  metrics.update(sampleSnapshot());
  const snapshot = sampleSnapshot();
  metrics.update({ ...snapshot, metrics: snapshot.metrics.filter((m) => m.name !== "accuracy") });
  assertEquals(valueOf(await registry.metrics(), "model_accuracy"), undefined);
});

Deno.test("promtool check metrics accepts the exposition with the article's aliases", async () => {
  const result = await promtoolCheck(await exposition(true));
  assertEquals(result.output.trim(), "", "promtool lint output");
  assertEquals(result.code, 0);
});

Deno.test("only the alias families skip the vigil_ prefix of the naming policy", () => {
  assertEquals(ARTICLE_ALIAS_FAMILIES.map((f) => f.name), ["model_accuracy"]);
  assertThrows(() => validateMetricName("model_accuracy"), RangeError, 'start with "vigil_"');
  assertEquals(validateMetricName("model_accuracy", { requirePrefix: false }), "model_accuracy");
  // A user-supplied family without the prefix is still refused, with or without the aliases.
  const family = { ...ARTICLE_ALIAS_FAMILIES[0]!, name: "my_accuracy" };
  assertThrows(
    () =>
      createSnapshotMetrics(new Registry(), {
        model: MODEL,
        families: [family],
        articleAliases: true,
      }),
    RangeError,
    'start with "vigil_"',
  );
});
