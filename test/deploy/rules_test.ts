/**
 * The deploy/ files are valid for the real tools: promtool (config, rules, rule unit tests) and
 * amtool. Needs the Debian packages prometheus and prometheus-alertmanager (`deno task setup`).
 */
import { assert, assertEquals } from "../_assert.ts";
import { runBinary } from "../_binaries.ts";

const DEPLOY = new URL("../../deploy/", import.meta.url).pathname;

async function expectSuccess(path: string, args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runBinary(path, args);
  assertEquals(code, 0, `${path} ${args.join(" ")}:\n${stdout}${stderr}`);
  return stdout + stderr;
}

Deno.test("promtool check rules accepts the Vigil alert rules", async () => {
  const out = await expectSuccess("/usr/bin/promtool", [
    "check",
    "rules",
    `${DEPLOY}rules/vigil_alerts.yml`,
  ]);
  assert(out.includes("SUCCESS: 18 rules found"), out);
});

Deno.test("promtool test rules passes: every alert shown firing and not firing", async () => {
  const out = await expectSuccess("/usr/bin/promtool", [
    "test",
    "rules",
    `${DEPLOY}rules/vigil_alerts_test.yml`,
  ]);
  assert(out.includes("SUCCESS"), out);
  const tests = await Deno.readTextFile(`${DEPLOY}rules/vigil_alerts_test.yml`);
  const rules = await Deno.readTextFile(`${DEPLOY}rules/vigil_alerts.yml`);
  for (const [, name] of rules.matchAll(/- alert: (\w+)/g)) {
    const blocks = tests.split("- eval_time:").filter((b) => b.includes(`alertname: ${name}\n`));
    assert(blocks.some((b) => b.includes("exp_alerts: []")), `${name} never tested quiet`);
    assert(blocks.some((b) => b.includes("exp_labels:")), `${name} never tested firing`);
  }
});

Deno.test("promtool check config accepts deploy/prometheus.yml and its rule files", async () => {
  const out = await expectSuccess("/usr/bin/promtool", [
    "check",
    "config",
    `${DEPLOY}prometheus.yml`,
  ]);
  assert(out.includes("SUCCESS"), out);
});

Deno.test("amtool check-config accepts deploy/alertmanager.yml with Slack and e-mail receivers", async () => {
  const out = await expectSuccess("/usr/bin/amtool", ["check-config", `${DEPLOY}alertmanager.yml`]);
  assert(out.includes("SUCCESS") && out.includes("3 receivers"), out);
  const text = await Deno.readTextFile(`${DEPLOY}alertmanager.yml`);
  assert(text.includes("slack_configs:") && text.includes("email_configs:"));
});
