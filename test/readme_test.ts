import { assert } from "./_assert.ts";

const ROOT = new URL("../", import.meta.url);
const readme = await Deno.readTextFile(new URL("README.md", ROOT));
const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT))) as {
  tasks: Record<string, string | { description?: string; command?: string }>;
};
/** Each task's command string, whichever form deno.json gives it in. */
const tasks: Record<string, string> = Object.fromEntries(
  Object.entries(config.tasks).map(([name, task]) => [
    name,
    typeof task === "string" ? task : task.command ?? "",
  ]),
);
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
  for (
    const task of ["export", "test", "notebooks", "bench", "compare", "setup", "jupyter", "doclint"]
  ) {
    assert(tasks[task] !== undefined, `task "${task}" is named in the README but missing`);
    assert(readme.includes(`deno task ${task}`), `README does not mention "deno task ${task}"`);
  }
});

Deno.test("every task says what it does in `deno task`'s list", () => {
  for (const [name, task] of Object.entries(config.tasks)) {
    const description = typeof task === "string" ? "" : task.description ?? "";
    assert(description.trim().length >= 10, `task "${name}" has no description`);
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
  assert(tasks.test === "deno task setup && deno task gate", tasks.test);
  const gate = tasks.gate ?? "";
  const style = tasks.style ?? "";
  assert(style.endsWith(" scripts/style_check.ts"), `style task: ${style}`);
  for (
    const step of [
      "deno task style",
      "deno check",
      "deno task doclint",
      "deno task unit",
      "notebooks --check",
    ]
  ) {
    assert(gate.includes(step), `gate misses "${step}"`);
  }
  assert(gate.indexOf("deno check") < gate.indexOf("deno task doclint"), "doclint before check");
  assert((tasks.unit ?? "").includes("--doc"), "unit tests must run doc examples");
});

/** The body of the first fenced block tagged `lang` after `heading` and before the next heading. */
function fencedBlock(heading: string, lang: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  assert(start >= 0, `README has no "${heading}" section`);
  const rest = readme.slice(start + heading.length + 2);
  const next = rest.search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next);
  const body = new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```$", "m").exec(section)?.[1];
  assert(body !== undefined, `no \`\`\`${lang} block under "${heading}"`);
  return body;
}

Deno.test("README's library example, run as the README writes it, prints the line it shows", async () => {
  const command = fencedBlock("## Use the library", "sh");
  assert(command.startsWith("deno run --allow-read=. - "), `unexpected command: ${command}`);
  const shown = fencedBlock("## Use the library", "text").trim().split(" ");
  const out = await new Deno.Command("bash", {
    args: ["-euo", "pipefail", "-c", command],
    cwd: ROOT,
    env: {
      NO_COLOR: "1",
      PATH: `${Deno.execPath().replace(/\/[^/]*$/, "")}:${Deno.env.get("PATH") ?? ""}`,
    },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert(out.success, new TextDecoder().decode(out.stderr));
  const printed = new TextDecoder().decode(out.stdout).trim().split(" ");
  assert(
    printed.length === shown.length,
    `printed "${printed.join(" ")}", README shows "${shown.join(" ")}"`,
  );
  printed.forEach((word, i) => {
    const expected = shown[i]!;
    const same = Number.isNaN(Number(expected))
      ? word === expected
      : Math.abs(Number(word) - Number(expected)) <= 1e-12 * Math.abs(Number(expected));
    assert(same, `word ${i + 1}: printed "${word}", README shows "${expected}"`);
  });
});
