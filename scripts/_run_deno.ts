/**
 * Running the `deno` that runs this script, for the gate's checking scripts.
 *
 * @module
 */

/** Runs `deno <args>` with inherited output; true when it exits 0. */
export async function runDeno(args: readonly string[]): Promise<boolean> {
  const status = await new Deno.Command(Deno.execPath(), {
    args: [...args],
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  return status.success;
}
