/**
 * Markdown tables from rows of values, for notebook output and plain-text logs.
 *
 * @module
 */

/** Options of {@linkcode markdownTable}. */
export interface MarkdownTableOptions {
  /** Columns to show, in order. @default the keys of all rows, in first-seen order */
  columns?: readonly string[];
  /** Decimal places of non-integer numbers. @default 4 */
  digits?: number;
}

/**
 * Formats one cell value as Markdown-safe text:
 * - integers as they are (`150`), other finite numbers with `digits` decimals (`0.1235`), and
 *   non-zero numbers that would round to zero in exponent form (`1.234e-7`, so tiny p-values stay
 *   visible); `NaN` as `"NaN"` (an undefined statistic, not a missing value); ±Infinity as
 *   `"Infinity"` / `"-Infinity"`; `-0` as `0`;
 * - `null` and `undefined` as `"—"` (missing);
 * - dates as ISO 8601, booleans and strings as text, other objects as JSON;
 * - pipes escaped (`\|`), backslashes doubled and line breaks replaced by spaces, so a cell never
 *   breaks the table.
 *
 * @param value Any cell value.
 * @param digits Decimal places for non-integer numbers.
 * @returns The cell text.
 *
 * @example
 * ```ts
 * import { formatCell } from "./markdown.ts";
 * if (formatCell(2 / 3, 4) !== "0.6667") throw new Error("fixed digits");
 * if (formatCell("a|b", 4) !== "a\\|b") throw new Error("pipe");
 * if (formatCell(null, 4) !== "—") throw new Error("missing");
 * ```
 */
export function formatCell(value: unknown, digits: number): string {
  let text: string;
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") {
    if (Number.isNaN(value)) text = "NaN";
    else if (!Number.isFinite(value)) text = value > 0 ? "Infinity" : "-Infinity";
    else if (Number.isInteger(value)) text = Object.is(value, -0) ? "0" : String(value);
    else if (Math.abs(value) < 0.5 * 10 ** -digits) {
      text = value.toExponential(Math.max(digits - 1, 0));
    } else text = value.toFixed(digits);
  } else if (typeof value === "bigint") {
    text = value.toString();
  } else if (value instanceof Date) {
    text = Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  } else if (typeof value === "object") {
    text = JSON.stringify(value) ?? String(value);
  } else {
    text = String(value);
  }
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
}

/**
 * Builds a GitHub-flavoured Markdown table from rows. Columns whose values are all numbers (or
 * missing) are right-aligned. Cells follow {@linkcode formatCell}: NaN prints as `NaN`, missing
 * values (null, undefined, absent keys) as `—`. Cost O(rows × columns).
 *
 * @param rows One object per row.
 * @param options Columns and digits.
 * @returns The table text (header, separator and one line per row), without a trailing newline;
 *   `""` when there are no columns.
 * @throws {RangeError} If `digits` is not an integer in [0, 20].
 *
 * @example
 * ```ts
 * import { markdownTable } from "./markdown.ts";
 * const md = markdownTable([{ feature: "a|b", psi: 0.123456 }]);
 * if (md !== "| feature | psi |\n| --- | ---: |\n| a\\|b | 0.1235 |") throw new Error(md);
 * ```
 */
export function markdownTable(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: MarkdownTableOptions = {},
): string {
  const digits = options.digits ?? 4;
  if (!(Number.isInteger(digits) && digits >= 0 && digits <= 20)) {
    throw new RangeError(`Table digits must be an integer from 0 to 20, got ${digits}`);
  }
  const columns = options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (columns.length === 0) return "";
  const numeric = columns.map((c) =>
    rows.some((r) => typeof r[c] === "number") &&
    rows.every((r) => typeof r[c] === "number" || r[c] === null || r[c] === undefined)
  );
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(columns.map((c) => formatCell(c, digits))),
    line(numeric.map((n) => (n ? "---:" : "---"))),
    ...rows.map((r) => line(columns.map((c) => formatCell(r[c], digits)))),
  ].join("\n");
}
