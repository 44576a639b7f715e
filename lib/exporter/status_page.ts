/**
 * The exporter's `/` page: the last snapshot's checks as a table and its charts as inline SVG.
 * Built once per run by the exporter and served as a cached string.
 *
 * @module
 */
import process from "node:process";
import type { Snapshot } from "../monitor/types.ts";

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
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
  return `<table><thead><tr><th>check</th><th>metric</th><th>value</th><th>must be</th>` +
    `<th>outcome</th><th>message</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function runLine(input: StatusPageInput): string {
  const run = input.lastRun;
  if (run === undefined) return "<p>First run in progress…</p>";
  const when = new Date(run.finishedAtMs).toISOString();
  const state = run.ok ? "succeeded" : `failed: ${run.error ?? "unknown error"}`;
  return `<p class="${run.ok ? "pass" : "fail"}">Last run ${escapeHtml(state)} at ${when} ` +
    `in ${run.durationSeconds.toFixed(3)} s.</p>`;
}

/**
 * Renders the status page. Cost O(checks + total SVG length).
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
  const summary = s === undefined ? "<p>No successful run yet.</p>" : [
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
.warn{color:#9a6700}.fail,.error{color:#cf222e}figure{display:inline-block;margin:1em}</style>
</head><body><h1>Vigil — ${escapeHtml(input.monitor)}</h1>
${runLine(input)}${summary}${charts}
<p><a href="/metrics">/metrics</a> · <a href="/healthz">/healthz</a></p></body></html>
`;
}
