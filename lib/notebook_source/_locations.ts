/**
 * Private helper of `source.ts`: maps lines of a generated notebook module back to notebook cells
 * and rewrites compiler and runtime messages accordingly. Public names are re-exported by
 * `source.ts`.
 *
 * @module
 */

/** Where one cell's source sits in the generated module. */
export interface CellSpan {
  /** 1-based index of the cell among ALL cells of the notebook (markdown included). */
  readonly cell: number;
  /** 1-based line of the module where the cell's first source line is. */
  readonly start: number;
  /** Number of source lines of the cell. */
  readonly lines: number;
}

/** Line map of a generated module: which module lines came from which cell. */
export interface LineMap {
  /** The notebook's path as given to `notebookToModule`. */
  readonly notebook: string;
  /** One span per included code cell, in module order. */
  readonly spans: readonly CellSpan[];
}

/** A position inside a notebook: cell index among all cells, line and column inside the cell. */
export interface NotebookLocation {
  /** Notebook path. */
  readonly notebook: string;
  /** 1-based index among all cells (markdown included), as in `// %% cell N`. */
  readonly cell: number;
  /** 1-based line inside the cell. */
  readonly line: number;
  /** 1-based column (unchanged from the module). */
  readonly column: number;
}

/**
 * Maps a line (and column) of a generated module back to the notebook cell it came from.
 *
 * Cost: O(log c) for c cells (binary search over the spans).
 *
 * @example
 * ```ts
 * import { mapLocation } from "./source.ts";
 * const map = { notebook: "a.ipynb", spans: [{ cell: 2, start: 3, lines: 4 }] };
 * const loc = mapLocation(map, 5, 7);
 * if (loc?.cell !== 2 || loc.line !== 3 || loc.column !== 7) throw new Error();
 * if (mapLocation(map, 1, 1) !== undefined) throw new Error();
 * ```
 *
 * @param lineMap The module's line map (from `notebookToModule`).
 * @param line 1-based line in the module.
 * @param column 1-based column in the module. @default 1
 * @returns The notebook location, or `undefined` for lines that belong to no cell (header, markers).
 */
export function mapLocation(
  lineMap: LineMap,
  line: number,
  column = 1,
): NotebookLocation | undefined {
  const spans = lineMap.spans;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as CellSpan;
    if (line < span.start) hi = mid - 1;
    else if (line >= span.start + span.lines) lo = mid + 1;
    else {return {
        notebook: lineMap.notebook,
        cell: span.cell,
        line: line - span.start + 1,
        column,
      };}
  }
  return undefined;
}

/**
 * Formats a location as `notebook X, cell N, line M, column C`.
 *
 * @example
 * ```ts
 * import { formatLocation } from "./source.ts";
 * const text = formatLocation({ notebook: "a.ipynb", cell: 3, line: 2, column: 5 });
 * if (text !== "notebook a.ipynb, cell 3, line 2, column 5") throw new Error(text);
 * ```
 *
 * @param location A notebook location.
 * @returns Human-readable text.
 */
export function formatLocation(location: NotebookLocation): string {
  const { notebook, cell, line, column } = location;
  return `notebook ${notebook}, cell ${cell}, line ${line}, column ${column}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Result of {@linkcode rewriteLocations}. */
export interface RewrittenText {
  /** The text with every `module:line:column` reference replaced by a notebook location. */
  readonly text: string;
  /** The first location found, if any (usually the failing statement). */
  readonly first: NotebookLocation | undefined;
}

/**
 * Replaces references to a generated module (`file:///…/.x.gen.ts:12:5` or the plain path) in
 * compiler output or a stack trace by `notebook X, cell N, line M, column C`.
 *
 * Cost: O(length of text).
 *
 * @example
 * ```ts
 * import { rewriteLocations } from "./source.ts";
 * const map = { notebook: "a.ipynb", spans: [{ cell: 3, start: 4, lines: 2 }] };
 * const out = rewriteLocations("at file:///x/.a.gen.ts:5:9", "/x/.a.gen.ts", map);
 * if (out.text !== "at notebook a.ipynb, cell 3, line 2, column 9") throw new Error(out.text);
 * ```
 *
 * @param text Compiler output or stack trace.
 * @param modulePath Absolute path of the generated module.
 * @param lineMap The module's line map.
 * @returns The rewritten text and the first location.
 */
export function rewriteLocations(
  text: string,
  modulePath: string,
  lineMap: LineMap,
): RewrittenText {
  const url = new URL(`file://${modulePath}`).href;
  const names = [url, modulePath].map(escapeRegExp).join("|");
  const pattern = new RegExp(`(?:${names}):(\\d+)(?::(\\d+))?`, "g");
  let first: NotebookLocation | undefined;
  const rewritten = text.replace(pattern, (whole, line: string, column: string | undefined) => {
    const loc = mapLocation(lineMap, Number(line), column === undefined ? 1 : Number(column));
    if (!loc) return whole;
    first ??= loc;
    return formatLocation(loc);
  });
  return { text: rewritten, first };
}

/**
 * A notebook failed to type-check or to run; `location` points at the failing cell and line.
 * Callers (test harnesses, the exporter) catch it to report the location.
 *
 * @example Catching it and reading the location
 * ```ts
 * import { NotebookError } from "./source.ts";
 * const location = { notebook: "nb.ipynb", cell: 3, line: 2, column: 5 };
 * const cause = new RangeError("Bad bins");
 * let caught: unknown;
 * try {
 *   throw new NotebookError("Failed at nb.ipynb, cell 3, line 2: RangeError: Bad bins", {
 *     location,
 *     cause,
 *   });
 * } catch (e) {
 *   caught = e;
 * }
 * if (!(caught instanceof NotebookError) || caught.name !== "NotebookError") throw new Error();
 * if (caught.location?.cell !== 3 || caught.location.line !== 2 || caught.cause !== cause) {
 *   throw new Error("location and cause kept");
 * }
 * if (new NotebookError("Does not type-check").location !== undefined) throw new Error();
 * ```
 */
export class NotebookError extends Error {
  /** Always `"NotebookError"`. */
  override name = "NotebookError";
  /** The first notebook location of the failure, when the failure is inside a cell. */
  readonly location: NotebookLocation | undefined;

  /**
   * Creates the error.
   *
   * @param message Message (already naming the notebook, cell and line).
   * @param options `location` of the failure and the original error as `cause`.
   */
  constructor(
    message: string,
    options: { location?: NotebookLocation | undefined; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.location = options.location;
  }
}
