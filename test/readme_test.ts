import { assert } from "./_assert.ts";

const ROOT = new URL("../", import.meta.url);
const readme = await Deno.readTextFile(new URL("README.md", ROOT));
const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT))) as {
  tasks: Record<string, string>;
};
const ci = await Deno.readTextFile(new URL(".ci/run", ROOT));

Deno.test("README's quick start names the two commands for a machine with only Node.js", () => {
  assert(readme.includes("npx -y deno@2 task export"), "main job command missing");
  assert(readme.includes("npx -y deno@2 task test"), "test command missing");
});

Deno.test("README has no repeated heading", () => {
  const seen = new Set<string>();
  let fenced = false;
  for (const line of readme.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced || !/^#{1,6} /.test(line)) continue;
    const heading = line.trim();
    assert(!seen.has(heading), `README repeats the heading "${heading}"`);
    seen.add(heading);
  }
});

Deno.test("README's commands are tasks in deno.json", () => {
  for (const task of ["export", "test", "notebooks", "bench", "compare", "setup"]) {
    assert(config.tasks[task] !== undefined, `task "${task}" is named in the README but missing`);
    assert(readme.includes(`deno task ${task}`), `README does not mention "deno task ${task}"`);
  }
});

Deno.test("CI runs the README's test command after installing Deno and the Debian packages", () => {
  const lines = ci.split("\n").map((l) => l.trim()).filter((l) => !l.startsWith("#"));
  const install = lines.findIndex((l) => l.includes("npm install -g deno@2"));
  const setup = lines.findIndex((l) => l.includes("scripts/setup.sh"));
  const test = lines.findIndex((l) => /(^|\s)deno task test(\s|$)/.test(l));
  assert(install >= 0 && setup > install && test > setup, "CI steps out of order or missing");
});

Deno.test("the test task runs setup and the full gate", () => {
  assert(config.tasks.test === "deno task setup && deno task gate", config.tasks.test);
  const gate = config.tasks.gate ?? "";
  for (
    const step of [
      "deno fmt --check",
      "deno lint",
      "deno check",
      "deno task unit",
      "notebooks --check",
    ]
  ) {
    assert(gate.includes(step), `gate misses "${step}"`);
  }
  assert((config.tasks.unit ?? "").includes("--doc"), "unit tests must run doc examples");
});

Deno.test("README's library example runs and prints what its comment says", async () => {
  const block = /## Use the library[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  assert(block !== undefined, "no ```ts block under '## Use the library'");
  const file = new URL(".readme_example.gen.ts", ROOT);
  await Deno.writeTextFile(file, block);
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-read", file.pathname],
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout);
    assert(out.success, new TextDecoder().decode(out.stderr));
    assert(/^ks \S+ \S+ true$/.test(text.trim()), `unexpected output: ${text}`);
  } finally {
    await Deno.remove(file);
  }
});
