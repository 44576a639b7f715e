/**
 * The exporter's `/` page. It leads with the verdict (how many checks fail, which, and since which
 * run), then the last run, the checks table, the charts (inline SVG) and the recent trend. Built
 * once per run by the exporter and served as a cached string.
 *
 * @module
 */
import process from "node:process";
import type { Snapshot } from "../monitor/types.ts";
import { escapeHtml } from "./_escape_html.ts";
import { checkKey, type FailingSince, type RunSummary } from "./run_trend.ts";
import { trendSection } from "./status_trend.ts";

/**
 * The status page's charts (`status_charts.ts`), loaded on first use: importing Vega-Lite prints
 * Node's one-off `punycode` deprecation warning, which has no place in the exporter's log (same
 * guard as lib/notebook/render.ts uses for Vega).
 *
 * @param snapshot The snapshot to chart.
 * @returns Inline SVG documents.
 */
export async function loadSnapshotCharts(snapshot: Snapshot): Promise<string[]> {
  const flags = process as unknown as { noDeprecation?: boolean };
  const previous = flags.noDeprecation;
  flags.noDeprecation = true;
  try {
    const { snapshotCharts } = await import("./status_charts.ts");
    return await snapshotCharts(snapshot);
  } finally {
    flags.noDeprecation = previous ?? false;
  }
}

/** What the page shows. */
export interface StatusPageInput {
  monitor: string;
  /** Inline SVG documents, rendered once per snapshot. */
  charts: readonly string[];
  snapshot?: Snapshot;
  lastRun?: { ok: boolean; finishedAtMs: number; durationSeconds: number; error?: string };
  /** Summaries of the last good snapshots, oldest first. @default no trend section */
  trend?: readonly RunSummary[];
  /** Where each failing check's streak began, by `checkKey`. @default "since" unknown */
  failingSince?: ReadonlyMap<string, FailingSince>;
  /**
   * How a failed run's error is shown: every error on the page goes through this one function,
   * so a caller can hide raw error text (paths, values) from some viewers.
   * @default the error text itself
   */
  renderError?: (error: string) => string;
}

function formatNumber(value: number | undefined): string {
  if (value === undefined) return "";
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}

function checksTable(snapshot: Snapshot): string {
  const rows = snapshot.checks.map((c) => {
    const labels = Object.entries(c.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(", ");
    const cells = [
      c.name,
      labels ? `${c.metric} {${labels}}` : c.metric,
      formatNumber(c.value),
      `${c.operator} ${formatNumber(c.threshold)}`,
      c.outcome,
      c.message,
    ].map((t) => `<td>${escapeHtml(t)}</td>`);
    return `<tr class="${escapeHtml(c.outcome)}">${cells.join("")}</tr>`;
  });
  return `<table id="checks"><thead><tr><th>check</th><th>metric</th><th>value</th>` +
    `<th>must be</th><th>outcome</th><th>message</th></tr></thead><tbody>${rows.join("")}` +
    `</tbody></table>`;
}

function sinceText(since: FailingSince | undefined, snapshot: Snapshot): string {
  if (since === undefined) return "";
  return since.run === snapshot.run
    ? ` — failing since this run (${since.finishedAt})`
    : ` — failing since run ${since.run} (${since.finishedAt})`;
}

/**
 * The verdict: the state of the model's checks in the last good snapshot, which is what the page
 * is for (a run that succeeded can still find every check failing).
 */
function verdict(input: StatusPageInput): string {
  const s = input.snapshot;
  if (s === undefined) {
    return `<section id="verdict" class="unknown"><h2>No verdict yet: no successful run</h2>` +
      `</section>`;
  }
  const failing = s.checks.filter((c) => c.outcome === "fail");
  const total = s.checks.length;
  if (failing.length === 0) {
    return `<section id="verdict" class="pass"><h2>All ${total} checks pass</h2>` +
      `<p>As of run ${s.run}, ${escapeHtml(s.finishedAt)}.</p></section>`;
  }
  const items = failing.map((c) => {
    const key = checkKey(c);
    return `<li><b class="check">${escapeHtml(key)}</b>: ${escapeHtml(c.message)}` +
      `<span class="since">${escapeHtml(sinceText(input.failingSince?.get(key), s))}</span></li>`;
  });
  return `<section id="verdict" class="fail"><h2>${failing.length} of ${total} checks failing` +
    `</h2><p>As of run ${s.run}, ${escapeHtml(s.finishedAt)}:</p><ul>${items.join("")}</ul>` +
    `</section>`;
}

function runLine(input: StatusPageInput): string {
  const run = input.lastRun;
  if (run === undefined) return `<p id="last-run">First run in progress…</p>`;
  const when = new Date(run.finishedAtMs).toISOString();
  if (run.ok) {
    return `<p id="last-run">Last run completed at ${when} in ${
      run.durationSeconds.toFixed(3)
    } s.` +
      `</p>`;
  }
  const error = (input.renderError ?? ((e: string) => e))(run.error ?? "unknown error");
  const stale = input.snapshot === undefined
    ? ""
    : ` The verdict above is from run ${input.snapshot.run}, the last that succeeded.`;
  return `<p id="last-run" class="error">Last run failed: ${
    escapeHtml(error)
  } (at ${when}, after ` +
    `${run.durationSeconds.toFixed(3)} s).${stale}</p>`;
}

/**
 * Renders the status page: verdict, last run, checks table, charts, recent trend. Cost
 * O(checks + trend + total SVG length).
 *
 * @example
 * ```ts
 * import { renderStatusPage } from "./status_page.ts";
 * const html = renderStatusPage({ monitor: "iris <demo>", charts: [] });
 * if (!html.includes("iris &#60;demo&#62;")) throw new Error(html);
 * ```
 */
export function renderStatusPage(input: StatusPageInput): string {
  const s = input.snapshot;
  const summary = s === undefined ? "" : [
    `<p>Model <b>${escapeHtml(s.model.name)}</b> ${escapeHtml(s.model.version)} — run ${s.run},`,
    ` ${s.rows} rows, finished ${escapeHtml(s.finishedAt)}.</p>`,
    checksTable(s),
  ].join("");
  const charts = input.charts.map((svg) => `<figure>${svg}</figure>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="30">
<title>Vigil — ${escapeHtml(input.monitor)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}.pass{color:#1a7f37}
.warn{color:#9a6700}.fail,.error{color:#cf222e}figure{display:inline-block;margin:1em}
#verdict{border-left:.4em solid #888;padding:.2em 1em;margin-bottom:1em}
#verdict.pass{border-color:#1a7f37}#verdict.fail{border-color:#cf222e;background:#fff5f5}
#verdict li{color:#222}.since{color:#555}</style>
</head><body><h1>Vigil — ${escapeHtml(input.monitor)}</h1>
${verdict(input)}${runLine(input)}${summary}${charts}${trendSection(input.trend ?? [])}
<p><a href="/metrics">/metrics</a> · <a href="/healthz">/healthz</a></p></body></html>
`;
}
