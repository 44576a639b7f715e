/**
 * The status page's "Recent runs" section: a sparkline of accuracy and failing checks over the
 * last snapshots (hand-drawn inline SVG: a few dozen points do not need Vega's 100 ms render) and
 * the same numbers as a table, newest first.
 *
 * @module
 */
import type { RunSummary } from "./run_trend.ts";
import { escapeHtml } from "./_escape_html.ts";

const WIDTH = 320;
const HEIGHT = 64;
/** Accuracy line and failing-check bars; kept apart from the charts' palette (lib/charts/theme). */
const ACCURACY_COLOR = "#1f2937";
const FAILING_COLOR = "#f4b4b4";

function formatAccuracy(value: number | undefined): string {
  return value === undefined ? "" : value.toFixed(3);
}

/**
 * The sparkline: one failing-checks bar per run (height = share of checks failing) under the
 * accuracy line (0 at the bottom, 1 at the top). Cost O(summaries).
 *
 * @param summaries Oldest first.
 * @returns An `<svg>` element, empty when there are no summaries.
 * @example
 * ```ts
 * import { trendSparkline } from "./status_trend.ts";
 * const svg = trendSparkline([{ run: 1, finishedAt: "t", accuracy: 1, failing: 1, checks: 2 }]);
 * if (!svg.includes("<rect") || !svg.includes("<polyline")) throw new Error(svg);
 * ```
 */
export function trendSparkline(summaries: readonly RunSummary[]): string {
  if (summaries.length === 0) return "";
  const step = WIDTH / summaries.length;
  const bars = summaries.map((s, i) => {
    const h = s.checks === 0 ? 0 : (HEIGHT * s.failing) / s.checks;
    return `<rect x="${(i * step + 1).toFixed(1)}" y="${(HEIGHT - h).toFixed(1)}" ` +
      `width="${Math.max(step - 2, 1).toFixed(1)}" height="${
        h.toFixed(1)
      }" fill="${FAILING_COLOR}">` +
      `<title>run ${s.run}: ${s.failing} of ${s.checks} checks failing</title></rect>`;
  });
  const points = summaries.flatMap((s, i) =>
    s.accuracy === undefined || !Number.isFinite(s.accuracy)
      ? []
      : [`${((i + 0.5) * step).toFixed(1)},${(HEIGHT * (1 - s.accuracy)).toFixed(1)}`]
  );
  const line = points.length === 0 ? "" : `<polyline points="${points.join(" ")}" fill="none" ` +
    `stroke="${ACCURACY_COLOR}" stroke-width="2"/>`;
  return `<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" ` +
    `height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Accuracy ` +
    `(line) and share of checks failing (bars) over the last ${summaries.length} runs">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f6f8fa"/>${bars.join("")}${line}</svg>`;
}

/**
 * The "Recent runs" section: sparkline, legend and a table of the runs, newest first. Cost
 * O(summaries).
 *
 * @param summaries Oldest first (as `RunTrend.summaries()` returns them).
 * @returns HTML, or "" when there are no summaries yet.
 * @example
 * ```ts
 * import { trendSection } from "./status_trend.ts";
 * const html = trendSection([
 *   { run: 1, finishedAt: "t1", accuracy: 0.9, failing: 0, checks: 2 },
 *   { run: 2, finishedAt: "t2", accuracy: 0.5, failing: 2, checks: 2 },
 * ]);
 * if (html.indexOf("<td>2</td>") > html.indexOf("<td>1</td>")) throw new Error("newest first");
 * ```
 */
export function trendSection(summaries: readonly RunSummary[]): string {
  if (summaries.length === 0) return "";
  const rows = [...summaries].reverse().map((s) =>
    `<tr class="${s.failing > 0 ? "fail" : "pass"}">` +
    [String(s.run), s.finishedAt, formatAccuracy(s.accuracy), `${s.failing} of ${s.checks}`]
      .map((t) => `<td>${escapeHtml(t)}</td>`).join("") +
    "</tr>"
  );
  return `<section id="trend"><h2>Recent runs (last ${summaries.length})</h2>` +
    `${trendSparkline(summaries)}<p class="legend">Line: accuracy (0–1); bars: share of checks ` +
    `failing.</p><table><thead><tr><th>run</th><th>finished</th><th>accuracy</th>` +
    `<th>checks failing</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}
