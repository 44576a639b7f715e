/**
 * Starting `deno task serve` as deno.json defines it (its exact permissions), from a test.
 *
 * @module
 */
import { assert } from "../_assert.ts";

/** The repository root. */
export const ROOT = new URL("../..", import.meta.url).pathname;

/**
 * `deno` arguments of the serve task, with its `$(deno info …)` substitutions (the npm cache)
 * filled in the way the task shell would.
 */
export async function serveTaskArgs(): Promise<string[]> {
  return await taskArgs("serve", "scripts/serve.ts");
}

/**
 * `deno` arguments of a `deno run … script` task that uses the npm-cache substitution (serve,
 * demo), filled in the way the task shell would.
 */
export async function taskArgs(task: string, script: string): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
  const command: string = config.tasks[task].command;
  const info = await new Deno.Command(Deno.execPath(), { args: ["info", "--json"] }).output();
  const npmCache: string = JSON.parse(new TextDecoder().decode(info.stdout)).npmCache;
  const filled = command.replace(
    /"\$\(deno info --json \| deno eval \\?".*?\\?"\)([^"]*)"/g,
    `${npmCache}$1`,
  ).replaceAll('"$(realpath $(which deno))"', Deno.realPathSync(Deno.execPath()));
  assert(!filled.includes("$("), `unfilled substitution in ${filled}`);
  const words = filled.split(" ");
  assert(words[0] === "deno" && words[1] === "run" && words.at(-1) === script, filled);
  return words.slice(1);
}

/** A running service. */
export interface ServeProcess {
  /** Base URL. */
  url: string;
  /** The child process. */
  child: Deno.ChildProcess;
  /** Sends a signal, waits for the exit; returns the code and everything printed. */
  stop(signal?: Deno.Signal): Promise<{ code: number; output: string }>;
}

/** Starts the serve task with extra options and waits for its "on http://…" line. */
export async function startServeTask(extra: string[]): Promise<ServeProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [...await serveTaskArgs(), "--port", "0", ...extra],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stderr = new Response(child.stderr).text();
  const decoder = new TextDecoder();
  let output = "";
  const reader = child.stdout.getReader();
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (url === undefined && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    output += decoder.decode(value);
    url = output.match(/on (http:\/\/[\d.]+:\d+)/)?.[1];
  }
  if (url === undefined) {
    try {
      child.kill("SIGKILL");
    } catch {
      // it has exited already
    }
    const { code } = await child.status;
    throw new Error(`serve task did not start (exit ${code}): ${output}${await stderr}`);
  }
  const rest = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      output += decoder.decode(value);
    }
  })();
  return {
    url,
    child,
    async stop(signal: Deno.Signal = "SIGTERM") {
      child.kill(signal);
      const { code } = await child.status;
      await rest;
      return { code, output: output + (await stderr) };
    },
  };
}
