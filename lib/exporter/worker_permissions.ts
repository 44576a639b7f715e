/**
 * The permissions of the worker that runs the notebook's code: the server's own, minus running
 * programs. The server needs `--allow-run=ls` to count its open descriptors (Deno refuses any read
 * of `/proc/self/fd` without `--allow-all`, so `ls` is the only way under narrow permissions), but
 * notebook code must not be able to list any folder with it. Needs `--unstable-worker-options`
 * on the server's command line (the launcher passes it).
 *
 * @module
 */

/** `Worker` `deno.permissions` for the notebook's worker: everything inherited except `run`. */
export const WORKER_PERMISSIONS: Deno.PermissionOptionsObject = {
  run: false,
  ffi: false,
  env: "inherit",
  import: "inherit",
  net: "inherit",
  read: "inherit",
  sys: "inherit",
  write: "inherit",
};

/**
 * Options for `new Worker` that confine it to {@linkcode WORKER_PERMISSIONS}.
 *
 * @example
 * ```ts
 * import { confinedWorkerOptions } from "./worker_permissions.ts";
 * const options = confinedWorkerOptions();
 * if (options.type !== "module" || options.deno?.permissions === "inherit") throw new Error();
 * ```
 */
export function confinedWorkerOptions(): WorkerOptions {
  return { type: "module", deno: { permissions: WORKER_PERMISSIONS } } as WorkerOptions;
}
