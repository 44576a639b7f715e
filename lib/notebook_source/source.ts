/**
 * Notebooks as modules: reads `.ipynb` files, turns their code cells into one TypeScript module
 * (with `// %% cell N` markers and a line map), overrides the papermill-style `parameters` cell,
 * type-checks and runs the module, and maps every error back to "notebook X, cell N, line M".
 *
 * Cell numbers are 1-based positions among ALL cells of the notebook, markdown included (cell N
 * is `nb.cells[N - 1]`, the N-th cell you see in Jupyter), both in the markers and in messages.
 *
 * Cell tags: `parameters` (defaults, one `const|let name = literal;` per line), `notebook-only`
 * (left out of the module, e.g. cells that only make sense in the kernel), `chart` (the kernel
 * runner checks it displayed a chart).
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { findConfig, runDeno } from "./_deno.ts";
import {
  type LineMap,
  NotebookError,
  type NotebookLocation,
  rewriteLocations,
} from "./_locations.ts";
import { cellSource, type Notebook, readNotebook } from "./_notebook_json.ts";
import { applyParameters, type ParameterValue } from "./_parameters.ts";

export * from "./_locations.ts";
export * from "./_notebook_json.ts";
export type { ParameterValue } from "./_parameters.ts";

/** Options of {@linkcode notebookToModule}. */
export interface NotebookToModuleOptions {
  /** Notebook path, used in the header and in error locations. @default "notebook" */
  readonly path?: string;
  /** Cells carrying any of these tags are left out. @default ["notebook-only"] */
  readonly exclude?: readonly string[];
  /** Overrides for the `parameters` cell's defaults. @default {} */
  readonly parameters?: Readonly<Record<string, ParameterValue>>;
  /**
   * Append `export { … }` for the names declared at column 0 by `const`, `let`, `var`, `function`
   * or `class` (so that `importNotebook` can return `monitor`). Declarations inside blocks must be
   * indented for this to see them as local. @default true
   */
  readonly exportTopLevel?: boolean;
}

/** A generated module and its line map. */
export interface NotebookModule {
  /** TypeScript source of the module. */
  readonly code: string;
  /** Which module lines came from which cell. */
  readonly lineMap: LineMap;
}

const TOP_LEVEL =
  /^(?:(?:const|let|var)\s+|(?:async\s+)?function\s*\*?\s*|(?:abstract\s+)?class\s+)([A-Za-z_$][\w$]*)/;

/**
 * Concatenates the code cells of a notebook into one module: `// %% cell N` before each cell, `;`
 * after it (so that a cell ending in an expression cannot run into the next one), the
 * `parameters` cell rewritten with the overrides (line for line), excluded cells left out.
 * Top-level await and `import` statements work as in the kernel; a final expression whose value
 * the kernel would display is a harmless expression statement.
 *
 * Cost: O(size of the sources).
 *
 * @example
 * ```ts
 * import { notebookToModule } from "./source.ts";
 * const nb = {
 *   nbformat: 4, nbformat_minor: 5, metadata: {},
 *   cells: [
 *     { cell_type: "markdown", source: "# Title" },
 *     { cell_type: "code", source: "const n = 2;", metadata: { tags: ["parameters"] } },
 *     { cell_type: "code", source: "show(n)", metadata: { tags: ["notebook-only"] } },
 *     { cell_type: "code", source: ["const twice = n * 2;\n", "twice"] },
 *   ],
 * };
 * const { code, lineMap } = notebookToModule(nb, { path: "a.ipynb", parameters: { n: "5" } });
 * if (!code.includes("// %% cell 4\nconst twice = n * 2;\ntwice\n;")) throw new Error(code);
 * if (!code.includes("const n = 5;") || code.includes("show(")) throw new Error(code);
 * if (!code.endsWith("export { n, twice };\n")) throw new Error(code);
 * if (lineMap.spans[1]?.cell !== 4 || lineMap.spans[1].lines !== 2) throw new Error();
 * ```
 *
 * @param nb The notebook.
 * @param options Path, excluded tags, parameter overrides, exports.
 * @returns The module's code and line map.
 * @throws {RangeError} When an override names no parameter (or there is no `parameters` cell).
 * @throws {TypeError} When an override does not fit its default's type.
 */
export function notebookToModule(
  nb: Notebook,
  options: NotebookToModuleOptions = {},
): NotebookModule {
  const path = options.path ?? "notebook";
  const exclude = options.exclude ?? ["notebook-only"];
  const overrides = options.parameters ?? {};
  const out = [`// Generated from ${path} by lib/notebook_source/source.ts: do not edit.`];
  const spans: { cell: number; start: number; lines: number }[] = [];
  const names = new Set<string>();
  let sawParameters = false;
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    const tags = cell.metadata?.tags ?? [];
    let source = cellSource(cell).replace(/\r\n?/g, "\n").replace(/\n$/, "");
    if (tags.includes("parameters") && !sawParameters) {
      sawParameters = true;
      source = applyParameters(source, overrides, path);
    }
    if (tags.some((t) => exclude.includes(t)) || source.trim() === "") return;
    const lines = source.split("\n");
    out.push(`// %% cell ${i + 1}`);
    spans.push({ cell: i + 1, start: out.length + 1, lines: lines.length });
    out.push(...lines, ";");
    for (const line of lines) {
      const name = TOP_LEVEL.exec(line)?.[1];
      if (name !== undefined) names.add(name);
    }
  });
  const first = Object.keys(overrides)[0];
  if (!sawParameters && first !== undefined) {
    throw new RangeError(
      `Unknown parameter "${first}" for notebook "${path}": it has no cell tagged "parameters"`,
    );
  }
  if ((options.exportTopLevel ?? true) && names.size > 0) {
    out.push(`export { ${[...names].join(", ")} };`);
  }
  return { code: out.join("\n") + "\n", lineMap: { notebook: path, spans } };
}

/** Options of {@linkcode importNotebook} and {@linkcode runNotebookModule}. */
export interface RunNotebookOptions extends Omit<NotebookToModuleOptions, "path"> {
  /** Type-check the module before running it (`deno check`). @default true */
  readonly check?: boolean;
  /** Deno config used to check and run. @default the nearest deno.json above the notebook */
  readonly config?: string;
}

/** Writes the module next to the notebook so that `../lib/…` imports resolve as in the kernel. */
async function writeModule(path: string, options: RunNotebookOptions) {
  const absolute = resolve(path);
  const dir = dirname(absolute);
  const { code, lineMap } = notebookToModule(await readNotebook(path), { ...options, path });
  const stem = absolute.slice(dir.length + 1).replace(/\.ipynb$/, "");
  const file = `${dir}/.${stem}.${crypto.randomUUID().slice(0, 8)}.gen.ts`;
  const config = options.config ?? await findConfig(dir);
  await Deno.writeTextFile(file, code);
  return { file, dir, lineMap, configArgs: config === undefined ? [] : ["--config", config] };
}

/** The compiler's diagnostics without the tool's chatter, located in the notebook. */
function diagnostics(stderr: string, file: string, lineMap: LineMap) {
  const kept = stderr.split("\n").filter((l) =>
    !/^(Check |Download |error: Type checking failed)/.test(l)
  );
  return rewriteLocations(kept.join("\n").trim(), file, lineMap);
}

/**
 * Imports a notebook as a module and returns its namespace (top-level names are exported, see
 * {@linkcode NotebookToModuleOptions.exportTopLevel}). The module is written next to the notebook
 * as `.<name>.<random>.gen.ts` (git-ignored), type-checked with `deno check` and the project's
 * config, imported, and deleted. Relative file paths in the notebook resolve against the current
 * working directory, not the notebook's folder: prefer `import.meta.url`-relative paths.
 * Needs `--allow-read`, `--allow-write` (notebook folder), `--allow-run` (deno check) and whatever
 * the notebook itself needs.
 *
 * Cost: one `deno check` subprocess (about a second) plus the notebook's own run time.
 *
 * @example
 * ```ts
 * import { importNotebook } from "./source.ts";
 * const dir = await Deno.makeTempDir();
 * const cells = [{ cell_type: "code", source: "const answer: number = 6 * 7;" }];
 * await Deno.writeTextFile(`${dir}/a.ipynb`, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
 * const ns = await importNotebook(`${dir}/a.ipynb`, { check: false });
 * await Deno.remove(dir, { recursive: true });
 * if (ns.answer !== 42) throw new Error();
 * ```
 *
 * @param path Path of the `.ipynb` file.
 * @param options Excluded tags, parameters, type-checking, config.
 * @returns The module namespace.
 * @throws {NotebookError} When the module does not type-check or throws; the message and
 *   `location` name the notebook, cell and line.
 * @throws {RangeError | TypeError} For bad parameter overrides; {SyntaxError} for a bad notebook.
 */
export async function importNotebook(
  path: string,
  options: RunNotebookOptions = {},
): Promise<Record<string, unknown>> {
  const { file, dir, lineMap, configArgs } = await writeModule(path, options);
  try {
    if (options.check ?? true) {
      const out = await runDeno(["check", ...configArgs, file], { cwd: dir });
      if (out.code !== 0) {
        const { text, first } = diagnostics(out.stderr, file, lineMap);
        throw new NotebookError(`Notebook "${path}" does not type-check:\n${text}`, {
          location: first,
        });
      }
    }
    try {
      return await import(new URL(`file://${file}`).href);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const { text, first } = rewriteLocations(error.stack ?? String(error), file, lineMap);
      const where = first ? `notebook ${path}, cell ${first.cell}, line ${first.line}` : path;
      const failure = new NotebookError(`Failed at ${where}: ${error.name}: ${error.message}`, {
        location: first,
        cause: e,
      });
      failure.stack = `${failure.message}\n${text}`;
      throw failure;
    }
  } finally {
    await Deno.remove(file).catch(() => {});
  }
}

/** Outcome of {@linkcode runNotebookModule}. */
export interface NotebookModuleRun {
  /** True when the module type-checked and ran to completion. */
  readonly success: boolean;
  /** Exit code of `deno run`. */
  readonly code: number;
  /** Standard output (what display helpers print outside the kernel). */
  readonly stdout: string;
  /** Standard error with module locations rewritten to notebook locations. */
  readonly stderr: string;
  /** First notebook location in the error output, if any. */
  readonly location: NotebookLocation | undefined;
}

/** Permissions {@linkcode runNotebookModule} grants by default. */
export const NOTEBOOK_PERMISSIONS: readonly string[] = [
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-net",
  "--allow-sys",
];

/**
 * Runs a notebook as a module in a `deno run --check` subprocess whose working directory is the
 * notebook's folder (as in the kernel), so that a crashing notebook cannot take the caller down.
 * Needs `--allow-read`, `--allow-write` and `--allow-run`.
 *
 * Cost: one subprocess (type-check plus the notebook's run time).
 *
 * @example
 * ```ts
 * import { runNotebookModule } from "./source.ts";
 * const dir = await Deno.makeTempDir();
 * const cells = [{ cell_type: "code", source: "console.log(1 + 1);\nthrow new Error('stop');" }];
 * await Deno.writeTextFile(`${dir}/a.ipynb`, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
 * const run = await runNotebookModule(`${dir}/a.ipynb`, { check: false });
 * await Deno.remove(dir, { recursive: true });
 * if (run.success || run.stdout !== "2\n" || run.location?.line !== 2) throw new Error(run.stderr);
 * ```
 *
 * @param path Path of the `.ipynb` file.
 * @param options As {@linkcode importNotebook}, plus `permissions`
 *   (@default {@linkcode NOTEBOOK_PERMISSIONS}) and `timeout` in ms (@default 300000).
 * @returns Success, output and the first failing location.
 * @throws {RangeError | TypeError} For bad parameter overrides; {SyntaxError} for a bad notebook.
 */
export async function runNotebookModule(
  path: string,
  options: RunNotebookOptions & { permissions?: readonly string[]; timeout?: number } = {},
): Promise<NotebookModuleRun> {
  const { file, dir, lineMap, configArgs } = await writeModule(path, options);
  try {
    const check = options.check ?? true ? ["--check"] : [];
    const permissions = options.permissions ?? NOTEBOOK_PERMISSIONS;
    const out = await runDeno(
      ["run", ...check, "--no-prompt", ...configArgs, ...permissions, file],
      {
        cwd: dir,
        timeout: options.timeout ?? 300_000,
      },
    );
    const stderr = diagnostics(out.stderr, file, lineMap);
    const stdout = rewriteLocations(out.stdout, file, lineMap).text;
    return {
      success: out.code === 0,
      code: out.code,
      stdout,
      stderr: stderr.text,
      location: stderr.first,
    };
  } finally {
    await Deno.remove(file).catch(() => {});
  }
}
