/**
 * Check results (drift, quality) laid out as table rows and cells for `showTable`: what
 * was measured, against what, the verdict, and the most telling detail in words.
 *
 * @module
 */
import type { CheckResult } from "../types.ts";

/**
 * One table row per check result, from {@linkcode resultRows}. A type alias, not an interface, so
 * that rows pass as `Record<string, unknown>` to `showTable` and `markdownTable`.
 */
export type ResultRow = {
  /** The method, e.g. `"missing_share"`, `"ks"`. */
  check: string;
  /** The column the result is about, `"(table)"` for table-wide checks. */
  column: string;
  /** The statistic, or `"error"` when it could not be computed. */
  statistic: number | string;
  /** The detection rule, e.g. `"> 0.05"` (threshold to at most 4 decimals). */
  "problem when": string;
  /** `"**yes**"` (bold in Markdown) when detected, else `"no"`. */
  detected: string;
  /** The most telling detail in words (see {@linkcode resultNote}); the reason of an error. */
  note: string;
};

/** The unseen values of an `unseen_category_share` result, as `2 × "x"`. */
function unseenNote(unseen: unknown): string {
  if (!Array.isArray(unseen)) return "";
  return (unseen as { value: string; count: number }[])
    .map((u) => `${u.count} × "${u.value}"`).join(", ");
}

/**
 * The most telling detail of a check result, in words, read from its `details`: the count behind a
 * quality share (`"15 repeated rows"`, `"2 below 1.1, 10 above 6.7"`), the schema problem, the
 * unseen categories; the p-value of a drift test (`"p = 0.0012"`); the `reason` of an error
 * result; `""` when there is nothing to add. O(details).
 *
 * @param result A drift or quality result.
 * @returns The note.
 * @example
 * ```ts
 * import { resultNote } from "./result_rows.ts";
 * const note = resultNote({
 *   kind: "quality", method: "duplicate_row_share", status: "ok", statistic: 0.2, threshold: 0.05,
 *   operator: ">", detected: true, nReference: 0, nCurrent: 10, details: { nDuplicates: 2 },
 * });
 * if (note !== "2 repeated rows") throw new Error(note);
 * ```
 */
export function resultNote(result: CheckResult): string {
  const d = result.details ?? {};
  if (result.status === "error") return result.reason ?? "";
  switch (result.method) {
    case "schema":
      return typeof d.message === "string" ? d.message : d.problem ? String(d.problem) : "";
    case "missing_share":
      return `${d.nMissing} missing`;
    case "out_of_range_share":
      return `${d.nBelow} below ${d.min}, ${d.nAbove} above ${d.max}`;
    case "duplicate_row_share":
      return `${d.nDuplicates} repeated rows`;
    case "row_count_change":
      return `${d.rows} rows, expected ${d.expected}`;
    case "majority_share":
      return d.value === null ? "" : `${d.count} × ${d.value}`;
    case "source_mismatch_share":
      return `${d.mismatches} differing values`;
    case "source_unmatched_share":
      return `${d.matched} rows matched one to one`;
    case "unseen_category_share":
      return unseenNote(d.unseen);
    default:
      return result.pValue === undefined ? "" : `p = ${formatSmall(result.pValue)}`;
  }
}

/**
 * Check results as table rows, one per result in input order: method, column, statistic, the
 * detection rule, the verdict and {@linkcode resultNote}. The statistic stays a number, so
 * `showTable`'s `digits` option rounds it. O(results).
 *
 * @param results Drift or quality results.
 * @returns The rows.
 * @example
 * ```ts
 * import { resultRows } from "./result_rows.ts";
 * const [row] = resultRows([{
 *   kind: "quality", method: "row_count_change", status: "ok", statistic: 0.76, threshold: 0.5,
 *   operator: ">", detected: true, nReference: 50, nCurrent: 12,
 *   details: { rows: 12, expected: 50 },
 * }]);
 * if (row!.column !== "(table)" || row!["problem when"] !== "> 0.5") throw new Error();
 * if (row!.detected !== "**yes**" || row!.note !== "12 rows, expected 50") throw new Error();
 * ```
 */
export function resultRows(results: readonly CheckResult[]): ResultRow[] {
  return results.map((r) => ({
    check: r.method,
    column: r.column ?? "(table)",
    statistic: r.status === "error" ? "error" : r.statistic,
    "problem when": `${r.operator} ${Number(r.threshold.toFixed(4))}`,
    detected: r.detected ? "**yes**" : "no",
    note: resultNote(r),
  }));
}

/** Three decimals, or one significant digit in exponent form below 0.001 (never a bare 0.000). */
function formatSmall(x: number): string {
  return Math.abs(x) >= 0.001 || x === 0 ? x.toFixed(3) : x.toExponential(1);
}

/**
 * One result as a compact table cell, for method × scenario grids: `"0.246 (p 0.003) ✔"` — the
 * statistic, the p-value when there is one, and ✔ when a problem was detected; `"error"` for an
 * error result. Numbers show 3 decimals, or one significant digit in exponent form below 0.001.
 * O(1).
 *
 * @param result A drift or quality result (only `status`, `statistic`, `pValue` and `detected`
 *   are read).
 * @returns The cell text.
 * @example
 * ```ts
 * import { resultCell } from "./result_rows.ts";
 * const cell = resultCell({ status: "ok", statistic: 0.31, pValue: 0.0002, detected: true });
 * if (cell !== "0.310 (p 2.0e-4) ✔") throw new Error(cell);
 * ```
 */
export function resultCell(
  result: Pick<CheckResult, "status" | "statistic" | "pValue" | "detected">,
): string {
  if (result.status === "error") return "error";
  const p = result.pValue === undefined ? "" : ` (p ${formatSmall(result.pValue)})`;
  return `${formatSmall(result.statistic)}${p}${result.detected ? " ✔" : ""}`;
}
