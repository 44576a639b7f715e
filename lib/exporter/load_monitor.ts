/**
 * Loads the monitor a notebook binds, inside the exporter's worker: imports the notebook's
 * generated module (written and type-checked by the launcher, see `notebook_module.ts`) and checks
 * that it exports `monitor`. Run errors are described with the notebook cell they come from, or
 * with the cell that defines `monitor` when no stack frame lies in the notebook.
 *
 * @module
 */
import type { Monitor } from "../monitor/mod.ts";
import {
  formatLocation,
  type LineMap,
  mapLocation,
  type NotebookLocation,
  notebookToModule,
  readNotebook,
  rewriteLocations,
} from "../notebook_source/source.ts";

/** The notebook cannot serve as an exporter: the caller prints the message and exits with 2. */
export class NotebookLoadError extends Error {
  override name = "NotebookLoadError";
}

/** What the main thread needs of a monitor to create its metrics (structured-clone safe). */
export interface MonitorInfo {
  name: string;
  model: { name: string; version: string; classNames: string[] };
  checks: string[];
  features?: string[];
  /** The concept-drift detectors' names (the bounded `detector` label set). */
  detectors?: string[];
}

/** A loaded monitor and a describer for its run errors. */
export interface LoadedMonitor {
  monitor: Monitor;
  info: MonitorInfo;
  /** One line: the error's name and message, plus the notebook location it comes from. */
  describeError(error: unknown): string;
}

function isMonitor(value: unknown): value is Monitor {
  const m = value as Partial<Monitor> | null;
  return typeof m === "object" && m !== null && typeof m.run === "function" &&
    typeof m.name === "string" && typeof m.model?.name === "string" &&
    Array.isArray(m.model.classNames) && Array.isArray(m.checks);
}

const MONITOR_DECLARATION = /^(?:export\s+)?(?:const|let|var)\s+monitor\b/;

/**
 * Where the generated module declares `monitor` at top level, as a notebook location.
 *
 * @example
 * ```ts
 * import { monitorDeclaration } from "./load_monitor.ts";
 * const code = "// header\n// %% cell 2\nconst a = 1;\nexport const monitor = m(a);\n;\n";
 * const map = { notebook: "n.ipynb", spans: [{ cell: 2, start: 3, lines: 2 }] };
 * const at = monitorDeclaration(code, map);
 * if (at?.cell !== 2 || at.line !== 2) throw new Error();
 * ```
 */
export function monitorDeclaration(code: string, lineMap: LineMap): NotebookLocation | undefined {
  const index = code.split("\n").findIndex((line) => MONITOR_DECLARATION.test(line));
  return index < 0 ? undefined : mapLocation(lineMap, index + 1);
}

/**
 * Describes run errors in one line, located by the first stack frame in the generated module
 * `file` (searching causes too), else by the cell that defines `monitor`.
 */
export function errorDescriber(
  file: string,
  lineMap: LineMap,
  declaration: NotebookLocation | undefined,
): (error: unknown) => string {
  function locate(error: unknown): NotebookLocation | undefined {
    for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
      const first = rewriteLocations(e.stack ?? "", file, lineMap).first;
      if (first) return first;
    }
    return undefined;
  }
  return (error) => {
    const base = error instanceof Error
      ? `${error.name}: ${error.message.split("\n")[0]}`
      : String(error);
    const where = locate(error);
    if (where) return `${base} (${formatLocation(where)})`;
    if (declaration) {
      const { notebook, cell, line } = declaration;
      return `${base} (monitor defined at notebook ${notebook}, cell ${cell}, line ${line})`;
    }
    return base;
  };
}

/**
 * Imports the generated module `file` of `notebook` and returns its `monitor`. Cost: the
 * notebook's top-level code.
 *
 * @param file The `.gen.ts` module written by the launcher.
 * @param notebook The `.ipynb` file it was generated from (for the line map).
 * @param parameters The parameter overrides it was generated with.
 * @throws {NotebookLoadError} When the module throws while loading or does not export a monitor;
 *   the message is one line and names the notebook cell when known.
 */
export async function loadMonitor(
  file: string,
  notebook: string,
  parameters: Readonly<Record<string, string>>,
): Promise<LoadedMonitor> {
  let code: string;
  let lineMap: LineMap;
  try {
    ({ code, lineMap } = notebookToModule(await readNotebook(notebook), {
      path: notebook,
      parameters,
      exclude: ["notebook-only"],
    }));
  } catch (e) {
    throw new NotebookLoadError(`Cannot load notebook "${notebook}": ${String(e)}`);
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = await import(new URL(`file://${file}`).href);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    const { first } = rewriteLocations(error.stack ?? String(error), file, lineMap);
    const where = first
      ? `notebook ${notebook}, cell ${first.cell}, line ${first.line}`
      : `notebook ${notebook}`;
    throw new NotebookLoadError(
      `Failed at ${where}: ${error.name}: ${error.message.split("\n")[0]}`,
    );
  }
  const monitor = namespace.monitor;
  if (!isMonitor(monitor)) {
    throw new NotebookLoadError(
      `Notebook "${notebook}" does not export a monitor: bind \`export const monitor = defineMonitor(...)\``,
    );
  }
  const info: MonitorInfo = {
    name: monitor.name,
    model: {
      name: monitor.model.name,
      version: String(monitor.model.version),
      classNames: [...monitor.model.classNames],
    },
    checks: [...monitor.checks],
    ...(monitor.features === undefined ? {} : { features: [...monitor.features] }),
    ...(monitor.detectors === undefined ? {} : { detectors: [...monitor.detectors] }),
  };
  return {
    monitor,
    info,
    describeError: errorDescriber(file, lineMap, monitorDeclaration(code, lineMap)),
  };
}
