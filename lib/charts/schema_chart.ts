/**
 * The type of each column in the reference and in a window, with the schema problems marked.
 *
 * @module
 */
import { finishSpec, okDetectedColor } from "./_spec.ts";
import type { ChartOptions, VegaLiteSpec } from "./theme.ts";

/** One column's type in the reference and in the window. */
export interface SchemaInput {
  /** Column name. */
  column: string;
  /** The type in the reference, e.g. `"number"`; `null` when the column is new in the window. */
  expected: string | null;
  /** The type in the window; `null` when the column is missing from the window. */
  found: string | null;
  /** What went wrong, in a few words, e.g. `'"n/a" in row 4'`. @default the problem's name */
  note?: string;
}

/** A column's schema status. */
type SchemaStatus = "consistent" | "mistyped" | "missing" | "unexpected";

/** The status of one column: missing, unexpected, mistyped or consistent. */
function statusOf(r: SchemaInput): SchemaStatus {
  if (r.expected === null && r.found === null) {
    throw new TypeError(
      `Schema chart column "${r.column}" has neither an expected nor a found type`,
    );
  }
  if (r.found === null) return "missing";
  if (r.expected === null) return "unexpected";
  return r.expected === r.found ? "consistent" : "mistyped";
}

/**
 * Builds a grid with one row per column (input order) and three cells: the type in the reference,
 * the type in the window (`—` when absent) and the verdict (`ok`, or the problem and its note).
 * Rows with a problem — a missing, unexpected or mistyped column — are red, consistent rows green,
 * so the one broken column stands out among many. Cost O(columns).
 *
 * @param columns One entry per column.
 * @param options Title and size (default width 420, height 28 px per column, at least 84).
 * @returns A Vega-Lite layered spec (rect and text marks) with explicit width and height.
 * @throws {TypeError} If an entry has neither an expected nor a found type (the message names the
 *   column).
 *
 * @example
 * ```ts
 * import { schemaChart } from "./schema_chart.ts";
 * const spec = schemaChart([
 *   { column: "age", expected: "number", found: "string", note: '"n/a" in row 4' },
 *   { column: "city", expected: "string", found: "string" },
 * ]) as { data: { values: { column: string; cell: string; text: string }[] } };
 * const verdicts = spec.data.values.filter((v) => v.cell === "Verdict").map((v) => v.text);
 * if (verdicts.join() !== 'mistyped: "n/a" in row 4,ok') throw new Error(verdicts.join());
 * ```
 */
export function schemaChart(
  columns: readonly SchemaInput[],
  options: ChartOptions = {},
): VegaLiteSpec {
  const values = columns.flatMap((r) => {
    const status = statusOf(r);
    const verdict = status === "consistent"
      ? "ok"
      : r.note === undefined
      ? status
      : `${status}: ${r.note}`;
    const problem = status === "consistent" ? "Consistent" : "Problem";
    return [
      { column: r.column, cell: "Reference", text: r.expected ?? "—", problem },
      { column: r.column, cell: "Window", text: r.found ?? "—", problem },
      { column: r.column, cell: "Verdict", text: verdict, problem },
    ];
  });
  const body = {
    data: { values },
    encoding: {
      x: {
        field: "cell",
        type: "nominal",
        sort: ["Reference", "Window", "Verdict"],
        title: null,
        axis: { orient: "top", labelAngle: 0, domain: false, ticks: false },
      },
      y: {
        field: "column",
        type: "nominal",
        sort: columns.map((r) => r.column),
        title: "Column",
      },
    },
    layer: [
      {
        mark: { type: "rect", opacity: 0.35, stroke: "white", strokeWidth: 2 },
        encoding: {
          color: okDetectedColor("problem", ["Consistent", "Problem"], "bottom"),
        },
      },
      { mark: { type: "text", fontSize: 11 }, encoding: { text: { field: "text" } } },
    ],
  };
  const height = options.height ?? Math.max(84, 28 * columns.length);
  return finishSpec(body, "Column types: reference and window", {
    width: 420,
    height,
    ...options,
  });
}
