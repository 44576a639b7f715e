/**
 * The fleet recording rules (deploy/rules/vigil_fleet.yml) are valid and tested with promtool, and
 * what they sum is mergeable: the exporter's bin counts of two windows add up to those of the two
 * windows together. Needs the Debian package prometheus (`deno task setup`).
 */
import { assert, assertEquals } from "../_assert.ts";
import { runBinary } from "../_binaries.ts";
import { buildProfile, tableFromColumns, windowDrift } from "../../lib/mod.ts";

const DEPLOY = new URL("../../deploy/", import.meta.url).pathname;

Deno.test("promtool accepts the fleet recording rules and their unit tests pass", async () => {
  const check = await runBinary("/usr/bin/promtool", [
    "check",
    "rules",
    `${DEPLOY}rules/vigil_fleet.yml`,
  ]);
  assertEquals(check.code, 0, check.stdout + check.stderr);
  assert(check.stdout.includes("SUCCESS: 4 rules found"), check.stdout);
  const test = await runBinary("/usr/bin/promtool", [
    "test",
    "rules",
    `${DEPLOY}rules/vigil_fleet_test.yml`,
  ]);
  assertEquals(test.code, 0, test.stdout + test.stderr);
});

Deno.test("deploy/prometheus.yml loads the fleet recording rules", async () => {
  const config = await Deno.readTextFile(`${DEPLOY}prometheus.yml`);
  assert(/^\s+- rules\/vigil_fleet\.yml/m.test(config), config);
});

/** feature_bin_rows of `x` against `profile`, by bin. */
function binRows(x: number[], profile: ReturnType<typeof buildProfile>): number[] {
  return windowDrift(tableFromColumns({ x }), profile).metrics
    .filter((m) => m.name === "feature_bin_rows")
    .map((m) => m.value);
}

Deno.test("feature_bin_rows of two replicas' windows sum to those of the windows together", () => {
  const reference = Array.from({ length: 500 }, (_, i) => Math.sin(i) * 10 + i / 50);
  const profile = buildProfile(tableFromColumns({ x: reference }));
  const a = Array.from({ length: 300 }, (_, i) => Math.cos(i) * 12 + 3);
  const b = Array.from({ length: 170 }, (_, i) => (i % 17) - 4.5);
  const [rowsA, rowsB, both] = [
    binRows(a, profile),
    binRows(b, profile),
    binRows([...a, ...b], profile),
  ];
  assertEquals(both.length, 10);
  assertEquals(rowsA.map((n, bin) => n + rowsB[bin]!), both);
  assertEquals(both.reduce((s, n) => s + n, 0), a.length + b.length);
});
