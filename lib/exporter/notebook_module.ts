/**
 * The launcher's half of loading a notebook (lib/exporter/launcher.ts): writes the notebook's generated
 * module to a folder of its own (relative imports rewritten to absolute file URLs, so they resolve
 * from there) and type-checks it with `deno check`, errors mapped to notebook cells. The server
 * then imports the checked module without checking it again.
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  formatLocation,
  type LineMap,
  NotebookError,
  notebookToModule,
  readNotebook,
  rewriteLocations,
} from "../notebook_source/source.ts";
import { NotebookLoadError } from "./load_monitor.ts";

/** A generated module on disk. */
export interface WrittenModule {
  /** Absolute path of the `.gen.ts` file. */
  file: string;
  lineMap: LineMap;
}

const RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']*)\2/g;

/**
 * Rewrites relative import specifiers (`"./x.ts"`, `"../y.ts"`) to absolute `file://` URLs
 * resolved against `base`, line for line (the line map stays valid).
 *
 * @example
 * ```ts
 * import { absoluteImports } from "./notebook_module.ts";
 * const code = absoluteImports('import { a } from "../lib/a.ts";', "file:///r/notebooks/n.ipynb");
 * if (code !== 'import { a } from "file:///r/lib/a.ts";') throw new Error(code);
 * ```
 */
export function absoluteImports(code: string, base: string): string {
  return code.replace(
    RELATIVE_IMPORT,
    (_, head: string, quote: string, spec: string) =>
      `${head}${quote}${new URL(spec, base).href}${quote}`,
  );
}

/** One line of a multi-line message (type-check diagnostics): its first two meaningful lines. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.split("\n").map((l) => l.trim()).filter((l) => l !== "").slice(0, 2)
    .join(" ");
  const where = error instanceof NotebookError && error.location
    ? formatLocation(error.location)
    : undefined;
  return where === undefined || text.includes(where) ? text : `${text} (${where})`;
}

/**
 * Writes the module of `notebook` (cells tagged `notebook-only` left out, `parameters` applied)
 * into `dir` as `<name>.gen.ts`.
 *
 * @throws {NotebookLoadError} When the notebook is missing or unreadable, is not notebook JSON, or
 *   a parameter is unknown or of the wrong type (one-line message).
 */
export async function writeNotebookModule(
  notebook: string,
  parameters: Readonly<Record<string, string>>,
  dir: string,
): Promise<WrittenModule> {
  try {
    await Deno.stat(notebook);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new NotebookLoadError(`Notebook "${notebook}" not found`);
    }
    throw new NotebookLoadError(`Cannot read notebook "${notebook}": ${oneLine(e)}`);
  }
  let generated: ReturnType<typeof notebookToModule>;
  try {
    generated = notebookToModule(await readNotebook(notebook), {
      path: notebook,
      parameters,
      exclude: ["notebook-only"],
    });
  } catch (e) {
    // A RangeError (unknown parameter) names the notebook already; a TypeError (bad value) not.
    if (e instanceof RangeError) throw new NotebookLoadError(oneLine(e));
    if (e instanceof TypeError) {
      throw new NotebookLoadError(`${oneLine(e)} (notebook "${notebook}")`);
    }
    const text = oneLine(e);
    throw new NotebookLoadError(
      text.includes(notebook) ? text : `Cannot load notebook "${notebook}": ${text}`,
    );
  }
  const absolute = resolve(notebook);
  const stem = absolute.slice(dirname(absolute).length + 1).replace(/\.ipynb$/, "");
  const file = `${dir}/${stem}.gen.ts`;
  await Deno.writeTextFile(file, absoluteImports(generated.code, pathToFileURL(absolute).href));
  return { file, lineMap: generated.lineMap };
}

/**
 * Type-checks a written module with `deno check --config <config>`. Needs `--allow-run` for the
 * deno executable. Cost: one `deno check` (about a second, more on a cold cache).
 *
 * @throws {NotebookLoadError} When it does not type-check; the message names the notebook cell.
 */
export async function checkNotebookModule(
  module: WrittenModule,
  config: string,
): Promise<void> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["check", "--quiet", "--config", config, module.file],
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (out.code === 0) return;
  const stderr = new TextDecoder().decode(out.stderr);
  const kept = stderr.split("\n").filter((l) =>
    !/^(Check |Download |error: Type checking failed)/.test(l)
  ).join("\n").trim();
  const { text, first } = rewriteLocations(kept, module.file, module.lineMap);
  const where = first ? formatLocation(first) : `notebook ${module.lineMap.notebook}`;
  const diagnostic = text.split("\n").map((l) => l.trim()).find((l) => l !== "") ?? "";
  throw new NotebookLoadError(`Type check failed at ${where}: ${diagnostic}`);
}
