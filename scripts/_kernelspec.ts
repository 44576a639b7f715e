/**
 * A project-local Jupyter kernelspec for the Deno kernel, used by `deno task notebooks` and
 * `deno task jupyter` instead of a user-wide `deno jupyter --install`.
 *
 * @module
 */

/** A temp folder holding `kernels/<name>/kernel.json`, and the `JUPYTER_PATH` that finds it. */
export interface TempKernelspec {
  /** The temp folder; remove it (recursively) when Jupyter has exited. */
  dir: string;
  /** `dir` prepended to any inherited `JUPYTER_PATH`, so this kernelspec wins over same-named ones. */
  jupyterPath: string;
}

/**
 * Writes a kernelspec named `name` that starts this Deno executable as a Jupyter kernel
 * (`deno jupyter --kernel --conn {connection_file}`, the command `deno jupyter --install` writes),
 * with `NO_COLOR=1` so that `text/plain` outputs carry no ANSI escapes.
 *
 * @param name Kernelspec name; the notebooks' metadata names `deno`.
 * @param displayName Name shown in Jupyter's kernel menu.
 * @returns The temp folder and the `JUPYTER_PATH` to give Jupyter.
 */
export async function writeTempKernelspec(
  name: string,
  displayName: string,
): Promise<TempKernelspec> {
  const dir = await Deno.makeTempDir({ prefix: "vigil-jupyter-" });
  const specDir = `${dir}/kernels/${name}`;
  await Deno.mkdir(specDir, { recursive: true });
  const spec = {
    argv: [Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: displayName,
    language: "typescript",
    env: { NO_COLOR: "1" },
  };
  await Deno.writeTextFile(`${specDir}/kernel.json`, JSON.stringify(spec, null, 1) + "\n");
  const inherited = Deno.env.get("JUPYTER_PATH");
  return { dir, jupyterPath: inherited ? `${dir}:${inherited}` : dir };
}
