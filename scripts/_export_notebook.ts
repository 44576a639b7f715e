/**
 * Loads the monitor a notebook binds, for the exporter: imports the notebook as a module (cells
 * tagged `notebook-only` left out, parameters overridden, type-checked) and checks that it exports
 * `monitor`. Run errors are described with the notebook cell they come from when known.
 *
 * @module
 */
import type { Monitor } from "../lib/monitor/mod.ts";
import {
  formatLocation,
  importNotebook,
  NotebookError,
  type NotebookLocation,
  notebookToModule,
  readNotebook,
  rewriteLocations,
} from "../lib/notebook/source.ts";

/** The notebook cannot serve as an exporter: the caller prints the message and exits with 2. */
export class NotebookLoadError extends Error {
  override name = "NotebookLoadError";
}

/** A loaded monitor and a describer for its run errors. */
export interface LoadedMonitor {
  monitor: Monitor;
  /** One line: the error's name and message, plus the notebook location it comes from. */
  describeError(error: unknown): string;
}

function isMonitor(value: unknown): value is Monitor {
  const m = value as Partial<Monitor> | null;
  return typeof m === "object" && m !== null && typeof m.run === "function" &&
    typeof m.name === "string" && typeof m.model?.name === "string" &&
    Array.isArray(m.model.classNames) && Array.isArray(m.checks);
}

/** Collapses a multi-line message (type-check diagnostics) to its first two meaningful lines. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.split("\n").map((l) => l.trim()).filter((l) => l !== "").slice(0, 2)
    .join(" ");
  const where = error instanceof NotebookError && error.location
    ? formatLocation(error.location)
    : undefined;
  return where === undefined || text.includes(where) ? text : `${text} (${where})`;
}

/**
 * Imports `path` and returns its `monitor`. Cost: one `deno check` (about a second) plus the
 * notebook's top-level code.
 *
 * @param path The `.ipynb` file.
 * @param parameters Overrides of the notebook's `parameters` cell (strings are converted to the
 *   default's type).
 * @returns The monitor and an error describer.
 * @throws {NotebookLoadError} When the notebook is missing, is not valid notebook JSON, does not
 *   type-check, throws while loading, rejects a parameter, or does not export a monitor; the
 *   message is one line.
 */
export async function loadMonitor(
  path: string,
  parameters: Readonly<Record<string, string>>,
): Promise<LoadedMonitor> {
  let namespace: Record<string, unknown>;
  try {
    await Deno.stat(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new NotebookLoadError(`Notebook "${path}" not found`);
    }
    throw new NotebookLoadError(`Cannot read notebook "${path}": ${oneLine(e)}`);
  }
  try {
    namespace = await importNotebook(path, { parameters, exclude: ["notebook-only"] });
  } catch (e) {
    const prefix = e instanceof NotebookError ? "" : `Cannot load notebook "${path}": `;
    throw new NotebookLoadError(prefix + oneLine(e));
  }
  if (!isMonitor(namespace.monitor)) {
    throw new NotebookLoadError(
      `Notebook "${path}" does not export a monitor: bind \`export const monitor = defineMonitor(...)\``,
    );
  }
  const { lineMap } = notebookToModule(await readNotebook(path), { path, parameters });

  function locate(error: unknown): NotebookLocation | undefined {
    for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
      const file = /(\/[^\s:()]*\.gen\.ts)/.exec(e.stack ?? "")?.[1];
      const first = file ? rewriteLocations(e.stack ?? "", file, lineMap).first : undefined;
      if (first) return first;
    }
    return undefined;
  }

  return {
    monitor: namespace.monitor,
    describeError(error) {
      const base = error instanceof Error
        ? `${error.name}: ${error.message.split("\n")[0]}`
        : String(error);
      const where = locate(error);
      return where ? `${base} (${formatLocation(where)})` : base;
    },
  };
}
