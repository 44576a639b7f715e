/**
 * `deno task notebooks [--check] [--verify] [--timeout S] [--output-dir DIR] [NOTEBOOK...]`
 *
 * Executes notebooks (default: every `notebooks/*.ipynb`) in the real Deno kernel through Debian's
 * Jupyter (`/usr/bin/python3` with jupyter_client and nbformat; override with `VIGIL_PYTHON`),
 * using `scripts/run_notebook.py`. The kernelspec is project-local: `kernel.json` is written at
 * run time into `<tmp>/kernels/vigil-deno/` with this Deno executable, and `JUPYTER_PATH` points at
 * `<tmp>` (`deno jupyter --install` is not needed). `NO_COLOR=1` is set for the kernel so that
 * recorded `text/plain` values carry no ANSI escapes.
 *
 * By default outputs are written back to the notebooks; `--check` (the CI gate) executes into temp
 * copies and only reports. Cells tagged `chart`, or calling `showChart(`, must display a bundle
 * with both `application/vnd.vegalite.v5+json` and `image/png`. See run_notebook.py for the
 * late-output guard.
 *
 * @module
 */
import { listNotebooks } from "../lib/notebook_source/source.ts";
import { writeTempKernelspec } from "./_kernelspec.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNNER = `${ROOT}scripts/run_notebook.py`;
const KERNEL_NAME = "vigil-deno";
const VALUE_FLAGS = new Set(["--timeout", "--output-dir"]);
const BOOLEAN_FLAGS = new Set(["--check", "--verify"]);

/** Splits the command line into runner flags and notebook paths; throws on unknown flags. */
function parseArgs(args: readonly string[]): { flags: string[]; notebooks: string[] } {
  const flags: string[] = [];
  const notebooks: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const name = arg.split("=")[0] as string;
    if (BOOLEAN_FLAGS.has(arg)) flags.push(arg);
    else if (VALUE_FLAGS.has(name) && arg.includes("=")) flags.push(arg);
    else if (VALUE_FLAGS.has(arg) && i + 1 < args.length) flags.push(arg, args[++i] as string);
    else if (arg.startsWith("-")) throw new RangeError(`Unknown or incomplete option "${arg}"`);
    else notebooks.push(arg);
  }
  return { flags, notebooks };
}

/** True when `python` can import jupyter_client and nbformat. */
async function hasJupyter(python: string): Promise<boolean> {
  try {
    const probe = await new Deno.Command(python, {
      args: ["-c", "import jupyter_client, nbformat"],
      stdout: "null",
      stderr: "null",
    }).output();
    return probe.success;
  } catch {
    return false;
  }
}

async function main(args: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    console.error(`notebooks: ${(e as Error).message}`);
    return 2;
  }
  const notebooks = parsed.notebooks.length > 0
    ? parsed.notebooks
    : await listNotebooks(`${ROOT}notebooks`);
  if (notebooks.length === 0) {
    console.error("notebooks: no notebooks to run (notebooks/*.ipynb is empty)");
    return 0;
  }
  const python = Deno.env.get("VIGIL_PYTHON") ?? "/usr/bin/python3";
  if (!(await hasJupyter(python))) {
    console.error(
      `notebooks: ${python} with jupyter_client and nbformat is required to run notebooks in the ` +
        "real Deno kernel: run `deno task setup`",
    );
    return 1;
  }
  const kernelspec = await writeTempKernelspec(KERNEL_NAME, "Deno (Vigil)");
  try {
    const run = await new Deno.Command(python, {
      args: [RUNNER, "--kernel", KERNEL_NAME, ...parsed.flags, ...notebooks],
      env: { JUPYTER_PATH: kernelspec.jupyterPath },
      stdin: "null",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn().status;
    return run.code;
  } finally {
    await Deno.remove(kernelspec.dir, { recursive: true });
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
