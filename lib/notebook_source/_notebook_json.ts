/**
 * Private helper of `source.ts`: the nbformat 4 JSON shape, its validation and file discovery.
 * Public names are re-exported by `source.ts`.
 *
 * @module
 */

/** A cell of an nbformat 4 notebook (only the fields Vigil reads are typed). */
export interface NotebookCell {
  /** `"code"`, `"markdown"` or `"raw"`. */
  readonly cell_type: string;
  /** Source text, as one string or as lines (each keeping its `\n`). */
  readonly source: string | readonly string[];
  /** Cell metadata; `tags` holds the cell tags (`parameters`, `notebook-only`, `chart`). */
  readonly metadata?: { readonly tags?: readonly string[]; readonly [key: string]: unknown };
  /** Other nbformat fields (outputs, execution_count, id…). */
  readonly [key: string]: unknown;
}

/** An nbformat 4 notebook. */
export interface Notebook {
  /** Major format version, always 4. */
  readonly nbformat: number;
  /** Minor format version. */
  readonly nbformat_minor: number;
  /** Notebook metadata (kernelspec, language_info…). */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The cells in order. */
  readonly cells: readonly NotebookCell[];
}

/**
 * Parses the JSON text of an nbformat 4 notebook and checks its shape.
 *
 * Cost: O(size of the text).
 *
 * @example
 * ```ts
 * import { parseNotebook } from "./source.ts";
 * const nb = parseNotebook(
 *   '{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[{"cell_type":"code","source":["1"]}]}',
 *   "a.ipynb",
 * );
 * if (nb.cells.length !== 1) throw new Error();
 * ```
 *
 * @param text The `.ipynb` file's content.
 * @param path Name used in error messages. @default "notebook"
 * @returns The notebook.
 * @throws {SyntaxError} When the text is not JSON or not an nbformat 4 notebook (names the file).
 */
export function parseNotebook(text: string, path = "notebook"): Notebook {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SyntaxError(`Cannot parse notebook "${path}": not JSON (${(e as Error).message})`);
  }
  const fail = (why: string) => new SyntaxError(`Cannot parse notebook "${path}": ${why}`);
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw fail("not a JSON object");
  }
  const nb = data as Record<string, unknown>;
  if (nb.nbformat !== 4) throw fail(`nbformat is ${JSON.stringify(nb.nbformat)}, expected 4`);
  if (!Array.isArray(nb.cells)) throw fail(`"cells" is not an array`);
  nb.cells.forEach((cell: unknown, i) => {
    const c = cell as Record<string, unknown> | null;
    const source = c?.source;
    const okSource = typeof source === "string" ||
      (Array.isArray(source) && source.every((s) => typeof s === "string"));
    if (typeof c?.cell_type !== "string" || !okSource) {
      throw fail(`cell ${i + 1} has no string "cell_type" or no string "source"`);
    }
    const tags = (c.metadata as Record<string, unknown> | undefined)?.tags;
    if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === "string"))) {
      throw fail(`cell ${i + 1} has "metadata.tags" that is not an array of strings`);
    }
  });
  return {
    nbformat: 4,
    nbformat_minor: typeof nb.nbformat_minor === "number" ? nb.nbformat_minor : 0,
    metadata: typeof nb.metadata === "object" && nb.metadata !== null
      ? nb.metadata as Record<string, unknown>
      : {},
    cells: nb.cells as NotebookCell[],
  };
}

/**
 * Reads and parses an `.ipynb` file. Needs `--allow-read`.
 *
 * @example
 * ```ts
 * import { readNotebook } from "./source.ts";
 * const path = await Deno.makeTempFile({ suffix: ".ipynb" });
 * await Deno.writeTextFile(path, '{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[]}');
 * const nb = await readNotebook(path);
 * await Deno.remove(path);
 * if (nb.cells.length !== 0) throw new Error();
 * ```
 *
 * @param path Path of the notebook.
 * @returns The notebook.
 * @throws {SyntaxError} When the file is not an nbformat 4 notebook.
 */
export async function readNotebook(path: string): Promise<Notebook> {
  return parseNotebook(await Deno.readTextFile(path), path);
}

/**
 * The source text of a cell as one string.
 *
 * @example
 * ```ts
 * import { cellSource } from "./source.ts";
 * if (cellSource({ cell_type: "code", source: ["a\n", "b"] }) !== "a\nb") throw new Error();
 * ```
 *
 * @param cell A notebook cell.
 * @returns Its source, lines joined.
 */
export function cellSource(cell: NotebookCell): string {
  return typeof cell.source === "string" ? cell.source : cell.source.join("");
}

/**
 * Lists the `.ipynb` files of a folder (not recursive; hidden files and checkpoints skipped),
 * sorted by name, as `folder/name.ipynb`. A missing folder lists nothing. Needs `--allow-read`.
 *
 * @example
 * ```ts
 * import { listNotebooks } from "./source.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/02_b.ipynb`, "{}");
 * await Deno.writeTextFile(`${dir}/01_a.ipynb`, "{}");
 * await Deno.writeTextFile(`${dir}/notes.md`, "");
 * const found = await listNotebooks(dir);
 * await Deno.remove(dir, { recursive: true });
 * if (found.join() !== `${dir}/01_a.ipynb,${dir}/02_b.ipynb`) throw new Error(found.join());
 * ```
 *
 * @param folder Folder to list.
 * @returns Paths of the notebooks, sorted.
 */
export async function listNotebooks(folder: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(folder)) {
      if (entry.isFile && entry.name.endsWith(".ipynb") && !entry.name.startsWith(".")) {
        names.push(entry.name);
      }
    }
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  return names.sort().map((name) => `${folder.replace(/\/+$/, "")}/${name}`);
}
