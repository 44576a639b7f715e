/**
 * `deno task jupyter [JUPYTER NOTEBOOK OPTIONS…]`
 *
 * Starts Debian's classic Jupyter Notebook (`apt-get install jupyter-notebook`; JupyterLab is not
 * packaged in Debian) on the notebooks folder with the Deno kernel, listening on 127.0.0.1 only
 * and opening no browser: open the `http://127.0.0.1:8888/?token=…` URL it prints. The kernelspec
 * is project-local: `kernels/deno/kernel.json` (the name the notebooks' metadata asks for) runs this
 * Deno executable, in a temp folder put first on `JUPYTER_PATH` and removed when Jupyter exits;
 * nothing is installed in your home folder. Further options go to `jupyter notebook` (for example
 * `--port 9999`; `--help-all` lists them).
 *
 * Stop it with Ctrl-C (Jupyter asks to confirm; Ctrl-C twice quits) or SIGTERM.
 *
 * @module
 */
import { writeTempKernelspec } from "./_kernelspec.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const JUPYTER = "/usr/bin/jupyter-notebook";

async function main(args: readonly string[]): Promise<number> {
  try {
    await Deno.stat(JUPYTER);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    console.error(
      `jupyter: ${JUPYTER} not found: install Debian's classic notebook ` +
        "(sudo apt-get install jupyter-notebook)",
    );
    return 1;
  }
  const kernelspec = await writeTempKernelspec("deno", "Deno");
  try {
    const child = new Deno.Command(JUPYTER, {
      args: ["--no-browser", "--ip=127.0.0.1", `--notebook-dir=${ROOT}notebooks`, ...args],
      env: { JUPYTER_PATH: kernelspec.jupyterPath },
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn();
    // Ctrl-C reaches Jupyter through the terminal's process group; stay alive to clean up after it.
    const onInt = () => {};
    const onTerm = () => child.kill("SIGTERM");
    Deno.addSignalListener("SIGINT", onInt);
    Deno.addSignalListener("SIGTERM", onTerm);
    try {
      return (await child.status).code;
    } finally {
      Deno.removeSignalListener("SIGINT", onInt);
      Deno.removeSignalListener("SIGTERM", onTerm);
    }
  } finally {
    await Deno.remove(kernelspec.dir, { recursive: true });
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
